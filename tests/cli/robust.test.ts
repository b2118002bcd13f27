/**
 * `isrs fit --estimator MLR|MLM` as a user runs it. Expected numbers are lavaan 0.6.14's
 * (tests/parity/lavaan-0.6.14/hs-cfa-mlr and hs-cfa-mlm, lavaan.json), read from those files
 * or, for the printed summary, lavaan's values rounded to three decimals.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

const dir = (c: string): string => `tests/parity/lavaan-0.6.14/${c}`;
const fitOf = (c: string): Record<string, number> =>
  (JSON.parse(fs.readFileSync(`${dir(c)}/lavaan.json`, "utf8")) as { fit: Record<string, number> }).fit;

describe("isrs fit with a robust estimator", () => {
  it("MLR: prints lavaan's Standard and Scaled columns, the robust indices and the sandwich", async () => {
    const r = await run(
      "fit",
      `${dir("hs-cfa-mlr")}/data.csv`,
      "--model",
      `${dir("hs-cfa-mlr")}/model.lav`,
      "--estimator",
      "MLR",
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    // lavaan: chisq 85.306, scaled 87.132, c = 0.979; CFI 0.931 / 0.925, robust 0.930; RMSEA robust 0.092
    expect(r.stdout).toMatch(/Standard\s+Scaled/);
    expect(r.stdout).toMatch(/Test Statistic\s+85\.306\s+87\.132/);
    expect(r.stdout).toMatch(/Scaling correction factor\s+0\.979\n\s+Yuan-Bentler correction \(Mplus variant\)/);
    expect(r.stdout).toMatch(/Comparative Fit Index \(CFI\)\s+0\.931\s+0\.925/);
    expect(r.stdout).toMatch(/Robust Comparative Fit Index \(CFI\)\s+0\.930/);
    expect(r.stdout).toMatch(/Robust RMSEA\s+0\.092/);
    expect(r.stdout).toMatch(/Standard errors\s+Sandwich/);
    // lavaan: x2 loading 0.554, robust se 0.132, z 4.191
    expect(r.stdout).toMatch(/x2\s+0\.554\s+0\.132\s+4\.191/);
  });

  it('MLM (given as "mlm"): JSON holds every fit measure lavaan reports, under lavaan\'s names', async () => {
    const r = await run(
      "fit",
      `${dir("hs-cfa-mlm")}/data.csv`,
      "--model",
      `${dir("hs-cfa-mlm")}/model.lav`,
      "--estimator",
      "mlm",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { estimator: string; fit: Record<string, number> };
    expect(out.estimator).toBe("MLM");
    const ref = fitOf("hs-cfa-mlm");
    expect(Object.keys(out.fit)).toEqual(Object.keys(ref));
    for (const k of ["chisq.scaled", "chisq.scaling.factor", "cfi.robust", "rmsea.robust", "rmsea.ci.upper.robust"]) {
      expect(Math.abs(out.fit[k]! - ref[k]!)).toBeLessThan(1e-3 * Math.max(0.1, Math.abs(ref[k]!)));
    }
  });

  it("MLR: the JSON fit object lists lavaan's names in lavaan's order", async () => {
    const r = await run(
      "fit",
      `${dir("hs-cfa-mlr")}/data.csv`,
      "--model",
      `${dir("hs-cfa-mlr")}/model.lav`,
      "--estimator",
      "MLR",
      "--format",
      "json",
    );
    expect(Object.keys((JSON.parse(r.stdout) as { fit: Record<string, number> }).fit)).toEqual(
      Object.keys(fitOf("hs-cfa-mlr")),
    );
  });

  it("an unknown estimator: one line naming the choices, exit 2", async () => {
    const r = await run(
      "fit",
      `${dir("hs-cfa-mlr")}/data.csv`,
      "--model",
      `${dir("hs-cfa-mlr")}/model.lav`,
      "--estimator",
      "GLS",
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/--estimator GLS: not one of ML, MLM, MLR/);
  });
});
