/**
 * Modification indices of an ordinal (weighted least-squares) fit, as lavaan 0.6.14's
 * modindices() computes them for categorical data. lavaan frees every fixed parameter and adds
 * every candidate of lav_partable_full (lav_object_extended), then, in that extended model at θ̂
 * (the candidates at their current values):
 *   I = Σ_g (n_g/N) J_gᵀ W_g J_g        (lav_model_information_expected: the WLS weight W of the
 *                                        estimator, its diagonal for DWLS and ULS),
 *   s = −Σ_g ((n_g − 1)/N) J_gᵀ W_g (s_g − σ_g)   (lav_model_gradient, "gradient.logl": not negated
 *                                        for estimators other than ML),
 *   V_c = I_cc − I_cθ I_θθ⁻¹ I_θc,  mi = N s_c² / V_c,  epc = mi / (−N s_c) = −s_c / V_c,
 * with J = ∂σ/∂θ the Jacobian of the wls statistics (jacobian.ts) and I_θθ⁻¹ the inverse of the
 * model's own expected information. A candidate with V_c < ε^(1/3) (not identified if freed) is
 * dropped, as lavaan's na.remove. Rows come in lavaan's order: the model's fixed rows (group by
 * group, in table order), then the new candidates group by group (inference/mi-candidates.ts).
 * sepc.lv / sepc.all / sepc.nox standardize the change as the parameter would be
 * (inference/modindices.ts); a scale row `x ~*~ x` has std.all 1 (lavaan's lav_standardize_all).
 */
import { cholesky, inverseFromCholesky } from "../../linalg/dense.js";
import type { Evaluation } from "../../estimate/ml.js";
import { candidates } from "../../inference/mi-candidates.js";
import { epcStandardizer } from "../../inference/modindices.js";
import type { ParameterRowsResult } from "../../inference/parameters.js";
import type { StdRow } from "../../inference/standardized.js";
import { buildRepresentation } from "../../model/representation.js";
import type { ParameterTable, ParRow } from "../../partable/types.js";
import type { ModIndex } from "../../results.js";
import { applyWeight, residual, WlsObjective } from "./objective.js";

/** lavaan drops candidates whose conditional information is below ε^(1/3) (not identified if freed). */
const MIN_V = 6.0554544523933395e-6; // cbrt(2^-52)

export interface OrdinalModIndicesInput {
  readonly objective: WlsObjective;
  readonly theta: Float64Array;
  readonly evaluation: Evaluation;
  readonly stdSource: ParameterRowsResult;
}

interface Extended {
  readonly table: ParameterTable;
  readonly rowValues: Float64Array;
  readonly theta: Float64Array;
  /** per candidate: its row in the extended table */
  readonly rows: readonly number[];
}

export function ordinalModIndices(input: OrdinalModIndicesInput): ModIndex[] {
  const { objective } = input;
  const { table, groups, ntotal: N } = objective.setup;
  const q = input.theta.length;
  const ext = extendedModel(table, objective.setup.rowValues, input.theta);
  const k = ext.rows.length;
  if (k === 0) return [];
  const eq = new WlsObjective({
    ...objective.setup,
    table: ext.table,
    rep: buildRepresentation(ext.table),
    rowValues: ext.rowValues,
  });
  const J = eq.jacobian(ext.theta);
  const imp = eq.implied(ext.theta);
  if (imp === null) return [];
  if (objective.setup.parameterization === "theta") addThetaScaleColumns(ext, groups, J, imp);
  const n = q + k;
  const info = eq.informationAt(J, 0);
  const score = scoreOf(groups, J, imp, N, n);
  const I22 = new Float64Array(q * q);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) I22[a * q + b] = info[a * n + b]!;
  const L = cholesky({ n: q, a: I22 });
  if (L === null) return [];
  const inv = inverseFromCholesky(L).a;
  const sepc = epcStandardizer(
    table,
    input.stdSource,
    input.evaluation.groups.map((g) => g.implied),
    objective.setup.rep.groups[0]!.lv,
  );
  const out: ModIndex[] = [];
  const tmp = new Float64Array(q);
  for (let c = 0; c < k; c++) {
    const col = q + c;
    for (let a = 0; a < q; a++) {
      let s = 0;
      for (let b = 0; b < q; b++) s += inv[a * q + b]! * info[b * n + col]!;
      tmp[a] = s;
    }
    let quad = 0;
    for (let a = 0; a < q; a++) quad += info[col * n + a]! * tmp[a]!;
    const V = info[col * n + col]! - quad;
    if (!(V >= MIN_V)) continue;
    const sc = score[col]!;
    const mi = (N * sc * sc) / V;
    const d = -N * sc;
    const epc = mi / (Math.abs(d) < 1e-15 ? 1 : d);
    const r = ext.table.rows[ext.rows[c]!]!;
    const row: StdRow = { lhs: r.lhs, op: r.op, rhs: r.rhs, group: r.group };
    const s = r.op === "~*~" ? { lv: epc, all: Math.sign(epc), nox: Math.sign(epc) } : sepc(row, epc);
    out.push({ ...row, mi, epc, "sepc.lv": s.lv, "sepc.all": s.all, "sepc.nox": s.nox });
  }
  return out;
}

