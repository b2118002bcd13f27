/**
 * Unshared checks of the PLS engine on simulated data (seminr is not available here): cases where
 * PLS reduces to a closed form computed independently (ml-matrix least squares on the raw data),
 * the consistency of PLSc (Dijkstra & Henseler 2015) on a large common-factor sample, the inner
 * weighting schemes, the two-stage approach against a hand-written pair of stage models, and the
 * iteration limit.
 */
import { Matrix, solve as mlSolve } from "ml-matrix";
import { describe, expect, test } from "vitest";
import { estimatePls } from "../../src/pls/estimate.js";
import { plsQuality } from "../../src/pls/quality.js";
import { FACTOR_MODEL, factorData, normal, prepared } from "./simulate.js";

/** OLS of y on the columns xs with an intercept (ml-matrix): R². */
function olsR2(y: Float64Array, xs: Float64Array[]): { r2: number; coef: number[] } {
  const n = y.length;
  const X = new Matrix(n, xs.length + 1);
  for (let i = 0; i < n; i++) {
    X.set(i, 0, 1);
    xs.forEach((x, j) => X.set(i, j + 1, x[i]!));
  }
  const Y = Matrix.columnVector(Array.from(y));
  const b = mlSolve(X, Y, true);
  const fitted = X.mmul(b);
  const mean = Array.from(y).reduce((s, v) => s + v, 0) / n;
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    sse += (y[i]! - fitted.get(i, 0)) ** 2;
    sst += (y[i]! - mean) ** 2;
  }
  return { r2: 1 - sse / sst, coef: b.to1DArray().slice(1) };
}

function sd(x: Float64Array): number {
  const m = x.reduce((s, v) => s + v, 0) / x.length;
  return Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1));
}

const cols = factorData(500, 11);

describe("closed forms", () => {
  test("two single-item constructs: the path is their correlation, R² its square, weights 1, iterations 0", () => {
    const { spec, data } = prepared("X =~ a1\nY =~ b1\nY ~ X\n", cols);
    const est = estimatePls(data, spec);
    const { r2 } = olsR2(cols.b1!, [cols.a1!]);
    const r = Math.sqrt(r2); // positive correlation by construction (beta 0.5)
    expect(est.pathCoefficients[0]!.est).toBeCloseTo(r, 12);
    expect(est.rsquared[0]!.r2).toBeCloseTo(r2, 12);
    for (const o of est.outer) expect(o.weight).toBeCloseTo(1, 14);
    expect(est.iterations).toBe(0);
  });

  test("single-item constructs, three predictors: paths are the standardised OLS coefficients, R² the OLS R²", () => {
    const { spec, data } = prepared("X1 =~ a1\nX2 =~ b2\nX3 =~ c3\nY =~ c1\nY ~ X1 + X2 + X3\n", cols);
    const est = estimatePls(data, spec);
    const xs = [cols.a1!, cols.b2!, cols.c3!];
    const ols = olsR2(cols.c1!, xs);
    expect(est.rsquared[0]!.r2).toBeCloseTo(ols.r2, 12);
    ["X1", "X2", "X3"].forEach((x, j) => {
      const standardised = (ols.coef[j]! * sd(xs[j]!)) / sd(cols.c1!);
      expect(est.pathCoefficients.find((p) => p.from === x)!.est).toBeCloseTo(standardised, 12);
    });
  });

  test("a mode B block predicting a single item: R² is the OLS R² of the item on the block", () => {
    const { spec, data } = prepared("X <~ a1 + a2 + a3 + b1\nY =~ c2\nY ~ X\n", cols);
    const est = estimatePls(data, spec);
    const ols = olsR2(cols.c2!, [cols.a1!, cols.a2!, cols.a3!, cols.b1!]);
    expect(est.rsquared[0]!.r2).toBeCloseTo(ols.r2, 10);
    // the weights are proportional to the standardised OLS coefficients
    const std = ["a1", "a2", "a3", "b1"].map((k, j) => (ols.coef[j]! * sd(cols[k]!)) / sd(cols.c2!));
    const w = est.outer.filter((o) => o.construct === "X").map((o) => o.weight);
    std.forEach((b, j) => expect(w[j]! / w[0]!).toBeCloseTo(b / std[0]!, 9));
  });

  test("mode A block, single-item neighbour: weights r / sqrt(r'Rr), loadings R w, converged at counter 1", () => {
    const { spec, data } = prepared("X =~ a1 + a2 + a3\nY =~ b1\nY ~ X\n", cols);
    const est = estimatePls(data, spec);
    const items = ["a1", "a2", "a3"];
    const R = items.map((a) => items.map((b) => Math.sqrt(olsR2(cols[a]!, [cols[b]!]).r2)));
    items.forEach((_, i) => (R[i]![i] = 1)); // the a's correlate positively (one factor)
    const r = items.map((a) => Math.sqrt(olsR2(cols[a]!, [cols.b1!]).r2));
    const q = Math.sqrt(r.reduce((s, ri, i) => s + ri * r.reduce((t, rj, j) => t + R[i]![j]! * rj, 0), 0));
    const w = est.outer.filter((o) => o.construct === "X");
    items.forEach((_, i) => {
      expect(w[i]!.weight).toBeCloseTo(r[i]! / q, 10);
      expect(w[i]!.loading).toBeCloseTo(
        R[i]!.reduce((s, v, j) => s + (v * r[j]!) / q, 0),
        10,
      );
    });
    expect(est.iterations).toBe(1);
  });
});

