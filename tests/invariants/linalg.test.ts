/**
 * Invariants of the dense kernels on random matrices with known spectra (seeded), and
 * agreement with ml-matrix. Tolerances: TOL.kernel (1e-12 relative to the size of the matrix
 * compared) on matrices of condition 10, TOL.illConditioned (1e-8) on condition 1e6.
 */
import { CholeskyDecomposition, Matrix, determinant, inverse } from "ml-matrix";
import { describe, expect, it } from "vitest";
import {
  cholesky,
  choleskySolve,
  generalInverse,
  inverseFromCholesky,
  logDetFromCholesky,
  matmul,
  spdInverse,
  transpose,
  type Square,
} from "../../src/sem/linalg/dense.js";
import { TOL, expectAllRelClose, expectRelClose, maxAbs, rng } from "./helpers.js";
import { fromSpectrum, identity, randomMatrix, randomOrthogonal, randomSpd, rows } from "./matrices.js";

const K = TOL.kernel.rel;
const flat = (m: Matrix): Float64Array => Float64Array.from(m.to1DArray());

function factor(a: Float64Array, n: number): Square {
  const L = cholesky({ n, a });
  expect(L, "cholesky of a positive-definite matrix").not.toBeNull();
  return L!;
}

describe.each([1, 3, 10, 60, 61])("SPD matrices of size %i", (n) => {
  const u = rng(1000 + n);
  const cases = [randomSpd(n, u, 10), randomSpd(n, u, 10, 250)];

  it("cholesky: L is lower triangular with a positive diagonal and L·Lᵀ = A", () => {
    for (const c of cases) {
      const L = factor(c.a, n);
      for (let i = 0; i < n; i++) {
        expect(L.a[i * n + i]!).toBeGreaterThan(0);
        for (let j = i + 1; j < n; j++) expect(L.a[i * n + j]).toBe(0);
      }
      expectAllRelClose(matmul(L.a, transpose(L.a, n, n), n, n, n), c.a, K, maxAbs(c.a), "L·Lᵀ");
      const ref = flat(new CholeskyDecomposition(new Matrix(rows(c.a, n, n))).lowerTriangularMatrix);
      expectAllRelClose(L.a, ref, K, maxAbs(ref), "L vs ml-matrix");
    }
  });

  it("inverseFromCholesky: A⁻¹·A = I, A·A⁻¹ = I, and A⁻¹ equals the exact and the ml-matrix inverse", () => {
    for (const c of cases) {
      const inv = inverseFromCholesky(factor(c.a, n)).a;
      expectAllRelClose(matmul(inv, c.a, n, n, n), identity(n), K, 1, "A⁻¹·A");
      expectAllRelClose(matmul(c.a, inv, n, n, n), identity(n), K, 1, "A·A⁻¹");
      expectAllRelClose(inv, c.inv, K, maxAbs(c.inv), "A⁻¹ vs Q diag(1/λ) Qᵀ");
      const ref = flat(inverse(new Matrix(rows(c.a, n, n))));
      expectAllRelClose(inv, ref, K, maxAbs(ref), "A⁻¹ vs ml-matrix");
      for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(inv[i * n + j]).toBe(inv[j * n + i]);
    }
  });

  it("logDetFromCholesky equals Σ log λ and log(ml-matrix determinant)", () => {
    for (const c of cases) {
      const ld = logDetFromCholesky(factor(c.a, n));
      expectRelClose(ld, c.logDet, K, 1, "log|A| vs Σ log λ");
      expectRelClose(ld, Math.log(determinant(new Matrix(rows(c.a, n, n)))), K, 1, "log|A| vs ml-matrix");
    }
  });

  it("spdInverse agrees with cholesky + inverseFromCholesky + logDetFromCholesky", () => {
    const c = cases[1]!;
    const s = spdInverse({ n, a: c.a });
    expect(s).not.toBeNull();
    const L = factor(c.a, n);
    expect(Array.from(s!.inv.a)).toEqual(Array.from(inverseFromCholesky(L).a));
    expect(s!.logDet).toBe(logDetFromCholesky(L));
  });

  it("choleskySolve: A·x = b, and x equals ml-matrix's Cholesky solve", () => {
    for (const c of cases) {
      const b = randomMatrix(n, 1, u);
      const x = choleskySolve(factor(c.a, n), b);
      expectAllRelClose(matmul(c.a, x, n, n, 1), b, K, maxAbs(b), "A·x");
      const ref = flat(
        new CholeskyDecomposition(new Matrix(rows(c.a, n, n))).solve(Matrix.columnVector(Array.from(b))),
      );
      expectAllRelClose(x, ref, K, maxAbs(ref), "x vs ml-matrix");
    }
  });
});

describe("ill-conditioned SPD matrix (condition 1e6, n = 10)", () => {
  const c = randomSpd(10, rng(77), 1e6);
  const rel = TOL.illConditioned.rel;
  it("still factors, and A⁻¹ is accurate to κ·n·ε", () => {
    const L = factor(c.a, 10);
    expectAllRelClose(matmul(L.a, transpose(L.a, 10, 10), 10, 10, 10), c.a, K, maxAbs(c.a), "L·Lᵀ");
    const inv = inverseFromCholesky(L).a;
    expectAllRelClose(inv, c.inv, rel, maxAbs(c.inv), "A⁻¹");
    expectAllRelClose(matmul(c.a, inv, 10, 10, 10), identity(10), rel, 1, "A·A⁻¹");
    expectRelClose(logDetFromCholesky(L), c.logDet, K, 1, "log|A|");
  });
});

