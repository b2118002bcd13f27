/**
 * The nonparametric bootstrap of a fitted model (lavaan: se = "bootstrap", bootstrap = B,
 * test = "bollen.stine"). bootstrapModel() takes the FittedModel of fitModel() (and, optionally,
 * its FitResult view already made), refits B resamples (rows drawn with replacement within
 * groups) with the same fit options from θ̂,
 * and returns the FitResult with bootstrap standard errors, z, p and percentile intervals in
 * the parameter rows (as parameterEstimates() with its default boot.ci.type = "perc"), and the
 * bootstrap section: every interval type per row, the draws used and not used (by reason), and
 * the Bollen-Stine test when asked.
 */
import { randomInt } from "node:crypto";
import { normalTwoSidedP } from "../distributions/index.js";
import type { FitMeasures } from "../fit/names.js";
import type { FittedModel } from "../fitted.js";
import { InputError, warning } from "../messages.js";
import type { FitResult, ParameterEstimate } from "../results.js";
import { toFitResult } from "../views.js";
import {
  JACKKNIFE_MAX_ROWS,
  parseBootstrapOptions,
  type BootstrapOptions,
  type BootstrapOptionsInput,
} from "./options.js";
import { defaultWorkers, runTasks, type BatchResult, type TaskBatch } from "./pool.js";
import { contextData, createContext } from "./context.js";
import { bootstrapColumns, drawCounts, parameterDraws, usedIndices } from "./summarize.js";
import type { BollenStineTest, BootstrapResult } from "./types.js";

export type { BootstrapResult } from "./types.js";
export { BOOTSTRAP_MAX, WORKERS_MAX, parseBootstrapOptions } from "./options.js";
export type { BootstrapOptionsInput } from "./options.js";

