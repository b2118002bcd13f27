/**
 * The products with the asymptotic covariance Γ (m×m) and the weight W that the robust standard
 * errors and the scaled tests need, in the orders that make them cheap:
 * - Γ X for the m×k matrix X = W J is formed as its transpose (k×m), a row of Γ at a time for every
 *   non-zero X_la (Γ is symmetric, so its column l is its row l): the Jacobian of a threshold or of
 *   a loading touches one or a few dozen of the m statistics, so this costs m·nnz(X) instead of m²k;
 *   a dense X (full W) goes through the WebAssembly product;
 * - Xᵀ Y with X sparse (row-major m×k) and Y given as its transpose, likewise by the non-zeros of X;
 * - the dense cross product Pᵀ Q of two matrices given as transposes (k×m each) by gemmNT.
 */
import { gemmNT } from "../../linalg/simd.js";

/** Share of non-zero entries above which a product is done dense. */
const DENSE_FROM = 0.25;

function nonZeros(X: Float64Array): number {
  let n = 0;
  for (let i = 0; i < X.length; i++) if (X[i] !== 0) n++;
  return n;
}

/** The transpose (c×r) of a row-major r×c matrix. */
export function transposed(X: Float64Array, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = X[i * c + j]!;
  return out;
}

/** (Γ X)ᵀ = Xᵀ Γ (k×m) for symmetric Γ (m×m) and row-major X (m×k). */
export function gammaTimesT(gamma: Float64Array, X: Float64Array, m: number, k: number): Float64Array {
  if (nonZeros(X) > DENSE_FROM * m * k) return gemmNT(transposed(X, m, k), gamma, k, m, m);
  const out = new Float64Array(k * m);
  for (let l = 0; l < m; l++) {
    const row = l * m;
    for (let a = 0; a < k; a++) {
      const x = X[l * k + a]!;
      if (x === 0) continue;
      const o = a * m;
      for (let i = 0; i < m; i++) out[o + i] += x * gamma[row + i]!;
    }
  }
  return out;
}

/** w · Xᵀ Y (k×c) for row-major X (m×k) and Y given as its transpose YT (c×m). */
export function sparseCross(X: Float64Array, YT: Float64Array, m: number, k: number, c: number, w = 1): Float64Array {
  if (nonZeros(X) > DENSE_FROM * m * k) return denseCross(transposed(X, m, k), YT, k, c, m, w);
  const out = new Float64Array(k * c);
  for (let i = 0; i < m; i++)
    for (let a = 0; a < k; a++) {
      const x = w * X[i * k + a]!;
      if (x === 0) continue;
      const o = a * c;
      for (let b = 0; b < c; b++) out[o + b] += x * YT[b * m + i]!;
    }
  return out;
}

/** w · P Qᵀ (k×c) for row-major P (k×m) and Q (c×m): the cross product of the matrices they transpose. */
export function denseCross(P: Float64Array, Q: Float64Array, k: number, c: number, m: number, w = 1): Float64Array {
  const out = gemmNT(P, Q, k, c, m);
  if (w !== 1) for (let i = 0; i < out.length; i++) out[i] *= w;
  return out;
}
