/**
 * Dense kernels on row-major Float64Array matrices: the hot path of the estimator. This module
 * holds the factorisations and inverses; the products (matmul, gemmNT, dot, congruence, ...) are in
 * products.ts and re-exported here.
 *
 * Cholesky A = L Lᵀ (Golub & Van Loan, Matrix Computations, alg. 4.2.1, the row-oriented
 * "Cholesky–Banachiewicz" order), the inverse of a symmetric positive-definite matrix through
 * L⁻¹ (Σ⁻¹ = L⁻ᵀ L⁻¹), and log|A| = 2 Σ log Lᵢᵢ. ml-matrix remains the type that modules exchange;
 * these kernels avoid its per-element overhead (about an order of magnitude on 100×100).
 * A failed factorisation returns null rather than throwing, so that the optimizer can treat a
 * non-positive-definite Σ(θ) as F = +Inf and back off.
 */
import { log } from "../numeric/index.js";
import { block24, dot } from "./products.js";

export { congruence, dot, gemmNT, matmul, traceProduct, transpose } from "./products.js";

/** A square n×n matrix stored row-major. */
export interface Square {
  readonly n: number;
  readonly a: Float64Array;
}

export function square(n: number, a?: Float64Array): Square {
  return { n, a: a ?? new Float64Array(n * n) };
}

/**
 * Lower Cholesky factor of a symmetric matrix (only the lower triangle is read); null if not PD.
 * Rows in pairs and columns in pairs: the four dot products L_i·L_j over k < j of a 2×2 block
 * share their loads (four multiply-adds per four values loaded instead of one per two), then the
 * block's second column takes the term of its first (L_i,j+1 needs L_i,j).
 */
export function cholesky(A: Square): Square | null {
  const n = A.n;
  const a = A.a;
  const l = new Float64Array(n * n);
  // row r from column c0 on, one entry at a time
  const rowFrom = (r: number, c0: number): boolean => {
    const rr = r * n;
    for (let c = c0; c <= r; c++) {
      const rc = c * n;
      const s = a[rr + c]! - dot(l, rr, l, rc, c);
      if (r === c) {
        if (!(s > 0) || !Number.isFinite(s)) return false;
        l[rr + r] = Math.sqrt(s);
      } else {
        l[rr + c] = s / l[rc + c]!;
      }
    }
    return true;
  };
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const r0 = i * n,
      r1 = r0 + n;
    let j = 0;
    for (; j + 1 < i; j += 2) {
      const q0 = j * n,
        q1 = q0 + n;
      let s00 = 0,
        s01 = 0,
        s10 = 0,
        s11 = 0;
      for (let k = 0; k < j; k++) {
        const x0 = l[r0 + k]!,
          x1 = l[r1 + k]!,
          y0 = l[q0 + k]!,
          y1 = l[q1 + k]!;
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
      }
      const ljj = l[q0 + j]!,
        lj1j = l[q1 + j]!,
        lj1j1 = l[q1 + j + 1]!;
      const a00 = (a[r0 + j]! - s00) / ljj;
      l[r0 + j] = a00;
      l[r0 + j + 1] = (a[r0 + j + 1]! - s01 - a00 * lj1j) / lj1j1;
      const a10 = (a[r1 + j]! - s10) / ljj;
      l[r1 + j] = a10;
      l[r1 + j + 1] = (a[r1 + j + 1]! - s11 - a10 * lj1j) / lj1j1;
    }
    if (!rowFrom(i, j) || !rowFrom(i + 1, j)) return null;
  }
  if (i < n && !rowFrom(i, 0)) return null;
  return { n, a: l };
}

/** log|A| from its Cholesky factor. */
export function logDetFromCholesky(L: Square): number {
  let s = 0;
  for (let i = 0; i < L.n; i++) s += log(L.a[i * L.n + i]!);
  return 2 * s;
}

/**
 * U = L⁻ᵀ (upper triangular, row-major) of a lower-triangular L: row j of U is column j of L⁻¹,
 * from L L⁻¹ = I by forward substitution, U_ji = −(Σ_{j ≤ t < i} L_it U_jt) / L_ii, U_ii = 1/L_ii,
 * row i of L against rows j of U (both contiguous). Rows i, i+1 and rows j..j+3 of U in one pass:
 * eight multiply-adds per six values loaded; row i+1 then adds its term in U_j,i.
 */
