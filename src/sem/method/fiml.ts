/**
 * Full-information ML (lavaan's missing = "ml"): the casewise likelihood over the missing-data
 * patterns (missing/objective.ts) with the EM estimates of the unrestricted moments as the h1
 * model, a warm start from the complete-data fit to those moments, the observed information,
 * the FIML robust corrections (missing/robust.ts) and the FIML fit measures (missing/fit.ts,
 * including lavaan's FIML-corrected robust indices of plain ML).
 */
import { buildDataSet } from "../data/index.js";
import { expectedInformation } from "../estimate/info-total.js";
import { fitMeasures } from "../fit/measures.js";
import { InputError, warning, type Warning } from "../messages.js";
import { fimlEvaluation, fimlFitMeasures } from "../missing/fit.js";
import { emWarmStart, fimlProblem } from "../missing/objective.js";
import { observedInformation } from "../missing/observed-information.js";
import { fimlRobustEstimation } from "../missing/robust.js";
import { H1_MAX_COORDINATES, h1Coordinates, h1LimitClause } from "../missing/h1-limit.js";
import { fimlSampleStats, type FimlStats } from "../missing/samplestats.js";
import { exogenousIndex } from "./common.js";
import type { CreateContext, DataMethod, DataMethodSpec, PrepareContext } from "./types.js";

export const fullInformation: DataMethodSpec = { kind: "fiml", select, create: createFiml };

/**
 * lavaan (lav_data_full): with fixed.x the rows missing an exogenous covariate are deleted (and
 * listed in `dropped`); the likelihood is then conditional on complete covariates.
 */
function select(ctx: PrepareContext): ReturnType<DataMethodSpec["select"]> {
  const { input, opts, table } = ctx;
  if (!(table.options.fixedX && table.vars.ovX.length > 0)) return { data: ctx.data, table };
  const data = buildDataSet(input.data, {
    variables: [...ctx.ov],
    group: opts.group,
    na: input.na,
    missing: "fiml",
    required: table.vars.ovX,
  });
  return { data, table: ctx.tableFor(data.groups.map((g) => g.label)) };
}

/** Rows dropped (and why), EM not converged, and the FIML-corrected indices skipped above the size limit. */
function fimlWarnings(ctx: CreateContext, fiml: FimlStats, h1: number): Warning[] {
  const { data, table } = ctx;
  const ov = table.vars.ov;
  const exo = exogenousIndex(table);
  const warnings: Warning[] = [];
  if (data.dropped.length > 0) {
    const why =
      exo.length > 0
        ? `missing on every model variable or on a fixed.x covariate ` +
          `(${exo.map((j) => ov[j]!).join(", ")}; full-information ML)`
        : "missing on every model variable (full-information ML)";
    warnings.push(
      warning(
        "W_ROWS_DROPPED",
        `${data.dropped.length} of ${data.nTotalRows} rows dropped ${why}; ${fiml.stats.ntotal} used`,
      ),
    );
  }
  warnings.push(...fiml.warnings);
  if (h1 > H1_MAX_COORDINATES) {
    warnings.push(
      warning(
        "W_ROBUST_SKIPPED",
        `the FIML-corrected robust CFI, TLI and RMSEA were not computed: they need ` +
          `${h1LimitClause(h1, ov.length)}; every other result is complete`,
      ),
    );
  }
  return warnings;
}

/** MLR with FIML needs the h1 information of the saturated model: a clear error when it would be too large. */
function checkMlrSize(ctx: CreateContext, h1: number): void {
  if (h1 <= H1_MAX_COORDINATES) return;
  throw new InputError(
    "E_MODEL",
    `${ctx.input.syntax.file}: --estimator MLR with --missing fiml needs ` +
      `${h1LimitClause(h1, ctx.table.vars.ov.length)}: ` +
      "use --estimator ML with --missing fiml, or MLR with listwise deletion",
  );
}

function createFiml(ctx: CreateContext): DataMethod {
  const { data, table, df, opts } = ctx;
  const ov = table.vars.ov;
  const exo = exogenousIndex(table);
  const h1 = h1Coordinates(ov.length, exo);
  if (opts.estimator === "MLR") checkMlrSize(ctx, h1);
  const groupData = data.groups.map((g) => ({ label: g.label, X: g.X, n: g.n }));
  const fiml = fimlSampleStats(groupData, ov.length, ctx.input.data.file);
  const stats = fiml.stats;
  const corrected = h1 <= H1_MAX_COORDINATES;
  const warnings = fimlWarnings(ctx, fiml, h1);
  return {
    kind: "fiml",
    data,
    table,
    stats,
    fiml,
    missingPatterns: fiml.groups.map((g) => g.patterns.length),
    warnings,
    problem: (rep, rowValues) => fimlProblem(rep, stats, rowValues, fiml.groups),
    starts: (prob, start) => ({ first: emWarmStart(prob, start), fallbacks: [start] }),
    information: (prob, ev, theta) =>
      observedInformation(prob, ev, theta, fiml.groups) ?? expectedInformation(prob, ev),
    robust: (at, o) =>
      o.estimator === "ML"
        ? null
        : fimlRobustEstimation({
            prob: at.prob,
            theta: at.theta,
            evaluation: at.evaluation,
            information: at.information,
            fiml,
            chisq: stats.ntotal * at.evaluation.f,
            df,
            exoIndex: exo,
          }),
    fitMeasures: (base, at, robust) =>
      Number.isFinite(at.evaluation.f)
        ? fimlFitMeasures({
            base,
            fiml,
            prob: at.prob,
            evaluation: at.evaluation,
            corrected: robust === null && corrected,
          })
        : fitMeasures(base),
    // lavaan's modindices() uses the expected information, with missing data too (per-pattern metrics)
    modindicesBasis: (at) => {
      const fe = fimlEvaluation(at.prob, at.theta, fiml);
      return fe === null
        ? { prob: at.prob, evaluation: at.evaluation, info: at.information }
        : { prob: fe.prob, evaluation: fe.evaluation, info: expectedInformation(fe.prob, fe.evaluation) };
    },
  };
}
