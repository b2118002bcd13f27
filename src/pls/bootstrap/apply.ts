/**
 * A bootstrap run written into an analysis' result object: the inference columns (se = boot sd,
 * t, ci.lower, ci.upper) of every parameter, HTMT and total-effect row, the `bootstrap` section
 * (counts, seed, every table in seminr's summary(boot) columns) and a warning when resamples
 * could not be used. Browser-safe.
 */
import type { PlsInference, PlsResults } from "../results.js";
import type { PlsHocMethod, PlsOptions, PlsScheme } from "../types.js";
import { failedWarning, type PlsBootstrapResult } from "./run.js";
import type { BootStatistic } from "./summarize.js";

/** The estimation options as a result object records them (what a resample is estimated with). */
export function optionsOfResults(r: PlsResults): PlsOptions {
  return {
    scheme: r.settings.scheme as PlsScheme,
    plsc: r.settings.plsc,
    missing: r.settings.missing === "listwise" ? "listwise" : "mean",
    hocMethod: r.settings.hocMethod as PlsHocMethod,
    maxIterations: r.settings.maxIterations,
    tolerance: r.settings.tolerance,
  };
}

function inference(s: BootStatistic | undefined): PlsInference {
  if (s === undefined) return { se: null, t: null, "ci.lower": null, "ci.upper": null };
  return { se: s.sd, t: s.t, "ci.lower": s.lower, "ci.upper": s.upper };
}

function rows(xs: readonly BootStatistic[], a: string, b: string): Record<string, unknown>[] {
  return xs.map((x) => ({
    [a]: x.a,
    [b]: x.b,
    original: x.original,
    "boot.mean": x.mean,
    "boot.sd": x.sd,
    t: x.t,
    "ci.lower": x.lower,
    "ci.upper": x.upper,
  }));
}

export function applyBootstrap(r: PlsResults, boot: PlsBootstrapResult): void {
  const find = (xs: BootStatistic[], a: string, b: string): BootStatistic | undefined =>
    xs.find((x) => x.a === a && x.b === b);
  const t = boot.tables;
  for (const p of r.parameters) {
    const s = p.op === "~" ? find(t.paths, p.rhs, p.lhs) : find(p.op === "=~" ? t.loadings : t.weights, p.lhs, p.rhs);
    Object.assign(p, inference(s));
  }
  for (const h of r.htmt) Object.assign(h, inference(find(t.htmt, h.lhs, h.rhs) ?? find(t.htmt, h.rhs, h.lhs)));
  for (const e of r.totalEffects) Object.assign(e, inference(find(t.totalEffects, e.rhs, e.lhs)));
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