export function lowerInverseTransposed(l: Float64Array, n: number): Float64Array {
  const U = new Float64Array(n * n);
  let i = 0;
  for (; i + 1 < n; i += 2) inverseColumnPair(l, U, n, i);
  for (; i < n; i++) {
    const ri = i * n;
    const d = 1 / l[ri + i]!;
    for (let j = 0; j < i; j++) U[j * n + i] = -dot(l, ri + j, U, j * n + j, i - j) * d;
    U[ri + i] = d;
  }
  return U;
}

/** Columns i and i + 1 of U (rows i, i + 1 of L against the rows of U above them, four at a time). */
function inverseColumnPair(l: Float64Array, U: Float64Array, n: number, i: number): void {
  const r0 = i * n,
    r1 = r0 + n;
  const d0 = 1 / l[r0 + i]!,
    d1 = 1 / l[r1 + i + 1]!;
  const l10 = l[r1 + i]!;
  let j = 0;
  for (; j + 3 < i; j += 4) inverseBlock24(l, U, n, i, j, d0, d1, l10);
  for (; j < i; j++) {
    const w = -dot(l, r0 + j, U, j * n + j, i - j) * d0;
    U[j * n + i] = w;
    U[j * n + i + 1] = -(dot(l, r1 + j, U, j * n + j, i - j) + l10 * w) * d1;
  }
  U[r0 + i] = d0;
  U[r0 + i + 1] = -l10 * d0 * d1;
  U[r1 + i + 1] = d1;
}

/** U_j..j+3,i and U_j..j+3,i+1 in one pass over t (d0 = 1/L_ii, d1 = 1/L_i+1,i+1, l10 = L_i+1,i). */
function inverseBlock24(
  l: Float64Array,
  U: Float64Array,
  n: number,
  i: number,
  j: number,
  d0: number,
  d1: number,
  l10: number,
): void {
  const r0 = i * n,
    r1 = r0 + n;
  const u0 = j * n,
    u1 = u0 + n,
    u2 = u1 + n,
    u3 = u2 + n;
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0,
    t0 = 0,
    t1 = 0,
    t2 = 0,
    t3 = 0;
  for (let t = j; t < i; t++) {
    // U_j+b,t = 0 for t < j + b
    const x = l[r0 + t]!,
      y = l[r1 + t]!;
    const v0 = U[u0 + t]!,
      v1 = U[u1 + t]!,
      v2 = U[u2 + t]!,
      v3 = U[u3 + t]!;
    s0 += x * v0;
    s1 += x * v1;
    s2 += x * v2;
    s3 += x * v3;
    t0 += y * v0;
    t1 += y * v1;
    t2 += y * v2;
    t3 += y * v3;
  }
  const w0 = -s0 * d0,
    w1 = -s1 * d0,
    w2 = -s2 * d0,
    w3 = -s3 * d0;
  U[u0 + i] = w0;
  U[u1 + i] = w1;
  U[u2 + i] = w2;
  U[u3 + i] = w3;
  U[u0 + i + 1] = -(t0 + l10 * w0) * d1;
  U[u1 + i + 1] = -(t1 + l10 * w1) * d1;
  U[u2 + i + 1] = -(t2 + l10 * w2) * d1;
  U[u3 + i + 1] = -(t3 + l10 * w3) * d1;
}

/**
 * U Uᵀ (n×n, symmetric, row-major) of an upper-triangular U: (U Uᵀ)_ij = Σ_{t ≥ i} U_it U_jt for
 * i ≥ j, dot products of contiguous rows, in 2×4 blocks (as gemmNT).
 */
export function upperGram(U: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const a0 = i * n,
      a1 = a0 + n;
    let j = 0;
    for (; j + 3 <= i; j += 4) block24(U, a0, a1, U, j * n, n, i, n, out, a0 + j, a1 + j); // U_i+1,i = 0
    for (; j <= i + 1; j++) {
      if (j <= i) out[a0 + j] = dot(U, a0 + i, U, j * n + i, n - i);
      out[a1 + j] = dot(U, a1 + i + 1, U, j * n + i + 1, n - i - 1);
    }
  }
  for (; i < n; i++) for (let j = 0; j <= i; j++) out[i * n + j] = dot(U, i * n + i, U, j * n + i, n - i);
  for (let r = 0; r < n; r++) for (let c = 0; c < r; c++) out[c * n + r] = out[r * n + c]!;
  return out;
}

/** Inverse of A = L Lᵀ: A⁻¹ = L⁻ᵀ L⁻¹ = U Uᵀ with U = L⁻ᵀ. */
export function inverseFromCholesky(L: Square): Square {
  return { n: L.n, a: upperGram(lowerInverseTransposed(L.a, L.n), L.n) };
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
