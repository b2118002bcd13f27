/** Small pieces of the invariance code checked against closed forms. */
import { describe, expect, it } from "vitest";
import { compareSteps, diffTest } from "../../src/invariance/compare.js";
import { ginvQuadratic } from "../../src/invariance/score.js";
import { parameterKey, parsePartial, parseSteps, stepKinds } from "../../src/invariance/steps.js";

describe("ginvQuadratic", () => {
  it("equals tᵀM⁻¹t for a positive definite M", () => {
    // M = [[4, 2], [2, 3]], t = (1, 2): M⁻¹ = [[3, −2], [−2, 4]]/8, tᵀM⁻¹t = (3 − 8 + 16)/8
    expect(ginvQuadratic(Float64Array.of(4, 2, 2, 3), Float64Array.of(1, 2), 2)).toBeCloseTo(11 / 8, 14);
  });
  it("gives the Moore-Penrose value for a singular M and t in its range", () => {
    // M = v vᵀ with v = (1, 2, 2): rank 1, M⁺ = v vᵀ/|v|⁴; t = 3v: tᵀM⁺t = 9|v|⁴/|v|⁴ = 9
    const v = [1, 2, 2];
    const M = Float64Array.from({ length: 9 }, (_, k) => v[Math.floor(k / 3)]! * v[k % 3]!);
    expect(
      ginvQuadratic(
        M,
        Float64Array.from(v, (x) => 3 * x),
        3,
      ),
    ).toBeCloseTo(9, 12);
  });
});

describe("difference tests (lavTestLRT)", () => {
  const fit = (chisq: number, df: number, c?: number) => ({ chisq, df, "chisq.scaling.factor": c });
  it("standard: the difference of the χ², its p and lavaan's RMSEA of the difference", () => {
    const t = diffTest({ less: fit(10, 4), more: fit(22, 8), robust: false, ntotal: 200, ngroups: 2 });
    expect(t["chisq.diff"]).toBe(12);
    expect(t["df.diff"]).toBe(4);
    // P(χ²₄ > x) = e^(−x/2) (1 + x/2) in closed form: e^−6 · 7
    expect(t.pvalue).toBeCloseTo(Math.exp(-6) * 7, 12);
    expect(t["rmsea.diff.test"]).toBeCloseTo(Math.sqrt(8 / (200 * 4)) * Math.sqrt(2), 12);
  });
  it("Satorra-Bentler 2001: c_d = (df₀c₀ − df₁c₁)/m, c₁ = 1 at df 0, none when c_d < 0", () => {
    const t = diffTest({ less: fit(10, 4, 1.2), more: fit(22, 8, 1.1), robust: true, ntotal: 200, ngroups: 1 });
    expect(t["scaling.factor"]).toBeCloseTo((8 * 1.1 - 4 * 1.2) / 4, 12);
    expect(t["chisq.diff"]).toBeCloseTo(12 / 1, 12);
    const sat = diffTest({ less: fit(0, 0, NaN), more: fit(3, 2, 0.9), robust: true, ntotal: 200, ngroups: 1 });
    expect(sat["scaling.factor"]).toBeCloseTo((2 * 0.9 - 0) / 2, 12);
    const neg = diffTest({ less: fit(1, 2, 1.1), more: fit(20, 4, 0.35), robust: true, ntotal: 200, ngroups: 1 });
    expect(neg["chisq.diff"]).toBeNull();
    expect(neg.pvalue).toBeNull();
  });
  it("the cfi criterion fails at ΔCFI = −0.01 exactly and passes just above it", () => {
    const m = (cfi: number) => ({ chisq: 10, df: 4, cfi, rmsea: 0.05, srmr: 0.05 });
    const input = (more: number) => ({ less: m(0.95), more: m(more), robust: false, ntotal: 100, ngroups: 2 });
    expect(compareSteps(input(0.94), "cfi").supported).toBe(false);
    expect(compareSteps(input(0.9401), "cfi").supported).toBe(true);
  });
});

describe("steps and --partial", () => {
  it("each step holds the kinds of the steps before it", () => {
    expect(stepKinds("strict")).toEqual(["loadings", "intercepts", "residuals"]);
    // ordinal items: the scalar step adds the thresholds (lavaan's group.equal "thresholds")
    expect(stepKinds("scalar", true)).toEqual(["loadings", "thresholds", "intercepts"]);
    expect(stepKinds("metric", true)).toEqual(["loadings"]);
    expect(parseSteps("metric,strict")).toEqual(["metric", "strict"]);
  });
  it("parameters in lavaan's group.partial form", () => {
    expect(parameterKey("x3 ~ 1")).toBe("x3~1");
    expect(parameterKey("visual =~ x2")).toBe("visual=~x2");
    expect(parameterKey("x1~~x1")).toBe("x1~~x1");
    expect(parameterKey("x3")).toBeNull();
    expect(parameterKey("x3 | t1")).toBe("x3|t1");
    expect(parameterKey("x3|t")).toBeNull();
    expect(parsePartial(["x3~1"])).toEqual({ mode: "list", items: ["x3~1"] });
  });
});
