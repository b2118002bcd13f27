/**
 * The path diagram as data: one node per variable of the model, one edge per path (loading,
 * regression, covariance between two different variables). Built from the parameter table of an
 * unfitted model, or from a FitResult, whose rows add standardized estimates (std.all) and p-values.
 * Variances are not drawn; R² of endogenous variables is shown in their node when fitted.
 */
import type { ParameterTable } from "../../sem/partable/types.js";
import type { ParameterEstimate } from "../../sem/results.js";

export type NodeKind = "latent" | "observed";
export type EdgeKind = "loading" | "regression" | "covariance";

export interface DiagramNode {
  /** the variable name in the model */
  id: string;
  /** what the node shows (a construct's name from an instrument, or the variable name) */
  label: string;
  kind: NodeKind;
  /** 0 for observed indicators, 1 for first-order factors, 2 for a factor of factors, ... */
  order: number;
  /** a dependent variable of a regression (its R² is shown when known) */
  endogenous: boolean;
  /** true when the variable takes part in a regression between constructs or observed variables */
  structural: boolean;
  r2?: number;
}

export interface DiagramEdge {
  kind: EdgeKind;
  /** loading: factor → indicator; regression: predictor → dependent; covariance: lhs ~~ rhs */
  from: string;
  to: string;
  /** fixed in the model (a marker loading, a fixed path): drawn dashed */
  fixed: boolean;
  /** a free parameter of a fit without standard errors (no stars): drawn solid, never as fixed */
  noSe?: boolean;
  /** the user's label in the model (a, b, ...), or "" */
  modelLabel: string;
  std?: number;
  pvalue?: number;
}

export interface DiagramGraph {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** true when estimates are shown */
  fitted: boolean;
  /** multi-group fits are drawn for one group; its label, otherwise "" */
  group: string;
}

/** The rows both sources share. */
interface PathRow {
  lhs: string;
  op: string;
  rhs: string;
  fixed: boolean;
  zero: boolean;
  label: string;
  noSe?: boolean;
  std?: number;
  pvalue?: number;
}

function edgeOf(r: PathRow): DiagramEdge | undefined {
  let e: DiagramEdge;
  if (r.op === "=~") e = { kind: "loading", from: r.lhs, to: r.rhs, fixed: r.fixed, modelLabel: r.label };
  else if (r.op === "~") e = { kind: "regression", from: r.rhs, to: r.lhs, fixed: r.fixed, modelLabel: r.label };
  // a covariance fixed to zero (orthogonal factors) is the absence of a path
  else if (r.op === "~~" && r.lhs !== r.rhs && !r.zero)
    e = { kind: "covariance", from: r.lhs, to: r.rhs, fixed: r.fixed, modelLabel: r.label };
  else return undefined;
  if (r.noSe === true) e.noSe = true;
  if (r.std !== undefined) e.std = r.std;
  if (r.pvalue !== undefined) e.pvalue = r.pvalue;
  return e;
}

/** The order of each latent variable: 1 + the highest order among its indicators (observed: 0). */
function orders(latent: ReadonlySet<string>, loadings: readonly DiagramEdge[]): Map<string, number> {
  const memo = new Map<string, number>();
  const visit = (v: string, depth: number): number => {
    if (!latent.has(v)) return 0;
    const known = memo.get(v);
    if (known !== undefined) return known;
    if (depth > latent.size) return 1; // a cycle of =~ (not a valid model); stop climbing
    const inds = loadings.filter((e) => e.from === v).map((e) => visit(e.to, depth + 1));
    const o = 1 + Math.max(0, ...inds);
    memo.set(v, o);
    return o;
  };
  for (const v of latent) visit(v, 0);
  return memo;
}

function assemble(
  rows: readonly PathRow[],
  variables: readonly string[],
  latent: ReadonlySet<string>,
  labels: ReadonlyMap<string, string>,
): Omit<DiagramGraph, "fitted" | "group"> {
  const edges = rows.map(edgeOf).filter((e): e is DiagramEdge => e !== undefined);
  const ord = orders(
    latent,
    edges.filter((e) => e.kind === "loading"),
  );
  const regressions = edges.filter((e) => e.kind === "regression");
  const nodes = variables.map<DiagramNode>((id) => ({
    id,
    label: labels.get(id) ?? id,
    kind: latent.has(id) ? "latent" : "observed",
    order: ord.get(id) ?? 0,
    endogenous: regressions.some((e) => e.to === id),
    structural: regressions.some((e) => e.to === id || e.from === id),
  }));
  return { nodes, edges };
}

