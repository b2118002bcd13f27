/**
 * Regularized incomplete gamma functions
 *   P(a, x) = gamma(a, x) / Gamma(a)   (lower),   Q(a, x) = 1 - P(a, x)   (upper).
 *
 * Both are built on the prefactor d(a, x) = x^a e^{-x} / Gamma(a + 1), evaluated
 * with Loader's (2000) saddle-point form (see poisson.ts) so that it keeps full
 * relative accuracy when a and x are both large.
 *
 * For x < a + 1 (except as noted below), the power series (Abramowitz & Stegun 6.5.29;
 * Numerical Recipes 6.2)
 *   P(a, x) = d(a, x) * sum_{n>=0} x^n / ((a+1)(a+2)...(a+n)),
 * whose terms are all positive; there Q = 1 - P, which loses at most about one digit
 * for a >= 1/2 (the smallest Q this region then produces is Q(1, 2) = e^-2 ~ 0.14).
 * For x >= a + 1, and also for a < 1 with x >= 1/2 (where 1 - P would cancel badly
 * and the fraction still converges in a few hundred steps), the Legendre continued
 * fraction (A&S 6.5.31; NR 6.2)
 *   Q(a, x) = a d(a, x) / (x + 1 - a - 1(1-a)/(x + 3 - a - 2(2-a)/(x + 5 - a - ...))),
 * evaluated with the modified Lentz algorithm (Lentz 1976; Thompson & Barnett 1986),
 * gives the upper tail directly, so tiny tail areas never pass through 1 - P.
 */
import { poissonDensity } from "./poisson.js";

export { logGamma } from "./log-gamma.js";

const EPS = Number.EPSILON;
const TINY = 1e-300;

function maxIterations(a: number): number {
  return 10_000 + Math.ceil(40 * Math.sqrt(a));
}

/** sum_{n>=0} x^n / ((a+1)...(a+n)); every term is positive. */
function lowerSeries(a: number, x: number): number {
  let term = 1;
  let sum = 1;
  const limit = maxIterations(a);
  for (let n = 1; n < limit; n++) {
    term *= x / (a + n);
    sum += term;
    if (term < sum * EPS) break;
  }
  return sum;
}

/** Denominator x + 1 - a - 1(1-a)/(x + 3 - a - ...) of the continued fraction for Q. */
function upperContinuedFraction(a: number, x: number): number {
  let f = x + 1 - a;
  if (f === 0) f = TINY;
  let c = f;
  let d = 0;
  const limit = maxIterations(a);
  for (let n = 1; n < limit; n++) {
    const an = -n * (n - a);
    const bn = x + 2 * n + 1 - a;
    d = bn + an * d;
    if (d === 0) d = TINY;
    c = bn + an / c;
    if (c === 0) c = TINY;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return f;
}

function useFraction(a: number, x: number): boolean {
  return x >= a + 1 || (a < 1 && x >= 0.5);
}

function invalid(a: number, x: number): boolean {
  return Number.isNaN(a) || Number.isNaN(x) || !(a > 0) || a === Number.POSITIVE_INFINITY;
}

/** Regularized lower incomplete gamma P(a, x), a > 0. */
export function regularizedGammaP(a: number, x: number): number {
  if (invalid(a, x)) return Number.NaN;
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (!useFraction(a, x)) return poissonDensity(a, x) * lowerSeries(a, x);
  return 1 - (a * poissonDensity(a, x)) / upperContinuedFraction(a, x);
}

/** Regularized upper incomplete gamma Q(a, x) = 1 - P(a, x), a > 0. */
export function regularizedGammaQ(a: number, x: number): number {
  if (invalid(a, x)) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (!useFraction(a, x)) return 1 - poissonDensity(a, x) * lowerSeries(a, x);
  return (a * poissonDensity(a, x)) / upperContinuedFraction(a, x);
}
