/**
 * Sample statistics per group: means and the covariance matrix with the N divisor
 * (lavaan's convention for ML: S = (1/N) Σ (x−x̄)(x−x̄)ᵀ, not N−1).
 */
import { spdInverse } from "../linalg/dense.js";

export interface GroupStats {
  readonly label: string;
  readonly n: number;
  readonly p: number;
  readonly mean: Float64Array;
  /** covariance, N divisor, row-major p×p */
  readonly S: Float64Array;
  readonly Sinv: Float64Array;
  readonly logDetS: number;
}

export interface SampleStats {
  readonly groups: readonly GroupStats[];
  readonly ntotal: number;
}

/** Means and N-divisor covariance of a row-major n×p block. */
export function meanAndCovariance(X: Float64Array, n: number, p: number): { mean: Float64Array; S: Float64Array } {
  const mean = new Float64Array(p);
  for (let r = 0; r < n; r++) for (let j = 0; j < p; j++) mean[j] += X[r * p + j]!;
  for (let j = 0; j < p; j++) mean[j] /= n;
  const S = new Float64Array(p * p);
  const d = new Float64Array(p);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < p; j++) d[j] = X[r * p + j]! - mean[j]!;
    for (let i = 0; i < p; i++) {
      const di = d[i]!;
      for (let j = 0; j <= i; j++) S[i * p + j] += di * d[j]!;
    }
  }
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) {
      const v = S[i * p + j]! / n;
      S[i * p + j] = v;
      S[j * p + i] = v;
    }
  return { mean, S };
}

/** Statistics of one group; null when S is not positive definite. */
export function groupStats(label: string, X: Float64Array, n: number, p: number): GroupStats | null {
  const { mean, S } = meanAndCovariance(X, n, p);
  const inv = spdInverse({ n: p, a: S });
  if (inv === null) return null;
  return { label, n, p, mean, S, Sinv: inv.inv.a, logDetS: inv.logDet };
}
