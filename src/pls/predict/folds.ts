/**
 * Cross-validation folds as seminr 2.3.1's predict_pls() forms them: the rows are first put in a
 * random order, then position i (1-based) of that order goes to fold
 *     cut(1:n, breaks = K, labels = FALSE)[i],
 * i.e. K equal-width intervals over [1, n], right-closed, with inner break points
 * 1 + j (n − 1) / K (R's cut.default; the outer ends are moved out by (n − 1)/1000, so every
 * position falls in one interval). With K = n (leave-one-out) fold i is position i and the order
 * cannot change any result. The order here is a Fisher-Yates shuffle (Knuth, TAOCP vol. 2,
 * §3.4.2, algorithm P) driven by the counter-based stream of (seed, repetition), so the folds are
 * reproducible from the seed; they are not R's random numbers.
 */
import { RandomStream, STREAM_PURPOSE } from "../../sem/bootstrap/prng.js";

/** Fold number (0-based) of each position 1 … n, as R's cut(seq(1, n), breaks = k, labels = FALSE) − 1. */
export function cutFolds(n: number, k: number): Int32Array {
  if (!Number.isInteger(k) || k < 2 || k > n) throw new RangeError(`folds ${k}: a whole number from 2 to ${n}`);
  const by = (n - 1) / k;
  const breaks = new Float64Array(k + 1);
  for (let j = 0; j <= k; j++) breaks[j] = 1 + j * by;
  breaks[0] = 1 - (n - 1) / 1000;
  breaks[k] = n + (n - 1) / 1000;
  const out = new Int32Array(n);
  let j = 0;
  for (let i = 1; i <= n; i++) {
    while (!(i <= breaks[j + 1]!)) j++; // interval (breaks[j], breaks[j + 1]]
    out[i - 1] = j;
  }
  return out;
}

/** A random order of 0 … n−1 from the stream of (seed, repetition). */
export function shuffledOrder(n: number, seed: number, repetition = 0): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const s = new RandomStream(seed, repetition, STREAM_PURPOSE.ordinary);
  for (let i = n - 1; i > 0; i--) {
    const j = s.uniformInt(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/**
 * The fold (0-based) of every data row: leave-one-out when `k` is n (row i is fold i, no
 * shuffle needed), otherwise the rows in shuffled order cut into k folds.
 */
export function assignFolds(n: number, k: number, seed: number, repetition = 0): Int32Array {
  if (k === n) return Int32Array.from({ length: n }, (_, i) => i);
  const byPosition = cutFolds(n, k);
  const order = shuffledOrder(n, seed, repetition);
  const fold = new Int32Array(n);
  for (let pos = 0; pos < n; pos++) fold[order[pos]!] = byPosition[pos]!;
  return fold;
}
