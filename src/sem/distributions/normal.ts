/**
 * Standard normal distribution: cdf Phi(z), upper tail 1 - Phi(z), two-sided p-value
 * and quantile.
 *
 * Tails use the Mills-ratio continued fraction (Abramowitz & Stegun 26.2.14; Laplace)
 *   1 - Phi(z) = phi(z) / (z + 1/(z + 2/(z + 3/(z + ...)))),   z > 0,
 * evaluated from a fixed depth backward, so the upper tail is never formed as
 * 1 - Phi(z) and keeps full relative accuracy down to underflow (z ~ 38.5).
 * The centre uses the all-positive series (A&S 26.2.11)
 *   Phi(z) = 1/2 + phi(z) (z + z^3/3 + z^5/(3*5) + z^7/(3*5*7) + ...).
 * phi(z) = exp(-z^2/2)/sqrt(2 pi) splits z = h + l with h a multiple of 1/16 so that
 * h^2 is exact and exp(-z^2/2) = exp(-h^2/2) exp(-l (z + h)/2) (the device used in
 * W. J. Cody's 1969/1993 erfc routines); this avoids the z^2 rounding error of size
 * z^2 * 2^-53 that would otherwise spoil the far tails.
 * This computes the same quantity as erfc(z / sqrt 2) / 2, without the rounding of
 * the z / sqrt 2 argument.
 *
 * The quantile is Wichura's algorithm AS 241 (PPND16), see normal-quantile.ts.
 */
export { normalQuantile } from "./normal-quantile.js";
import { exp } from "../numeric/index.js";

const INV_SQRT_2PI = 0.39894228040143267794;
/** Below this |z| the series is used; above it the continued fraction. */
const SERIES_LIMIT = 1;
const EPS = Number.EPSILON;

/** Standard normal density, accurate in the far tails. */
export function normalDensity(z: number): number {
  const x = Math.abs(z);
  const h = Math.round(x * 16) / 16;
  return INV_SQRT_2PI * exp(-0.5 * h * h) * exp(-0.5 * (x - h) * (x + h));
}

/** z + z^3/3 + z^5/15 + ... (A&S 26.2.11); used for |z| < SERIES_LIMIT. */
function centralSeries(z: number): number {
  const z2 = z * z;
  let term = z;
  let sum = z;
  for (let k = 3; k < 200; k += 2) {
    term *= z2 / k;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum;
}

/**
 * 1 - Phi(x) for x >= SERIES_LIMIT via the Mills-ratio continued fraction, evaluated
 * backward from a fixed depth (backward evaluation damps rounding errors). The depth
 * 400/x^2 + 20 exceeds the number of terms the fraction needs to converge to double
 * precision on this range (about 390 at x = 1, 25 at x = 5).
 */
function upperTailFraction(x: number): number {
  const depth = Math.ceil(400 / (x * x)) + 20;
  let tail = 0;
  for (let n = depth; n >= 1; n--) tail = n / (x + tail);
  return normalDensity(x) / (x + tail);
}

/** Phi(z) = P(Z <= z). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z <= -SERIES_LIMIT) return z === Number.NEGATIVE_INFINITY ? 0 : upperTailFraction(-z);
  if (z >= SERIES_LIMIT) return z === Number.POSITIVE_INFINITY ? 1 : 1 - upperTailFraction(z);
  return 0.5 + normalDensity(z) * centralSeries(z);
}

/** 1 - Phi(z) = P(Z > z), computed without cancellation. */
export function normalUpper(z: number): number {
  return normalCdf(-z);
}

/** Two-sided p-value 2 (1 - Phi(|z|)). */
export function normalTwoSidedP(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return Math.min(1, 2 * normalUpper(Math.abs(z)));
}
