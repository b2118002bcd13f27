/**
 * Scaled and robust fit measures from their closed forms, on round numbers:
 * T = 100 on df = 20 with c = 1.25 (tr(UΓ) = 25), baseline T_b = 1000 on df_b = 30 with
 * c_b = 1.5, N = 500, one group.
 * - robust CFI/TLI/RNI: Brosseau-Liard & Savalei (2014) (noncentrality T − c·df);
 * - robust RMSEA: Brosseau-Liard, Savalei & Li (2012), √(T/(N·df) − c/N);
 * - scaled RMSEA (lavaan's rmsea.scaled): T with df replaced by tr(UΓ);
 * - scaled CFI: the ML formula on T/c and T_b/c_b (Bentler 1990).
 */
import { describe, expect, it } from "vitest";
import { mergeInLavaanOrder, robustFitMeasures } from "../../../src/sem/robust/measures.js";
import { scaledTest } from "../../../src/sem/robust/scaled-test.js";

const input = (c: number, cb: number) => ({
  chisq: 100,
  df: 20,
  ntotal: 500,
  ngroups: 1,
  test: scaledTest(100, 20, c * 20),
  baseline: { chisq: 1000, df: 30, test: scaledTest(1000, 30, cb * 30) },
});

describe("robust fit measures", () => {
  const f = robustFitMeasures(input(1.25, 1.5));

  it("scales the statistic by c = tr(UΓ)/df", () => {
    expect(f["chisq.scaled"]).toBeCloseTo(80, 12);
    expect(f["chisq.scaling.factor"]).toBeCloseTo(1.25, 12);
    expect(f["baseline.chisq.scaled"]).toBeCloseTo(1000 / 1.5, 10);
  });

  it("robust CFI, TLI and RNI use T − c·df", () => {
    expect(f["cfi.robust"]).toBeCloseTo(1 - 75 / 955, 12);
    expect(f["tli.robust"]).toBeCloseTo(1 - (75 * 30) / (955 * 20), 12);
    expect(f["nnfi.robust"]).toBe(f["tli.robust"]);
    expect(f["rni.robust"]).toBeCloseTo(1 - 75 / 955, 12);
  });

  it("scaled CFI is the ML formula on the scaled statistics", () => {
    expect(f["cfi.scaled"]).toBeCloseTo(1 - 60 / (1000 / 1.5 - 30), 12);
  });

  it("robust and scaled RMSEA", () => {
    expect(f["rmsea.robust"]).toBeCloseTo(Math.sqrt(100 / (500 * 20) - 1.25 / 500), 12);
    expect(f["rmsea.scaled"]).toBeCloseTo(Math.sqrt(100 / (500 * 25) - 1 / 500), 12);
    expect(f["rmsea.ci.lower.robust"]!).toBeLessThan(f["rmsea.robust"]!);
    expect(f["rmsea.ci.upper.robust"]!).toBeGreaterThan(f["rmsea.robust"]!);
  });

  it("falls back to the ML formulas when a scaling factor is 1 (lavaan's lav_fit_cfi)", () => {
    const g = robustFitMeasures(input(1, 1.5));
    expect(g["cfi.robust"]).toBeCloseTo(1 - 80 / 970, 12);
  });

  it("slots the robust names in after lavaan's anchors", () => {
    const merged = mergeInLavaanOrder(
      { npar: 1, chisq: 2, df: 3, pvalue: 4, "baseline.chisq": 5, cfi: 6, tli: 7, logl: 8 },
      f,
    );
    const keys = Object.keys(merged);
    expect(keys.slice(0, 8)).toEqual([
      "npar",
      "chisq",
      "df",
      "pvalue",
      "chisq.scaled",
      "df.scaled",
      "pvalue.scaled",
      "chisq.scaling.factor",
    ]);
    expect(keys.indexOf("cfi.robust")).toBe(keys.indexOf("tli") + 3);
    expect(keys.indexOf("logl")).toBe(keys.indexOf("tli.robust") + 1);
  });
});

describe("a saturated model (df = 0)", () => {
  // lavaan 0.6.14, cfa("f =~ x1 + x2 + x3", HolzingerSwineford1939, estimator = "MLR"):
  // chisq.scaled = chisq, chisq.scaling.factor NA, rmsea.scaled NA, rmsea.robust 0, and no
  // scaling.factor.h1/h0
  const f = robustFitMeasures({
    chisq: 1e-12,
    df: 0,
    ntotal: 301,
    ngroups: 1,
    test: scaledTest(1e-12, 0, 0.3),
    baseline: { chisq: 111.3, df: 3, test: scaledTest(111.3, 3, 3.2) },
    h1h0: { h1: 1.02, h0: 1.02 },
  });

  it("reports the unscaled statistic without a scaling factor", () => {
    expect(f["chisq.scaled"]).toBe(1e-12);
    expect(f["chisq.scaling.factor"]).toBeNaN();
    expect(f["pvalue.scaled"]).toBeNaN();
    expect("scaling.factor.h1" in f).toBe(false);
  });

  it("leaves the scaled RMSEA family NA and the robust RMSEA 0", () => {
    for (const k of ["rmsea.scaled", "rmsea.ci.lower.scaled", "rmsea.ci.upper.scaled", "rmsea.pvalue.scaled"] as const)
      expect(f[k]).toBeNaN();
    expect(f["rmsea.robust"]).toBe(0);
    expect(f["cfi.robust"]).toBeNaN();
  });
});
