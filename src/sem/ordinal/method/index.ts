/**
 * The data method of ordinal indicators: thresholds and polychoric (polyserial) moments as the h1
 * model, fitted by weighted least squares (lavaan 0.6.14's WLSMV family, lav_model_estimate with
 * estimator WLS / DWLS / ULS). Chosen by method/index.ts when the options order any variable.
 */
import { buildDataSet } from "../../data/index.js";
import { spdInverse } from "../../linalg/dense.js";
import { InputError, warning, type Warning } from "../../messages.js";
import type { OrdinalEstimator } from "../../options.js";
import type { SampleStats } from "../../samplestats/index.js";
import type { CreateContext, DataMethod, DataMethodSpec, PrepareContext } from "../../method/types.js";
import type { OrdinalGroupStats } from "../types.js";
import { fitPieces } from "./fit.js";
import { groupLayout } from "./implied.js";
import { ordinalModIndices } from "./modindices.js";
import { WlsObjective, type Weight, type WlsGroup } from "./objective.js";
import { ordinalStatsOf } from "./source.js";
import { ordinalTable, type UserOrdinalRow } from "./table.js";
import type { ModelSyntax } from "../../syntax/index.js";
import type { TestKind } from "./tests.js";
import { orderedSpecs } from "./variables.js";
import type { DataSet } from "../../data/index.js";
import type { OrdinalStats } from "../types.js";

/** lavaan 0.6.14's test and standard errors of each estimator. */
export const ESTIMATOR_DEFAULTS: Record<OrdinalEstimator, { test: TestKind; robustSe: boolean; weight: string }> = {
  WLSMV: { test: "scaled.shifted", robustSe: true, weight: "DWLS" },
  WLSM: { test: "satorra.bentler", robustSe: true, weight: "DWLS" },
  WLSMVS: { test: "mean.var.adjusted", robustSe: true, weight: "DWLS" },
  ULSMV: { test: "scaled.shifted", robustSe: true, weight: "ULS" },
  ULSM: { test: "satorra.bentler", robustSe: true, weight: "ULS" },
  ULS: { test: "standard", robustSe: false, weight: "ULS" },
  DWLS: { test: "standard", robustSe: false, weight: "DWLS" },
  WLS: { test: "standard", robustSe: false, weight: "WLS" },
};

export const ordinalWls: DataMethodSpec = {
  kind: "ordinal",
  select: selectOrdinal,
  create: createOrdinal,
};

function ordinalOptions(opts: PrepareContext["opts"]) {
  if (opts.ordinal === null) throw new Error("ordinal method without ordinal options");
  return opts.ordinal;
}

/** The statistics computed while selecting, for the method created on the same data set. */
const computed = new WeakMap<DataSet, OrdinalStats>();

function selectOrdinal(ctx: PrepareContext): ReturnType<DataMethodSpec["select"]> {
  const o = ordinalOptions(ctx.opts);
  refuseCovariates(ctx.table.vars.ovX);
  const specs = orderedSpecs(ctx.ov, o.ordered);
  const pairwise = ctx.opts.missing === "pairwise";
  // pairwise deletion keeps every row that observes a variable (FIML's rule for the rows kept)
  const data = pairwise
    ? buildDataSet(ctx.input.data, { variables: [...ctx.ov], group: ctx.opts.group, na: ctx.input.na, missing: "fiml" })
    : ctx.data;
  const ost = ordinalStatsOf(data, specs, pairwise ? "pairwise" : "listwise");
  computed.set(data, ost);
  const vars = ost.groups[0]!.vars;
  const nth = vars.map((v) => (v.ordered ? v.levels.length - 1 : 0));
  const table = ordinalTable(
    ctx.table,
    { nth },
    {
      parameterization: o.parameterization,
      equalThresholds: ctx.opts.groupEqual.includes("thresholds"),
      equalMeans: ctx.opts.groupEqual.includes("means"),
      partial: new Set((ctx.opts.groupPartial ?? []).map((k) => k.replace(/\s+/g, ""))),
      user: userOrdinalRows(ctx.input.syntax, vars, nth),
    },
  );
  const p = vars.length;
  const ncont = nth.filter((k) => k === 0).length;
  const perGroup = nth.reduce((a, k) => a + k, 0) + 2 * ncont + (p * (p - 1)) / 2;
  return { data, table: { ...table, nmoments: perGroup * table.ngroups } };
}

/**
 * lavaan 0.6.14 fits a categorical model with observed exogenous covariates conditional on them
 * (lavaan(): conditional.x = TRUE whenever something is ordered and ov.x is not empty: probit
 * regressions of the items on the covariates as the h1 model), which this method does not do; its
 * numbers would differ from lavaan's (χ² and df), so such a model is refused.
 */
function refuseCovariates(ovX: readonly string[]): void {
  if (ovX.length === 0) return;
  const list = ovX.join(", ");
  throw new InputError(
    "E_USAGE",
    `ordered items with observed exogenous covariates (${list}): lavaan fits such models conditional on the ` +
      `covariates (conditional.x), which isrs does not do yet; give each covariate a latent variable of its own ` +
      `(e.g. f_${ovX[0]} =~ ${ovX[0]}) or fit without ordered items`,
  );
}

function weightOf(kind: string, gs: OrdinalGroupStats, where: string): Weight {
  const m = gs.wlsObs.length;
  if (kind === "ULS") return { diag: new Float64Array(m).fill(1) };
  if (kind === "DWLS") return { diag: Float64Array.from(gs.gammaDiag, (x) => 1 / x) };
  const inv = spdInverse({ n: m, a: gs.gamma });
  if (inv === null)
    throw new InputError(
      "E_NOT_PD",
      `${where}: the asymptotic covariance matrix of the sample statistics is singular: WLS cannot weight by ` +
        "its inverse; use WLSMV (diagonal weights)",
    );
  return { full: inv.inv.a };
}

