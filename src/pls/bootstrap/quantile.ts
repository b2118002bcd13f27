/**
 * Summary statistics of bootstrap replicates as seminr 2.3.1 reports them (bootstrap_model and
 * its summary()): the mean, the standard deviation with the B − 1 denominator, t = original / sd,
 * and the percentile interval from R's default sample quantile, type 7 (Hyndman & Fan 1996,
 * "Sample quantiles in statistical packages", The American Statistician 50(4), definition 7):
 * for sorted values x₍₁₎ ≤ … ≤ x₍B₎ and probability p, h = (B − 1)p + 1 and
 *     Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎).
 */

/** R's quantile(x, p, type = 7) of values already sorted ascending; NaN when there are none. */
export function quantileType7(sorted: ArrayLike<number>, p: number): number {
  const B = sorted.length;
  if (B === 0 || !(p >= 0 && p <= 1)) return NaN;
  const h = (B - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  const a = sorted[lo]!;
  if (lo + 1 >= B || frac === 0) return a;
  return a + frac * (sorted[lo + 1]! - a);
}

/** seminr reports no t when |original / sd| exceeds this (a constant replicate: sd is rounding noise). */
export const T_LIMIT = 1e9;

export interface ReplicateSummary {
  /** mean of the replicates */
  mean: number;
  /** standard deviation of the replicates (B − 1) */
  sd: number;
  /** original / sd; null when the sd is 0 or the ratio exceeds T_LIMIT */
  t: number | null;
  lower: number;
  upper: number;
}

/** The bootstrap columns of one estimate from its B replicates (all finite), at confidence `level`. */
export function summarizeReplicates(original: number, values: Float64Array, level = 0.95): ReplicateSummary {
  const B = values.length;
  let sum = 0;
  for (let b = 0; b < B; b++) sum += values[b]!;
  const mean = B > 0 ? sum / B : NaN;
  let ss = 0;
  for (let b = 0; b < B; b++) ss += (values[b]! - mean) * (values[b]! - mean);
  const sd = B > 1 ? Math.sqrt(ss / (B - 1)) : NaN;
  const ratio = original / sd;
  const t = Number.isFinite(ratio) && Math.abs(ratio) <= T_LIMIT ? ratio : null;
  const sorted = Float64Array.from(values).sort();
  const alpha = 1 - level;
  return { mean, sd, t, lower: quantileType7(sorted, alpha / 2), upper: quantileType7(sorted, 1 - alpha / 2) };
}
