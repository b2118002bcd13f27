/**
 * Prediction metrics per item from out-of-sample residuals e = actual − predicted (seminr 2.3.1,
 * prediction_metrics): RMSE = √(mean e²), MAE = mean |e|; and Q²predict = 1 − Σe² / Σe₀², where
 * e₀ is the error of the naive prediction of each case by the item's mean over the training
 * cases of its fold (Shmueli et al. 2019, "Predictive model assessment in PLS-SEM: guidelines
 * for using PLSpredict", European Journal of Marketing 53(11), p. 2330; with leave-one-out the
 * mean of the other n − 1 cases).
 */

export interface ItemMetrics {
  rmse: number;
  mae: number;
  /** sum of squared residuals */
  sse: number;
}

/** RMSE and MAE of column j of an n×q row-major residual matrix. */
export function residualMetrics(res: Float64Array, n: number, q: number, j: number): ItemMetrics {
  let ss = 0;
  let sa = 0;
  for (let i = 0; i < n; i++) {
    const e = res[i * q + j]!;
    ss += e * e;
    sa += Math.abs(e);
  }
  return { rmse: Math.sqrt(ss / n), mae: sa / n, sse: ss };
}

/** Σ over cases of the squared error of the training-fold mean, per column of the n×p data X. */
export function naiveSse(X: Float64Array, n: number, p: number, fold: Int32Array, folds: number): Float64Array {
  const total = new Float64Array(p);
  const foldSum = new Float64Array(folds * p);
  const foldN = new Float64Array(folds);
  for (let i = 0; i < n; i++) {
    const f = fold[i]!;
    foldN[f]!++;
    for (let j = 0; j < p; j++) {
      total[j] += X[i * p + j]!;
      foldSum[f * p + j] += X[i * p + j]!;
    }
  }
  const sse = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const f = fold[i]!;
    const m = n - foldN[f]!;
    for (let j = 0; j < p; j++) {
      const e = X[i * p + j]! - (total[j]! - foldSum[f * p + j]!) / m;
      sse[j] += e * e;
    }
  }
  return sse;
}