describe("consistent PLS on a large common-factor sample (n = 20000)", () => {
  const big = factorData(20000, 5);
  const { spec, data } = prepared(FACTOR_MODEL, big);
  const pls = estimatePls(data, spec);
  const plsc = estimatePls(data, spec, { plsc: true });
  const path = (e: typeof pls, from: string, to: string): number =>
    e.pathCoefficients.find((p) => p.from === from && p.to === to)!.est;

  test("PLSc recovers the population path (0.5) where PLS attenuates it", () => {
    expect(Math.abs(path(plsc, "A", "B") - 0.5)).toBeLessThan(0.03);
    expect(path(pls, "A", "B")).toBeLessThan(0.45);
    // population paths of C: 0.3 (A) and 0.4 (B)
    expect(Math.abs(path(plsc, "A", "C") - 0.3)).toBeLessThan(0.03);
    expect(Math.abs(path(plsc, "B", "C") - 0.4)).toBeLessThan(0.03);
  });

  test("PLSc loadings recover the population loadings; the weights are those of PLS", () => {
    const truth: Record<string, number> = { a1: 0.9, a2: 0.8, a3: 0.7, b1: 0.85, b2: 0.75, b3: 0.65 };
    for (const [item, l] of Object.entries(truth)) {
      const row = plsc.outer.find((o) => o.indicator === item)!;
      expect(Math.abs(row.loading - l)).toBeLessThan(0.03);
      expect(row.weight).toBe(pls.outer.find((o) => o.indicator === item)!.weight);
    }
  });

  test("rhoA of a common factor is close to its population reliability (Σλ)²/((Σλ)² + Σ(1 - λ²))", () => {
    const rel = (ls: number[]): number => {
      const s = ls.reduce((a, b) => a + b, 0);
      return (s * s) / (s * s + ls.reduce((a, l) => a + 1 - l * l, 0));
    };
    expect(Math.abs(plsc.rhoA.A! - rel([0.9, 0.8, 0.7]))).toBeLessThan(0.02);
    expect(Math.abs(plsc.rhoA.B! - rel([0.85, 0.75, 0.65]))).toBeLessThan(0.02);
  });

  test("PLSc leaves the scores and the score-based criteria uncorrected", () => {
    expect(plsc.scores.A).toEqual(pls.scores.A);
    const q1 = plsQuality(pls, data, spec, { skipFSquared: true });
    const q2 = plsQuality(plsc, data, spec, { plsc: true, skipFSquared: true });
    expect(q2.itCriteria).toEqual(q1.itCriteria);
    expect(q2.vifAntecedents).toEqual(q1.vifAntecedents);
  });
});

