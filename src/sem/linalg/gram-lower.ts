/**
 * scale · Z Zᵀ (m×m) of a row-major m×len matrix Z whose rows are written by a callback straight
 * into the WebAssembly memory (no m×len array of its own, no copy), for the asymptotic covariance
 * of the ordinal statistics (Gamma = Z Zᵀ / N from the casewise influences, about 2,400 × 425 for
 * 25 six-category items): only the blocks on or below the diagonal are multiplied, by the gemmNT
 * kernel of linalg/wasm/kernels.wat, in panels of K_PANEL columns of Z so that the rows of the
 * panel (at most m × K_PANEL doubles) stay in the core's cache while each pair of rows of a block
 * passes over them; then the lower triangle is scaled and mirrored (exactly symmetric). Without
 * WebAssembly SIMD it returns null and the caller uses the TypeScript kernel.
 */
import { kernelMemory } from "./simd.js";

/** Columns of Z per panel (256 × 8 bytes × 425 rows ≈ 870 KB; 128 to 256 ran alike here, whole rows 25% slower). */
export const K_PANEL = 256;
/** Rows of C per call of the kernel (even). */
export const ROW_BLOCK = 32;

const roundUp = (x: number, to: number): number => Math.ceil(x / to) * to;

/**
 * @param fill writes row `row` of Z (len values) into `out` from index `offset` (the rest of the
 *   padded row is zero already)
 */
export function lowerGramRows(
  m: number,
  len: number,
  fill: (row: number, out: Float64Array, offset: number) => void,
  scale: number,
): Float64Array | null {
  const np = roundUp(Math.max(m, 1), 4);
  const kp = roundUp(Math.max(len, 1), 2);
  const cOff = np * kp;
  const mem = kernelMemory(cOff + np * np);
  if (mem === null) return null;
  const { kernels, heap } = mem;
  heap.fill(0, 0, cOff + np * np);
  for (let r = 0; r < m; r++) fill(r, heap, r * kp);
  for (let k0 = 0; k0 < kp; k0 += K_PANEL) {
    const k = Math.min(K_PANEL, kp - k0);
    for (let r0 = 0; r0 < np; r0 += ROW_BLOCK) {
      const r1 = Math.min(np, r0 + ROW_BLOCK);
      // rows r0..r1 of C against the rows 0..r1 of Z (n a multiple of 4: np is)
      kernels.gemmNT((r0 * kp + k0) * 8, kp, k0 * 8, kp, (cOff + r0 * np) * 8, np, r1 - r0, roundUp(r1, 4), k);
    }
  }
  const out = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    const row = cOff + a * np;
    for (let b = 0; b <= a; b++) {
      const v = scale * heap[row + b]!;
      out[a * m + b] = v;
      out[b * m + a] = v;
    }
  }
  return out;
}
