/**
 * The rows of PLS bootstrap resample b: n row positions drawn uniformly with replacement from the
 * n rows of the data, read from the resample's own counter-based random stream (Philox,
 * sem/bootstrap/prng.ts). The draws depend only on (seed, b), never on the worker that runs
 * the resample, so any number of threads gives the same numbers; they are the rows the SEM
 * bootstrap (`isrs fit --bootstrap`) draws for a one-group model with the same seed.
 */
import { STREAM_PURPOSE } from "../../sem/bootstrap/prng.js";
import { resampleIndices } from "../../sem/bootstrap/resample.js";

/** 0-based row positions of resample `b` (0-based) of `n` rows under `seed`. */
export function plsResampleRows(seed: number, b: number, n: number): Int32Array {
  return resampleIndices(seed, b, [n], STREAM_PURPOSE.ordinary)[0]!;
}
