/**
 * Chi-square difference tests. ML: the bfi models of tests/fixtures/analysis (lavaan 0.6.14
 * lavTestLRT) are in parity.test.ts. Here: the Satorra-Bentler (2001) scaled difference against
 * lavTestLRT(method = "satorra.bentler.2001") on the MLR fits of the same file, fed with the
 * fits' chisq, df and chisq.scaling.factor from lavaan, and the edge cases in closed form.
 */
import { describe, expect, it } from "vitest";
import { chisqDifferenceTest, type ModelFit } from "../../../src/analysis/lrt.js";
import { chisqUpper } from "../../../src/sem/distributions/index.js";
import { loadRef } from "./reference.js";
import { agrees, ATOL, TOL } from "./tolerances.js";

const mlr = loadRef("big-five-inventory").estimators.MLR!;

function fitOf(name: string): ModelFit {
  const f = mlr.fit[name]!;
  return {
    model: name,
    chisq: f.chisq!,
    df: f.df!,
    npar: f.npar!,
    aic: f.aic!,
    bic: f.bic!,
    scaling: f["chisq.scaling.factor"]!,
  };
}

describe("chisqDifferenceTest", () => {
  it("MLR: the Satorra-Bentler (2001) scaled difference of lavTestLRT", () => {
    const res = chisqDifferenceTest([fitOf("structural"), fitOf("measurement"), fitOf("second.order")]);
    expect(res.method).toBe("satorra.bentler.2001");
    expect(res.rows.map((r) => r.model)).toEqual(["measurement", "second.order", "structural"]);
    for (const [k, key] of [
      [1, "measurement-second.order"],
      [2, "second.order-structural"],
    ] as const) {
      const ref = mlr.lrt[key]!;
      const row = res.rows[k]!;
      expect(row["Df diff"]).toBe(ref["Df diff"][1]);
      expect(agrees(row["Chisq diff"], ref["Chisq diff"][1], TOL.fit)).toBe(true);
      expect(agrees(row["Pr(>Chisq)"], ref["Pr(>Chisq)"][1], ATOL.lrtP)).toBe(true);
    }
  });

  it("ML: the plain difference with its upper-tail p (closed form)", () => {
    const a = { model: "a", chisq: 10, df: 5, npar: 10, aic: 0, bic: 0 };
    const b = { model: "b", chisq: 16, df: 7, npar: 8, aic: 0, bic: 0 };
    const row = chisqDifferenceTest([b, a]).rows[1]!;
    expect(row["Chisq diff"]).toBe(6);
    expect(row["Pr(>Chisq)"]).toBeCloseTo(Math.exp(-3), 14); // χ²₂ upper tail = e^{-x/2}
    expect(row["Pr(>Chisq)"]).toBe(chisqUpper(6, 2));
  });

  it("equivalent models (Δdf = 0) get no p-value, as lavaan", () => {
    const a = { model: "a", chisq: 10, df: 5, npar: 10, aic: 0, bic: 0 };
    const row = chisqDifferenceTest([a, { ...a, model: "b", chisq: 10 + 1e-9 }]).rows[1]!;
    expect(row["Df diff"]).toBe(0);
    expect(row["Pr(>Chisq)"]).toBeNull();
  });

  it("a saturated less-restricted model counts with c1 = 1; a negative c_d gives no test", () => {
    const sat = { model: "sat", chisq: 0, df: 0, npar: 10, aic: 0, bic: 0, scaling: Number.NaN };
    const r = { model: "r", chisq: 12, df: 3, npar: 7, aic: 0, bic: 0, scaling: 1.5 };
    const row = chisqDifferenceTest([sat, r]).rows[1]!;
    expect(row["scaling.factor"]).toBe(1.5); // (3 · 1.5 - 0 · 1) / 3
    expect(row["Chisq diff"]).toBe(8);
    const neg = chisqDifferenceTest([
      { ...r, model: "m1", df: 10, scaling: 2 },
      { ...r, model: "m0", df: 11, chisq: 14, scaling: 1 },
    ]);
    expect(neg.rows[1]!["Chisq diff"]).toBeNull();
    expect(neg.warnings[0]).toMatch(/scaling factor is negative/);
  });
});
