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
import { bootstrapPls, failedWarning, PLS_BOOTSTRAP_MAX, type PlsBootstrapResult } from "../../pls/bootstrap/index.js";
import type { BootStatistic } from "../../pls/bootstrap/summarize.js";
import { ipmaChartSpec, plsIpma } from "../../pls/ipma/index.js";
import { plsPredict, type PlsPrediction } from "../../pls/predict/index.js";
import type { PlsInference, PlsResults } from "../../pls/results.js";
import type { PlsOptions, PlsScheme } from "../../pls/types.js";
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

/** The estimation options as the results record them. */
function optionsOf(r: PlsResults): PlsOptions {
  return {
    scheme: r.settings.scheme as PlsScheme,
    plsc: r.settings.plsc,
    missing: r.settings.missing === "listwise" ? "listwise" : "mean",
    maxIterations: r.settings.maxIterations,
    tolerance: r.settings.tolerance,
  };
}

function inference(s: BootStatistic | undefined): PlsInference {
  if (s === undefined) return { se: null, t: null, "ci.lower": null, "ci.upper": null };
  return { se: s.sd, t: s.t, "ci.lower": s.lower, "ci.upper": s.upper };
}

/** Writes the bootstrap columns into the parameter, HTMT and total-effect rows, and the section. */
export function applyBootstrap(r: PlsResults, boot: PlsBootstrapResult): void {
  const find = (rows: BootStatistic[], a: string, b: string): BootStatistic | undefined =>
    rows.find((x) => x.a === a && x.b === b);
  const t = boot.tables;
  for (const p of r.parameters) {
    const s = p.op === "~" ? find(t.paths, p.rhs, p.lhs) : find(p.op === "=~" ? t.loadings : t.weights, p.lhs, p.rhs);
    Object.assign(p, inference(s));
  }
  for (const h of r.htmt) Object.assign(h, inference(find(t.htmt, h.lhs, h.rhs) ?? find(t.htmt, h.rhs, h.lhs)));
  for (const e of r.totalEffects) Object.assign(e, inference(find(t.totalEffects, e.rhs, e.lhs)));
  const rows = (xs: BootStatistic[], a: string, b: string): Record<string, unknown>[] =>
    xs.map((x) => ({
      [a]: x.a,
      [b]: x.b,
      original: x.original,
      "boot.mean": x.mean,
      "boot.sd": x.sd,
      t: x.t,
      "ci.lower": x.lower,
      "ci.upper": x.upper,
    }));
  r.bootstrap = {
    requested: boot.draws.requested,
    successful: boot.draws.successful,
    failed: boot.draws.failed,
    reasons: boot.draws.reasons,
    seed: boot.seed,
    "seed.source": boot.seedSource,
    level: boot.level,
    "ci.type": "percentile (R quantile type 7)",
    threads: boot.threads,
    ...(boot.threadNote === "" ? {} : { "thread.note": boot.threadNote }),
    paths: rows(t.paths, "from", "to"),
    loadings: rows(t.loadings, "construct", "indicator"),
    weights: rows(t.weights, "construct", "indicator"),
    totalEffects: rows(t.totalEffects, "from", "to"),
    htmt: rows(t.htmt, "lhs", "rhs"),
  };
  const w = failedWarning(boot);
  if (w !== null) r.warnings.push({ code: "W_PLS_BOOTSTRAP_FAILED", message: w });
}

export function applyPrediction(r: PlsResults, p: PlsPrediction): void {
  r.prediction = p.items;
  Object.assign(r, {
    predictionSettings: {
      technique: p.technique === "DA" ? "direct antecedents" : "earliest antecedents",
      folds: p.folds,
      seed: p.seed,
      q2predict: "1 - SSE / SSE of the training-fold mean",
    },
  });
  for (const m of p.warnings) r.warnings.push({ code: "W_PLS_PREDICT", message: m });
}

async function runExtras(a: PlsAnalysis, flags: CliPlsFlags, ctx: CommandContext): Promise<void> {
  const f = flags as ExtraFlags;
  checkFlags(f);
  const r = a.results;
  const options = optionsOf(r);
  if (f.bootstrap !== undefined) {
    const draws = whole("bootstrap", f.bootstrap, 1, PLS_BOOTSTRAP_MAX);
    const boot = await bootstrapPls(a.data, a.spec, a.estimate, options, {
      draws,
      ...(f.seed === undefined ? {} : { seed: whole("seed", f.seed, 0, MAX_SEED) }),
      ...(f.workers === undefined ? {} : { workers: whole("workers", f.workers, 1, 256) }),
      onProgress: ctx.stderrIsTTY === false ? undefined : progressBar("bootstrap"),
    });
    applyBootstrap(r, boot);
  }
  if (f.predict === true) {
    const folds =
      f.folds === undefined || f.folds.trim().toLowerCase() === "loo" ? "loo" : whole("folds", f.folds, 2, a.data.n);
    const scheme = (f.predictScheme ?? "da").trim().toUpperCase();
    if (scheme !== "DA" && scheme !== "EA")
      throw new InputError(
        "E_USAGE",
        `--predict-scheme ${f.predictScheme}: use da (direct antecedents) or ea (earliest)`,
      );
    const seed = f.seed === undefined ? undefined : whole("seed", f.seed, 0, MAX_SEED);
    applyPrediction(r, plsPredict(a.data, a.spec, a.estimate, options, { folds, technique: scheme, seed }));
  }
  if (f.ipma !== undefined) {
    const scales = {
      ...(f.scaleMin === undefined ? {} : { min: real("scale-min", f.scaleMin) }),
      ...(f.scaleMax === undefined ? {} : { max: real("scale-max", f.scaleMax) }),
    };
    const ipma = plsIpma(a.spec, a.data, a.estimate, f.ipma.trim(), scales, options.plsc === true);
    const chart = ipmaChartSpec(ipma);
    r.ipma = {
      target: ipma.target,
      constructs: ipma.constructs,
      indicators: ipma.indicators,
      chart: { ...chart.spec, data: { values: chart.data.ipma } },
    };
    for (const m of ipma.warnings) r.warnings.push({ code: "W_PLS_IPMA", message: m });
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
