/**
 * Shared pieces of the invariant tests: one comparison rule, the tolerances the tests use
 * (each one is itself tested in tolerances.test.ts), and a seeded random number generator.
 */
import { expect } from "vitest";

/**
 * |actual − expected| ≤ rel · max(|expected|, floor). The floor is the scale below which the
 * comparison becomes absolute (rel · floor); pass the size of a whole matrix or vector as the
 * floor to compare its entries relative to that size. NaN and infinities never compare close.
 */
export function relClose(actual: number, expected: number, rel: number, floor: number): boolean {
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return false;
  return Math.abs(actual - expected) <= rel * Math.max(Math.abs(expected), floor);
}

/** The relative error that relClose compares with rel. */
export function relError(actual: number, expected: number, floor: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), floor);
}

export function expectRelClose(actual: number, expected: number, rel: number, floor: number, what = "value"): void {
  const ok = relClose(actual, expected, rel, floor);
  expect(
    ok,
    `${what}: ${actual} vs ${expected} (relative error ${relError(actual, expected, floor)} > ${rel}, floor ${floor})`,
  ).toBe(true);
}

/** Every entry relClose; the message names the worst entry. */
export function expectAllRelClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rel: number,
  floor: number,
  what = "entry",
): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  let worst = -1;
  let worstErr = -1;
  let allOk = true;
  for (let i = 0; i < expected.length; i++) {
    const ok = relClose(actual[i]!, expected[i]!, rel, floor);
    const err = ok ? relError(actual[i]!, expected[i]!, floor) : Infinity;
    if (!ok) allOk = false;
    if (err > worstErr || (!ok && worst < 0)) {
      worst = i;
      worstErr = err;
    }
  }
  const msg =
    worst < 0 ? what : `${what} [${worst}]: ${actual[worst]} vs ${expected[worst]} (rel ${rel}, floor ${floor})`;
  expect(allOk, msg).toBe(true);
}

/** Largest absolute entry. */
export function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

/**
 * The tolerances of the invariant tests, in one place. Each has a reason:
 * - kernel: backward-stable O(n) operations in double precision on well-conditioned
 *   matrices (condition ≤ 10 here); errors are a few n·ε ≈ 1e-14 of the matrix's size.
 * - illConditioned: the same on a matrix of condition 1e6: inverse errors grow with κ·n·ε.
 * - gradient: analytic ∂F/∂θ against a Richardson-extrapolated central difference (error
 *   O(h⁴) + O(ε/h) ≈ 1e-11), relative to the component, floor 1e-8.
 * - information: 2·I(θ) against a Richardson-extrapolated central difference of the analytic
 *   gradient (observed error ≈ 1e-10 of the matrix's size), relative to that size.
 * - atZero: quantities that vanish exactly in exact arithmetic (F and ∇F at a perfect fit):
 *   |x| ≤ 1e-12, i.e. relClose(x, 0, 1, 1e-12); rounding leaves ≈ 1e-15.
 * - sameOptimum: two optimizer runs to the same minimum F (convergence criterion 1e-14 on the
 *   Newton decrement, so F agrees to ~1e-14).
 * - chisq: N·F against lavaan's reported chi-square (lavaan stops at rel.tol 1e-10 on F/2).
 */
export const TOL = {
  kernel: { rel: 1e-12 },
  illConditioned: { rel: 1e-8 },
  gradient: { rel: 1e-6, floor: 1e-8 },
  information: { rel: 1e-7, floor: 1e-6 },
  atZero: { rel: 1, floor: 1e-12 },
  sameOptimum: { rel: 1e-10, floor: 1e-12 },
  chisq: { rel: 1e-6, floor: 1 },
} as const;

/** mulberry32: a small seeded PRNG with a 2³² period, plenty for test matrices. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal deviate (Box–Muller) from a uniform generator. */
export function normal(u: () => number): number {
  const a = 1 - u();
  const b = u();
  return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * b);
}
