/**
 * The pipeline: model text and data in, one read-only FittedModel out (fitted.ts), from which
 * every output is a view (views.ts). Each step is one line here and one module in sem/ (see
 * docs/internals.md); how the data enter the likelihood is the data method's business
 * (method/), chosen once from the missing-data option.
 */
import { buildDataSet, type DataTable } from "./data/index.js";
import { evaluate, type Problem } from "./estimate/ml.js";
import { optimize } from "./estimate/optimize.js";
import { startValues } from "./estimate/start.js";
import { checkedStart } from "./estimate/restarts.js";
import type { FitInput as FitMeasuresInput } from "./fit/measures.js";
import type { FittedModel, PreparedFit } from "./fitted.js";
import { admissibility } from "./inference/admissibility.js";
import { parameterRows } from "./inference/parameters.js";
import { involvedParameters, vcovFromInformation } from "./inference/vcov.js";
import { InputError, warning, type Warning } from "./messages.js";
import { covariateIndex, dataMethodFor, degreesOfFreedom, exogenousIndex, type AtEstimate } from "./method/index.js";
import { buildRepresentation } from "./model/representation.js";
import { checkFitOptions, fastFitOptions, resolveOptions, type FitOptionsInput } from "./options.js";
import { buildParameterTable, checkLatentColumns, hasIntercepts, observedVariables } from "./partable/build.js";
import type { ParameterTable } from "./partable/types.js";
import { mergeInLavaanOrder } from "./robust/index.js";
import type { SampleStats } from "./samplestats/index.js";
import { varianceWarnings } from "./samplestats/variances.js";
import type { ModelSyntax } from "./syntax/index.js";
import { hasMeans, momentsDataSet, refuseRawDataOptions, type SampleMoments } from "./samplecov/moments.js";

export type { FittedModel, PreparedFit } from "./fitted.js";
export { degreesOfFreedom } from "./method/index.js";

export interface FitInput {
  readonly syntax: ModelSyntax;
  readonly data: DataTable;
  readonly options?: FitOptionsInput;
  /** extra missing-value codes besides "" and NA */
  readonly na?: string[];
  /** summary statistics instead of rows (then `data` is an empty table naming the variables) */
  readonly moments?: SampleMoments;
}

/** Fits the model: the table of contents of the pipeline. Bad input throws an InputError. */
export async function fitModel(input: FitInput): Promise<FittedModel> {
  await checkFitOptions(input.options);
  const prep = prepareFit(input);
  const est = estimate(prep);
  const at: AtEstimate = { prob: prep.prob, ...est };
  const robust = prep.method.robust(at, prep.opts);
  const vcov = robust?.vcov ?? vcovFromInformation(est.information, prep.table.nfree, prep.stats.ntotal);
  const parameters = await parameterRows({
    ...at,
    table: prep.table,
    rep: prep.prob.rep,
    vcov: vcov.ok ? vcov.vcov : null,
  });
  const exogenous = prep.table.options.fixedX ? prep.table.vars.ovX : [];
  const warnings: Warning[] = [
    ...prep.table.warnings,
    ...prep.method.warnings,
    ...(input.moments === undefined ? varianceWarnings(prep.data, exogenous) : []),
  ];
  if (!est.optimization.converged)
    warnings.push(warning("W_NOT_CONVERGED", `the optimizer did not converge: ${est.optimization.message}`));
  if (!vcov.ok) warnings.push(notIdentified(prep.table, await involvedParameters(vcov)));
  warnings.push(
    ...parameters.warnings,
    ...admissibility(prep.table, parameters.estimates, est.evaluation, prep.prob.rep),
  );
  const standard = prep.method.fitMeasures(fitMeasuresInput(prep, at), at, robust);
  const fit = robust === null ? standard : mergeInLavaanOrder(standard, robust.measures);
  return Object.freeze({ ...prep, ...est, vcov, robust, parameters, fit, warnings });
}

/**
 * The steps before estimation: options, data method and its data, parameter table, df, h1 moments,
 * start. The options are those of a fit already checked (fitModel checks them first).
 */