/** Latent variables first (in model order), then observed ones. */
function variablesOf(latent: readonly string[], observed: readonly string[]): string[] {
  return [...new Set([...latent, ...observed])];
}

/** The diagram of a model before fitting (the parameter table of group 1). */
export function graphFromTable(table: ParameterTable, labels: ReadonlyMap<string, string> = new Map()): DiagramGraph {
  const rows = table.rows
    .filter((r) => r.group === 1)
    .map<PathRow>((r) => ({
      lhs: r.lhs,
      op: r.op,
      rhs: r.rhs,
      fixed: r.free === 0,
      zero: r.free === 0 && r.value === 0,
      label: r.label.startsWith(".") ? "" : r.label,
    }));
  const g = assemble(rows, variablesOf(table.vars.lv, table.vars.ov), new Set(table.vars.lv), labels);
  return { ...g, fitted: false, group: "" };
}

/** R² of a dependent variable: 1 - its standardized residual variance (lavaan's inspect(fit, "r2")). */
function r2Of(params: readonly ParameterEstimate[], v: string): number | undefined {
  const row = params.find((p) => p.op === "~~" && p.lhs === v && p.rhs === v);
  return row?.["std.all"] == null ? undefined : 1 - row["std.all"];
}

/** What a diagram needs of a fit: its parameter rows and which variables are latent. */
export interface Estimates {
  parameters: readonly ParameterEstimate[];
  latent: readonly string[];
  observed: readonly string[];
  groupLabels?: readonly string[];
}

/** Latent (lhs of =~) and observed variables of estimated rows, for results that do not list them. */
export function variablesOfRows(parameters: readonly ParameterEstimate[]): { latent: string[]; observed: string[] } {
  const latent = [...new Set(parameters.filter((p) => p.op === "=~").map((p) => p.lhs))];
  const lv = new Set(latent);
  const names = parameters.filter((p) => p.op === "=~" || p.op === "~" || p.op === "~~").flatMap((p) => [p.lhs, p.rhs]);
  return { latent, observed: [...new Set(names)].filter((v) => !lv.has(v)) };
}

/** The diagram of a fitted model, with std.all estimates and p-values (group `group`, 1-based). */
export function graphFromFit(fit: Estimates, labels: ReadonlyMap<string, string> = new Map(), group = 1): DiagramGraph {
  const params = fit.parameters.filter((p) => p.group === group);
  const rows = params.map<PathRow>((p) => {
    // fixed parameters have SE 0 (as lavaan's parameterEstimates); a free one of a fit without
    // standard errors has none: it is not fixed
    const fixed = p.se === 0 && p.pvalue === null;
    const row: PathRow = {
      lhs: p.lhs,
      op: p.op,
      rhs: p.rhs,
      fixed,
      zero: fixed && p.est === 0,
      label: p.label.startsWith(".") ? "" : p.label,
      noSe: p.se === null,
    };
    if (p["std.all"] !== null) row.std = p["std.all"];
    if (p.pvalue !== null) row.pvalue = p.pvalue;
    return row;
  });
  const g = assemble(rows, variablesOf([...fit.latent], [...fit.observed]), new Set(fit.latent), labels);
  for (const n of g.nodes) {
    const r2 = n.endogenous ? r2Of(params, n.id) : undefined;
    if (r2 !== undefined) n.r2 = r2;
  }
  const groups = fit.groupLabels ?? [];
  return { ...g, fitted: true, group: groups.length > 1 ? (groups[group - 1] ?? String(group)) : "" };
}

/** What the line styles of a fitted diagram mean, for its caption. */
export function diagramLegend(g: DiagramGraph): string {
  const parts = ["dashed: fixed in the model (not estimated)"];
  if (g.edges.some((e) => e.noSe === true))
    parts.push("no standard errors were computed for this fit, so no estimate has stars");
  return parts.join("; ");
}

/** Significance stars of a p-value: *** < .001, ** < .01, * < .05 (the usual convention). */
export function stars(p: number | undefined): string {
  if (p === undefined || !Number.isFinite(p)) return "";
  return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : "";
}