function sampleStatsOf(groups: readonly OrdinalGroupStats[], labels: readonly string[]): SampleStats {
  const out = groups.map((gs, g) => {
    const p = gs.vars.length;
    const mean = new Float64Array(p);
    gs.thVar.forEach((v, t) => {
      if (gs.thNumber[t] === 0) mean[v] = gs.th[t]!; // th holds the mean itself (wlsObs holds −mean)
    });
    const S = Float64Array.from(gs.cov);
    const inv = spdInverse({ n: p, a: S });
    return {
      label: labels[g]!,
      n: gs.nobs,
      p,
      mean,
      S,
      Sinv: inv?.inv.a ?? new Float64Array(p * p),
      logDetS: inv?.logDet ?? NaN,
    };
  });
  return { groups: out, ntotal: out.reduce((a, g) => a + g.n, 0) };
}

function createOrdinal(ctx: CreateContext): DataMethod {
  const o = ordinalOptions(ctx.opts);
  const { data, table } = ctx;
  const missing = ctx.opts.missing === "pairwise" ? "pairwise" : "listwise";
  const ost = computed.get(data) ?? ordinalStatsOf(data, orderedSpecs(table.vars.ov, o.ordered), missing);
  const vars = ost.groups[0]!.vars;
  const orderedSet = new Set(vars.filter((v) => v.ordered).map((v) => v.name));
  const def = ESTIMATOR_DEFAULTS[o.estimator];
  const groups: WlsGroup[] = ost.groups.map((gs, g) => ({
    n: gs.nobs,
    layout: groupLayout(table, g + 1, orderedSet),
    s: gs.wlsObs,
    W: weightOf(def.weight, gs, data.file),
  }));
  groups.forEach((grp, g) => {
    if (grp.layout.m !== grp.s.length)
      throw new Error(`ordinal statistics of group ${g + 1}: ${grp.s.length} entries, the model has ${grp.layout.m}`);
  });
  const stats = sampleStatsOf(ost.groups, table.groupLabels);
  let objective: WlsObjective | null = null;
  const pieces = fitPieces({
    table,
    groups,
    gammas: ost.groups.map((g) => g.gamma),
    R: ost.groups.map((g) => g.cov),
    def: { ...def, uls: def.weight === "ULS" },
    parameterization: o.parameterization,
  });
  return {
    kind: "ordinal",
    data,
    table,
    stats,
    fiml: null,
    missingPatterns: undefined,
    warnings: [...droppedWarning(data, stats.ntotal, missing), ...ost.warnings],
    problem: (rep, rowValues) => {
      objective = new WlsObjective({
        table,
        rep,
        rowValues,
        groups,
        parameterization: o.parameterization,
        ntotal: stats.ntotal,
        gammas: ost.groups.map((g) => g.gamma),
      });
      return { rep, stats, rowValues, objective };
    },
    starts: (_prob, start) => ({ first: pieces.start(start), fallbacks: [] }),
    information: (prob, ev) => prob.objective!.information(ev),
    robust: (at) => pieces.robust(at, objective!),
    fitMeasures: (_base, at) => pieces.measures(at, objective!),
    modindicesBasis: (at) => ({ prob: at.prob, evaluation: at.evaluation, info: at.information }),
    modindices: (at, stdSource) =>
      ordinalModIndices({ objective: objective!, theta: at.theta, evaluation: at.evaluation, stdSource }),
  };
}

/**
 * The model text's threshold and scale rows (`x | a*t1 + 0.5*t2`, `x ~*~ x`) by key `x|t1` /
 * `x~*~x`; a row of an item that is not ordered, or a threshold beyond the item's categories, is
 * one line naming the model line.
 */
function userOrdinalRows(
  syntax: ModelSyntax,
  vars: readonly { name: string; ordered: boolean }[],
  nth: readonly number[],
): Map<string, UserOrdinalRow> {
  const out = new Map<string, UserOrdinalRow>();
  for (const s of syntax.statements) {
    if (s.kind !== "ordinal") continue;
    const i = vars.findIndex((v) => v.name === s.lhs);
    const where = `${syntax.file}:${s.line}`;
    if (i < 0 || !vars[i]!.ordered)
      throw new InputError(
        "E_MODEL",
        `${where}: '${s.lhs} ${s.op} ...': ${s.lhs} is not an ordered variable (--ordered)`,
      );
    for (const t of s.terms) {
      if (s.op === "|" && Number(t.name.slice(1)) > nth[i]!)
        throw new InputError(
          "E_MODEL",
          `${where}: ${s.lhs} | ${t.name}: ${s.lhs} has ${nth[i]! + 1} categories, so thresholds t1..t${nth[i]}`,
        );
      out.set(`${s.lhs}${s.op}${t.name}`, {
        ...(t.fixed !== undefined ? { fixed: t.fixed } : {}),
        ...(t.label !== undefined ? { label: t.label } : {}),
      });
    }
  }
  return out;
}

function droppedWarning(data: DataSet, used: number, missing: string): Warning[] {
  if (data.dropped.length === 0) return [];
  const why = missing === "pairwise" ? "missing on every model variable" : "for missing values (listwise deletion)";
  return [warning("W_ROWS_DROPPED", `${data.dropped.length} of ${data.nTotalRows} rows dropped ${why}; ${used} used`)];
}
