/**
 * Multivariate normality and outliers on the complete rows (n x p), as psych 2.2.9's mardia()
 * and stats::mahalanobis(x, colMeans(x), cov(x)):
 *   S = the covariance with the n - 1 divisor; D = Xc S⁻¹ Xcᵀ (Xc centred);
 *   b1,p = Σ_ij D_ij³ / n²,  b2,p = Σ_i D_ii² / n                      (Mardia 1970, eqs 2.5, 2.7)
 *   (b1,p is summed through the third-order moments of the whitened data, see sumCubedD)
 *   skew = n b1,p / 6 ~ χ² with p(p+1)(p+2)/6 df; small-sample version multiplies by
 *   k = (p+1)(n+1)(n+3) / (n((n+1)(p+1) - 6))                           (Mardia 1974)
 *   kurtosis z = (b2,p - p(p+2)) · sqrt(n / (8p(p+2))), two-sided normal p.
 *   Mahalanobis d²_i = D_ii with p-value P(χ²_p > d²_i); a row is flagged when p < 0.001
 *   (the usual criterion, Tabachnick & Fidell 2013, ch. 4).
 * p-values come from the upper tails in sem/distributions (never 1 - cdf).
 */
import { chisqUpper, normalTwoSidedP } from "../sem/distributions/index.js";
import { cholesky, square } from "../sem/linalg/dense.js";

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

/**
 * Whitened rows z_i = L⁻¹ (x_i - x̄), S = L Lᵀ the n - 1 covariance, so that D_ij = z_iᵀ z_j;
 * null when S is not positive definite.
 */
function whitened(X: Float64Array, n: number, p: number): Float64Array | null {
  const Z = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += X[i * p + j]!;
    m /= n;
    for (let i = 0; i < n; i++) Z[i * p + j] = X[i * p + j]! - m;
  }
  const S = square(p);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < p; a++) {
      const xa = Z[i * p + a]!;
      for (let b = 0; b <= a; b++) S.a[a * p + b] += xa * Z[i * p + b]!;
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b <= a; b++) S.a[b * p + a] = S.a[a * p + b] = S.a[a * p + b]! / (n - 1);
  const L = cholesky(S);
  if (L === null) return null;
  for (let i = 0; i < n; i++) {
    // forward substitution L z = x - x̄, in place
    for (let a = 0; a < p; a++) {
      let v = Z[i * p + a]!;
      for (let b = 0; b < a; b++) v -= L.a[a * p + b]! * Z[i * p + b]!;
      Z[i * p + a] = v / L.a[a * p + a]!;
    }
  }
  return Z;
}

/**
 * Σ_ij D_ij³ without the n x n matrix: Σ_ij (z_iᵀz_j)³ = Σ_abc M_abc², M_abc = Σ_i z_ia z_ib z_ic
 * (expand the cube), summed over a ≤ b ≤ c with multiplicity 6, 3 or 1: O(n p³/6), not O(n² p).
 */
function sumCubedD(Z: Float64Array, n: number, p: number): number {
  let total = 0;
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      for (let c = b; c < p; c++) {
        let m = 0;
        for (let i = 0; i < n; i++) {
          const r = i * p;
          m += Z[r + a]! * Z[r + b]! * Z[r + c]!;
        }
        const mult = a === b && b === c ? 1 : a === b || b === c ? 3 : 6;
        total += mult * m * m;
      }
    }
  }
  return total;
}

export interface MultivariateScreening {
  mardia: Mardia;
  mahalanobis: MahalanobisRow[];
}

/** Mardia's tests and Mahalanobis distances; `rowIds` are the data row numbers of X's rows. */
export function multivariateScreening(
  X: Float64Array,
  n: number,
  p: number,
  rowIds: readonly number[],
): MultivariateScreening | null {
  const Z = whitened(X, n, p);
  if (Z === null) return null;
  let sumDiag2 = 0;
  const d2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let dii = 0;
    for (let a = 0; a < p; a++) dii += Z[i * p + a]! ** 2;
    d2[i] = dii;
    sumDiag2 += dii * dii;
  }
  const b1p = sumCubedD(Z, n, p) / (n * n);
  const b2p = sumDiag2 / n;
  const df = (p * (p + 1) * (p + 2)) / 6;
  const k = ((p + 1) * (n + 1) * (n + 3)) / (n * ((n + 1) * (p + 1) - 6));
  const skew = (n * b1p) / 6;
  const kurt = (b2p - p * (p + 2)) * Math.sqrt(n / (8 * p * (p + 2)));
  const mardia: Mardia = {
    "n.obs": n,
    "n.var": p,
    b1p,
    b2p,
    skew,
    "small.skew": k * skew,
    df,
    "p.skew": chisqUpper(skew, df),
    "p.small": chisqUpper(k * skew, df),
    kurtosis: kurt,
    "p.kurt": normalTwoSidedP(kurt),
  };
  const mahalanobis = Array.from(d2, (d, i) => {
    const pvalue = chisqUpper(d, p);
    return { row: rowIds[i]!, d2: d, pvalue, outlier: pvalue < OUTLIER_ALPHA };
  });
  return { mardia, mahalanobis };
}
