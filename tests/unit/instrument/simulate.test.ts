/** The simulator: reproducible by seed, the population algebra, and the marginal distribution of the answers. */
import { describe, expect, it } from "vitest";
import {
  createRng,
  loadInstrument,
  populationModel,
  sampleCsv,
  simulate,
  thresholds,
} from "../../../src/instrument/index.js";
import { xoshiro128ss } from "../../../src/instrument/rng.js";
import { normalCdf } from "../../../src/sem/distributions/index.js";
import { withinSe } from "./helpers.js";

const instr = loadInstrument();

describe("the random generator", () => {
  it("xoshiro128** from the state (1, 2, 3, 4) gives 11520, 0, 5927040", () => {
    // Worked by hand from the reference algorithm (Blackman & Vigna 2018), result = rotl(s1 * 5, 7) * 9:
    // s1 = 2 -> rotl(10, 7) * 9 = 11520; the update gives s1 = 0 -> 0; then s1 = 1029 -> 5145 * 128 * 9 = 5927040.
    const next = xoshiro128ss(new Uint32Array([1, 2, 3, 4]));
    expect([next(), next(), next()]).toEqual([11520, 0, 5927040]);
  });

  it("normal deviates have mean 0 and variance 1 (within 4 standard errors at n = 200,000)", () => {
    const rng = createRng(7);
    const n = 200_000;
    let s = 0;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      s += z;
      ss += z * z;
    }
    const mean = s / n;
    const variance = ss / n - mean * mean;
    expect(withinSe(mean, 0, 1 / Math.sqrt(n))).toBe(true); // se of a mean: 1/sqrt(n)
    expect(withinSe(variance, 1, Math.sqrt(2 / n))).toBe(true); // se of a normal variance: sqrt(2/n)
  });
});

describe("simulate", () => {
  it("is reproducible by seed, and another seed gives other data", () => {
    const a = sampleCsv(instr, simulate(instr, { n: 40, seed: 11, missing: 0.05 }));
    const b = sampleCsv(instr, simulate(instr, { n: 40, seed: 11, missing: 0.05 }));
    const c = sampleCsv(instr, simulate(instr, { n: 40, seed: 12, missing: 0.05 }));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it("blanks answers without changing the others (MCAR drawn after the answers)", () => {
    const full = simulate(instr, { n: 300, seed: 5 });
    const holed = simulate(instr, { n: 300, seed: 5, missing: 0.1 });
    let blanks = 0;
    let changed = 0;
    holed.answers.forEach((row, r) =>
      row.forEach((x, j) => {
        if (x === null) blanks++;
        else if (x !== full.answers[r]![j]) changed++;
      }),
    );
    expect(changed).toBe(0);
    expect(blanks).toBe(holed.nMissing);
    // 7,500 cells at rate 0.1: expected 750, sd sqrt(7500 * 0.1 * 0.9) = 26
    expect(withinSe(blanks, 750, 26)).toBe(true);
  });

  it("writes ids F001.., the id column first, and reverse-keyed items mirrored", () => {
    const s = simulate(instr, { n: 3, seed: 1 });
    const csv = sampleCsv(instr, s).split("\n");
    expect(csv[0]).toBe(["firm_id", ...instr.items.map((i) => i.id)].join(","));
    expect(s.ids).toEqual(["F001", "F002", "F003"]);
    const j = instr.items.findIndex((i) => i.reverse);
    const t = thresholds(instr.population.categoryProbabilities.agreement7!);
    s.answers.forEach((row, r) => {
      const keyed = 1 + t.filter((c) => s.continuous[r * instr.items.length + j]! > c).length;
      expect(row[j]).toBe(8 - keyed);
    });
  });
});

describe("the population model", () => {
  const pm = populationModel(instr);
  const pop = instr.population;
  const at = (a: string, b: string) => pm.sigma[pm.items.indexOf(a) * pm.items.length + pm.items.indexOf(b)]!;

  it("implies the covariances of the path-tracing rules (closed form)", () => {
    const L = pop.loadings;
    const g = pop.secondOrder;
    const beta = (o: string, x: string) => pop.regressions.find((r) => r.outcome === o && r.predictor === x)!.beta;
    // same factor: lambda_i lambda_j
    expect(at("DET1", "DET2")).toBeCloseTo(L.DET1! * L.DET2!, 12);
    // two dimensions of ISRS: lambda lambda gamma gamma
    expect(at("DET1", "ANA1")).toBeCloseTo(L.DET1! * L.ANA1! * g.detection! * g.analysis!, 12);
    // dimension to outcome: lambda gamma beta lambda
    expect(at("RES1", "CLI1")).toBeCloseTo(L.RES1! * g.response! * beta("client", "ISRS") * L.CLI1!, 12);
    // client-employee through ISRS; business through both mediators
    const rCE = beta("client", "ISRS") * beta("employee", "ISRS");
    expect(at("CLI1", "EMP1")).toBeCloseTo(L.CLI1! * L.EMP1! * rCE, 12);
    const rCB = beta("business", "client") + beta("business", "employee") * rCE;
    expect(at("CLI2", "BUS1")).toBeCloseTo(L.CLI2! * L.BUS1! * rCB, 12);
    // residual variance of business: 1 - (b_c^2 + b_e^2 + 2 b_c b_e r_ce)
    const bc = beta("business", "client");
    const be = beta("business", "employee");
    expect(pm.psi.business).toBeCloseTo(1 - (bc * bc + be * be + 2 * bc * be * rCE), 12);
    expect(at("BUS3", "BUS3")).toBe(1);
  });

  it("discretises to the scale's category probabilities (within 4 binomial standard errors at n = 20,000)", () => {
    const n = 20_000;
    const s = simulate(instr, { n, seed: 99 });
    const j = instr.items.findIndex((i) => i.id === "RES2");
    const probs = pop.categoryProbabilities.agreement7!;
    const counts = new Array<number>(7).fill(0);
    for (const row of s.answers) counts[row[j]! - 1]!++;
    counts.forEach((c, k) => {
      const se = Math.sqrt((probs[k]! * (1 - probs[k]!)) / n);
      expect(withinSe(c / n, probs[k]!, se)).toBe(true);
    });
  });

  it("places the thresholds at the normal quantiles of the cumulative probabilities", () => {
    const probs = pop.categoryProbabilities.competitors7!;
    let cum = 0;
    thresholds(probs).forEach((t, k) => {
      cum += probs[k]!;
      expect(normalCdf(t)).toBeCloseTo(cum, 10);
    });
  });
});
