/**
 * The pipeline: model text and data in, a FitResult out. Each step is one line here and one
 * module in sem/ (see docs/internals.md).
 */
import { buildDataSet, type DataSet, type DataTable } from "./data/index.js";
import { optimize } from "./estimate/optimize.js";
import { startValues } from "./estimate/start.js";
import { checkedStart } from "./estimate/restarts.js";
import { evaluate, type Evaluation, type Problem } from "./estimate/ml.js";
import { expectedInformation } from "./estimate/info-total.js";
import { baselineChisq } from "./fit/baseline.js";
import { fitMeasures, type FitInput as FitMeasuresInput } from "./fit/measures.js";
import { fimlEvaluation, fimlFitMeasures } from "./missing/fit.js";
import { emWarmStart, fimlProblem } from "./missing/objective.js";
import { observedInformation } from "./missing/observed-information.js";
import { fimlRobustEstimation } from "./missing/robust.js";
import { H1_MAX_COORDINATES, h1Coordinates, h1LimitClause } from "./missing/robust-fit.js";
import { fimlSampleStats, type FimlStats } from "./missing/samplestats.js";
import { admissibility } from "./inference/admissibility.js";
import { parameterRows } from "./inference/parameters.js";
import { vcovFromInformation, type VcovResult } from "./inference/vcov.js";
import { modificationIndices } from "./inference/modindices.js";
import { mergeInLavaanOrder, robustEstimation, type RobustOutput } from "./robust/index.js";
import { InputError, warning, type Warning } from "./messages.js";
import { buildRepresentation } from "./model/representation.js";
import { FitOptionsSchema, resolveOptions, type FitOptionsInput, type ResolvedOptions } from "./options.js";
import { buildParameterTable, hasIntercepts, observedVariables } from "./partable/build.js";
import type { ParameterTable } from "./partable/types.js";
import type { FitResult } from "./results.js";
import { groupStats, type SampleStats } from "./samplestats/index.js";
import { varianceWarnings } from "./samplestats/variances.js";
import type { ModelSyntax } from "./syntax/index.js";

export interface FitInput {
  readonly syntax: ModelSyntax;
  readonly data: DataTable;
  readonly options?: FitOptionsInput;
  /** extra missing-value codes besides "" and NA */
  readonly na?: string[];
}

/**
 * Sample moments and degrees of freedom; fixed.x moments count on neither side of df (lavaan).
 * `nel` leaves the fixed.x moments out, `nelAll` (the GFI family's count) keeps them.
 */
export function degreesOfFreedom(table: ParameterTable): { nel: number; nelAll: number; df: number } {
  const moments = (k: number): number => ((k * (k + 1)) / 2 + (table.options.meanstructure ? k : 0)) * table.ngroups;
  const nelAll = moments(table.vars.ov.length);
  const nel = nelAll - moments(table.options.fixedX ? table.vars.ovX.length : 0);
  return { nel, nelAll, df: nel - table.nfree };
}

function parseOptions(input: FitOptionsInput | undefined) {
  const parsed = FitOptionsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError("E_USAGE", `option ${issue.path.join(".") || "?"}: ${issue.message}`);
  }
  return parsed.data;
}

/** Everything fixed before estimation: options, data, parameter table, sample statistics, start. */
export interface PreparedFit {
  readonly opts: ResolvedOptions;
  readonly data: DataSet;
  readonly table: ParameterTable;
  /** sample moments (without and with the fixed.x ones) and degrees of freedom */
  readonly nel: number;
  readonly nelAll: number;
  readonly df: number;
  readonly stats: SampleStats;
  readonly prob: Problem;
  readonly start: { theta: Float64Array; rowValues: Float64Array };
  /** full-information ML: patterns and EM (h1) moments per group; null under listwise deletion */
  readonly fiml: FimlStats | null;
}

