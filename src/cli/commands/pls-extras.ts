/**
 * The resampling part of `isrs pls`: `--bootstrap N [--seed S] [--workers K]` (percentile
 * intervals, sd and t for loadings, weights, paths, total effects and HTMT, on worker threads with
 * a progress bar on a terminal), `--predict [--folds K|loo] [--predict-scheme da|ea]` (PLSpredict)
 * and `--ipma TARGET [--scale-min X --scale-max Y]` (importance-performance map). Each fills its
 * part of the result object: the inference columns (se, t, ci.lower, ci.upper) and `bootstrap`,
 * `prediction` (one row per item), `ipma` (with a vega-lite chart), and adds its text.
 */
import type { Command } from "commander";
import { MAX_SEED } from "../../sem/bootstrap/prng.js";
import { InputError } from "../../sem/messages.js";
import type { PlsAnalysis } from "../../pls/analyze.js";
import { applyBootstrap, optionsOfResults } from "../../pls/bootstrap/apply.js";
import { bootstrapPls, PLS_BOOTSTRAP_MAX } from "../../pls/bootstrap/index.js";
import { plsImportancePerformance } from "../../pls/ipma/apply.js";
import { plsPrediction } from "../../pls/predict/apply.js";
import { CHART_CONFIG } from "../../report/charts/render.js";
import { progressBar } from "../progress.js";
import type { CommandContext } from "./fit.js";
import type { CliPlsFlags, PlsExtension } from "./pls.js";
import { resamplingText } from "./pls-extras-text.js";

export { resamplingText };

interface ExtraFlags {
  bootstrap?: string;
  seed?: string;
  workers?: string;
  predict?: boolean;
  folds?: string;
  predictScheme?: string;
  ipma?: string;
  scaleMin?: string;
  scaleMax?: string;
}

function whole(flag: string, text: string, min: number, max: number): number {
  const s = text.trim();
  const v = /^\d+$/.test(s) ? Number(s) : NaN;
  if (!Number.isSafeInteger(v) || v < min || v > max)
    throw new InputError("E_USAGE", `--${flag} ${text}: a whole number from ${min} to ${max}`);
  return v;
}

function real(flag: string, text: string): number {
  const v = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(v)) throw new InputError("E_USAGE", `--${flag} ${text}: not a number`);
  return v;
}

function checkFlags(f: ExtraFlags): void {
  const kfold = f.predict === true && f.folds !== undefined && f.folds.trim().toLowerCase() !== "loo";
  if (f.seed !== undefined && f.bootstrap === undefined && !kfold)
    throw new InputError("E_USAGE", `--seed ${f.seed} is only used with --bootstrap N or --predict --folds K`);
  if (f.workers !== undefined && f.bootstrap === undefined)
    throw new InputError("E_USAGE", `--workers ${f.workers} is only used with --bootstrap N`);
  if ((f.folds !== undefined || f.predictScheme !== undefined) && f.predict !== true)
    throw new InputError("E_USAGE", "--folds and --predict-scheme are only used with --predict");
  if ((f.scaleMin !== undefined || f.scaleMax !== undefined) && f.ipma === undefined)
    throw new InputError("E_USAGE", "--scale-min and --scale-max are only used with --ipma TARGET");
}

async function runExtras(a: PlsAnalysis, flags: CliPlsFlags, ctx: CommandContext): Promise<void> {
  const f = flags as ExtraFlags;
  checkFlags(f);
  if (f.bootstrap !== undefined) {
    const draws = whole("bootstrap", f.bootstrap, 1, PLS_BOOTSTRAP_MAX);
    const boot = await bootstrapPls(a.data, a.spec, a.estimate, optionsOfResults(a.results), {
      draws,
      ...(f.seed === undefined ? {} : { seed: whole("seed", f.seed, 0, MAX_SEED) }),
      ...(f.workers === undefined ? {} : { workers: whole("workers", f.workers, 1, 256) }),
      onProgress: ctx.stderrIsTTY === false ? undefined : progressBar("bootstrap"),
    });
    applyBootstrap(a.results, boot);
  }
  if (f.predict === true) {
    const loo = f.folds === undefined || f.folds.trim().toLowerCase() === "loo";
    const folds = loo ? "loo" : whole("folds", f.folds!, 2, a.data.n);
    const technique = (f.predictScheme ?? "da").trim().toUpperCase();
    if (technique !== "DA" && technique !== "EA")
      throw new InputError(
        "E_USAGE",
        `--predict-scheme ${f.predictScheme}: use da (direct antecedents) or ea (earliest)`,
      );
    const seed = f.seed === undefined ? undefined : whole("seed", f.seed, 0, MAX_SEED);
    plsPrediction(a, { folds, technique, seed });
  }
  if (f.ipma !== undefined) {
    plsImportancePerformance(
      a,
      f.ipma.trim(),
      {
        ...(f.scaleMin === undefined ? {} : { min: real("scale-min", f.scaleMin) }),
        ...(f.scaleMax === undefined ? {} : { max: real("scale-max", f.scaleMax) }),
      },
      CHART_CONFIG,
    );
  }
}

export const plsResampling: PlsExtension = {
  addOptions: (cmd: Command): Command =>
    cmd
      .option(
        "--bootstrap <n>",
        `bootstrap percentile intervals, sd and t from N resamples (1 to ${PLS_BOOTSTRAP_MAX})`,
      )
      .option("--seed <s>", "seed of the bootstrap resamples and of the k-fold split (default: drawn and reported)")
      .option("--workers <k>", "threads for the bootstrap (default: the available cores)")
      .option("--predict", "PLSpredict: cross-validated predictions of the endogenous items, with the LM benchmark")
      .option("--folds <k>", "PLSpredict folds: a number, or loo for leave-one-out (default)")
      .option("--predict-scheme <s>", "PLSpredict: da (direct antecedents, default) or ea (earliest antecedents)")
      .option("--ipma <target>", "importance-performance map of the constructs acting on TARGET")
      .option("--scale-min <x>", "IPMA: lowest possible value of the items (default: the lowest observed)")
      .option("--scale-max <x>", "IPMA: highest possible value of the items (default: the highest observed)"),
  run: runExtras,
};
