import { describe, expect, it } from "vitest";
import { quantileType7, summarizeReplicates } from "../../../src/pls/bootstrap/quantile.js";
import { plsResampleRows } from "../../../src/pls/bootstrap/resample.js";
import { resampleIndices } from "../../../src/sem/bootstrap/resample.js";
import { assignFolds, cutFolds, shuffledOrder } from "../../../src/pls/predict/folds.js";
import { centredMoments, fitLmBlock, lmPredict } from "../../../src/pls/predict/lm.js";
import { naiveSse, residualMetrics } from "../../../src/pls/predict/metrics.js";
import { causalOrder, predictItems, type TrainedPls } from "../../../src/pls/predict/scheme.js";

describe("R's type-7 quantile and seminr's bootstrap columns", () => {
  it("interpolates between order statistics at h = (B − 1)p + 1 (Hyndman & Fan 1996, definition 7)", () => {
    const x = Float64Array.from({ length: 10 }, (_, i) => i + 1); // 1 … 10
    // R: quantile(1:10, c(0.025, 0.5, 0.975)) = 1.225, 5.5, 9.775 (h = 9p + 1)
    expect(quantileType7(x, 0.025)).toBeCloseTo(1.225, 14);
    expect(quantileType7(x, 0.5)).toBeCloseTo(5.5, 14);
    expect(quantileType7(x, 0.975)).toBeCloseTo(9.775, 14);
    expect(quantileType7(x, 0)).toBe(1);
    expect(quantileType7(x, 1)).toBe(10);
    expect(quantileType7(new Float64Array(0), 0.5)).toBeNaN();
  });

  it("gives mean, sd (B − 1), t = original / sd and the 2.5%/97.5% bounds, unsorted input", () => {
    const v = Float64Array.from([4, 1, 3, 2, 5]);
    const s = summarizeReplicates(2, v);
    expect(s.mean).toBe(3);
    expect(s.sd).toBeCloseTo(Math.sqrt(2.5), 14); // Σ(x − 3)² = 10, /4
    expect(s.t).toBeCloseTo(2 / Math.sqrt(2.5), 14);
    expect(s.lower).toBeCloseTo(1 + 4 * 0.025, 14); // h − 1 = 4p on 1 … 5
    expect(s.upper).toBeCloseTo(1 + 4 * 0.975, 14);
  });

  it("reports no t for constant replicates (seminr: NA beyond 1e9, e.g. a single-item loading)", () => {
    const v = Float64Array.from([1, 1 + 1e-16, 1, 1]);
    expect(summarizeReplicates(1, v).t).toBeNull();
    expect(summarizeReplicates(1, Float64Array.from([1, 1, 1])).t).toBeNull();
  });
});

describe("bootstrap resamples", () => {
  it("are the SEM bootstrap's one-group rows for (seed, b), in range, the same on every call", () => {
    const a = plsResampleRows(123, 7, 250);
    expect(Array.from(a)).toEqual(Array.from(resampleIndices(123, 7, [250], 0)[0]!));
    expect(Array.from(plsResampleRows(123, 7, 250))).toEqual(Array.from(a));
    expect(a.every((r) => r >= 0 && r < 250)).toBe(true);
    expect(Array.from(plsResampleRows(124, 7, 250))).not.toEqual(Array.from(a));
    expect(Array.from(plsResampleRows(123, 8, 250))).not.toEqual(Array.from(a));
  });
});

