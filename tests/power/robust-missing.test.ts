/**
 * Monte Carlo power with a robust estimator (--estimator MLR) and cells missing completely at
 * random (--missing RATE, FIML), on a small one-factor model so that the runs stay short.
 * Known answers used (each with its source):
 *  - MLR's estimates are ML's (the estimator changes only the standard errors: lavaan's MLR is the
 *    ML fit with a Huber-White sandwich), so bias is the same to rounding;
 *  - under normal data the sandwich and the inverse information estimate the same covariance
 *    (Browne 1984; White 1982), so MLR's mean SE is within a few percent of ML's at N = 200;
 *  - FIML on complete data is the ML fit with a saturated mean structure: the same estimates of
 *    the covariance parameters (Arbuckle 1996), hence the same bias with --missing 0;
 *  - missing cells lose information: the mean SE with 25% MCAR cells exceeds the complete-data one;
 *  - the share of cells set missing is binomial(cells, rate): within 3 binomial SDs.
 */
import path from "node:path";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { monteCarloPower } from "../../src/node.js";
import type { MonteCarloResult } from "../../src/power/montecarlo-run.js";
import { dropCompletelyAtRandom } from "../../src/power/fit-rows.js";
import { expectBadInput, tmpWriter } from "../cli/expect-bad.js";
import { run } from "../cli/run.js";

const MODEL = "F =~ y1 + y2 + y3 + y4\n";
const POPULATION =
  "F =~ 0.8*y1 + 0.7*y2 + 0.6*y3 + 0.3*y4\nF ~~ 1*F\n" + "y1 ~~ 0.36*y1\ny2 ~~ 0.51*y2\ny3 ~~ 0.64*y3\ny4 ~~ 0.91*y4\n";

const base = { model: MODEL, population: POPULATION, n: 200, reps: 12, seed: 17, workers: 1 } as const;
const key = (r: { lhs: string; op: string; rhs: string }): string => `${r.lhs} ${r.op} ${r.rhs}`;
const meanSeRatio = (a: MonteCarloResult, b: MonteCarloResult, k: string): number =>
  a.rows.find((r) => key(r) === k)!.meanSe / b.rows.find((r) => key(r) === k)!.meanSe;

describe("Monte Carlo power with --estimator and --missing", () => {
  it("gives the same numbers for 1 and 2 threads with MLR and 10% missing cells", async () => {
    const o = { ...base, reps: 16, estimator: "MLR" as const, missing: 0.1 };
    const one = await monteCarloPower(o);
    const two = await monteCarloPower({ ...o, workers: 2 });
    expect(two.threads).toBe(2);
    expect(two.rows).toEqual(one.rows);
    expect(one.estimator).toBe("MLR");
    expect(one.missing).toEqual({ mechanism: "MCAR", rate: 0.1, method: "fiml" });
    expect(one.rows.every((r) => r.converged === 1)).toBe(true);
    // FIML's intercepts are not reported: the rows are the complete-data ML parameters
    const ml = await monteCarloPower({ ...base, reps: 2 });
    expect(one.rows.map(key)).toEqual(ml.rows.map(key));
  });

  it("MLR on normal data: ML's estimates and SEs close to ML's; --missing 0 is ML's fit", async () => {
    const ml = await monteCarloPower(base);
    const mlr = await monteCarloPower({ ...base, estimator: "MLR" });
    const zero = await monteCarloPower({ ...base, missing: 0 });
    for (const r of ml.rows) {
      const k = key(r);
      // same estimates: the same bias (MLR: the ML fit; FIML on complete data: ML's covariance estimates)
      expect(Math.abs(mlr.rows.find((x) => key(x) === k)!.bias - r.bias)).toBeLessThan(1e-6);
      expect(Math.abs(zero.rows.find((x) => key(x) === k)!.bias - r.bias)).toBeLessThan(1e-5);
      expect(Math.abs(meanSeRatio(mlr, ml, k) - 1), `MLR/ML mean SE of ${k}`).toBeLessThan(0.08);
      expect(Math.abs(meanSeRatio(zero, ml, k) - 1), `FIML/ML mean SE of ${k}`).toBeLessThan(0.02);
    }
    expect(zero.missing).toEqual({ mechanism: "MCAR", rate: 0, method: "fiml" });
  });

  it("25% MCAR cells give larger standard errors than complete data", async () => {
    const ml = await monteCarloPower(base);
    const miss = await monteCarloPower({ ...base, missing: 0.25 });
    for (const k of ["F =~ y2", "F =~ y3", "F =~ y4"]) expect(meanSeRatio(miss, ml, k)).toBeGreaterThan(1.05);
  });

  it("sets each cell missing with the given probability, leaving the other cells as drawn", () => {
    const X = Float64Array.from({ length: 20000 }, (_, i) => i);
    dropCompletelyAtRandom(X, 0.1, 99);
    const missing = X.filter(Number.isNaN).length;
    expect(Math.abs(missing / X.length - 0.1)).toBeLessThan(3 * Math.sqrt((0.1 * 0.9) / X.length));
    expect(X.every((x, i) => Number.isNaN(x) || x === i)).toBe(true);
  });
});

