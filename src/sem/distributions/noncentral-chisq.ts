/**
 * Noncentral chi-square distribution with df > 0 and noncentrality ncp >= 0, as the
 * Poisson mixture of central chi-squares (Abramowitz & Stegun 26.4.25; Johnson, Kotz
 * & Balakrishnan 1995, ch. 29):
 *
 *   P(X <= x) = sum_j w_j P(df/2 + j, x/2),   P(X > x) = sum_j w_j Q(df/2 + j, x/2),
 *   w_j = e^{-mu} mu^j / j!,  mu = ncp/2.
 *
 * Successive gamma terms follow from one another through the recurrence A&S 6.5.21
 * (also the basis of Ding 1992, Applied Statistics algorithm AS 275):
 *   P(a, y) = P(a + 1, y) + d(a, y),  Q(a + 1, y) = Q(a, y) + d(a, y),
 *   d(a, y) = y^a e^{-y} / Gamma(a + 1).
 * Here the sum is arranged around the Poisson mode so that every recurrence step adds
 * a positive quantity (no subtraction, so no loss of relative accuracy):
 *  - cdf: P is computed directly at a top index above the mode, then j runs down;
 *  - upper tail: Q is computed directly at a bottom index below the mode, then j runs up.
 * Since P falls and Q rises with j, the terms beyond the start index are at most
 * P_mode (resp. Q_mode) times the Poisson tail mass there, and the start index is
 * placed where that mass is below 1e-17 w_mode (so below 1e-17 of the result).
 * The open end stops once the remaining Poisson mass is below 1e-17 of the running sum.
 * Poisson tail masses are bounded geometrically: w_{k+1}/w_k = mu/(k+1) and
 * w_{k-1}/w_k = k/mu. Weights and d(a, y) use Loader's (2000) log-space form
 * (poisson.ts), which stays accurate for mu up to 1e5 and beyond.
 *
 * solveNoncentrality inverts the cdf in ncp. The cdf decreases strictly in ncp (the
 * family is stochastically increasing), so the root is bracketed around the normal
 * approximation of the noncentral chi-square (mean df + λ, variance 2(df + 2λ); Johnson, Kotz &
 * Balakrishnan 1995, ch. 29) by steps that double, and then located with Brent's method (root.ts). This is the
 * computation behind RMSEA confidence limits (Browne & Cudeck 1993; Steiger & Lind 1980): with test statistic
 * T, the lower limit solves cdf(T; df, lambda) = 0.95 and the upper limit solves
 * cdf(T; df, lambda) = 0.05, and RMSEA = sqrt(lambda / (N df)).
 */
import { chisqCdf, chisqUpper } from "./chisq.js";
import { regularizedGammaP, regularizedGammaQ } from "./gamma.js";
import { poissonDensity } from "./poisson.js";
import { normalQuantile } from "./normal-quantile.js";
import { brentRoot } from "./root.js";

const TAIL = 1e-17;

/** Bound on sum_{k>j} w_k for j + 1 > mu. */
function massAbove(j: number, mu: number, wj: number): number {
  const r = mu / (j + 1);
  return r < 1 ? (wj * r) / (1 - r) : Number.POSITIVE_INFINITY;
}

/** Bound on sum_{k<j} w_k for j < mu. */
function massBelow(j: number, mu: number, wj: number): number {
  const r = j / mu;
  return r < 1 ? (wj * r) / (1 - r) : Number.POSITIVE_INFINITY;
}

function invalid(x: number, df: number, ncp: number): boolean {
  return Number.isNaN(x) || !(df > 0) || !(ncp >= 0) || ncp === Number.POSITIVE_INFINITY;
}

/**
 * Successive Poisson weights and gamma increments follow from their neighbours by the ratios
 * w_{j-1}/w_j = j/mu and d(a-1, y)/d(a, y) = a/y; every ANCHOR steps they are recomputed in
 * log space (poisson.ts), so that the rounding of the ratios never builds up over more than
 * ANCHOR multiplications (relative error below 1e-14).
 */
const ANCHOR = 32;

