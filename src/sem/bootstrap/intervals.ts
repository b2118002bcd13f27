/**
 * Bootstrap standard errors and confidence intervals from the B successful replications
 * t*_1 … t*_B of one parameter, with lavaan's definitions (parameterEstimates(),
 * boot.ci.type = "perc" | "bca.simple" | "bca") and Efron & Tibshirani (1993, An Introduction
 * to the Bootstrap) for the formulas:
 *
 * - standard error (eq. 6.6): the standard deviation of the t*. lavaan divides by B for the
 *   free parameters (nvcov = N·cov(COEF)·(B−1)/B, lav_model_nvcov_bootstrap) but by B−1 for the
 *   defined (:=) parameters (cov() of the transformed draws, lav_model_vcov_se); both are kept.
 * - quantile t*^(α): the order statistic of rank (B+1)α, interpolated on the normal scale when
 *   (B+1)α is not a whole number (Davison & Hinkley 1997, Bootstrap Methods and their
 *   Application, eq. 5.8; the boot package's norm.inter, which lavaan uses); ranks below 1 or
 *   above B give the extreme values, and the interval is flagged.
 * - percentile interval (eq. 13.5): [t*^(α/2), t*^(1−α/2)].
 * - BCa interval (§14.3, eqs. 14.9-14.15): [t*^(α1), t*^(α2)] with
 *     α1,2 = Φ(ẑ0 + (ẑ0 + z_{α/2, 1−α/2}) / (1 − â (ẑ0 + z_{α/2, 1−α/2}))),
 *     ẑ0 = Φ⁻¹(#{t* < t̂} / B)  (bias correction; ties not counted, as lavaan),
 *     â = Σ (t̄(·) − t(i))³ / (6 [Σ (t̄(·) − t(i))²]^{3/2})  (acceleration, from the jackknife
 *     values t(i) with row i left out, eq. 14.15).
 *   With â = 0 this is lavaan's "bca.simple" (bias-corrected) interval. lavaan's own "bca"
 *   estimates â differently, by regressing the draws on the resampling frequencies (which needs
 *   more draws than rows); the jackknife used here needs one refit per row instead.
 */
import { normalCdf, normalQuantile } from "../distributions/index.js";

export interface Quantiles {
  values: number[];
  /** an endpoint used the smallest or largest draw ((B+1)α outside 1 … B−1) */
  extreme: boolean;
}

/**
 * Quantiles of the draws at levels `alpha` by normal-scale interpolation of order statistics (Davison & Hinkley eq.
 * 5.8).
 */
export function bootQuantiles(draws: readonly number[], alpha: readonly number[]): Quantiles {
  const t = draws.filter(Number.isFinite).sort((a, b) => a - b);
  const R = t.length;
  let extreme = false;
  const values = alpha.map((a) => {
    if (R === 0 || !Number.isFinite(a)) return NaN;
    const rk = (R + 1) * a;
    if (!(rk > 1 && rk < R)) extreme = true;
    const k = Math.trunc(rk);
    if (k <= 0) return t[0]!;
    if (k >= R) return t[R - 1]!;
    if (k === rk) return t[k - 1]!;
    const z = normalQuantile(a);
    const zk = normalQuantile(k / (R + 1));
    const zk1 = normalQuantile((k + 1) / (R + 1));
    return t[k - 1]! + ((z - zk) / (zk1 - zk)) * (t[k]! - t[k - 1]!);
  });
  return { values, extreme };
}

/** Standard deviation of the finite draws with divisor B (`divisor: "B"`) or B−1. */
export function bootSe(draws: readonly number[], divisor: "B" | "B-1"): number {
  const t = draws.filter(Number.isFinite);
  const B = t.length;
  if (B < 2) return NaN;
  const mean = t.reduce((a, x) => a + x, 0) / B;
  const ss = t.reduce((a, x) => a + (x - mean) * (x - mean), 0);
  return Math.sqrt(ss / (divisor === "B" ? B : B - 1));
}

/** Jackknife acceleration â (Efron & Tibshirani 1993, eq. 14.15); 0 when the jackknife values do not vary. */
export function jackknifeAcceleration(jack: readonly number[]): number {
  const n = jack.length;
  const mean = jack.reduce((a, x) => a + x, 0) / n;
  let s2 = 0;
  let s3 = 0;
  for (const x of jack) {
    const d = mean - x;
    s2 += d * d;
    s3 += d * d * d;
  }
  return s2 > 0 ? s3 / (6 * (s2 * Math.sqrt(s2))) : 0;
}

export interface Interval {
  lower: number;
  upper: number;
  extreme: boolean;
}

/** Percentile interval at confidence `level`. */
export function percentileInterval(draws: readonly number[], level: number): Interval {
  const q = bootQuantiles(draws, [(1 - level) / 2, (1 + level) / 2]);
  return { lower: q.values[0]!, upper: q.values[1]!, extreme: q.extreme };
}

/**
 * BCa interval (bca.simple when `acceleration` is 0). Null when the bias correction is not
 * finite: every draw on one side of the estimate, or draws without spread.
 */
export function bcaInterval(
  draws: readonly number[],
  estimate: number,
  level: number,
  acceleration: number,
): (Interval & { z0: number }) | null {
  const t = draws.filter(Number.isFinite);
  if (t.length < 2 || t.every((x) => x === t[0])) return null;
  const below = t.reduce((a, x) => a + (x < estimate ? 1 : 0), 0);
  const z0 = normalQuantile(below / t.length);
  if (!Number.isFinite(z0)) return null;
  const adjust = (z: number): number => normalCdf(z0 + (z0 + z) / (1 - acceleration * (z0 + z)));
  const zl = normalQuantile((1 - level) / 2);
  const zu = normalQuantile((1 + level) / 2);
  const q = bootQuantiles(t, [adjust(zl), adjust(zu)]);
  return { lower: q.values[0]!, upper: q.values[1]!, extreme: q.extreme, z0 };
}
