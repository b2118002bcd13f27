/**
 * Poisson probabilities p(k; mu) = mu^k e^{-mu} / Gamma(k + 1), also for real k >= 0,
 * computed with full relative accuracy when k and mu are both large.
 *
 * Method: C. Loader (2000), "Fast and Accurate Computation of Binomial Probabilities"
 * (also the scheme behind R's dpois_raw). Writing log Gamma(k+1) through Stirling's
 * formula plus a small correction gives
 *
 *   log p(k; mu) = -stirlingError(k) - bd0(k, mu) - 0.5 * log(2 pi k),
 *
 *   stirlingError(k) = log Gamma(k+1) - (k + 1/2) log k + k - 0.5 log(2 pi)
 *                    = 1/(12k) - 1/(360k^3) + 1/(1260k^5) - ...   (Stirling series)
 *   bd0(k, mu)       = k log(k/mu) + mu - k   (deviance term, >= 0).
 *
 * The naive form k log mu - mu - log Gamma(k+1) subtracts numbers of size ~k to get
 * a result of size ~1, losing log10(k) digits; the form above does not.
 * bd0 for k close to mu uses v = (k - mu)/(k + mu) and log(k/mu) = 2 atanh(v):
 *   bd0 = v (k - mu) + 2k (v^3/3 + v^5/5 + v^7/7 + ...).
 */
import { logGamma } from "./log-gamma.js";
import { exp, log, log1p } from "../numeric/index.js";

const LOG_SQRT_2PI = 0.9189385332046727418; // 0.5 * log(2 pi)
const LOG_2PI = 1.8378770664093454836;

/** Stirling-series coefficients B_{2n} / (2n (2n-1)) for 1/k, 1/k^3, ..., 1/k^13. */
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156];

/** log Gamma(k+1) - (k+1/2) log k + k - log sqrt(2 pi), for k > 0. */
export function stirlingError(k: number): number {
  if (k <= 15) {
    return logGamma(k + 1) - (k + 0.5) * log(k) + k - LOG_SQRT_2PI;
  }
  const inv = 1 / k;
  const inv2 = inv * inv;
  let sum = 0;
  for (let i = STIRLING.length - 1; i >= 0; i--) sum = sum * inv2 + STIRLING[i]!;
  return sum * inv;
}

/** Deviance term k log(k/mu) + mu - k, accurate when k is close to mu. */
export function bd0(k: number, mu: number): number {
  if (k === 0) return mu;
  const diff = k - mu;
  if (Math.abs(diff) >= 0.1 * (k + mu)) return k * log1p(diff / mu) - diff;
  const v = diff / (k + mu);
  const v2 = v * v;
  let sum = diff * v;
  let power = 2 * k * v;
  for (let j = 1; j < 1000; j++) {
    power *= v2;
    const next = sum + power / (2 * j + 1);
    if (next === sum) return next;
    sum = next;
  }
  return sum;
}

/** log of mu^k e^{-mu} / Gamma(k+1) for real k >= 0, mu >= 0. */
export function logPoissonDensity(k: number, mu: number): number {
  if (!(k >= 0) || !(mu >= 0)) return Number.NaN;
  if (mu === 0) return k === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (k === 0) return -mu;
  if (!Number.isFinite(mu)) return Number.NEGATIVE_INFINITY;
  if (k < 1) {
    // Small k: direct form has no large cancelling terms here.
    return k * log(mu) - mu - logGamma(k + 1);
  }
  return -stirlingError(k) - bd0(k, mu) - 0.5 * (LOG_2PI + log(k));
}

/** mu^k e^{-mu} / Gamma(k+1) for real k >= 0, mu >= 0. */
export function poissonDensity(k: number, mu: number): number {
  return exp(logPoissonDensity(k, mu));
}