export function prepareFit(input: FitInput): PreparedFit {
  const opts0 = fastFitOptions(input.options ?? {});
  if (opts0 === null) throw new InputError("E_USAGE", "the fit options are not valid (check them with fitModel)");
  const ov = observedVariables(input.syntax);
  checkLatentColumns(input.syntax, input.data.columns); // lavaan: latent names may not be data columns
  const data0 = input.moments
    ? momentsDataSet(input.moments, ov)
    : buildDataSet(input.data, { variables: ov, group: opts0.group, na: input.na, missing: opts0.missing });
  if (input.moments) {
    const estimator = opts0.estimator ?? (opts0.ordered !== undefined ? "WLSMV" : "ML");
    refuseRawDataOptions(input.moments, { ...opts0, estimator }, hasIntercepts(input.syntax));
  }
  // lavaan: a covariance matrix without means has no mean structure, even with several groups
  const noMeans = input.moments !== undefined && !hasMeans(input.moments) && opts0.meanstructure === undefined;
  const opts = resolveOptions(noMeans ? { ...opts0, meanstructure: false } : opts0, {
    ngroups: data0.groups.length,
    hasIntercepts: hasIntercepts(input.syntax),
  });
  const tableFor = (labels: string[]): ParameterTable =>
    buildParameterTable({
      syntax: input.syntax,
      options: {
        stdLv: opts.stdLv,
        meanstructure: opts.meanstructure,
        growth: opts.growth,
        fixedX: opts.fixedX,
        groupEqual: opts.groupEqual,
        groupPartial: opts.groupPartial,
      },
      groupLabels: labels,
    });
  const spec = dataMethodFor(opts.missing, opts);
  const { data, table } = spec.select({
    input,
    opts,
    ov,
    data: data0,
    table: tableFor(data0.groups.map((g) => g.label)),
    tableFor,
  });
  const { nel, nelAll, df } = degreesOfFreedom(table);
  if (df < 0) throw notIdentifiedByCount(input, table, nel, df);
  const method = spec.create({ input, opts, data, table, df, nel });
  const stats = method.stats;
  const rep = buildRepresentation(table);
  const start = checkedStart(table, stats, rep, input.syntax);
  const prob = method.problem(rep, start.rowValues);
  return { input, opts, method, data, table, nel, nelAll, df, stats, prob, start, fiml: method.fiml };
}

/** θ̂ (the method's first start, then its fallbacks and the model's), F and the information at θ̂. */
function estimate(prep: PreparedFit): Omit<AtEstimate, "prob"> & Pick<FittedModel, "optimization"> {
  const { method, prob, start, table, stats } = prep;
  const starts = method.starts(prob, start.theta);
  const opt = optimize(prob, starts.first, { fallbackStarts: [...starts.fallbacks, ...fallbackStarts(table, stats)] });
  const evaluation = Number.isFinite(opt.evaluation.f) ? opt.evaluation : evaluate(prob, opt.theta);
  if (!Number.isFinite(evaluation.f)) throw estimationFailed(prep);
  return {
    theta: opt.theta,
    evaluation,
    information: method.information(prob, evaluation, opt.theta),
    optimization: { converged: opt.converged, iterations: opt.iterations, message: opt.message },
  };
}

/** What fit/measures.ts needs: F, df, counts and, per group, the h1 moments and the implied ones. */
function fitMeasuresInput(prep: PreparedFit, at: AtEstimate): FitMeasuresInput {
  const { table, stats, opts, df, nelAll } = prep;
  return {
    fmin: at.evaluation.f,
    df,
    npar: table.nfree,
    nel: nelAll,
    groups: at.evaluation.groups.map((ge, g) => ({
      n: stats.groups[g]!.n,
      stats: stats.groups[g]!,
      sigma: ge.implied.sigma,
      mu: opts.meanstructure ? ge.implied.mu : null,
      f: ge.f,
      sigmaInv: ge.sigmaInv,
    })),
    exoIndex: exogenousIndex(table),
    baselineExoIndex: covariateIndex(table),
  };
}

/** No finite likelihood anywhere the optimizer went (lavaan: "Model estimation FAILED"). */
function estimationFailed(prep: PreparedFit): InputError {
  return new InputError(
    "E_MODEL",
    `${prep.input.syntax.file}: the model could not be estimated: at every point the optimizer reached, the ` +
      "model-implied covariance matrix is singular or not positive definite (check for loops of regressions " +
      "whose coefficients make I - B singular, or fixed values that leave no admissible solution)",
  );
}

function notIdentifiedByCount(input: FitInput, table: ParameterTable, nel: number, df: number): InputError {
  return new InputError(
    "E_MODEL",
    `${input.syntax.file}: the model is not identified: ${table.nfree} free parameters but only ${nel} ` +
      `sample moments (df = ${df}); fix or constrain at least ${-df} more parameter(s)`,
  );
}

function notIdentified(table: ParameterTable, involved: readonly number[]): Warning {
  const names = involved.map((k) => describeFree(table, k + 1)).join(", ");
  return warning(
    "W_NOT_IDENTIFIED",
    `the information matrix is singular: the model is not identified; parameters involved: ${names}`,
  );
}

/** Other starts for a run that does not converge: without the user's start() values, then lavaan's "simple". */
function fallbackStarts(table: ParameterTable, stats: SampleStats): Float64Array[] {
  const out: Float64Array[] = [];
  if (table.rows.some((r) => r.userStart)) {
    const plain: ParameterTable = { ...table, rows: table.rows.map((r) => ({ ...r, userStart: false })) };
    out.push(startValues(plain, stats).theta);
  }
  out.push(startValues(table, stats, "simple").theta);
  return out;
}

/** "visual =~ x2 (group 1)" for a free parameter index (1-based). */
export function describeFree(table: ParameterTable, free: number): string {
  const r = table.rows.find((x) => x.free === free);
  if (r === undefined) return `parameter ${free}`;
  const name = r.op === "~1" ? `${r.lhs} ~1` : `${r.lhs} ${r.op} ${r.rhs}`;
  return table.ngroups > 1 ? `${name} (group ${r.group})` : name;
}

/** The estimation problem of a prepared fit (the bootstrap's general path refits through it). */
export function problemOf(input: FitInput): Problem {
  return prepareFit(input).prob;
}
