/**
 * Step two for two continuous variables: the correlation, and its casewise scores under the
 * bivariate normal likelihood with the means and variances fixed at their univariate estimates
 * (lavaan's lav_bvreg, 0.6.14). With u = (y1 - mu1) / sigma1, v = (y2 - mu2) / sigma2, R = 1 - rho^2
 * and q = u^2 - 2 rho u v + v^2, one case's derivatives are
 *   d/d rho = rho / R + u v / R - q rho / R^2,
 *   d/d mu1 = (u - rho v) / (sigma1 R),     d/d sigma1^2 = -(1 - (u^2 - rho u v) / R) / (2 sigma1^2),
 * and likewise for the second variable. On complete data the maximum is Pearson's r (the score
 * sums to zero there); with pairwise deletion (margins from each variable's own rows) rho is
 * found by maximising over the rows observing both, in [-0.999, 0.999] as lavaan does.
 */
import { type ContinuousMargin } from "./margins.js";
import { maximise1d } from "./polychoric.js";

const RHO_BOUND = 0.999;

export interface PearsonScores {
  readonly rho: Float64Array;
  readonly mean1: Float64Array;
  readonly var1: Float64Array;
  readonly mean2: Float64Array;
  readonly var2: Float64Array;
}

interface Sums {
  n: number;
  uu: number;
  vv: number;
  uv: number;
}

function sums(y1: ArrayLike<number>, m1: ContinuousMargin, y2: ArrayLike<number>, m2: ContinuousMargin): Sums {
  const s: Sums = { n: 0, uu: 0, vv: 0, uv: 0 };
  for (let i = 0; i < y1.length; i++) {
    const a = y1[i]!,
      b = y2[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    const u = (a - m1.mean) / m1.sd;
    const v = (b - m2.mean) / m2.sd;
    s.n++;
    s.uu += u * u;
    s.vv += v * v;
    s.uv += u * v;
  }
  return s;
}

export function pearson(
  y1: ArrayLike<number>,
  m1: ContinuousMargin,
  y2: ArrayLike<number>,
  m2: ContinuousMargin,
): number {
  const s = sums(y1, m1, y2, m2);
  if (s.n === m1.n && s.n === m2.n) return s.uv / Math.sqrt(s.uu * s.vv);
  // the summed score is a function of the sums alone
  const deriv = (rho: number): [number, number] => {
    const score = (r: number): number => {
      const R = 1 - r * r;
      return (s.n * r) / R + s.uv / R - ((s.uu - 2 * r * s.uv + s.vv) * r) / (R * R);
    };
    const g = score(rho);
    const d = 1e-7;
    const r2 = rho + d <= RHO_BOUND ? rho + d : rho - d;
    return [g, (score(r2) - g) / (r2 - rho)];
  };
  const start = s.uv / Math.sqrt(s.uu * s.vv);
  return maximise1d(deriv, Number.isFinite(start) ? start : 0, -RHO_BOUND, RHO_BOUND);
}

export function pearsonScores(
  y1: ArrayLike<number>,
  m1: ContinuousMargin,
  y2: ArrayLike<number>,
  m2: ContinuousMargin,
  rho: number,
): PearsonScores {
  const len = y1.length;
  const out = {
    rho: new Float64Array(len),
    mean1: new Float64Array(len),
    var1: new Float64Array(len),
    mean2: new Float64Array(len),
    var2: new Float64Array(len),
  };
  const R = 1 - rho * rho;
  for (let i = 0; i < len; i++) {
    const a = y1[i]!,
      b = y2[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    const u = (a - m1.mean) / m1.sd;
    const v = (b - m2.mean) / m2.sd;
    const q = u * u - 2 * rho * u * v + v * v;
    out.rho[i] = rho / R + (u * v) / R - (q * rho) / (R * R);
    out.mean1[i] = (u - rho * v) / (m1.sd * R);
    out.mean2[i] = (v - rho * u) / (m2.sd * R);
    out.var1[i] = -(1 - (u * u - rho * u * v) / R) / (2 * m1.variance);
    out.var2[i] = -(1 - (v * v - rho * u * v) / R) / (2 * m2.variance);
  }
  return out;
}
