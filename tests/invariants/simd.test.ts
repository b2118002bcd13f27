/**
 * The matrix-product kernels: the register-blocked TypeScript gemmNT and upperGram
 * (linalg/dense.ts) against the textbook triple loop, and the WebAssembly SIMD gemmNT
 * (linalg/simd.ts) against the TypeScript one, on sizes that exercise every padding and every
 * remainder of the blocks. A product of doubles summed in another order differs by a few n·ε of
 * the size of the terms: TOL.kernel (1e-12 relative to the largest entry). The embedded module
 * must be the compilation of the committed WebAssembly text (scripts/build-wasm.mjs).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { gemmNT, lowerInverseTransposed, spdInverse, upperGram } from "../../src/sem/linalg/dense.js";
import {
  BLOCK_FROM,
  K_BLOCK,
  N_BLOCK,
  SIMD_MIN_ORDER,
  SIMD_MIN_WORK,
  gemmNT as simdGemmNT,
  simdAvailable,
  spdInverseLarge,
} from "../../src/sem/linalg/simd.js";
import { randomSpd } from "./matrices.js";
import { TOL, expectAllRelClose, maxAbs, rng } from "./helpers.js";
// @ts-expect-error: a plain ES module script of the project, without type declarations
import { compileKernels, kernelsModuleSource } from "../../scripts/build-wasm.mjs";

const K = TOL.kernel.rel;

function random(len: number, u: () => number): Float64Array {
  return Float64Array.from({ length: len }, () => u() * 2 - 1);
}

/** C = A Bᵀ by the textbook triple loop. */
function naiveNT(a: Float64Array, b: Float64Array, m: number, n: number, k: number): Float64Array {
  const c = new Float64Array(m * n);
  for (let u = 0; u < m; u++)
    for (let v = 0; v < n; v++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += a[u * k + t]! * b[v * k + t]!;
      c[u * n + v] = s;
    }
  return c;
}

// the last two are blocked by the WebAssembly wrapper (B over BLOCK_FROM doubles), across several
// blocks of k and of B's rows, with remainders (see the test below)
const BLOCKED: [number, number, number][] = [
  [2, 1100, 1000],
  [3, 1101, 1001],
];
const SIZES: [number, number, number][] = [
  [1, 1, 1],
  [2, 4, 2],
  [3, 5, 7],
  [7, 9, 1],
  [40, 37, 45],
  [41, 38, 344],
  [64, 64, 64],
  ...BLOCKED,
];

describe.each(SIZES)("A Bᵀ with m = %i, n = %i, k = %i", (m, n, k) => {
  const u = rng(m * 1000 + n * 10 + k);
  const a = random(m * k, u);
  const b = random(n * k, u);
  const ref = naiveNT(a, b, m, n, k);

  it("the register-blocked kernel equals the triple loop", () => {
    expectAllRelClose(gemmNT(a, b, m, n, k), ref, K, maxAbs(ref), "gemmNT");
  });

  it("the WebAssembly kernel (or its fallback below the work threshold) equals it too", () => {
    expectAllRelClose(simdGemmNT(a, b, m, n, k), ref, K, maxAbs(ref), "simd gemmNT");
  });
});

describe("the WebAssembly kernels", () => {
  it(
    "are blocked on the sizes chosen for it: B over " +
      "the threshold, several blocks of k and of B's rows, " +
      "remainders",
    () => {
      for (const [, n, k] of BLOCKED) {
        expect(n * k).toBeGreaterThan(BLOCK_FROM);
        expect(k).toBeGreaterThan(2 * K_BLOCK);
        expect(n).toBeGreaterThan(2 * N_BLOCK);
      }
      expect(BLOCKED.some(([, n, k]) => k % K_BLOCK !== 0 && n % N_BLOCK !== 0 && k % 2 === 1 && n % 4 !== 0)).toBe(
        true,
      );
    },
  );

  it("run on this Node version (SIMD is on by default since Node 16)", () => {
    expect(simdAvailable()).toBe(true);
  });

  it("are used above the work threshold, and a result off by more than the tolerance is rejected", () => {
    const [m, n, k] = [41, 38, 344];
    expect(m * n * k).toBeGreaterThan(SIMD_MIN_WORK);
    const u = rng(7);
    const a = random(m * k, u);
    const b = random(n * k, u);
    const ref = naiveNT(a, b, m, n, k);
    const c = simdGemmNT(a, b, m, n, k);
    const off = Float64Array.from(c);
    off[5] += 3 * K * maxAbs(ref);
    expect(() => expectAllRelClose(off, ref, K, maxAbs(ref), "perturbed")).toThrow();
  });

  it("embed the compilation of the committed WebAssembly text", async () => {
    const bytes: Buffer = await compileKernels(readFileSync("src/sem/linalg/wasm/kernels.wat", "utf8"));
    expect(readFileSync("src/sem/linalg/wasm/kernels-wasm.ts", "utf8")).toBe(kernelsModuleSource(bytes));
  });
});

describe("U Uᵀ of an upper-triangular U (the inverse from a Cholesky factor)", () => {
  it.each([1, 2, 5, 8, 33])("equals the triple loop for n = %i", (n) => {
    const u = rng(500 + n);
    const L = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) L[i * n + j] = i === j ? 1 + u() : u() - 0.5;
    const U = lowerInverseTransposed(L, n);
    // L Uᵀ = L L⁻¹ = I
    const LUt = naiveNT(L, U, n, n, n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) expect(Math.abs(LUt[i * n + j]! - (i === j ? 1 : 0))).toBeLessThan(1e-12);
    const ref = naiveNT(U, U, n, n, n);
    expectAllRelClose(upperGram(U, n), ref, K, maxAbs(ref), "U Uᵀ");
  });
});

// the kernels go over the rows in blocks of 32: every order here spans several, with a remainder
describe("the inverse of a large SPD matrix in WebAssembly", () => {
  it.each([SIMD_MIN_ORDER, SIMD_MIN_ORDER + 1, 97, 350])(
    "equals the TypeScript kernels for n = %i (odd orders padded)",
    (n) => {
      const u = rng(900 + n);
      const A = randomSpd(n, u, 10).a;
      const ref = spdInverse({ n, a: A })!;
      const got = spdInverseLarge(A, n)!;
      expectAllRelClose(got.inv, ref.inv.a, K, maxAbs(ref.inv.a), "inverse");
      expect(Math.abs(got.logDet - ref.logDet)).toBeLessThan(K * Math.max(1, Math.abs(ref.logDet)));
      // A A⁻¹ = I
      const AI = naiveNT(A, got.inv, n, n, n); // A·(A⁻¹)ᵀ, A⁻¹ symmetric
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) expect(Math.abs(AI[i * n + j]! - (i === j ? 1 : 0))).toBeLessThan(1e-11);
    },
  );

  it("says null for a matrix that is not positive definite, and for NaN entries", () => {
    const n = 60;
    const A = randomSpd(n, rng(3), 10).a;
    const B = Float64Array.from(A);
    B[37 * n + 37] = -1;
    expect(spdInverseLarge(B, n)).toBeNull();
    const C = Float64Array.from(A);
    C[12 * n + 5] = NaN;
    C[5 * n + 12] = NaN;
    expect(spdInverseLarge(C, n)).toBeNull();
  });
});
