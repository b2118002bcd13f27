/**
 * The model-implied weighted-least-squares vector of one group, in lavaan's order
 * (lav_model_implied, lav_model_wls: WLS.est):
 *   σ = (thresholds and means, variances of continuous variables, off-diagonal correlations).
 * With Σ = Λ(I−B)⁻¹Ψ(I−B)⁻ᵀΛᵀ + Θ and μ = ν + Λ(I−B)⁻¹α (model/implied.ts), and Δ_i the scale of
 * item i (1 for continuous variables):
 * - delta parameterization (lavaan's default): Θ_ii of an ordered item is 1/Δ_i² − (ΛMΛᵀ)_ii,
 *   so that Var(y*_i) = 1/Δ_i²; Δ_i is the `~*~` row (fixed 1 in a single group);
 * - theta parameterization: Θ_ii is its own row (fixed 1) and Δ_i = 1/√Σ_ii.
 * Then the correlations are Δ_iΔ_jΣ_ij (i ≠ j), the thresholds Δ_i(τ_ik − μ_i), continuous
 * variables give −μ_i (lavaan's TH entry of a continuous variable) and Σ_ii (Muthén 1984; lavaan's computeTH and computeSigmaHat with delta).
 */
import { fillMatrices, impliedMoments, type Implied } from "../../model/implied.js";
import type { GroupRepresentation } from "../../model/representation.js";
import type { ParameterTable } from "../../partable/types.js";

export interface GroupLayout {
  readonly p: number;
  /** per observed variable: ordered or not */
  readonly ordered: readonly boolean[];
  /** the th block: per entry its variable and its threshold row (−1 for a continuous variable's mean) */
  readonly thVar: Int32Array;
  readonly thRow: Int32Array;
  /** per observed variable: the row of its `~*~` scale, its `~~` residual variance (−1 when absent) */
  readonly scaleRow: Int32Array;
  readonly residRow: Int32Array;
  /** continuous variables, in order */
  readonly cont: readonly number[];
  /** length of the wls vector */
  readonly m: number;
}

export function groupLayout(table: ParameterTable, g: number, orderedVars: ReadonlySet<string>): GroupLayout {
  const ov = table.vars.ov;
  const p = ov.length;
  const ordered = ov.map((v) => orderedVars.has(v));
  const thVar: number[] = [];
  const thRow: number[] = [];
  const scaleRow = new Int32Array(p).fill(-1);
  const residRow = new Int32Array(p).fill(-1);
  const idx = new Map(ov.map((v, i) => [v, i]));
  const thByVar = ov.map(() => [] as { k: number; row: number }[]);
  table.rows.forEach((r, k) => {
    if (r.group !== g) return;
    const i = idx.get(r.lhs);
    if (i === undefined) return;
    if (r.op === "|") thByVar[i]!.push({ k: Number(r.rhs.slice(1)), row: k });
    else if (r.op === "~*~") scaleRow[i] = k;
    else if (r.op === "~~" && r.lhs === r.rhs) residRow[i] = k;
  });
  ov.forEach((_, i) => {
    if (!ordered[i]) {
      thVar.push(i);
      thRow.push(-1);
      return;
    }
    for (const t of thByVar[i]!.sort((a, b) => a.k - b.k)) {
      thVar.push(i);
      thRow.push(t.row);
    }
  });
  const cont = ov.map((_, i) => i).filter((i) => !ordered[i]);
  return {
    p,
    ordered,
    thVar: Int32Array.from(thVar),
    thRow: Int32Array.from(thRow),
    scaleRow,
    residRow,
    cont,
    m: thVar.length + cont.length + (p * (p - 1)) / 2,
  };
}

export interface GroupImplied {
  /** the implied wls vector */
  readonly wls: Float64Array;
  /** the model matrices and moments with the ordered items' residual variances filled in (y* scale) */
  readonly implied: Implied;
  /** scale factors Δ per observed variable (1 for continuous ones) */
  readonly scales: Float64Array;
}

/** The row value: θ for a free row, else the row's fixed value. */
function rowValue(table: ParameterTable, k: number, theta: Float64Array, rowValues: ArrayLike<number>): number {
  const f = table.rows[k]!.free;
  return f > 0 ? theta[f - 1]! : rowValues[k]!;
}

export function impliedWls(
  table: ParameterTable,
  rep: GroupRepresentation,
  lay: GroupLayout,
  theta: Float64Array,
  rowValues: ArrayLike<number>,
  parameterization: "delta" | "theta",
): GroupImplied | null {
  const p = lay.p;
  const mats = fillMatrices(rep, theta, rowValues);
  const scales = new Float64Array(p).fill(1);
  if (parameterization === "delta") {
    for (let i = 0; i < p; i++) {
      if (!lay.ordered[i]) continue;
      mats.theta[i * p + i] = 0;
      if (lay.scaleRow[i]! >= 0) scales[i] = rowValue(table, lay.scaleRow[i]!, theta, rowValues);
    }
  }
  const imp = impliedMoments(mats);
  if (imp === null) return null;
  const S = imp.sigma;
  for (let i = 0; i < p; i++) {
    if (!lay.ordered[i]) continue;
    if (parameterization === "delta") {
      const total = 1 / (scales[i]! * scales[i]!);
      mats.theta[i * p + i] = total - S[i * p + i]!;
      S[i * p + i] = total;
    } else {
      if (!(S[i * p + i]! > 0)) return null;
      scales[i] = 1 / Math.sqrt(S[i * p + i]!);
    }
  }
  const wls = new Float64Array(lay.m);
  let e = 0;
  for (let t = 0; t < lay.thVar.length; t++) {
    const i = lay.thVar[t]!;
    const row = lay.thRow[t]!;
    // a continuous variable's entry is −μ_i, as lavaan's TH (a threshold of an intercept)
    wls[e++] = row < 0 ? -imp.mu[i]! : scales[i]! * (rowValue(table, row, theta, rowValues) - imp.mu[i]!);
  }
  for (const i of lay.cont) wls[e++] = S[i * p + i]!;
  for (let j = 0; j < p; j++) for (let i = j + 1; i < p; i++) wls[e++] = scales[i]! * scales[j]! * S[i * p + j]!;
  return { wls, implied: imp, scales };
}