export interface BootstrapRunOptions extends BootstrapOptionsInput {
  /** called after every chunk of refits: done and total refits (bootstrap, Bollen-Stine and jackknife) */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The bootstrap of a fitted model: the refits (runRefits), the bootstrap result (summarizeRuns)
 * and the fit's rows and warnings with the bootstrap standard errors (withBootstrap).
 */
export async function bootstrapModel(
  fitted: FittedModel,
  options: BootstrapRunOptions,
  fit: FitResult = toFitResult(fitted),
): Promise<FitResult> {
  const opts = parseBootstrapOptions(options);
  const bollenStine = opts.test === "bollen.stine";
  if (bollenStine && fitted.opts.missing !== "listwise") {
    throw new InputError(
      "E_USAGE",
      `the Bollen-Stine bootstrap needs complete data (missing = listwise), not missing = ${fitted.opts.missing}: ` +
        "its data transformation is defined for complete data only (lavaan refuses it too)",
    );
  }
  const seed = opts.seed ?? randomInt(0, 2 ** 47);
  const run = await runRefits(fitted, opts, seed, options.onProgress);
  const result = await summarizeRuns(fitted, opts, seed, run);
  return withBootstrap(fit, fitted, result);
}

interface Refits {
  report: Awaited<ReturnType<typeof runTasks>>;
  /** rows of the data (the jackknife's refits) */
  N: number;
}

/** The ordinary draws, the Bollen-Stine draws when asked, and the jackknife refits when possible. */
async function runRefits(
  fitted: FittedModel,
  opts: BootstrapOptions,
  seed: number,
  onProgress: BootstrapRunOptions["onProgress"],
): Promise<Refits> {
  const bollenStine = opts.test === "bollen.stine";
  const ctx = createContext(await contextData({ fitted, seed, bollenStine }));
  const N = ctx.ntotal;
  const batches: TaskBatch[] = [{ kind: "ordinary", count: opts.bootstrap }];
  if (bollenStine) batches.push({ kind: "bollenStine", count: opts.bootstrap });
  if (opts.jackknife && N <= JACKKNIFE_MAX_ROWS) batches.push({ kind: "jackknife", count: N });
  const report = await runTasks(ctx, batches, {
    workers: opts.workers ?? defaultWorkers(),
    minTasksForWorkers: opts.minTasksForWorkers,
    workersGiven: opts.workers !== undefined,
    onProgress,
  });
  return { report, N };
}

/** The bootstrap result: draws counted, standard errors and intervals per row, the jackknife, the test. */
async function summarizeRuns(
  fitted: FittedModel,
  opts: BootstrapOptions,
  seed: number,
  { report, N }: Refits,
): Promise<BootstrapResult> {
  const byKind = (k: TaskBatch["kind"]): BatchResult | null => report.results.find((r) => r.kind === k) ?? null;
  const boot = byKind("ordinary")!;
  const jack = byKind("jackknife");
  const jackFailed = jack === null ? 0 : jack.count - usedIndices(jack).length;
  const jackUsed = jack !== null && jackFailed === 0;
  const pd = await parameterDraws(fitted.table, fitted.prob, boot, jackUsed ? jack : null);
  const trows = fitted.table.rows.filter((r) => r.op !== "==");
  const estimates = fitted.parameters.estimates;
  const result: BootstrapResult = {
    type: "ordinary",
    seed,
    seedSource: opts.seed === undefined ? "random" : "given",
    level: opts.level,
    draws: drawCounts(boot),
    nonadmissible: usedIndices(boot).filter((b) => boot.negativeVariance[b] === 1).length,
    ciType: "perc",
    jackknife: {
      rows: jack?.count ?? 0,
      failed: jackFailed,
      used: jackUsed,
      note: jackknifeNote(opts.jackknife, N, jack, jackFailed),
    },
    threads: report.threads,
    threadNote: report.note,
    parameters: trows.map((r, k) =>
      bootstrapColumns(r, estimates[k]!.est ?? NaN, pd.draws[k]!, pd.jack[k]!, opts.level),
    ),
  };
  const bs = byKind("bollenStine");
  if (bs !== null) result.test = bollenStineTest(bs, fitted.fit);
  return result;
}

/** The fit's rows with the bootstrap se, z, p and percentile interval, and the failed draws warned. */
function withBootstrap(fit: FitResult, fitted: FittedModel, result: BootstrapResult): FitResult {
  const trows = fitted.table.rows.filter((r) => r.op !== "==");
  const parameters = fit.parameters.map((row, k) =>
    trows[k]!.free > 0 || trows[k]!.op === ":=" ? withBootstrapSe(row, result.parameters[k]!) : row,
  );
  const warnings = [...fit.warnings];
  const draws = result.draws;
  if (draws.failed > 0)
    warnings.push(
      warning(
        "W_BOOTSTRAP_FAILED",
        `${draws.failed} of ${draws.requested} bootstrap draws failed or did not converge; ${draws.successful} used`,
      ),
    );
  if (result.test !== undefined && result.test.draws.failed > 0) {
    const d = result.test.draws;
    warnings.push(
      warning(
        "W_BOOTSTRAP_FAILED",
        `${d.failed} of ${d.requested} Bollen-Stine bootstrap draws failed or did not converge; ${d.successful} used`,
      ),
    );
  }
  return { ...fit, parameters, warnings, bootstrap: result };
}

function jackknifeNote(asked: boolean, N: number, jack: BatchResult | null, failed: number): string {
  if (!asked) return "not asked for: BCa intervals use no acceleration (bca.simple)";
  if (jack === null)
    return (
      `not run: ${N} rows exceed ${JACKKNIFE_MAX_ROWS} (one refit per row); ` +
      "BCa intervals use no acceleration (bca.simple)"
    );
  if (failed > 0)
    return `${failed} of ${jack.count} leave-one-out refits failed: BCa intervals use no acceleration (bca.simple)`;
  return `${jack.count} leave-one-out refits, all used for the BCa acceleration`;
}

/** lavaan's parameterEstimates() row under se = "bootstrap": se, z, p from the bootstrap se; percentile interval. */
function withBootstrapSe(row: ParameterEstimate, b: BootstrapResult["parameters"][number]): ParameterEstimate {
  const z = row.est !== null && b.se !== null && b.se > 0 ? row.est / b.se : NaN;
  return {
    ...row,
    se: b.se,
    z: Number.isFinite(z) ? z : null,
    pvalue: Number.isFinite(z) ? normalTwoSidedP(z) : null,
    "ci.lower": b["ci.perc.lower"],
    "ci.upper": b["ci.perc.upper"],
  };
}

/** Bollen-Stine p-value: the share of successful draws with T* > T (lavaan, lav_model_test). */
export function bollenStineTest(bs: BatchResult, fit: FitMeasures): BollenStineTest {
  const stat = fit.chisq ?? NaN;
  const used = usedIndices(bs);
  const larger = used.filter((b) => bs.chisq[b]! > stat).length;
  return {
    test: "bollen.stine",
    stat,
    df: fit.df ?? NaN,
    pvalue: used.length > 0 ? larger / used.length : NaN,
    "boot.larger": larger,
    "boot.length": used.length,
    draws: drawCounts(bs),
  };
}
