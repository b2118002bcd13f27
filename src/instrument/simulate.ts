/**
 * Simulated responses from the instrument's population model. Each firm's latent responses
 * y* ~ N(0, Sigma) are drawn as y* = L z with Sigma = L L' (Cholesky) and z standard normal;
 * each is cut into the scale's categories at the thresholds tau_k = Phi^-1(p_1 + ... + p_k)
 * given by the scale's category probabilities (the usual latent-response view of ordinal
 * items, e.g. Muthen 1984), so that the answers have the skew of those probabilities.
 * A reverse-keyed item is then written mirrored (min + max - x), as a respondent would answer it.
 * Missing values are MCAR: after all answers are drawn, each cell is blanked with probability
 * `missing`, from the same generator, so the complete answers do not depend on `missing`.
 */
import { cholesky, square } from "../sem/linalg/dense.js";
import { normalQuantile } from "../sem/distributions/index.js";
import { InputError } from "../sem/messages.js";
import { scaleOf } from "./load.js";
import { populationModel } from "./population.js";
import { createRng, type Rng } from "./rng.js";
import type { Instrument } from "./schema.js";
import { InstrumentError } from "./messages.js";

export interface SimulateOptions {
  n: number;
  seed: number;
  /** share of answers made missing completely at random (0 by default) */
  missing?: number;
}

export interface SimulatedSample {
  ids: string[];
  items: string[];
  /** the latent responses before discretisation, n x p row-major, in the keyed direction */
  continuous: Float64Array;
  /** the answers as written in the file (reverse-keyed items mirrored); null when missing */
  answers: (number | null)[][];
  /** how many answers were made missing */
  nMissing: number;
}

/**
 * The most firms one run draws. The sample and its CSV text are held in memory: about 16 bytes
 * per item and firm for the draws, 60 to 80 characters per firm for the text, and a JavaScript
 * string holds at most 2^29 - 24 characters (V8), about 7 million firms of 25 items; a million
 * keeps the text near 70 MB. Larger samples can be drawn in several runs with different seeds.
 */
export const MAX_SIMULATED_FIRMS = 1_000_000;

export function simulate(instr: Instrument, opts: SimulateOptions): SimulatedSample {
  const { n, seed } = opts;
  const missing = opts.missing ?? 0;
  checkSimulateOptions(n, seed, missing);
  const pm = populationModel(instr);
  const p = pm.items.length;
  const L = cholesky(square(p, pm.sigma));
  if (L === null)
    throw new InstrumentError(
      "E_INSTRUMENT",
      `instrument ${instr.id} ${instr.version}: population: ` +
        `the implied item correlation matrix is not ` +
        `positive definite`,
    );
  const cuts = instr.items.map((it) => thresholds(instr.population.categoryProbabilities[scaleOf(instr, it).id]!));
  const scales = instr.items.map((it) => scaleOf(instr, it));
  const rng = createRng(seed);
  const continuous = new Float64Array(n * p);
  const answers: (number | null)[][] = [];
  const z = new Float64Array(p);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < p; j++) z[j] = rng.normal();
    const row: (number | null)[] = [];
    for (let i = 0; i < p; i++) {
      let y = 0;
      for (let k = 0; k <= i; k++) y += L.a[i * p + k]! * z[k]!;
      continuous[r * p + i] = y;
      const s = scales[i]!;
      const x = s.min + cuts[i]!.filter((t) => y > t).length;
      row.push(instr.items[i]!.reverse ? s.min + s.max - x : x);
    }
    answers.push(row);
  }
  const nMissing = missing > 0 ? dropAtRandom(answers, missing, rng) : 0;
  const width = Math.max(3, String(n).length);
  const ids = Array.from({ length: n }, (_, i) => `F${String(i + 1).padStart(width, "0")}`);
  return { ids, items: pm.items, continuous, answers, nMissing };
}

/** The number of firms, the seed and the share of missing answers, each with its own message. */
function checkSimulateOptions(n: number, seed: number, missing: number): void {
  if (!Number.isInteger(n) || n < 1)
    throw new InputError("E_USAGE", `--n ${n}: a positive whole number of firms is needed`);
  if (n > MAX_SIMULATED_FIRMS)
    throw new InputError(
      "E_USAGE",
      `--n ${n}: at most ${MAX_SIMULATED_FIRMS} firms per run (the sample and its CSV are built in memory, ` +
        "and a JavaScript string holds about 7 million rows); draw larger samples in several runs with different seeds",
    );
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new InputError(
      "E_USAGE",
      `--seed ${seed}: the seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`,
    );
  if (!(missing >= 0 && missing < 1))
    throw new InputError("E_USAGE", `--missing ${missing}: a share from 0 (none) to below 1 is needed`);
}

/** Every answer made missing with probability `share` (one uniform draw per answer, row by row); returns how many. */
function dropAtRandom(answers: (number | null)[][], share: number, rng: Rng): number {
  let nMissing = 0;
  for (const row of answers) {
    for (let i = 0; i < row.length; i++) {
      if (rng.uniform() < share) {
        row[i] = null;
        nMissing++;
      }
    }
  }
  return nMissing;
}

/** tau_k = Phi^-1(p_1 + ... + p_k), k = 1 .. K-1. */
export function thresholds(probs: number[]): number[] {
  const out: number[] = [];
  let cum = 0;
  for (let k = 0; k < probs.length - 1; k++) {
    cum += probs[k]!;
    out.push(normalQuantile(cum));
  }
  return out;
}

/** The sample as a CSV file: the id column, then one column per item; missing answers empty. */
export function sampleCsv(instr: Instrument, sample: SimulatedSample): string {
  const lines = [[instr.idColumn, ...sample.items].join(",")];
  sample.answers.forEach((row, r) =>
    lines.push([sample.ids[r], ...row.map((x) => (x === null ? "" : String(x)))].join(",")),
  );
  return `${lines.join("\n")}\n`;
}