describe("cross-validation folds", () => {
  it("cut positions as R's cut(1:n, breaks = K, labels = FALSE)", () => {
    // R: table(cut(1:10, 3, labels = FALSE)) = 4 3 3 (intervals (0.991,4], (4,7], (7,10.009])
    expect(Array.from(cutFolds(10, 3))).toEqual([0, 0, 0, 0, 1, 1, 1, 2, 2, 2]);
    // 250 rows in 10 folds: inner breaks 1 + 24.9 j, so folds of 25
    const f = cutFolds(250, 10);
    for (let k = 0; k < 10; k++) expect(f.filter((x) => x === k).length).toBe(25);
    // R: cut(1:7, 2, labels = FALSE): break 4 belongs to the first interval (right-closed)
    expect(Array.from(cutFolds(7, 2))).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect(() => cutFolds(10, 1)).toThrow(RangeError);
  });

  it("shuffle rows by the seed (a permutation, reproducible) and leave-one-out needs no shuffle", () => {
    const o = shuffledOrder(50, 42);
    expect([...o].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(shuffledOrder(50, 42))).toEqual(Array.from(o));
    expect(Array.from(shuffledOrder(50, 43))).not.toEqual(Array.from(o));
    const folds = assignFolds(50, 5, 42);
    for (let k = 0; k < 5; k++) expect(folds.filter((x) => x === k).length).toBe(10);
    expect(Array.from(assignFolds(6, 6, 1))).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe("linear-model benchmark", () => {
  it("recovers an exact linear relation with intercept (y = 2 + 3 x1 − x2) from the training rows", () => {
    const rows = [
      [1, 0, 0],
      [2, 1, 0],
      [0, 2, 5],
      [3, 3, 1],
      [5, 1, 2],
    ];
    const X = Float64Array.from(rows.flatMap(([a, b, e]) => [2 + 3 * a! - b!, a!, b!, e!]));
    const block = { responses: [0], predictors: [1, 2] };
    const fit = fitLmBlock(centredMoments(X, 4, Int32Array.from([0, 1, 2, 3])), 4, block);
    expect(fit.coef[0]![0]).toBeCloseTo(2, 12);
    expect(fit.coef[0]![1]).toBeCloseTo(3, 12);
    expect(fit.coef[0]![2]).toBeCloseTo(-1, 12);
    expect(lmPredict(X, 4, 4, block, fit, 0)).toBeCloseTo(2 + 15 - 1, 12);
  });

  it("reports collinear predictors as a failed fit", () => {
    const X = Float64Array.from([1, 1, 2, 2, 2, 4, 3, 3, 6, 5, 4, 8]);
    const fit = fitLmBlock(centredMoments(X, 3, Int32Array.from([0, 1, 2, 3])), 3, {
      responses: [0],
      predictors: [1, 2],
    });
    expect(fit.coef[0]).toBeNull();
  });
});

describe("prediction metrics", () => {
  it("RMSE and MAE of residuals; the leave-one-out naive SSE is n²/(n − 1)² Σ(x − x̄)²", () => {
    const res = Float64Array.from([1, -2, 2, 0]);
    const m = residualMetrics(res, 4, 1, 0);
    expect(m.rmse).toBeCloseTo(Math.sqrt(9 / 4), 14);
    expect(m.mae).toBeCloseTo(5 / 4, 14);
    expect(m.sse).toBe(9);
    // closed form: e_i = x_i − (S − x_i)/(n − 1) = n (x_i − x̄)/(n − 1)
    const x = Float64Array.from([3, 7, 1, 4, 10]);
    const fold = Int32Array.from([0, 1, 2, 3, 4]);
    const ss = [3, 7, 1, 4, 10].reduce((a, v) => a + (v - 5) ** 2, 0);
    expect(naiveSse(x, 5, 1, fold, 5)[0]).toBeCloseTo((25 / 16) * ss, 12);
  });
});

describe("PLS prediction schemes", () => {
  // chain A -> B -> C with one item each (weight 1, loading 1, means 0, sds 1): DA predicts B from A's
  // score and C from B's *score*; EA predicts C from B's *prediction* (b_AB b_BC x_A)
  const model: TrainedPls = {
    p: 3,
    c: 3,
    weights: Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]),
    loadings: Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]),
    paths: Float64Array.from([0, 0.5, 0, 0, 0, 0.4, 0, 0, 0]),
    means: Float64Array.from([0, 0, 0]),
    sds: Float64Array.from([1, 1, 1]),
  };
  const X = Float64Array.from([2, 3, 5]);
  const outcome = [false, true, true];
  it("direct antecedents use the antecedents' scores", () => {
    const p = predictItems(model, X, Int32Array.from([0]), outcome, "DA");
    expect(p[0]).toBe(2);
    expect(p[1]).toBeCloseTo(1, 14);
    expect(p[2]).toBeCloseTo(1.2, 14);
  });
  it("earliest antecedents chain the predictions from the exogenous scores", () => {
    const p = predictItems(model, X, Int32Array.from([0]), outcome, "EA");
    expect(p[1]).toBeCloseTo(1, 14);
    expect(p[2]).toBeCloseTo(0.4, 14);
    expect(causalOrder(model.paths, 3, outcome)).toEqual([1, 2]);
  });
  it("un-standardise with the training means and standard deviations", () => {
    const m2 = { ...model, means: Float64Array.from([1, 10, 20]), sds: Float64Array.from([2, 3, 4]) };
    // z_A = (2 − 1)/2 = 0.5 → B̂ = 0.25 → x̂_B = 10 + 3·0.25
    expect(predictItems(m2, X, Int32Array.from([0]), outcome, "DA")[1]).toBeCloseTo(10.75, 14);
  });
});
