/**
 * The PLS bootstrap apart from where its resamples run: the run's description from the
 * full-sample estimate, the checks of the options, and the result from the resamples' outcomes.
 * Browser-safe; `bootstrapPlsInThread` runs every resample in this thread (the Node entry,
 * index.ts, spreads them over worker threads).
 */
import { InputError } from "../../sem/messages.js";
import { MAX_SEED } from "../../sem/bootstrap/prng.js";
import type { PlsData, PlsEstimate, PlsOptions, PlsSpec } from "../types.js";
import { emptyRun, runChunk, storeChunk, type RunResult } from "./chunk.js";
import { createReplicator, HTMT_OF } from "./context.js";
import { bootKeys, statistics, type PlsBootContextData } from "./replicate.js";
import { drawCounts, summarizeRun, type BootTables, type DrawCounts } from "./summarize.js";

export const PLS_BOOTSTRAP_MAX = 100_000;

export interface PlsBootstrapOptions {
  /** number of resamples, 1 to 100000 */
  draws: number;
  /** a whole number from 0 to 2^53 − 1; default drawn at random and reported */
  seed?: number;
  /** confidence level of the percentile intervals (default 0.95) */
  level?: number;
  /** threads, this one included (Node only; default: the available cores) */
  workers?: number;
  /** called as resamples finish */
  onProgress?: (done: number, total: number) => void;
  /** explicit resamples (0-based input rows) instead of seeded draws: to re-run another program's */
  resamples?: Int32Array[];
}

export interface PlsBootstrapResult {
  seed: number;
  seedSource: "given" | "random";
  level: number;
  draws: DrawCounts;
  threads: number;
  threadNote: string;
  tables: BootTables;
}

function checkOptions(o: PlsBootstrapOptions): void {
  if (!Number.isInteger(o.draws) || o.draws < 1 || o.draws > PLS_BOOTSTRAP_MAX)
    throw new InputError("E_USAGE", `bootstrap draws ${o.draws}: a whole number from 1 to ${PLS_BOOTSTRAP_MAX}`);
  if (o.seed !== undefined && (!Number.isSafeInteger(o.seed) || o.seed < 0))
    throw new InputError("E_USAGE", `bootstrap seed ${o.seed}: a whole number from 0 to ${MAX_SEED}`);
  if (o.level !== undefined && !(o.level > 0 && o.level < 1))
    throw new InputError("E_USAGE", `bootstrap level ${o.level}: a number between 0 and 1`);
  if (o.resamples !== undefined && o.resamples.length !== o.draws)
    throw new InputError("E_USAGE", `bootstrap: ${o.resamples.length} resamples given for ${o.draws} draws`);
}

function randomSeed(): number {
  const w = new Uint32Array(2);
  globalThis.crypto.getRandomValues(w);
  return (w[0]! % 2 ** 15) * 2 ** 32 + w[1]!;
}

export interface PreparedRun {
  context: PlsBootContextData;
  original: Float64Array;
  seedSource: "given" | "random";
  level: number;
}

/** The run's description: raw data of all input rows, the statistics' keys and full-sample values. */
export function prepareRun(
  data: PlsData,
  spec: PlsSpec,
  est: PlsEstimate,
  options: PlsOptions,
  boot: PlsBootstrapOptions,
): PreparedRun {
  checkOptions(boot);
  const keys = bootKeys(est, data, HTMT_OF);
  const raw: Record<string, Float64Array> = {};
  for (const it of data.items) raw[it] = data.raw[it]!;
  const nRows = raw[data.items[0]!]!.length;
  const context: PlsBootContextData = {
    spec,
    options: { ...options, skipFSquared: true },
    raw,
    nRows,
    seed: boot.seed ?? randomSeed(),
    keys,
    ...(boot.resamples === undefined ? {} : { resamples: boot.resamples }),
  };
  return {
    context,
    original: statistics(est, data, keys, HTMT_OF),
    seedSource: boot.seed === undefined ? "random" : "given",
    level: boot.level ?? 0.95,
  };
}

export function finishRun(prep: PreparedRun, run: RunResult, threads: number, threadNote: string): PlsBootstrapResult {
  return {
    seed: prep.context.seed,
    seedSource: prep.seedSource,
    level: prep.level,
    draws: drawCounts(run),
    threads,
    threadNote,
    tables: summarizeRun(run, prep.context.keys, prep.original, prep.level),
  };
}

/** The bootstrap with every resample in this thread (browser-safe). */
export function bootstrapPlsInThread(
  data: PlsData,
  spec: PlsSpec,
  est: PlsEstimate,
  options: PlsOptions,
  boot: PlsBootstrapOptions,
): PlsBootstrapResult {
  const prep = prepareRun(data, spec, est, options, boot);
  const rep = createReplicator(prep.context);
  const run = emptyRun(boot.draws, prep.context.keys.length);
  for (let from = 0; from < boot.draws; from += 16) {
    storeChunk(run, runChunk(rep, from, Math.min(boot.draws, from + 16)));
    boot.onProgress?.(Math.min(boot.draws, from + 16), boot.draws);
  }
  return finishRun(prep, run, 1, "");
}

/** The warning of a run with unused resamples (null when all were used). */
export function failedWarning(r: PlsBootstrapResult): string | null {
  const d = r.draws;
  if (d.failed === 0) return null;
  const why = d.reasons.map((x) => `${x.count}: ${x.reason}`).join("; ");
  return (
    `${d.failed} of ${d.requested} bootstrap resamples could not be estimated and are not used ` +
    `(${why}); ${d.successful} used`
  );
}
