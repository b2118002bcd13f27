/**
 * WebAssembly SIMD versions of the largest dense products (linalg/wasm/kernels.wat, compiled by
 * scripts/build-wasm.mjs), about three times the speed of the register-blocked TypeScript kernel
 * (bench/README.md, "FIML profile, third pass"). The module is instantiated on first use; where
 * WebAssembly SIMD is not available, or for products too small to repay the copies into its
 * memory, the TypeScript kernels of linalg/dense.ts do the work.
 */
import { gemmNT as gemmNTPlain, spdInverse } from "./dense.js";
import { KERNELS_WASM_BASE64 } from "./wasm/kernels-wasm.js";
import { log } from "../numeric/index.js";

/** The parts of the WebAssembly JavaScript API used here (the project's TypeScript libraries do not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

interface Kernels {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  gemmNT(a: number, lda: number, b: number, ldb: number, c: number, ldc: number, m: number, n: number, k: number): void;
  cholesky(a: number, n: number): number;
  lowerInverseTransposed(l: number, u: number, n: number): void;
  upperGram(u: number, c: number, n: number): void;
}

let kernels: Kernels | null | undefined;

/** The instantiated module, or null when this runtime cannot compile it. */
function load(): Kernels | null {
  if (kernels === undefined) {
    const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    try {
      if (api === undefined) throw new Error("no WebAssembly");
      const module = new api.Module(base64Bytes(KERNELS_WASM_BASE64));
      kernels = new api.Instance(module, {}).exports as Kernels;
    } catch {
      kernels = null;
    }
  }
  return kernels;
}

/** The bytes of base64 text, by atob (in browsers and Node alike; Node's Buffer is not in browsers). */
function base64Bytes(text: string): Uint8Array {
  const binary = (globalThis as unknown as { atob: (s: string) => string }).atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** True when the WebAssembly kernels run here. */
export function simdAvailable(): boolean {
  return load() !== null;
}

/** Multiply-adds below which the TypeScript kernel is used (the copies would cost more than they save). */
export const SIMD_MIN_WORK = 50_000;

const roundUp = (x: number, to: number): number => Math.ceil(x / to) * to;

/** Copies row-major m×k `src` into `dst` at `off` as rows of length kp ≥ k (the rest already zero). */
function copyRows(dst: Float64Array, off: number, src: Float64Array, m: number, k: number, kp: number): void {
  if (kp === k) dst.set(src.subarray(0, m * k), off);
  else for (let u = 0; u < m; u++) dst.set(src.subarray(u * k, u * k + k), off + u * kp);
}

/** The module's memory as doubles, grown to hold at least `doubles` of them. */
function heap(wk: Kernels, doubles: number): Float64Array {
  const bytes = doubles * 8;
  const have = wk.memory.buffer.byteLength;
  if (have < bytes) wk.memory.grow(Math.ceil((bytes - have) / 65536));
  return new Float64Array(wk.memory.buffer);
}

/**
 * The blocks of a product whose B is larger than BLOCK_FROM doubles (8 MB, about what the cache
 * holds here): K_BLOCK columns of A and B at a time, and N_BLOCK rows of B, so that the panel of B
 * in use (128 × 256 doubles, 256 KB) stays in the core's cache while every row pair of A passes
 * over it, instead of B streaming from memory once per row pair (a 5,050 × 5,050 × 1,693 product
 * ran at 3.7 multiply-adds per ns, blocked at 6.8; below the threshold one pass is as fast or
 * faster: bench/README.md).
 */
export const K_BLOCK = 256;
export const N_BLOCK = 128;
export const BLOCK_FROM = 1 << 20;

/**
 * C = A Bᵀ for row-major A (m×k) and B (n×k), as linalg/dense.ts gemmNT: in WebAssembly when
 * available and the product is large enough. The operands are copied into the module's memory
 * with zero padding (m to even, n to a multiple of 4, k to even), which leaves every entry of C
 * unchanged; C accumulates over the blocks of k.
 */
export function gemmNT(
  a: Float64Array,
  b: Float64Array,
  m: number,
  n: number,
  k: number,
  out = new Float64Array(m * n),
): Float64Array {
  const wk = m * n * k < SIMD_MIN_WORK ? null : load();
  if (wk === null) return gemmNTPlain(a, b, m, n, k, out);
  const mp = roundUp(m, 2),
    np = roundUp(n, 4),
    kp = roundUp(k, 2);
  const aOff = 0,
    bOff = mp * kp,
    cOff = bOff + np * kp;
  const F = heap(wk, cOff + mp * np);
  F.fill(0, 0, cOff + mp * np);
  copyRows(F, aOff, a, m, k, kp);
  copyRows(F, bOff, b, n, k, kp);
  const blocked = np * kp > BLOCK_FROM;
  const kb = blocked ? K_BLOCK : kp;
  const nb = blocked ? N_BLOCK : np;
  for (let k0 = 0; k0 < kp; k0 += kb) {
    for (let v0 = 0; v0 < np; v0 += nb) {
      wk.gemmNT(
        (aOff + k0) * 8,
        kp,
        (bOff + v0 * kp + k0) * 8,
        kp,
        (cOff + v0) * 8,
        np,
        mp,
        Math.min(nb, np - v0),
        Math.min(kb, kp - k0),
      );
    }
  }
  for (let u = 0; u < m; u++) out.set(F.subarray(cOff + u * np, cOff + u * np + n), u * n);
  return out;
}

/**
 * Ct Ctᵀ (k×k) of a row-major k×n matrix Ct: the cross product Xᵀ X of X = Ctᵀ (n rows of k
 * values, e.g. casewise scores), every entry a dot product of two contiguous rows of length n, by
 * gemmNT (in WebAssembly when large enough); the upper triangle is copied from the lower one, so
 * that the result is exactly symmetric whichever kernel summed it.
 */
export function gram(ct: Float64Array, k: number, n: number): Float64Array {
  const out = gemmNT(ct, ct, k, k, n);
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) out[b * k + a] = out[a * k + b]!;
  return out;
}