describe("inner weighting schemes", () => {
  test("with two constructs the three schemes agree (their inner weights differ by a positive factor)", () => {
    const { spec, data } = prepared("X =~ a1 + a2 + a3\nY =~ b1 + b2 + b3\nY ~ X\n", cols);
    const p = estimatePls(data, spec, { scheme: "path" });
    for (const scheme of ["factorial", "centroid"] as const) {
      const e = estimatePls(data, spec, { scheme });
      e.outer.forEach((o, i) => expect(o.weight).toBeCloseTo(p.outer[i]!.weight, 9));
      expect(e.pathCoefficients[0]!.est).toBeCloseTo(p.pathCoefficients[0]!.est, 9);
    }
  });
  test("with three constructs they differ (the option is used)", () => {
    const { spec, data } = prepared(FACTOR_MODEL, cols);
    const w = (scheme: "path" | "factorial" | "centroid") => estimatePls(data, spec, { scheme }).outer[0]!.weight;
    expect(Math.abs(w("path") - w("factorial"))).toBeGreaterThan(1e-6);
    expect(Math.abs(w("factorial") - w("centroid"))).toBeGreaterThan(1e-6);
  });
});

describe("higher-order construct, two-stage approach", () => {
  test("equals estimating stage 1 and stage 2 written out by hand", () => {
    const z = normal(3);
    const ext = { ...cols, y1: new Float64Array(500), y2: new Float64Array(500) };
    for (let i = 0; i < 500; i++) {
      ext.y1[i] = cols.a1![i]! + cols.b1![i]! + z();
      ext.y2[i] = cols.a2![i]! + cols.b2![i]! + z();
    }
    const hoc = prepared(
      "A =~ a1 + a2 + a3\nB =~ b1 + b2 + b3\nH <~ A + B\nC =~ c1 + c2 + c3 + c4\nY =~ y1 + y2\nH ~ C\nY ~ H\n",
      ext,
    );
    const est = estimatePls(hoc.data, hoc.spec);
    const s1 = prepared(
      "A =~ a1 + a2 + a3\nB =~ b1 + b2 + b3\nC =~ c1 + c2 + c3 + c4\nY =~ y1 + y2\nA ~ C\nB ~ C\nY ~ A + B\n",
      ext,
    );
    const e1 = estimatePls(s1.data, s1.spec);
    const s2 = prepared("H <~ sA + sB\nC =~ c1 + c2 + c3 + c4\nY =~ y1 + y2\nH ~ C\nY ~ H\n", {
      ...ext,
      sA: e1.scores.A!,
      sB: e1.scores.B!,
    });
    const e2 = estimatePls(s2.data, s2.spec);
    expect(est.firstStage!.iterations).toBe(e1.iterations);
    expect(est.iterations).toBe(e2.iterations);
    for (const p of e2.pathCoefficients)
      expect(est.pathCoefficients.find((q) => q.from === p.from && q.to === p.to)!.est).toBeCloseTo(p.est, 12);
    const hw = est.allOuter.filter((o) => o.construct === "H").map((o) => o.weight);
    expect(hw[0]).toBeCloseTo(e2.outer.find((o) => o.indicator === "sA")!.weight, 12);
    expect(hw[1]).toBeCloseTo(e2.outer.find((o) => o.indicator === "sB")!.weight, 12);
    expect(est.allOuter.find((o) => o.indicator === "a1")!.loading).toBeCloseTo(
      e1.outer.find((o) => o.indicator === "a1")!.loading,
      12,
    );
  });
});

test("the iteration limit: a warning, converged false, seminr's counter at the limit", () => {
  const { spec, data } = prepared(FACTOR_MODEL, cols);
  const est = estimatePls(data, spec, { maxIterations: 1 });
  expect(est.converged).toBe(false);
  expect(est.iterations).toBe(1);
  expect(est.warnings.map((w) => w.code)).toEqual(["W_PLS_NOT_CONVERGED"]);
  expect(est.warnings[0]!.message).toMatch(/did not converge in 2 updates/);
});
