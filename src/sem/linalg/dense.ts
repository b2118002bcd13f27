/**
 * Dense kernels on row-major Float64Array matrices: the hot path of the estimator.
 *
 * Cholesky A = L Lᵀ (Golub & Van Loan, Matrix Computations, alg. 4.2.1, the row-oriented
 * "Cholesky–Banachiewicz" order), the inverse of a symmetric positive-definite matrix through
 * L⁻¹ (Σ⁻¹ = L⁻ᵀ L⁻¹), and log|A| = 2 Σ log Lᵢᵢ. ml-matrix remains the type that modules exchange;
 * these kernels avoid its per-element overhead (about an order of magnitude on 100×100).
 * A failed factorisation returns null rather than throwing, so that the optimizer can treat a
 * non-positive-definite Σ(θ) as F = +Inf and back off.
 */

/** A square n×n matrix stored row-major. */
export interface Square {
  readonly n: number;
  readonly a: Float64Array;
}

export function square(n: number, a?: Float64Array): Square {
  return { n, a: a ?? new Float64Array(n * n) };
}

/** Lower Cholesky factor of a symmetric matrix (only the lower triangle is read); null if not PD. */
export function cholesky(A: Square): Square | null {
  const n = A.n;
  const a = A.a;
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = a[ri + j]!;
      for (let k = 0; k < j; k++) s -= l[ri + k]! * l[rj + k]!;
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return null;
        l[ri + i] = Math.sqrt(s);
      } else {
        l[ri + j] = s / l[rj + j]!;
      }
    }
  }
  return { n, a: l };
}

/** log|A| from its Cholesky factor. */
export function logDetFromCholesky(L: Square): number {
  let s = 0;
  for (let i = 0; i < L.n; i++) s += Math.log(L.a[i * L.n + i]!);
  return 2 * s;
}

/** Inverse of A = L Lᵀ: computes L⁻¹ (forward substitution), then L⁻ᵀ L⁻¹. */
export function inverseFromCholesky(L: Square): Square {
  const n = L.n;
  const l = L.a;
  const m = new Float64Array(n * n); // M = L⁻¹, lower triangular
  for (let j = 0; j < n; j++) {
    m[j * n + j] = 1 / l[j * n + j]!;
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      const ri = i * n;
      for (let k = j; k < i; k++) s -= l[ri + k]! * m[k * n + j]!;
      m[ri + j] = s / l[ri + i]!;
    }
  }
  const inv = new Float64Array(n * n); // (L⁻ᵀ L⁻¹)_ij = Σ_k M_ki M_kj, k ≥ max(i, j)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += m[k * n + i]! * m[k * n + j]!;
      inv[i * n + j] = s;
      inv[j * n + i] = s;
    }
  }
  return { n, a: inv };
}

/** Inverse and log-determinant of a symmetric PD matrix, or null when it is not PD. */
export function spdInverse(A: Square): { inv: Square; logDet: number } | null {
  const L = cholesky(A);
  if (L === null) return null;
  return { inv: inverseFromCholesky(L), logDet: logDetFromCholesky(L) };
}

/** Solves A x = b for symmetric PD A given its Cholesky factor. */
export function choleskySolve(L: Square, b: Float64Array): Float64Array {
  const n = L.n;
  const l = L.a;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * y[k]!;
    y[i] = s / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  return x;
}

/** C = A B for row-major A (r×k) and B (k×c). */
export function matmul(a: Float64Array, b: Float64Array, r: number, k: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    const ri = i * k;
    const ro = i * c;
    for (let t = 0; t < k; t++) {
      const v = a[ri + t]!;
      if (v === 0) continue;
      const rt = t * c;
      for (let j = 0; j < c; j++) out[ro + j] += v * b[rt + j]!;
    }
  }
  return out;
}

/** Transpose of a row-major r×c matrix. */
export function transpose(a: Float64Array, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a[i * c + j]!;
  return out;
}

/** Inverse of a general square matrix by Gauss-Jordan with partial pivoting; null if singular. */
export function generalInverse(A: Square): Square | null {
  const n = A.n;
  const w = Float64Array.from(A.a);
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(w[r * n + col]!) > Math.abs(w[piv * n + col]!)) piv = r;
    const pv = w[piv * n + col]!;
    if (Math.abs(pv) < 1e-300 || !Number.isFinite(pv)) return null;
    if (piv !== col) swapRows(w, inv, n, piv, col);
    for (let j = 0; j < n; j++) {
      w[col * n + j] /= pv;
      inv[col * n + j] /= pv;
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = w[r * n + col]!;
      if (f === 0) continue;
      for (let j = 0; j < n; j++) {
        w[r * n + j] -= f * w[col * n + j]!;
        inv[r * n + j] -= f * inv[col * n + j]!;
      }
    }
  }
  return { n, a: inv };
}

function swapRows(w: Float64Array, inv: Float64Array, n: number, r1: number, r2: number): void {
  for (let j = 0; j < n; j++) {
    const t = w[r1 * n + j]!;
    w[r1 * n + j] = w[r2 * n + j]!;
    w[r2 * n + j] = t;
    const u = inv[r1 * n + j]!;
    inv[r1 * n + j] = inv[r2 * n + j]!;
    inv[r2 * n + j] = u;
  }
}
