/**
 * The analytic Jacobian J = ∂σ/∂θ of the implied wls vector of one group (implied.ts), in
 * lavaan's order (lavaan's computeDelta for categorical data). Every free cell of the model
 * matrices changes Σ by Σ_a = u vᵀ + v uᵀ and μ by μ_a (estimate/information.ts); with the scales
 * Δ (theta parameterization: Δ_i = Σ_ii^-½, so Δ_i,a = −½ Δ_i³ Σ_a,ii; delta: constant)
 *   threshold of item i:    ∂[Δ_i(τ − μ_i)] = Δ_i,a (τ − μ_i) − Δ_i μ_a,i   (+ Δ_i for τ itself)
 *   mean of a continuous i: −μ_a,i;  its variance: Σ_a,ii
 *   correlation (i, j):     Δ_iΔ_j Σ_a,ij + Σ_ij (Δ_i,a Δ_j + Δ_i Δ_j,a)
 * and a free scale Δ_i (delta, groups > 1) enters its thresholds by τ − μ_i and its correlations by
 * Δ_j Σ_ij.
 */
import { cellVectors } from "../../estimate/information.js";
import type { GroupRepresentation } from "../../model/representation.js";
import type { ParameterTable } from "../../partable/types.js";
import type { GroupImplied, GroupLayout } from "./implied.js";

export function wlsJacobian(
  table: ParameterTable,
  rep: GroupRepresentation,
  lay: GroupLayout,
  gi: GroupImplied,
  theta: Float64Array,
  rowValues: ArrayLike<number>,
  parameterization: "delta" | "theta",
): Float64Array {
  const q = theta.length;
  const p = lay.p;
  const J = new Float64Array(lay.m * q);
  const imp = gi.implied;
  const S = imp.sigma;
  const mu = imp.mu;
  const D = gi.scales;
  const value = (k: number): number => {
    const f = table.rows[k]!.free;
    return f > 0 ? theta[f - 1]! : rowValues[k]!;
  };
  const nth = lay.thVar.length;
  const tau = Float64Array.from(lay.thRow, (row) => (row >= 0 ? value(row) : 0));
  const cells = rep.cells.filter((c) => c.free >= 0);
  const vec = cellVectors(cells, imp, rep.meanstructure);
  const k = vec.k;
  // the row of the correlation (i, j), i > j, in lavaan's order (by column j)
  const corrRow = correlationRows(p, nth + lay.cont.length);
  const thetaParam = parameterization === "theta";
  const dD = new Float64Array(p);
  const inU = new Uint8Array(p);
  const nzU: number[] = [];
  for (let a = 0; a < cells.length; a++) {
    const col = cells[a]!.free;
    // Σ_a = u vᵀ + v uᵀ: its entry (i, j) and dΔ_i (theta: from Σ_a,ii = 2 u_i v_i) vanish unless u_i or u_j ≠ 0
    nzU.length = 0;
    for (let i = 0; i < p; i++) {
      inU[i] = vec.U[i * k + a] !== 0 ? 1 : 0;
      if (inU[i] === 1) nzU.push(i);
    }
    for (let i = 0; i < p; i++) {
      const dSii = vec.U[i * k + a]! * vec.V[i * k + a]! + vec.V[i * k + a]! * vec.U[i * k + a]!;
      dD[i] = thetaParam && lay.ordered[i] ? -0.5 * D[i]! ** 3 * dSii : 0;
    }
    let e = 0;
    for (let t = 0; t < nth; t++, e++) {
      const i = lay.thVar[t]!;
      const dmu = vec.D[i * k + a]!;
      J[e * q + col] += lay.thRow[t]! < 0 ? -dmu : dD[i]! * (tau[t]! - mu[i]!) - D[i]! * dmu;
    }
    for (const i of lay.cont) J[e++ * q + col] += 2 * vec.U[i * k + a]! * vec.V[i * k + a]!;
    for (const i0 of nzU)
      for (let j0 = 0; j0 < p; j0++) {
        if (j0 === i0 || (inU[j0] === 1 && j0 < i0)) continue; // each pair once
        const i = Math.max(i0, j0);
        const j = Math.min(i0, j0);
        const dS = vec.U[i * k + a]! * vec.V[j * k + a]! + vec.V[i * k + a]! * vec.U[j * k + a]!;
        J[corrRow[i * p + j]! * q + col] += D[i]! * D[j]! * dS + S[i * p + j]! * (dD[i]! * D[j]! + D[i]! * dD[j]!);
      }
  }
  addThresholdAndScaleColumns(J, table, lay, tau, mu, D, S, q, parameterization);
  return J;
}

/** The row of each correlation (i, j), i ≠ j, in lavaan's order (by column j), the first at `first` (p×p). */
function correlationRows(p: number, first: number): Int32Array {
  const corrRow = new Int32Array(p * p);
  let e0 = first;
  for (let j = 0; j < p; j++) for (let i = j + 1; i < p; i++) corrRow[i * p + j] = corrRow[j * p + i] = e0++;
  return corrRow;
}

/** The columns of the free thresholds themselves (+Δ_i) and of free scales (delta parameterization, groups > 1). */
function addThresholdAndScaleColumns(
  J: Float64Array,
  table: ParameterTable,
  lay: GroupLayout,
  tau: Float64Array,
  mu: Float64Array,
  D: Float64Array,
  S: Float64Array,
  q: number,
  parameterization: "delta" | "theta",
): void {
  const p = lay.p;
  const nth = lay.thVar.length;
  // thresholds themselves
  lay.thRow.forEach((row, t) => {
    const f = row >= 0 ? table.rows[row]!.free : 0;
    if (f > 0) J[t * q + f - 1] += D[lay.thVar[t]!]!;
  });
  // free scales (delta parameterization, groups > 1)
  if (parameterization === "delta")
    lay.scaleRow.forEach((row, i) => {
      const f = row >= 0 ? table.rows[row]!.free : 0;
      if (f <= 0) return;
      for (let t = 0; t < nth; t++) if (lay.thVar[t] === i && lay.thRow[t]! >= 0) J[t * q + f - 1] += tau[t]! - mu[i]!;
      let e = nth + lay.cont.length;
      for (let b = 0; b < p; b++)
        for (let a = b + 1; a < p; a++, e++) {
          if (a === i) J[e * q + f - 1] += D[b]! * S[a * p + b]!;
          if (b === i) J[e * q + f - 1] += D[a]! * S[a * p + b]!;
        }
    });
}
