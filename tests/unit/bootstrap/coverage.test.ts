/**
 * The percentile interval of a mean covers the truth at about the nominal rate: M = 400
 * simulated normal samples (n = 100, μ = 5, σ = 2), each bootstrapped B = 100 times through the
 * whole engine (bootstrapModel on the model `y ~ 1; y ~~ y`, whose intercept is the mean),
 * counting the 95% percentile intervals that contain μ = 5.
 *
 * Acceptance band: if the coverage were exactly 0.95, the count K of covering intervals would be
 * Binomial(400, 0.95) (sd 4.4); the band is its central 99% range, computed below from the
 * binomial distribution: K from 368 to 390 (R: qbinom(c(0.005, 0.995), 400, 0.95)), i.e. 0.92
 * to 0.975. The percentile interval of a mean is slightly narrow in small samples (about
 * x̄ ± 1.96·σ̂_N/√n, coverage near P(|t₉₉| ≤ 1.96·√(99/100)) ≈ 0.946, a little lower with
 * B = 100), inside the band, while a 90% interval (K ≈ 360) or a resampling that ignored part of
 * the data falls outside. B = 100 keeps the test fast; the interval endpoints are then noisier,
 * which lowers the coverage by well under a point. The simulation is seeded, so the test is
 * deterministic.
 */
import { describe, expect, it } from "vitest";
import { bootstrapModel } from "../../../src/sem/bootstrap/index.js";
import { RandomStream, STREAM_PURPOSE } from "../../../src/sem/bootstrap/prng.js";
import type { DataTable } from "../../../src/sem/data/index.js";
import { fitModel } from "../../../src/sem/fit-model.js";
import { parseModel } from "../../../src/sem/syntax/index.js";

const M = 400;
const N = 100;
const B = 100;
const MU = 5;
const SIGMA = 2;
const NOMINAL = 0.95;

/** log of the Binomial(m, p) probability of k. */
function logBinom(k: number, m: number, p: number): number {
  let lc = 0;
  for (let i = 1; i <= k; i++) lc += Math.log((m - k + i) / i);
  return lc + k * Math.log(p) + (m - k) * Math.log(1 - p);
}

/**
 * Central range [lo, hi] of Binomial(m, p) holding at least `mass` of the probability (tails ≤ (1 − mass)/2
 * each).
 */
function binomialBand(m: number, p: number, mass: number): [number, number] {
  const probs = Array.from({ length: m + 1 }, (_, k) => Math.exp(logBinom(k, m, p)));
  const tail = (1 - mass) / 2;
  let lo = 0; // smallest k with P(K <= k) > tail
  for (let below = probs[0]!; below <= tail; below += probs[lo]!) lo++;
  let hi = m; // largest k with P(K >= k) > tail
  for (let above = probs[m]!; above <= tail; above += probs[hi]!) hi--;
  return [lo, hi];
}

/** n normal draws by the Box–Muller transform on the data set's own stream. */
function normalSample(index: number): number[] {
  const s = new RandomStream(20261122, index, STREAM_PURPOSE.test);
  const out: number[] = [];
  while (out.length < N) {
    const u1 = 1 - s.uniform();
    const u2 = s.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    out.push(MU + SIGMA * r * Math.cos(2 * Math.PI * u2), MU + SIGMA * r * Math.sin(2 * Math.PI * u2));
  }
  return out.slice(0, N);
}

function table(y: number[]): DataTable {
  return {
    file: "<simulated>",
    columns: ["y"],
    rows: y.map((v) => [String(v)]),
    lineOf: y.map((_, i) => i + 2),
    delimiter: ",",
    decimal: ".",
  };
}

describe("coverage of the bootstrap percentile interval", () => {
  const [lo, hi] = binomialBand(M, NOMINAL, 0.99);

  it("the band is the central 99% of Binomial(400, 0.95) (R: qbinom) and rejects counts just outside it", () => {
    expect([lo, hi]).toEqual([368, 390]);
    const inBand = (k: number): boolean => k >= lo && k <= hi;
    expect(inBand(lo - 1) || inBand(hi + 1)).toBe(false);
    expect(inBand(lo) && inBand(hi)).toBe(true);
  });

  it(`covers the mean in ${M} seeded simulations within the binomial band`, async () => {
    const syntax = parseModel("y ~ 1\ny ~~ y\n", { file: "<mean>" });
    let covered = 0;
    for (let d = 0; d < M; d++) {
      const input = { syntax, data: table(normalSample(d)) };
      const fit = await fitModel(input);
      const res = await bootstrapModel(fit, { bootstrap: B, seed: d, workers: 1, jackknife: false });
      const row = res.parameters.find((r) => r.op === "~1")!;
      if (row["ci.lower"]! <= MU && MU <= row["ci.upper"]!) covered++;
      expect(row["ci.lower"]).toBe(res.bootstrap!.parameters.find((r) => r.op === "~1")!["ci.perc.lower"]);
      expect(res.bootstrap!.draws.successful).toBe(B);
    }
    console.log(`coverage ${covered}/${M}`);
    expect(covered).toBeGreaterThanOrEqual(lo);
    expect(covered).toBeLessThanOrEqual(hi);
  });
});
