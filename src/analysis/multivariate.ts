/**
 * Multivariate normality and outliers on the complete rows (n x p), as psych 2.2.9's mardia()
 * and stats::mahalanobis(x, colMeans(x), cov(x)):
 *   S = the covariance with the n - 1 divisor; D = Xc S⁻¹ Xcᵀ (Xc centred);
 *   b1,p = Σ_ij D_ij³ / n²,  b2,p = Σ_i D_ii² / n                      (Mardia 1970, eqs 2.5, 2.7)
 *   skew = n b1,p / 6 ~ χ² with p(p+1)(p+2)/6 df; small-sample version multiplies by
 *   k = (p+1)(n+1)(n+3) / (n((n+1)(p+1) - 6))                           (Mardia 1974)
 *   kurtosis z = (b2,p - p(p+2)) · sqrt(n / (8p(p+2))), two-sided normal p.
 *   Mahalanobis d²_i = D_ii with p-value P(χ²_p > d²_i); a row is flagged when p < 0.001
 *   (the usual criterion, Tabachnick & Fidell 2013, ch. 4).
 * p-values come from the upper tails in sem/distributions (never 1 - cdf).
 */
import { chisqUpper, normalTwoSidedP } from "../sem/distributions/index.js";
import { spdInverse, square } from "../sem/linalg/dense.js";

export interface Mardia {
  "n.obs": number;
  "n.var": number;
  b1p: number;
  b2p: number;
  /** n b1p / 6 */
  skew: number;
  "small.skew": number;
  df: number;
  "p.skew": number;
  "p.small": number;
  /** the z statistic of b2p */
  kurtosis: number;
  "p.kurt": number;
}

export interface MahalanobisRow {
  /** 1-based data row number */
  row: number;
  d2: number;
  pvalue: number;
  outlier: boolean;
}

export const OUTLIER_ALPHA = 0.001;

/** Xc S⁻¹ (n x p) and Xc, with S the n - 1 covariance; null when S is singular. */
function whitened(X: Float64Array, n: number, p: number): { Y: Float64Array; Xc: Float64Array } | null {
  const Xc = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += X[i * p + j]!;
    m /= n;
    for (let i = 0; i < n; i++) Xc[i * p + j] = X[i * p + j]! - m;
  }
  const S = square(p);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < p; a++) {
      const xa = Xc[i * p + a]!;
      for (let b = 0; b <= a; b++) S.a[a * p + b] += xa * Xc[i * p + b]!;
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b <= a; b++) S.a[b * p + a] = S.a[a * p + b] = S.a[a * p + b]! / (n - 1);
  const res = spdInverse(S);
  if (res === null) return null;
  const inv = res.inv;
  const Y = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    for (let b = 0; b < p; b++) {
      let s = 0;
      for (let a = 0; a < p; a++) s += Xc[i * p + a]! * inv.a[a * p + b]!;
      Y[i * p + b] = s;
    }
  }
  return { Y, Xc };
}

function dot(a: Float64Array, i: number, b: Float64Array, j: number, p: number): number {
  let s = 0;
  for (let k = 0; k < p; k++) s += a[i * p + k]! * b[j * p + k]!;
  return s;
}

export interface MultivariateScreening {
  mardia: Mardia;
  mahalanobis: MahalanobisRow[];
}

/** Mardia's tests and Mahalanobis distances; `rowIds` are the data row numbers of X's rows. */
export function multivariateScreening(X: Float64Array, n: number, p: number, rowIds: readonly number[]): MultivariateScreening | null {
  const w = whitened(X, n, p);
  if (w === null) return null;
  const { Y, Xc } = w;
  let sum3 = 0;
  let sumDiag2 = 0;
  const d2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const dii = dot(Y, i, Xc, i, p);
    d2[i] = dii;
    sumDiag2 += dii * dii;
    sum3 += dii ** 3;
    for (let j = i + 1; j < n; j++) sum3 += 2 * dot(Y, i, Xc, j, p) ** 3;
  }
  const b1p = sum3 / (n * n);
  const b2p = sumDiag2 / n;
  const df = (p * (p + 1) * (p + 2)) / 6;
  const k = ((p + 1) * (n + 1) * (n + 3)) / (n * ((n + 1) * (p + 1) - 6));
  const skew = (n * b1p) / 6;
  const kurt = (b2p - p * (p + 2)) * Math.sqrt(n / (8 * p * (p + 2)));
  const mardia: Mardia = {
    "n.obs": n, "n.var": p, b1p, b2p, skew, "small.skew": k * skew, df,
    "p.skew": chisqUpper(skew, df), "p.small": chisqUpper(k * skew, df),
    kurtosis: kurt, "p.kurt": normalTwoSidedP(kurt),
  };
  const mahalanobis = Array.from(d2, (d, i) => {
    const pvalue = chisqUpper(d, p);
    return { row: rowIds[i]!, d2: d, pvalue, outlier: pvalue < OUTLIER_ALPHA };
  });
  return { mardia, mahalanobis };
}
