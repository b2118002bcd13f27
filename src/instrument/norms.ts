/**
 * Rank statistics against a norm sample.
 * - Percentile rank (mid-rank definition): 100 (B + E/2) / n, where B norm values lie strictly
 *   below the value and E are equal to it (Crocker & Algina 1986, ch. 19; a value equal to the
 *   only norm value is at the 50th percentile, not the 100th). Scores are weighted means of
 *   integers computed in floating point (1/3 * 7 * 3 need not be exactly 7), so values within
 *   TIE_TOLERANCE (1e-9 relative to max(1, |value|)) of each other count as equal.
 * - Quantiles: Hyndman & Fan (1996) type 7, R's default: h = (n - 1) q, interpolate between the
 *   order statistics x_floor(h) and x_ceil(h) (0-based).
 */

export const TIE_TOLERANCE = 1e-9;

/** -1, 0 or 1: a below, equal to (within TIE_TOLERANCE) or above b. */
export function compareScores(a: number, b: number): -1 | 0 | 1 {
  if (Math.abs(a - b) <= TIE_TOLERANCE * Math.max(1, Math.abs(b))) return 0;
  return a < b ? -1 : 1;
}

/** 100 (B + E/2) / n; null for an empty norm sample. */
export function percentileRank(value: number, norms: readonly number[]): number | null {
  if (norms.length === 0) return null;
  let below = 0;
  let equal = 0;
  for (const x of norms) {
    const c = compareScores(x, value);
    if (c < 0) below++;
    else if (c === 0) equal++;
  }
  return (100 * (below + equal / 2)) / norms.length;
}

/** Type-7 quantile of an ascending-sorted sample. */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error("quantile of an empty sample");
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample standard deviation (n - 1 divisor, as a descriptive statistic). */
export function sd(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}
