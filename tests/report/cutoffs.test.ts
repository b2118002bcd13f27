/**
 * Cut-offs of the fit indices: Hu & Bentler (1999) CFI/TLI ≥ .95, RMSEA ≤ .06, SRMR ≤ .08; the
 * exact-fit test at α = .05; χ²/df ≤ 3. A value on the cut-off passes, one just past it fails.
 */
import { describe, expect, it } from "vitest";
import { CUTOFFS, cutoffFor, cutoffValues, judge } from "../../src/report/cutoffs.js";

describe("cut-offs", () => {
  it("values on the cut-off pass; just past it, they fail", () => {
    for (const c of CUTOFFS) {
      const past = c.op === ">=" ? c.value - 1e-9 : c.value + 1e-9;
      expect([c.key, judge(c.value, c)]).toEqual([c.key, "pass"]);
      expect([c.key, judge(past, c)]).toEqual([c.key, "fail"]);
    }
    expect(judge(Number.NaN, cutoffFor("cfi"))).toBeUndefined();
  });

  it("χ²/df and the p-value are not judged for a saturated model (df = 0)", () => {
    const f = {
      chisq: 0,
      df: 0,
      pvalue: Number.NaN,
      cfi: 1,
      tli: 1,
      rmsea: 0,
      rmseaLower: 0,
      rmseaUpper: 0,
      srmr: 0,
      aic: 1,
      bic: 1,
    };
    expect(cutoffValues(f).chisqDf).toBeUndefined();
    expect(cutoffValues(f).pvalue).toBeUndefined();
    expect(cutoffValues({ ...f, chisq: 48, df: 24 }).chisqDf).toBe(2);
  });
});