describe("isrs power --estimator, --missing, --chart", () => {
  const tmp = tmpWriter("isrs-power-");
  const model = tmp.file("model.lav", MODEL);
  const pop = tmp.file("population.lav", POPULATION);
  const mc = ["power", "--model", model, "--population", pop, "--n", "100,200", "--reps", "4", "--seed", "1"];

  it("says the estimator and the missing-data mechanism in JSON and text, and draws the curve", async () => {
    const svg = path.join(tmp.dir, "curve.svg");
    const j = await run(...mc, "--estimator", "mlr", "--missing", "0.1", "--format", "json", "--chart", svg);
    expect(j.stderr).toBe("");
    const out = JSON.parse(j.stdout) as MonteCarloResult;
    expect(out.estimator).toBe("MLR");
    expect(out.missing).toEqual({ mechanism: "MCAR", rate: 0.1, method: "fiml" });
    const drawn = fs.readFileSync(svg, "utf8");
    expect(drawn).toMatch(/^<svg/);
    expect(drawn).toContain("F =~ y2"); // the legend names the parameters (no regressions: the loadings)
    const t = await run(...mc, "--missing", "0.1");
    expect(t.stdout).toMatch(/estimator ML, 10\.0% of cells missing completely at random \(MCAR\), fitted by FIML/);
  });

  it("one line, exit 2, for bad values, and no file written", async () => {
    await expectBadInput([...mc, "--missing", "0.9"], /--missing 0.9: .* at least 0 and below 0.9/);
    await expectBadInput([...mc, "--missing", "-0.1"], /--missing -0.1: .* at least 0 and below 0.9/);
    await expectBadInput([...mc, "--missing", "x"], /--missing x: a number is needed/);
    await expectBadInput([...mc, "--estimator", "MLM", "--missing", "0.1"], /--estimator MLM needs complete data/);
    await expectBadInput([...mc, "--estimator", "WLS"], /--estimator WLS: use ML, MLM or MLR/);
    await expectBadInput([...mc, "--chart", path.join(tmp.dir, "c.png")], /--chart .*c\.png: .* ending in \.svg/);
    await expectBadInput(
      [...mc, "--chart", model.replace(/\.lav$/, ".svg"), "--out", model.replace(/\.lav$/, ".svg")],
      /is also the --out file/,
    );
    const before = fs.readFileSync(model, "utf8");
    const link = path.join(tmp.dir, "model-link.svg");
    fs.symlinkSync(model, link);
    await expectBadInput([...mc, "--chart", link], /--chart .*: is the model file/);
    expect(fs.readFileSync(model, "utf8")).toBe(before);
    await expectBadInput(
      ["power", "--df", "10", "--n", "100", "--rmsea0", ".05", "--rmsea-a", ".08", "--missing", "0.1"],
      /--missing is not used by RMSEA power/,
    );
  });
});