/** P(X <= x) for X ~ noncentral chi-square(df, ncp). */
export function noncentralChisqCdf(x: number, df: number, ncp: number): number {
  if (invalid(x, df, ncp)) return Number.NaN;
  if (ncp === 0) return chisqCdf(x, df);
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  const mu = ncp / 2,
    y = x / 2,
    a = df / 2;
  const mode = Math.floor(mu);
  const wMode = poissonDensity(mode, mu);
  let top = mode;
  for (let wt = wMode; massAbove(top, mu, wt) > TAIL * wMode; top++) wt *= mu / (top + 1);
  let p = regularizedGammaP(a + top, y);
  let sum = 0;
  let w = 0;
  let d = 0;
  for (let j = top; j >= 0; j--) {
    w = (top - j) % ANCHOR === 0 ? poissonDensity(j, mu) : (w * (j + 1)) / mu;
    if (j < top) {
      d = (top - 1 - j) % ANCHOR === 0 ? poissonDensity(a + j, y) : (d * (a + j + 1)) / y; // d(a + j, y)
      p += d;
    }
    sum += w * p;
    if (j < mode && massBelow(j, mu, w) <= TAIL * sum) break;
  }
  return Math.min(1, sum);
}

/** P(X > x) for X ~ noncentral chi-square(df, ncp), without cancellation. */
export function noncentralChisqUpper(x: number, df: number, ncp: number): number {
  if (invalid(x, df, ncp)) return Number.NaN;
  if (ncp === 0) return chisqUpper(x, df);
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  const mu = ncp / 2,
    y = x / 2,
    a = df / 2;
  const mode = Math.floor(mu);
  const wMode = poissonDensity(mode, mu);
  let bottom = mode;
  for (let wb = wMode; bottom > 0 && massBelow(bottom, mu, wb) > TAIL * wMode; bottom--) wb *= bottom / mu;
  let q = regularizedGammaQ(a + bottom, y);
  let sum = 0;
  let w = 0;
  let d = 0;
  const last = mode + 1000 + Math.ceil(100 * Math.sqrt(mu)); // safety cap, never reached
  for (let j = bottom; j <= last; j++) {
    w = (j - bottom) % ANCHOR === 0 ? poissonDensity(j, mu) : (w * mu) / j;
    if (j > bottom) {
      d = (j - 1 - bottom) % ANCHOR === 0 ? poissonDensity(a + j - 1, y) : (d * y) / (a + j - 1); // d(a + j − 1, y)
      q += d;
    }
    sum += w * q;
    if (j > mode && massAbove(j, mu, w) <= TAIL * sum) break;
  }
  return Math.min(1, sum);
}

/**
 * The ncp lambda >= 0 with noncentralChisqCdf(x, df, lambda) = targetCdf, for
 * 0 < targetCdf < 1; 0 when the central cdf is already at or below targetCdf.
 * Iterates until lambda is fixed to a few units in the last place (absolute 1e-14 for
 * roots near zero); the cdf's own rounding then limits the accuracy (about 1e-14).
 */
export function solveNoncentrality(x: number, df: number, targetCdf: number): number {
  if (Number.isNaN(x) || !(df > 0) || !(targetCdf > 0 && targetCdf < 1)) return Number.NaN;
  const g = (lambda: number): number => noncentralChisqCdf(x, df, lambda) - targetCdf;
  const g0 = g(0);
  if (g0 <= 0) return 0;
  // start from the normal approximation X ≈ df + λ + z √(2(df + 2λ)), z = Φ⁻¹(targetCdf): with
  // s = √(2(df + 2λ)), s²/4 + z s − (x − df/2) = 0; then bracket outwards from it in steps of
  // a tenth of its standard deviation, doubling
  const z = normalQuantile(targetCdf);
  const disc = z * z + x - df / 2;
  const s = disc > 0 ? 2 * (Math.sqrt(disc) - z) : 0;
  const guess = Math.max(0, (s * s) / 4 - df / 2);
  let step = Math.max(1, 0.1 * Math.sqrt(2 * (df + 2 * guess)));
  let lo = 0,
    gLo = g0;
  let hi: number, gHi: number;
  const gGuess = guess > 0 ? g(guess) : g0;
  if (gGuess > 0) {
    lo = guess;
    gLo = gGuess;
    hi = guess + step;
    gHi = g(hi);
    while (gHi > 0) {
      if (!Number.isFinite(hi)) return Number.NaN;
      lo = hi;
      gLo = gHi;
      step *= 2;
      hi += step;
      gHi = g(hi);
    }
  } else {
    hi = guess;
    gHi = gGuess;
    for (;;) {
      const next = Math.max(0, hi - step);
      if (next === 0) break; // g(0) > 0: [0, hi] brackets the root
      const gNext = g(next);
      if (gNext > 0) {
        lo = next;
        gLo = gNext;
        break;
      }
      hi = next;
      gHi = gNext;
      step *= 2;
    }
  }
  return brentRoot(g, lo, hi, gLo, gHi, { relTol: 1e-15, absTol: 1e-14 });
}
