/**
 * Item descriptives as psych::describe(x, type = 3) (psych 2.2.9's default), on every available
 * value of the item (missing values are left out item by item, as na.rm = TRUE):
 *   mean, sd with the n - 1 divisor,
 *   skew = Σ(x - x̄)³ / (n · sd³)        (= b1 of Joanes & Gill 1998: g1 · ((n-1)/n)^{3/2}),
 *   kurtosis = Σ(x - x̄)⁴ / (n · sd⁴) - 3 (= b2 - 3 of Joanes & Gill 1998),
 * plus the share of rows in which the item is missing.
 */

export interface ItemDescriptives {
  item: string;
  /** values present */
  n: number;
  mean: number;
  sd: number;
  skew: number;
  kurtosis: number;
  min: number;
  max: number;
  /** share of the data rows in which the item is missing (0..1) */
  missing: number;
}

/** `values` holds the item's available values; `rows` counts every data row (present or not). */
export function describeItem(item: string, values: Float64Array, rows: number): ItemDescriptives {
  const n = values.length;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const v of values) {
    const d = v - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const sd = Math.sqrt(m2 / (n - 1));
  return {
    item,
    n,
    mean,
    sd,
    skew: m3 / (n * sd ** 3),
    kurtosis: m4 / (n * sd ** 4) - 3,
    min,
    max,
    missing: (rows - n) / rows,
  };
}