/** The steps before estimation; bad input throws an InputError here. */
export function prepareFit(input: FitInput): PreparedFit {
  const opts0 = parseOptions(input.options);
  const ov = observedVariables(input.syntax);
  let data = buildDataSet(input.data, { variables: ov, group: opts0.group, na: input.na, missing: opts0.missing });
  const opts = resolveOptions(opts0, { ngroups: data.groups.length, hasIntercepts: hasIntercepts(input.syntax) });
  const tableFor = (labels: string[]): ParameterTable =>
    buildParameterTable({
      syntax: input.syntax,
      options: {
        stdLv: opts.stdLv,
        meanstructure: opts.meanstructure,
        growth: opts.growth,
        fixedX: opts.fixedX,
        groupEqual: opts.groupEqual,
      },
      groupLabels: labels,
    });
  let table = tableFor(data.groups.map((g) => g.label));
  if (opts.missing === "fiml" && table.options.fixedX && table.vars.ovX.length > 0) {
    // lavaan (lav_data_full): with fixed.x the rows missing an exogenous covariate are deleted
    // (and listed in `dropped`); the likelihood is then conditional on complete covariates
    data = buildDataSet(input.data, {
      variables: ov,
      group: opts0.group,
      na: input.na,
      missing: "fiml",
      required: table.vars.ovX,
    });
    table = tableFor(data.groups.map((g) => g.label));
  }
  const groupLabels = data.groups.map((g) => g.label);
  const { nel, nelAll, df } = degreesOfFreedom(table);
  if (df < 0) {
    throw new InputError(
      "E_MODEL",
      `${input.syntax.file}: the model is not identified: ${table.nfree} free parameters but only ${nel} sample moments (df = ${df}); fix or constrain at least ${-df} more parameter(s)`,
    );
  }
  const h1 = h1Coordinates(ov.length, exogenousIndex(table));
  if (opts.missing === "fiml" && opts.estimator === "MLR" && h1 > H1_MAX_COORDINATES) {
    throw new InputError(
      "E_MODEL",
      `${input.syntax.file}: --estimator MLR with --missing fiml needs ${h1LimitClause(h1, ov.length)}: use --estimator ML with --missing fiml, or MLR with listwise deletion`,
    );
  }
  const groupData = data.groups.map((g) => ({ label: g.label, X: g.X, n: g.n }));
  const fiml = opts.missing === "fiml" ? fimlSampleStats(groupData, ov.length, input.data.file) : null;
  const stats = fiml?.stats ?? sampleStats(groupData, ov.length, input.data.file);
  const rep = buildRepresentation(table);
  const start = checkedStart(table, stats, rep, input.syntax);
  const prob = fiml
    ? fimlProblem(rep, stats, start.rowValues, fiml.groups)
    : { rep, stats, rowValues: start.rowValues };
  return { opts, data, table, nel, nelAll, df, stats, prob, start, fiml };
}

/** Positions of the observed covariates (ovX) in the model's variable order. */
function covariateIndex(table: ParameterTable): number[] {
  return table.vars.ovX.map((v) => table.vars.ov.indexOf(v));
}

/** The covariates whose moments are fixed at their sample values: ovX under fixed.x, else none. */
function exogenousIndex(table: ParameterTable): number[] {
  return table.options.fixedX ? covariateIndex(table) : [];
}

/**
 * The covariance matrix of the estimates at θ̂ from the information `info` (ML: expected; FIML:
 * observed); for MLM / MLR the sandwich of robust/index.ts (with FIML: missing/robust.ts), which
 * also gives the scaled test and robust fit measures.
 */
export function estimateVcov(
  prep: PreparedFit,
  theta: Float64Array,
  ev: Evaluation,
  info: Float64Array,
): { robust: RobustOutput | null; vcov: VcovResult } {
  const { opts, data, table, nel, df, stats, prob, fiml } = prep;
  const ovxIndex = covariateIndex(table);
  const exoIndex = exogenousIndex(table);
  const robust =
    opts.estimator === "ML"
      ? null
      : fiml
        ? fimlRobustEstimation({
            prob,
            theta,
            evaluation: ev,
            information: info,
            fiml,
            chisq: stats.ntotal * ev.f,
            df,
            exoIndex,
          })
        : robustEstimation({
            estimator: opts.estimator,
            prob,
            theta,
            evaluation: ev,
            information: info,
            rows: data.groups,
            exoIndex,
            covariateIndex: ovxIndex,
            chisq: stats.ntotal * ev.f,
            df,
            nel,
            npar: table.rows.filter((r) => r.free > 0).length,
            baseline: baselineChisq(stats.groups, ovxIndex),
          });
  return { robust, vcov: robust?.vcov ?? vcovFromInformation(info, table.nfree, stats.ntotal) };
}

