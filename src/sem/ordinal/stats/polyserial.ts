/**
 * Step two for a continuous and an ordered variable: the polyserial correlation by two-step
 * maximum likelihood (Olsson, Drasgow & Dorans 1982, "The polyserial correlation coefficient",
 * Psychometrika 47, 337-347, section 2: the mean, variance and thresholds fixed at their
 * univariate estimates), and its casewise scores (lavaan's lav_bvmix, 0.6.14).
 *
 * With z = (y - mu) / sigma and the ordered variable in category j with limits tau_{j-1} < tau_j,
 *   P(j | y) = Phi(tau*_j) - Phi(tau*_{j-1}),   tau*_j = (tau_j - rho z) / sqrt(1 - rho^2)
 * (Olsson et al. 1982, eq. 6); the log-likelihood sum log P(j | y) (+ the normal density of y, free
 * of rho) is maximised over rho in [-0.995, 0.995] (lavaan's bounds). Its derivatives in one case:
 *   d/d rho   = (phi(tau*_j)(tau_j rho - z) - phi(tau*_{j-1})(tau_{j-1} rho - z)) / (P s^3),
 *   d/d mu    = (z + rho (phi(tau*_j) - phi(tau*_{j-1})) / (s P)) / sigma,
 *   d/d sigma^2 = (z^2 - 1 + rho z (phi(tau*_j) - phi(tau*_{j-1})) / (s P)) / (2 sigma^2),
 *   d/d tau_k = (1[j = k] phi(tau*_j) - 1[j = k + 1] phi(tau*_{j-1})) / (s P),   s = sqrt(1 - rho^2),
 * with P floored at machine epsilon as lavaan does.
 */
import { normalDensity } from "../../distributions/index.js";
import { phiFast as phi, PhiFast as Phi } from "./normal-fast.js";
import { type Codes, type ContinuousMargin, type OrderedMargin } from "./margins.js";
import { limits, maximise1d } from "./polychoric.js";

const RHO_BOUND = 0.995;
const EPS = Number.EPSILON;

export interface PolyserialScores {
  /** per row (0 where either is missing) */
  readonly rho: Float64Array;
  readonly mean: Float64Array;
  readonly variance: Float64Array;
  /** per row × (K - 1) */
  readonly th: Float64Array;
}

/** phi(u) (u rho - z), 0 at an infinite limit */
function tail(u: number, star: number, rho: number, z: number): number {
  return Number.isFinite(u) ? phi(star) * (u * rho - z) : 0;
}

/** Sum over the rows observing both of d log P(j | y) / d rho. */
function gradient(y: ArrayLike<number>, codes: Codes, mx: ContinuousMargin, lim: Float64Array, rho: number): number {
  const s = Math.sqrt(1 - rho * rho);
  let g = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    const v = y[i]!;
    if (c < 0 || Number.isNaN(v)) continue;
    const z = (v - mx.mean) / mx.sd;
    const hi = (lim[c + 1]! - rho * z) / s;
    const lo = (lim[c]! - rho * z) / s;
    let p = Phi(hi) - Phi(lo);
    if (p < EPS) p = EPS;
    g += (tail(lim[c + 1]!, hi, rho, z) - tail(lim[c]!, lo, rho, z)) / (p * s * s * s);
  }
  return g;
}

/** Pearson correlation of y with the codes over the rows observing both (lavaan's start, rescaled). */
function startValue(y: ArrayLike<number>, codes: Codes, my: OrderedMargin): number {
  let n = 0,
    s1 = 0,
    s2 = 0,
    s11 = 0,
    s22 = 0,
    s12 = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    const v = y[i]!;
    if (c < 0 || Number.isNaN(v)) continue;
    n++;
    s1 += v;
    s2 += c;
    s11 += v * v;
    s22 += c * c;
    s12 += v * c;
  }
  const cov = s12 / n - (s1 / n) * (s2 / n);
  const v1 = s11 / n - (s1 / n) ** 2;
  const v2 = s22 / n - (s2 / n) ** 2;
  let densities = 0;
  for (const t of my.th) densities += normalDensity(t);
  let r = ((cov / Math.sqrt(v1 * v2)) * Math.sqrt(v2)) / densities;
  if (!Number.isFinite(r)) r = 0;
  if (Math.abs(r) > 0.9) r /= 2;
  return Math.max(-RHO_BOUND, Math.min(RHO_BOUND, r));
}

export function polyserial(y: ArrayLike<number>, mx: ContinuousMargin, codes: Codes, my: OrderedMargin): number {
  const lim = limits(my);
  const step = 1e-6;
  return maximise1d(
    (r) => {
      const g = gradient(y, codes, mx, lim, r);
      const r2 = r + step <= RHO_BOUND ? r + step : r - step;
      const h = (gradient(y, codes, mx, lim, r2) - g) / (r2 - r);
      return [g, h];
    },
    startValue(y, codes, my),
    -RHO_BOUND,
    RHO_BOUND,
  );
}

export function polyserialScores(
  y: ArrayLike<number>,
  mx: ContinuousMargin,
  codes: Codes,
  my: OrderedMargin,
  rho: number,
): PolyserialScores {
  const lim = limits(my);
  const len = codes.length;
  const m = my.K - 1;
  const out = {
    rho: new Float64Array(len),
    mean: new Float64Array(len),
    variance: new Float64Array(len),
    th: new Float64Array(len * m),
  };
  const s = Math.sqrt(1 - rho * rho);
  for (let i = 0; i < len; i++) {
    const c = codes[i]!;
    const v = y[i]!;
    if (c < 0 || Number.isNaN(v)) continue;
    const z = (v - mx.mean) / mx.sd;
    const hi = (lim[c + 1]! - rho * z) / s;
    const lo = (lim[c]! - rho * z) / s;
    let p = Phi(hi) - Phi(lo);
    if (p < EPS) p = EPS;
    const dHi = Number.isFinite(lim[c + 1]!) ? phi(hi) : 0;
    const dLo = Number.isFinite(lim[c]!) ? phi(lo) : 0;
    const diff = (dHi - dLo) / (s * p);
    out.mean[i] = (z + rho * diff) / mx.sd;
    out.variance[i] = (z * z - 1 + rho * z * diff) / (2 * mx.variance);
    if (c < m) out.th[i * m + c] = dHi / (s * p);
    if (c > 0) out.th[i * m + c - 1] = -dLo / (s * p);
    out.rho[i] = (tail(lim[c + 1]!, hi, rho, z) - tail(lim[c]!, lo, rho, z)) / (p * s * s * s);
  }
  return out;
}