describe("cholesky on matrices that are not positive definite: null, never an exception", () => {
  const u = rng(5);
  const q = randomOrthogonal(10, u);
  const spectrum = (last: number) => Array.from({ length: 10 }, (_, k) => (k === 9 ? last : 1 + k));
  const cases: [string, Square][] = [
    ["indefinite 2×2", { n: 2, a: Float64Array.of(1, 2, 2, 1) }],
    ["negative 1×1", { n: 1, a: Float64Array.of(-1) }],
    ["zero 1×1", { n: 1, a: Float64Array.of(0) }],
    ["rank one (singular, exactly)", { n: 3, a: Float64Array.of(1, 2, 3, 2, 4, 6, 3, 6, 9) }],
    ["one negative eigenvalue, n = 10", { n: 10, a: fromSpectrum(q, spectrum(-0.1), 10) }],
    ["NaN on the diagonal", { n: 2, a: Float64Array.of(NaN, 0, 0, 1) }],
    ["NaN below the diagonal", { n: 3, a: Float64Array.of(2, 0, 0, NaN, 2, 0, 0, 0, 2) }],
    ["NaN in the last pivot", { n: 3, a: Float64Array.of(2, 0, 0, 0, 2, 0, 0, 0, NaN) }],
    ["Infinity on the diagonal", { n: 2, a: Float64Array.of(1, 0, 0, Infinity) }],
  ];
  it.each(cases)("%s", (_, A) => {
    expect(() => cholesky(A)).not.toThrow();
    expect(cholesky(A)).toBeNull();
    expect(spdInverse(A)).toBeNull();
  });
  it("a positive-definite control with the same spectrum but λ₁₀ = +0.1 factors", () => {
    expect(cholesky({ n: 10, a: fromSpectrum(q, spectrum(0.1), 10) })).not.toBeNull();
  });
});

describe("generalInverse on non-symmetric matrices", () => {
  /** U diag(σ) Vᵀ with σ in [1, 10]: condition 10, inverse V diag(1/σ) Uᵀ. */
  function nonSymmetric(n: number, u: () => number): { a: Float64Array; inv: Float64Array } {
    const U = randomOrthogonal(n, u);
    const V = randomOrthogonal(n, u);
    const s = Array.from({ length: n }, (_, k) => 1 + (9 * k) / Math.max(1, n - 1));
    const US = Float64Array.from(U, (x, i) => x * s[i % n]!);
    const VS = Float64Array.from(V, (x, i) => x / s[i % n]!);
    return { a: matmul(US, transpose(V, n, n), n, n, n), inv: matmul(VS, transpose(U, n, n), n, n, n) };
  }
  it.each([2, 5, 30])("n = %i: inverse on both sides and against the exact and ml-matrix inverses", (n) => {
    const { a, inv: exact } = nonSymmetric(n, rng(300 + n));
    const at = transpose(a, n, n);
    expect(maxAbs(Float64Array.from(a, (x, i) => x - at[i]!)), "A is not symmetric").toBeGreaterThan(0.1);
    const inv = generalInverse({ n, a });
    expect(inv).not.toBeNull();
    expectAllRelClose(matmul(inv!.a, a, n, n, n), identity(n), K, 1, "A⁻¹·A");
    expectAllRelClose(matmul(a, inv!.a, n, n, n), identity(n), K, 1, "A·A⁻¹");
    expectAllRelClose(inv!.a, exact, K, maxAbs(exact), "A⁻¹ vs V diag(1/σ) Uᵀ");
    const ref = flat(inverse(new Matrix(rows(a, n, n))));
    expectAllRelClose(inv!.a, ref, K, maxAbs(ref), "A⁻¹ vs ml-matrix");
  });
  it("needs pivoting: a zero in the first pivot position", () => {
    const a = Float64Array.of(0, 1, 2, 1, 0, 3, 4, -3, 8);
    const inv = generalInverse({ n: 3, a });
    expect(inv).not.toBeNull();
    expectAllRelClose(matmul(a, inv!.a, 3, 3, 3), identity(3), K, 1, "A·A⁻¹");
  });
  it("returns null on singular matrices", () => {
    expect(generalInverse({ n: 2, a: Float64Array.of(1, 2, 2, 4) })).toBeNull();
    expect(generalInverse({ n: 3, a: new Float64Array(9) })).toBeNull();
    expect(generalInverse({ n: 2, a: Float64Array.of(NaN, 1, 1, 1) })).toBeNull();
  });
});

describe("matmul against ml-matrix's mmul", () => {
  const shapes: [number, number, number][] = [
    [1, 1, 1],
    [3, 5, 2],
    [7, 1, 4],
    [4, 6, 1],
    [60, 60, 60],
  ];
  it.each(shapes)("%i×%i times %i columns (half the entries zero)", (r, k, c) => {
    const u = rng(r * 10000 + k * 100 + c);
    const a = randomMatrix(r, k, u, 0.5);
    const b = randomMatrix(k, c, u, 0.5);
    const ref = flat(new Matrix(rows(a, r, k)).mmul(new Matrix(rows(b, k, c))));
    const got = matmul(a, b, r, k, c);
    expectAllRelClose(got, ref, K, Math.max(maxAbs(ref), 1), "A·B");
    expectAllRelClose(
      transpose(got, r, c),
      matmul(transpose(b, k, c), transpose(a, r, k), c, k, r),
      K,
      Math.max(maxAbs(ref), 1),
      "(AB)ᵀ = BᵀAᵀ",
    );
  });
  it("a non-zero times NaN is NaN", () => {
    expect(matmul(Float64Array.of(1, 2), Float64Array.of(NaN, 1), 1, 2, 1)[0]).toBeNaN();
  });
});
