/**
 * Starting values. Any reasonable start serves, since the optimizer is robust; these follow the
 * spirit of lavaan's "simple" starts with a scale-aware twist:
 * - residual variances of observed variables: half the sample variance (lavaan);
 * - a factor whose marker indicator is observed: variance ½·S_mm, other loadings
 *   sign(S_jm)·√(S_jj/S_mm), i.e. every indicator with reliability ½ (with std.lv: loadings √(½S_jj));
 * - latent variances otherwise 0.05 (lavaan), regressions 0;
 * - loadings on latent indicators ±1 (lavaan: 1), the sign that of the sample covariance between
 *   the observed variables that anchor the indicator and the factor's first indicator (each
 *   latent's anchor is the observed variable reached through its first indicators): with
 *   reflected (negated) indicators the factors are reflected too, and a start of +1 would put
 *   the optimizer on the wrong side of λ = 0, where the likelihood is flat across the signs;
 * - intercepts: sample means for observed variables, 0 for latent ones;
 * - fixed.x rows take the sample (co)variances and means of the exogenous covariates.
 * User start() values and fixed values are kept. The "simple" mode ignores start() values and
 * the scale-aware loadings (loadings 1, latent variances 0.05: lavaan's start = "simple"); the
 * optimizer falls back to it when a run does not converge.
 */
import type { ParameterTable, ParRow } from "../partable/types.js";
import type { SampleStats } from "../samplestats/index.js";

export function startValues(
  table: ParameterTable,
  stats: SampleStats,
  mode: "default" | "simple" = "default",
): { theta: Float64Array; rowValues: Float64Array } {
  const simple = mode === "simple";
  const rows = table.rows;
  const ov = table.vars.ov;
  const ctx: StartContext = {
    rows,
    stats,
    simple,
    idx: new Map(ov.map((v, i) => [v, i])),
    lv: new Set(table.vars.lv),
    p: ov.length,
    markerVar: new Map(),
  };
  markerVariances(ctx, table.options.stdLv);
  const rowValues = new Float64Array(rows.length);
  const theta = new Float64Array(table.nfree).fill(NaN);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    if (r.op === ":=" || r.op === "==") continue;
    if (r.free === 0 && !r.exo) {
      rowValues[k] = r.value;
      continue;
    }
    const v = rowStart(ctx, r);
    rowValues[k] = v;
    if (r.free > 0 && Number.isNaN(theta[r.free - 1]!)) theta[r.free - 1] = v;
  }
  return { theta, rowValues };
}

interface StartContext {
  rows: readonly ParRow[];
  stats: SampleStats;
  simple: boolean;
  /** observed variable -> index; the latent variables */
  idx: Map<string, number>;
  lv: Set<string>;
  p: number;
  /** `${g}:${lv}` -> start variance of a factor with an observed marker */
  markerVar: Map<string, number>;
}

/**
 * The start variances of the factors whose marker (first observed indicator) is fixed, or of every
 * factor with std.lv.
 */
function markerVariances(ctx: StartContext, stdLv: boolean): void {
  const { rows, stats, simple, idx, lv, p, markerVar } = ctx;
  for (const r of rows) {
    if (r.op !== "=~" || r.group === 0 || lv.has(r.rhs)) continue;
    const key = `${r.group}:${r.lhs}`;
    if (markerVar.has(key)) continue;
    const S = stats.groups[r.group - 1]!.S;
    const j = idx.get(r.rhs)!;
    if (simple) continue;
    if (r.free === 0) markerVar.set(key, (0.5 * S[j * p + j]!) / (r.value * r.value || 1));
    else if (stdLv) markerVar.set(key, 1);
  }
}

/** The start of a free (or fixed.x) row. */
function rowStart(ctx: StartContext, r: ParRow): number {
  const { stats, simple, idx, lv, p, markerVar } = ctx;
  const st = stats.groups[r.group - 1]!;
  const S = st.S;
  if (r.exo) return r.op === "~1" ? st.mean[idx.get(r.lhs)!]! : S[idx.get(r.lhs)! * p + idx.get(r.rhs)!]!;
  if (r.userStart && !simple) return r.value;
  if (r.op === "=~") return loadingStart(ctx, r, S);
  if (r.op === "~~") {
    if (r.lhs !== r.rhs) return 0;
    if (lv.has(r.lhs)) return markerVar.get(`${r.group}:${r.lhs}`) ?? 0.05;
    return 0.5 * S[idx.get(r.lhs)! * (p + 1)]!;
  }
  if (r.op === "~1") return lv.has(r.lhs) ? 0 : st.mean[idx.get(r.lhs)!]!;
  return 0;
}

/**
 * A loading's start: with an observed marker, the reliability-½ loading with the sign of the
 * indicator's covariance with the marker; otherwise ±1 (1 in the simple mode).
 */
function loadingStart(ctx: StartContext, r: ParRow, S: Float64Array): number {
  const { rows, simple, idx, lv, p, markerVar } = ctx;
  let v = simple ? 1 : latentIndicatorSign(rows, r, lv, idx, S, p);
  const mv = markerVar.get(`${r.group}:${r.lhs}`);
  if (!lv.has(r.rhs) && mv !== undefined) {
    const j = idx.get(r.rhs)!;
    v = Math.sqrt((0.5 * S[j * p + j]!) / mv);
    const marker = rows.find((q) => q.op === "=~" && q.group === r.group && q.lhs === r.lhs && !lv.has(q.rhs));
    if (marker !== undefined && marker !== r) {
      const m = idx.get(marker.rhs)!;
      if (S[j * p + m]! < 0) v = -v;
    }
  }
  return v;
}

/** The observed variable reached from `name` through first indicators (itself when observed), or null. */
function anchor(rows: readonly ParRow[], name: string, group: number, lv: Set<string>, depth = 0): string | null {
  if (!lv.has(name)) return name;
  if (depth > rows.length) return null;
  const first = rows.find((q) => q.op === "=~" && q.group === group && q.lhs === name);
  return first === undefined ? null : anchor(rows, first.rhs, group, lv, depth + 1);
}

/** ±1 for a loading on a latent indicator (the sign of the anchors' covariance); 1 otherwise. */
function latentIndicatorSign(
  rows: readonly ParRow[],
  r: ParRow,
  lv: Set<string>,
  idx: Map<string, number>,
  S: Float64Array,
  p: number,
): number {
  if (!lv.has(r.rhs)) return 1;
  const first = rows.find((q) => q.op === "=~" && q.group === r.group && q.lhs === r.lhs);
  if (first === undefined || first === r) return 1;
  const a = anchor(rows, first.rhs, r.group, lv);
  const b = anchor(rows, r.rhs, r.group, lv);
  if (a === null || b === null || a === b) return 1;
  const sign = Math.sign(first.free === 0 ? first.value : 1) || 1;
  return S[idx.get(a)! * p + idx.get(b)!]! * sign < 0 ? -1 : 1;
}
