/** Random test matrices with known spectra, row-major Float64Array. */
import { normal } from "./helpers.js";

/** An n×n orthogonal matrix: modified Gram–Schmidt (applied twice) on Gaussian columns. */
export function randomOrthogonal(n: number, u: () => number): Float64Array {
  const q = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) q[i] = normal(u);
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < n; j++) {
      for (let k = 0; k < j; k++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += q[i * n + j]! * q[i * n + k]!;
        for (let i = 0; i < n; i++) q[i * n + j] -= dot * q[i * n + k]!;
      }
      let norm = 0;
      for (let i = 0; i < n; i++) norm += q[i * n + j]! ** 2;
      norm = Math.sqrt(norm);
      for (let i = 0; i < n; i++) q[i * n + j] /= norm;
    }
  }
  return q;
}

/** Q diag(d) Qᵀ, exactly symmetrised. */
export function fromSpectrum(q: Float64Array, d: ArrayLike<number>, n: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += q[i * n + k]! * d[k]! * q[j * n + k]!;
      a[i * n + j] = s;
      a[j * n + i] = s;
    }
  }
  return a;
}

export interface SpdCase {
  readonly n: number;
  readonly a: Float64Array;
  /** the exact inverse Q diag(1/λ) Qᵀ and log-determinant Σ log λ */
  readonly inv: Float64Array;
  readonly logDet: number;
}

/**
 * A random symmetric positive-definite matrix with eigenvalues log-uniform in [scale/cond, scale]
 * (the extremes included when n ≥ 2), so its condition number is exactly cond.
 */
export function randomSpd(n: number, u: () => number, cond: number, scale = 1): SpdCase {
  const q = randomOrthogonal(n, u);
  const lam = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const t = n === 1 ? u() : k === 0 ? 0 : k === n - 1 ? 1 : u();
    lam[k] = scale * Math.pow(cond, -t);
  }
  const a = fromSpectrum(q, lam, n);
  const inv = fromSpectrum(
    q,
    Array.from(lam, (l) => 1 / l),
    n,
  );
  const logDet = lam.reduce((s, l) => s + Math.log(l), 0);
  return { n, a, inv, logDet };
}

/** A random r×c matrix with standard normal entries, a fraction `zeros` of them set to 0. */
export function randomMatrix(r: number, c: number, u: () => number, zeros = 0): Float64Array {
  const a = new Float64Array(r * c);
  for (let i = 0; i < r * c; i++) a[i] = u() < zeros ? 0 : normal(u);
  return a;
}

/** The n×n identity. */
export function identity(n: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) a[i * n + i] = 1;
  return a;
}

/** Rows of a row-major r×c array, for ml-matrix. */
export function rows(a: Float64Array, r: number, c: number): number[][] {
  return Array.from({ length: r }, (_, i) => Array.from(a.subarray(i * c, (i + 1) * c)));
}
