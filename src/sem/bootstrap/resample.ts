/**
 * Nonparametric resampling within groups: replication b draws, for each group g in turn, n_g
 * row positions uniformly with replacement from that group's n_g rows, so that the group sizes
 * never change (lavaan, lav_bootstrap.R: "we generate the bootstrap indices separately for each
 * group"; Efron & Tibshirani 1993, §8.3 for the two-sample case). The positions come from the
 * replication's own stream (prng.ts), so they are a function of (seed, purpose, b) only.
 */
import { RandomStream, type StreamPurpose } from "./prng.js";

/** Row positions (0-based, within each group) of replication `index`. */
export function resampleIndices(
  seed: number,
  index: number,
  groupSizes: readonly number[],
  purpose: StreamPurpose,
): Int32Array[] {
  const stream = new RandomStream(seed, index, purpose);
  return groupSizes.map((n) => stream.uniformInts(n, n));
}

/** The rows of a row-major n×p block at the given positions. */
export function gatherRows(X: Float64Array, p: number, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length * p);
  for (let r = 0, o = 0; r < idx.length; r++) {
    const from = idx[r]! * p;
    for (let j = 0; j < p; j++) out[o++] = X[from + j]!;
  }
  return out;
}
