/**
 * isrs in Node (the package's `node` export condition): everything of the browser-safe entry
 * (src/index.ts), plus reading CSV files (`readCsv`) and the bootstrap (`fit` with a `bootstrap`
 * option, run on worker threads as `isrs fit --bootstrap N`).
 */
import { withNa, type CsvOptions, type CsvTable } from "./api/csv.js";
import type { DataInput } from "./api/data.js";
import type { SummaryStatistics } from "./api/moments.js";
import { fitWith } from "./api/fit.js";
import type { ModelFit } from "./api/fitted.js";
import type { FitOptions, ModelSyntax } from "./api/types.js";
import { bootstrapModel, parseBootstrapOptions, type BootstrapRunOptions } from "./sem/bootstrap/index.js";
import { readTable } from "./sem/data/read-file.js";
import { InputError } from "./sem/messages.js";

export * from "./index.js";

/** The nonparametric bootstrap (lavaan's se = "bootstrap"), as `isrs fit --bootstrap N`. */
export interface BootstrapOptions {
  /** the number of draws, 1 to 100000 (`--bootstrap N`) */
  draws: number;
  /** a whole number from 0 to 2^53 − 1; default drawn at random and reported */
  seed?: number;
  /** "standard" (default) or "bollen.stine" (also "bollen-stine") */
  test?: "standard" | "bollen.stine" | "bollen-stine";
  /** worker threads (default: the available cores) */
  workers?: number;
  /** confidence level of the intervals (default 0.95) */
  level?: number;
  /** estimate the BCa acceleration by the jackknife (default true) */
  jackknife?: boolean;
  /** called as refits finish: done and total */
  onProgress?: (done: number, total: number) => void;
}

export interface NodeFitOptions extends FitOptions {
  bootstrap?: BootstrapOptions;
}

/** Reads a CSV file as `isrs fit` does; a missing or unreadable file throws an IsrsInputError (E_FILE). */
export function readCsv(path: string, options: Omit<CsvOptions, "name"> = {}): CsvTable {
  return withNa(readTable(path, options), options.na);
}

/** The engine's bootstrap options, checked before the fit (E_USAGE naming the option). */
function engineBootstrap(b: BootstrapOptions): BootstrapRunOptions {
  if (typeof b !== "object" || b === null) throw new InputError("E_USAGE", "option bootstrap: expected { draws: N }");
  const { draws, test, ...rest } = b;
  const out: BootstrapRunOptions = { ...rest, bootstrap: draws };
  if (test !== undefined) out.test = test === "bollen-stine" ? "bollen.stine" : test;
  try {
    parseBootstrapOptions(out);
  } catch (e) {
    if (e instanceof InputError)
      throw new InputError(e.code, e.message.replace(/^bootstrap option bootstrap:/, "bootstrap option draws:"));
    throw e;
  }
  return out;
}

/** As the browser-safe `fit`, with the bootstrap when `options.bootstrap` is given. */
export async function fit(
  model: string | ModelSyntax,
  data: DataInput | SummaryStatistics,
  options: NodeFitOptions = {},
): Promise<ModelFit> {
  const { bootstrap, ...rest } = options;
  if (bootstrap === undefined) return fitWith(model, data, rest, { keys: [] });
  const boot = engineBootstrap(bootstrap);
  return fitWith(model, data, rest, { keys: [], after: (fitted, result) => bootstrapModel(fitted, boot, result) });
}

// Monte Carlo power (worker threads); power() and SummaryStatistics come with the browser-safe entry
export { monteCarloPower } from "./api/power-node.js";
export type { MonteCarloOptions, MonteCarloResult, MonteCarloRow } from "./api/power-node.js";

// PLS bootstrap on worker threads (as `isrs pls --bootstrap N`): fills the analysis' results.
import type { PlsAnalysis } from "./pls/analyze.js";
import { applyBootstrap, optionsOfResults } from "./pls/bootstrap/apply.js";
import { bootstrapPls } from "./pls/bootstrap/index.js";
import type { PlsBootstrapOptions, PlsBootstrapResult } from "./pls/bootstrap/run.js";

/**
 * Bootstraps a `pls()` analysis: `draws` resamples (seeded by `seed`, the same numbers on any
 * number of `workers`), percentile intervals, sd and t for paths, loadings, weights, total effects
 * and HTMT, written into `analysis.results` (inference columns and the `bootstrap` section).
 */
export async function plsBootstrap(analysis: PlsAnalysis, options: PlsBootstrapOptions): Promise<PlsBootstrapResult> {
  const { data, spec, estimate, results } = analysis;
  const boot = await bootstrapPls(data, spec, estimate, optionsOfResults(results), options);
  applyBootstrap(results, boot);
  return boot;
}