/** Size from which spdInverseLarge() runs in WebAssembly. */
export const SIMD_MIN_ORDER = 48;

/**
 * Inverse and log-determinant of a symmetric positive-definite n×n matrix, as linalg/dense.ts
 * spdInverse (Cholesky, U = L⁻ᵀ, A⁻¹ = U Uᵀ, the same 2×2-block order of operations), in
 * WebAssembly for n ≥ SIMD_MIN_ORDER; null when A is not positive definite. An odd order is
 * padded with a unit diagonal entry, which leaves the factor and the inverse unchanged.
 */
export function spdInverseLarge(a: Float64Array, n: number): { inv: Float64Array; logDet: number } | null {
  const wk = n < SIMD_MIN_ORDER ? null : load();
  if (wk === null) {
    const r = spdInverse({ n, a });
    return r === null ? null : { inv: r.inv.a, logDet: r.logDet };
  }
  const np = roundUp(n, 2);
  const sq = np * np;
  const F = heap(wk, 3 * sq);
  F.fill(0, 0, 2 * sq);
  copyRows(F, 0, a, n, n, np);
  if (np > n) F[sq - 1] = 1;
  if (wk.cholesky(0, np) !== 0) return null;
  let logDet = 0;
  for (let i = 0; i < n; i++) logDet += log(F[i * np + i]!);
  wk.lowerInverseTransposed(0, sq * 8, np);
  wk.upperGram(sq * 8, 2 * sq * 8, np);
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inv.set(F.subarray(2 * sq + i * np, 2 * sq + i * np + n), i * n);
  return { inv, logDet: 2 * logDet };
}

/**
 * The WebAssembly kernels with their memory grown to hold at least `doubles` doubles, and a view of
 * it, for kernels that lay their operands out in that memory themselves (linalg/gram-lower.ts);
 * null where WebAssembly SIMD is not available. The view is valid until the memory grows again.
 */
export function kernelMemory(doubles: number): { readonly kernels: Kernels; readonly heap: Float64Array } | null {
  const wk = load();
  return wk === null ? null : { kernels: wk, heap: heap(wk, doubles) };
}
