/**
 * Quantiles of the noncentral chi-square distribution (R's qchisq(p, df, ncp)), by inverting the
 * distribution function of src/sem/distributions/noncentral-chisq.ts: the Poisson mixture of
 * central chi-squares (Abramowitz & Stegun 26.4.25), summed around the Poisson mode with the
 * gamma recurrence of Ding (1992, Applied Statistics AS 275) and a bound on the Poisson tail
 * mass left out (below 1e-17 of the result).
 *
 * The root is bracketed around the normal approximation (mean df + λ, variance 2(df + 2λ);
 * Johnson, Kotz & Balakrishnan 1995, ch. 29) by steps that double, then located by Brent's method
 * on the smaller tail (the lower cdf for p ≤ 1/2, the upper tail beyond), so that neither side
 * loses relative accuracy to cancellation.
 */
import { brentRoot, noncentralChisqCdf, noncentralChisqUpper } from "../sem/distributions/index.js";

/** x with P(X > x) = q (upper) or P(X ≤ x) = q (lower), X ~ noncentral chi-square(df, ncp). */
export function noncentralChisqQuantile(q: number, df: number, ncp: number, upper: boolean): number {
  if (!(q >= 0 && q <= 1) || !(df > 0) || !(ncp >= 0) || !Number.isFinite(ncp)) return Number.NaN;
  const pLower = upper ? 1 - q : q;
  if (pLower === 0) return 0;
  if (pLower === 1) return Number.POSITIVE_INFINITY;
  // g increases in x: on the smaller tail, g = P(X ≤ x) − p or (1 − p) − P(X > x)
  const useLower = pLower <= 0.5;
  const g = useLower
    ? (x: number): number => (upper ? noncentralChisqCdf(x, df, ncp) - (1 - q) : noncentralChisqCdf(x, df, ncp) - q)
    : (x: number): number => (upper ? q - noncentralChisqUpper(x, df, ncp) : 1 - q - noncentralChisqUpper(x, df, ncp));
  const mean = df + ncp;
  let step = Math.sqrt(2 * (df + 2 * ncp));
  let lo = Math.max(0, mean - step);
  let hi = mean + step;
  let gLo = g(lo);
  let gHi = g(hi);
  while (gLo > 0 && lo > 0) {
    hi = lo;
    gHi = gLo;
    step *= 2;
    lo = Math.max(0, lo - step);
    gLo = g(lo);
  }
  while (gHi < 0) {
    lo = hi;
    gLo = gHi;
    step *= 2;
    hi += step;
    gHi = g(hi);
    if (!Number.isFinite(hi)) return Number.NaN;
  }
  if (gLo >= 0) return lo;
  return brentRoot(g, lo, hi, gLo, gHi, { relTol: 1e-15, absTol: 1e-300 });
}