export async function fitModel(input: FitInput): Promise<FitResult> {
  const prep = prepareFit(input);
  const { opts, data, table, nelAll, df, stats, prob, start, fiml } = prep;
  const ov = table.vars.ov;
  const rep = prob.rep;
  const groupLabels = table.groupLabels;
  const theta0 = fiml ? emWarmStart(prob, start.theta) : start.theta;
  const opt = optimize(prob, theta0, {
    fallbackStarts: [...(fiml ? [start.theta] : []), ...fallbackStarts(table, stats)],
  });
  const ev = Number.isFinite(opt.evaluation.f) ? opt.evaluation : evaluate(prob, opt.theta);
  const warnings: Warning[] = [...table.warnings];
  if (data.dropped.length > 0) {
    const exo = fiml ? exogenousIndex(table).map((j) => ov[j]!) : [];
    const why = !fiml
      ? "for missing values (listwise deletion)"
      : exo.length > 0
        ? `missing on every model variable or on a fixed.x covariate (${exo.join(", ")}; full-information ML)`
        : "missing on every model variable (full-information ML)";
    warnings.push(
      warning(
        "W_ROWS_DROPPED",
        `${data.dropped.length} of ${data.nTotalRows} rows dropped ${why}; ${stats.ntotal} used`,
      ),
    );
  }
  if (fiml) warnings.push(...fiml.warnings);
  warnings.push(...varianceWarnings(data, table.options.fixedX ? table.vars.ovX : []));
  const h1 = fiml ? h1Coordinates(ov.length, exogenousIndex(table)) : 0;
  const corrected = fiml !== null && h1 <= H1_MAX_COORDINATES;
  if (fiml && !corrected) {
    warnings.push(
      warning(
        "W_ROBUST_SKIPPED",
        `the FIML-corrected robust CFI, TLI and RMSEA were not computed: they need ${h1LimitClause(h1, ov.length)}; every other result is complete`,
      ),
    );
  }
  if (!opt.converged) warnings.push(warning("W_NOT_CONVERGED", `the optimizer did not converge: ${opt.message}`));
  // complete data: expected information; FIML: observed information (lavaan's defaults)
  const info = fiml
    ? (observedInformation(prob, ev, opt.theta, fiml.groups) ?? expectedInformation(prob, ev))
    : expectedInformation(prob, ev);
  const exoIndex = exogenousIndex(table);
  // the per-pattern metrics (expected information under missing data) serve only the modification indices
  const fimlEv = fiml && opts.modindices ? fimlEvaluation(prob, opt.theta, fiml) : null;
  const { robust, vcov: vc } = estimateVcov(prep, opt.theta, ev, info);
  const rows = await parameterRows({
    table,
    rep,
    prob,
    theta: opt.theta,
    evaluation: ev,
    vcov: vc.ok ? vc.vcov : null,
  });
  if (!vc.ok) {
    const names = vc.involved.map((k) => describeFree(table, k + 1)).join(", ");
    warnings.push(
      warning(
        "W_NOT_IDENTIFIED",
        `the information matrix is singular: the model is not identified; parameters involved: ${names}`,
      ),
    );
  }
  warnings.push(...rows.warnings, ...admissibility(table, rows.estimates, ev, rep));
  const fitInput: FitMeasuresInput = {
    fmin: ev.f,
    df,
    npar: table.nfree,
    nel: nelAll,
    groups: ev.groups.map((ge, g) => ({
      n: stats.groups[g]!.n,
      stats: stats.groups[g]!,
      sigma: ge.implied.sigma,
      mu: opts.meanstructure ? ge.implied.mu : null,
      f: ge.f,
      sigmaInv: ge.sigmaInv,
    })),
    exoIndex,
    baselineExoIndex: covariateIndex(table),
  };
  const fitStd =
    fiml && Number.isFinite(ev.f)
      ? fimlFitMeasures({ base: fitInput, fiml, prob, evaluation: ev, corrected: robust === null && corrected })
      : fitMeasures(fitInput);
  const fit = robust === null ? fitStd : mergeInLavaanOrder(fitStd, robust.measures);
  const result: FitResult = {
    converged: opt.converged,
    iterations: opt.iterations,
    estimator: opts.estimator,
    nobs: stats.groups.map((g) => g.n),
    groupLabels,
    npar: table.rows.filter((r) => r.free > 0).length,
    fit,
    parameters: rows.estimates,
    warnings,
    dropped: data.dropped,
    resolutions: opts.resolutions,
    missing: opts.missing,
    ...(fiml ? { missingPatterns: fiml.groups.map((g) => g.patterns.length) } : {}),
    observed: ov,
    latent: table.vars.lv,
    exogenous: table.options.fixedX ? table.vars.ovX : [],
  };
  if (opts.modindices) {
    // lavaan's modindices() uses the expected information, with missing data too
    const mi = fimlEv
      ? { prob: fimlEv.prob, evaluation: fimlEv.evaluation, info: expectedInformation(fimlEv.prob, fimlEv.evaluation) }
      : { prob, evaluation: ev, info };
    result.modindices = modificationIndices({ table, ...mi, stdSource: rows });
  }
  return result;
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

function sampleStats(groups: { label: string; X: Float64Array; n: number }[], p: number, file: string): SampleStats {
  const out = groups.map((g) => {
    const st = groupStats(g.label, g.X, g.n, p);
    if (st === null)
      throw new InputError(
        "E_NOT_PD",
        `${file}: the sample covariance matrix${g.label ? ` of group "${g.label}"` : ""} is not positive definite`,
      );
    return st;
  });
  return { groups: out, ntotal: out.reduce((a, g) => a + g.n, 0) };
}

/** "visual =~ x2 (group 1)" for a free parameter index (1-based). */
export function describeFree(table: ParameterTable, free: number): string {
  const r = table.rows.find((x) => x.free === free);
  if (r === undefined) return `parameter ${free}`;
  const name = r.op === "~1" ? `${r.lhs} ~1` : `${r.lhs} ${r.op} ${r.rhs}`;
  return table.ngroups > 1 ? `${name} (group ${r.group})` : name;
}
