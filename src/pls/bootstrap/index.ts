/**
 * The PLS bootstrap in Node (seminr 2.3.1's bootstrap_model, with the toolkit's random numbers):
 * B resamples of the raw rows, each re-estimated from scratch, spread over worker threads
 * (pool.ts); percentile intervals, standard deviations and t for paths, loadings, weights, total
 * effects and HTMT. Failed resamples are counted by reason (result.draws) and reported.
 */
import { defaultWorkers, runPlsResamples } from "./pool.js";
import { finishRun, prepareRun, type PlsBootstrapOptions, type PlsBootstrapResult } from "./run.js";
import type { PlsData, PlsEstimate, PlsOptions, PlsSpec } from "../types.js";

export { bootstrapPlsInThread, failedWarning, PLS_BOOTSTRAP_MAX } from "./run.js";
export type { PlsBootstrapOptions, PlsBootstrapResult } from "./run.js";
export type { BootStatistic, BootTables, DrawCounts } from "./summarize.js";

export async function bootstrapPls(
  data: PlsData,
  spec: PlsSpec,
  est: PlsEstimate,
  options: PlsOptions,
  boot: PlsBootstrapOptions,
): Promise<PlsBootstrapResult> {
  const prep = prepareRun(data, spec, est, options, boot);
  const report = await runPlsResamples(prep.context, boot.draws, {
    workers: boot.workers ?? defaultWorkers(),
    onProgress: boot.onProgress,
  });
  return finishRun(prep, report.run, report.threads, report.note);
}