/** lavaan's "gradient.logl" of a least-squares fit: −Σ_g ((n_g − 1)/N) J_gᵀ W_g (s_g − σ_g). */
function scoreOf(
  groups: WlsObjective["setup"]["groups"],
  J: readonly Float64Array[],
  imp: NonNullable<ReturnType<WlsObjective["implied"]>>,
  N: number,
  n: number,
): Float64Array {
  const score = new Float64Array(n);
  groups.forEach((g, gi) => {
    const Wd = applyWeight(g.W, residual(g.s, imp[gi]!.wls));
    const w = (g.n - 1) / N;
    const Jg = J[gi]!;
    for (let i = 0; i < Wd.length; i++) for (let a = 0; a < n; a++) score[a] -= w * Jg[i * n + a]! * Wd[i]!;
  });
  return score;
}

/**
 * lavaan's extended model: every fixed row of the table freed (in table order), then the
 * candidates of lav_partable_full that the table lacks, group by group, at 0; the candidates take
 * the free indices after the model's q.
 */
function extendedModel(table: ParameterTable, rowValues: Float64Array, theta: Float64Array): Extended {
  const q = theta.length;
  const rows: ParRow[] = table.rows.map((r) => ({ ...r }));
  const values: number[] = Array.from(rowValues);
  const candRows: number[] = [];
  const free = (k: number): void => {
    candRows.push(k);
    rows[k]!.free = q + candRows.length;
  };
  fixedRowsInLavaanOrder(table).forEach(free);
  const key = (g: number, lhs: string, op: string, rhs: string): string => `${g}:${lhs} ${op} ${rhs}`;
  const present = new Set<string>();
  for (const r of table.rows) {
    present.add(key(r.group, r.lhs, r.op, r.rhs));
    if (r.op === "~~") present.add(key(r.group, r.rhs, r.op, r.lhs));
  }
  for (let g = 1; g <= table.ngroups; g++)
    for (const c of candidates(table, g)) {
      if (present.has(key(g, c.lhs, c.op, c.rhs))) continue;
      const row: ParRow = {
        id: rows.length + 1,
        lhs: c.lhs,
        op: c.op as ParRow["op"],
        rhs: c.rhs,
        group: g,
        user: false,
        free: 0,
        value: 0,
        label: "",
        exo: false,
        userStart: false,
      };
      rows.push(row);
      values.push(0);
      free(rows.length - 1);
    }
  const x = new Float64Array(q + candRows.length);
  x.set(theta);
  candRows.forEach((k, c) => (x[q + c] = values[k]!));
  return {
    table: { ...table, rows, nfree: q + candRows.length },
    rowValues: Float64Array.from(values),
    theta: x,
    rows: candRows,
  };
}

/**
 * The fixed rows of the table in the order of lavaan's partable: group after group, each group's
 * rows in the order of group 1's rows of the same parameter (our table places the thresholds and
 * scales of every group together, after group 1's model rows).
 */
function fixedRowsInLavaanOrder(table: ParameterTable): number[] {
  const first = new Map<string, number>();
  table.rows.forEach((r, k) => {
    const key = `${r.lhs} ${r.op} ${r.rhs}`;
    if (!first.has(key)) first.set(key, k);
  });
  const out: { k: number; group: number; pos: number }[] = [];
  table.rows.forEach((r, k) => {
    if (r.free !== 0 || r.group === 0 || r.op === ":=" || r.op === "==") return;
    out.push({ k, group: r.group, pos: first.get(`${r.lhs} ${r.op} ${r.rhs}`)! });
  });
  return out.sort((a, b) => a.group - b.group || a.pos - b.pos || a.k - b.k).map((x) => x.k);
}

/**
 * A scale row `x ~*~ x` freed under the theta parameterization: lavaan's Jacobian (computeDelta)
 * gives it the thresholds' derivative of the delta parameterization's scale Δ_i, τ − μ_i, and no
 * correlation part (derivative.sigma.LISREL returns zeros for "delta" when the model's Σ is not
 * scaled). The scale itself is derived (1/√Σ_ii), so the model's own Jacobian has no such column.
 */
function addThetaScaleColumns(
  ext: Extended,
  groups: WlsObjective["setup"]["groups"],
  J: Float64Array[],
  imp: NonNullable<ReturnType<WlsObjective["implied"]>>,
): void {
  const n = ext.theta.length;
  const { table } = ext;
  const value = (k: number): number => {
    const f = table.rows[k]!.free;
    return f > 0 ? ext.theta[f - 1]! : ext.rowValues[k]!;
  };
  const candidate = new Set(ext.rows);
  groups.forEach((g, gi) => {
    const lay = g.layout;
    const mu = imp[gi]!.implied.mu;
    lay.scaleRow.forEach((row, i) => {
      if (row < 0 || !candidate.has(row) || table.rows[row]!.op !== "~*~") return;
      const col = table.rows[row]!.free - 1;
      for (let t = 0; t < lay.thVar.length; t++)
        if (lay.thVar[t] === i && lay.thRow[t]! >= 0) J[gi]![t * n + col] += value(lay.thRow[t]!) - mu[i]!;
    });
  });
}
