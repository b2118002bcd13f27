/**
 * Small dense products and the inverse of a covariance matrix into buffers given by the caller
 * (group-kernel.ts): row-major matrices, nothing allocated.
 */
import { log } from "../numeric/index.js";

/**
 * out = op(A) op(B) (r×c), with A[i, t] at a[i·ai + t·at] and B[t, j] at b[t·bt + j·bj] (t < k):
 * the strides give A B, A Bᵀ or Aᵀ B of row-major matrices without copies.
 */
function strided(
  out: Float64Array,
  a: Float64Array,
  ai: number,
  at: number,
  b: Float64Array,
  bt: number,
  bj: number,
  r: number,
  k: number,
  c: number,
): void {
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += a[i * ai + t * at]! * b[t * bt + j * bj]!;
      out[i * c + j] = s;
    }
}

/** out = A B for row-major A (r×k), B (k×c). */
export function product(out: Float64Array, A: Float64Array, B: Float64Array, r: number, k: number, c: number): void {
  strided(out, A, k, 1, B, c, 1, r, k, c);
}

/** out = A Bᵀ for row-major A (r×k), B (c×k). */
export function productT(out: Float64Array, A: Float64Array, B: Float64Array, r: number, k: number, c: number): void {
  strided(out, A, k, 1, B, 1, k, r, k, c);
}

/** out = Aᵀ B for row-major A (k×r), B (k×c). */
export function productTN(out: Float64Array, A: Float64Array, B: Float64Array, k: number, r: number, c: number): void {
  strided(out, A, 1, r, B, c, 1, r, k, c);
}

/**
 * Σ⁻¹ = L⁻ᵀ L⁻¹ from Σ = L Lᵀ (p×p, row-major; Cholesky–Banachiewicz, then L⁻¹ by forward
 * substitution) into sigmaInv, with L and L⁻¹ in the buffers given; returns log|Σ| = 2 Σ log Lᵢᵢ,
 * or null when Σ is not positive definite.
 */
export function choleskyInverse(
  a: Float64Array,
  L: Float64Array,
  Linv: Float64Array,
  sigmaInv: Float64Array,
  p: number,
): number | null {
  let logDet = 0;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * p + j]!;
      for (let k = 0; k < j; k++) s -= L[i * p + k]! * L[j * p + k]!;
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return null;
        L[i * p + i] = Math.sqrt(s);
        logDet += log(L[i * p + i]!);
      } else L[i * p + j] = s / L[j * p + j]!;
    }
  }
  // L⁻¹ by forward substitution, column by column of the identity
  for (let j = 0; j < p; j++) {
    Linv[j * p + j] = 1 / L[j * p + j]!;
    for (let i = j + 1; i < p; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= L[i * p + k]! * Linv[k * p + j]!;
      Linv[i * p + j] = s / L[i * p + i]!;
    }
  }
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < p; k++) s += Linv[k * p + i]! * Linv[k * p + j]!;
      sigmaInv[i * p + j] = s;
      sigmaInv[j * p + i] = s;
    }
  return 2 * logDet;
}
