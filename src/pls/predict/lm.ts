/**
 * The linear-model benchmark of PLSpredict (Shmueli et al. 2016, "The elephant in the room:
 * predictive performance of PLS models", Journal of Business Research 69(10), §3; seminr 2.3.1,
 * generate_lm_predictions): each item of an endogenous construct is regressed, with an
 * intercept, on every indicator of the model outside that construct's block (endogenous ones
 * included), by ordinary least squares on the training cases of a fold, and predicts the test
 * cases (out of sample) and the training cases (in sample).
 *
 * The fit solves the normal equations of the centred data, (X̃ᵀX̃) β = X̃ᵀỹ with the training means
 * removed, by Cholesky; the intercept is ȳ − x̄ᵀβ. Collinear predictors (a singular X̃ᵀX̃) make the
 * fold's predictions NaN and are reported by the caller.
 */
import { cholesky, choleskySolve, square } from "../../sem/linalg/dense.js";

export interface LmBlock {
  /** columns (of the n×p data) of the construct's items: the responses */
  responses: readonly number[];
  /** every other column of the model: the predictors */
  predictors: readonly number[];
}

/** Training means and centred cross-products (p×p) of the given rows. */
export function centredMoments(X: Float64Array, p: number, rows: Int32Array): { mean: Float64Array; cp: Float64Array } {
  const m = rows.length;
  const mean = new Float64Array(p);
  for (const r of rows) for (let j = 0; j < p; j++) mean[j] += X[r * p + j]!;
  for (let j = 0; j < p; j++) mean[j] /= m;
  const cp = new Float64Array(p * p);
  const d = new Float64Array(p);
  for (const r of rows) {
    for (let j = 0; j < p; j++) d[j] = X[r * p + j]! - mean[j]!;
    for (let a = 0; a < p; a++) {
      const da = d[a]!;
      const row = a * p;
      for (let b = 0; b <= a; b++) cp[row + b] += da * d[b]!;
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) cp[b * p + a] = cp[a * p + b]!;
  return { mean, cp };
}

export interface LmCoefficients {
  /** per response column: intercept then one slope per predictor, or null when the fit failed */
  coef: (Float64Array | null)[];
}

export interface Moments {
  mean: Float64Array;
  cp: Float64Array;
}

/** OLS fits of every response of `block` on its predictors, from the training rows' moments (centredMoments). */
export function fitLmBlock(moments: Moments, p: number, block: LmBlock): LmCoefficients {
  const { mean, cp } = moments;
  const P = block.predictors;
  const k = P.length;
  const A = square(k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) A.a[a * k + b] = cp[P[a]! * p + P[b]!]!;
  const L = cholesky(A);
  const coef = block.responses.map((y) => {
    if (L === null) return null;
    const rhs = new Float64Array(k);
    for (let a = 0; a < k; a++) rhs[a] = cp[P[a]! * p + y]!;
    const beta = choleskySolve(L, rhs);
    const out = new Float64Array(k + 1);
    let icpt = mean[y]!;
    for (let a = 0; a < k; a++) {
      out[a + 1] = beta[a]!;
      icpt -= beta[a]! * mean[P[a]!]!;
    }
    out[0] = icpt;
    return out;
  });
  return { coef };
}

/** Prediction of response `r` of `block` for data row `row` (NaN when that fit failed). */
export function lmPredict(
  X: Float64Array,
  p: number,
  row: number,
  block: LmBlock,
  fit: LmCoefficients,
  r: number,
): number {
  const c = fit.coef[r];
  if (c === null || c === undefined) return NaN;
  let s = c[0]!;
  const P = block.predictors;
  for (let a = 0; a < P.length; a++) s += c[a + 1]! * X[row * p + P[a]!]!;
  return s;
}
