/**
 * Central chi-square distribution with df > 0 degrees of freedom.
 *
 *   cdf:   P(X <= x) = P(df/2, x/2)   (regularized lower incomplete gamma)
 *   upper: P(X >  x) = Q(df/2, x/2)   (computed directly, see gamma.ts)
 *   density: f(x) = (x/2)^{df/2 - 1} e^{-x/2} / (2 Gamma(df/2)) = d(df/2, x/2) (df/2) / x,
 * with d(a, y) = y^a e^{-y} / Gamma(a + 1) (Abramowitz & Stegun 26.4.1, 26.4.19).
 *
 * Quantile: starting value from the Wilson & Hilferty (1931) cube-root normal
 * approximation (A&S 26.4.17)
 *   x ~ df (1 - 2/(9 df) + z sqrt(2/(9 df)))^3,   z = Phi^{-1}(p),
 * or, when that is not positive, from the small-x limit P(a, y) ~ y^a / Gamma(a + 1);
 * then Newton steps on whichever tail probability is smaller, kept inside a bracket
 * that shrinks every step and falls back to bisection when a step leaves it.
 */
import { logGamma, regularizedGammaP, regularizedGammaQ } from "./gamma.js";
import { normalQuantile } from "./normal.js";
import { poissonDensity } from "./poisson.js";
import { exp, log } from "../numeric/index.js";

/** P(X <= x) for X ~ chi-square(df). */
export function chisqCdf(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return Number.NaN;
  return x <= 0 ? 0 : regularizedGammaP(df / 2, x / 2);
}

/** P(X > x) for X ~ chi-square(df), without cancellation in the far tail. */
export function chisqUpper(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return Number.NaN;
  return x <= 0 ? 1 : regularizedGammaQ(df / 2, x / 2);
}

/** Density of chi-square(df) at x. */
export function chisqDensity(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return Number.NaN;
  if (x < 0) return 0;
  if (x === 0) return df === 2 ? 0.5 : df < 2 ? Number.POSITIVE_INFINITY : 0;
  return (poissonDensity(df / 2, x / 2) * (df / 2)) / x;
}

function startingValue(p: number, df: number): number {
  const a = df / 2;
  const h = 2 / (9 * df);
  const cube = 1 - h + normalQuantile(p) * Math.sqrt(h);
  const wilsonHilferty = df * cube * cube * cube;
  if (cube > 0 && wilsonHilferty > 0.05 * df) return wilsonHilferty;
  // Small x: P(a, y) ~ y^a / Gamma(a + 1), so y ~ (p Gamma(a + 1))^(1/a).
  return 2 * exp((log(p) + logGamma(a + 1)) / a);
}

/** x with P(X <= x) = p for X ~ chi-square(df). */
export function chisqQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || !(df > 0) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  // Solve on the smaller tail: g(x) = P(x) - p, or g(x) = (1 - p) - Q(x), both increasing.
  const lowerTail = p <= 0.5;
  const target = lowerTail ? p : 1 - p;
  const g = (x: number): number => (lowerTail ? chisqCdf(x, df) - target : target - chisqUpper(x, df));
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  let x = startingValue(p, df);
  for (let iter = 0; iter < 300; iter++) {
    const gx = g(x);
    if (gx === 0) return x;
    if (gx < 0) lo = x;
    else hi = x;
    let next = x - gx / chisqDensity(x, df);
    if (!(next > lo && next < hi)) next = hi === Number.POSITIVE_INFINITY ? 2 * x : (lo + hi) / 2;
    if (Math.abs(next - x) <= 4 * Number.EPSILON * x) return next;
    x = next;
  }
  return x;
}
