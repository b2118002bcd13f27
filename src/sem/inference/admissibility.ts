/**
 * Admissibility of a solution: negative variances (Heywood cases), standardized covariances
 * beyond ±1, and model-implied (Σ̂), latent (Ψ̂) or residual (Θ̂) covariance matrices that are not
 * positive definite. Each becomes a warning naming the parameter or matrix and the group.
 */
import { cholesky } from "../linalg/dense.js";
import type { Evaluation } from "../estimate/ml.js";
import { warning, type Warning } from "../messages.js";
import type { Representation } from "../model/representation.js";
import type { ParameterTable } from "../partable/types.js";
import type { ParameterEstimate } from "../results.js";

function isPd(a: Float64Array, n: number): boolean {
  if (n === 0) return true;
  return cholesky({ n, a }) !== null;
}

export function admissibility(
  table: ParameterTable,
  rows: readonly ParameterEstimate[],
  ev: Evaluation,
  rep: Representation,
): Warning[] {
  const out: Warning[] = [];
  const inGroup = (g: number): string => (table.ngroups > 1 ? ` in group ${g} ("${table.groupLabels[g - 1]}")` : "");
  for (const r of rows) {
    if (r.op !== "~~" || r.est === null) continue;
    const name = `${r.lhs} ~~ ${r.rhs}`;
    if (r.lhs === r.rhs && r.est < 0) {
      out.push(warning("W_HEYWOOD", `negative variance: ${name} = ${r.est.toPrecision(4)}${inGroup(r.group)}`, name));
    } else if (r.lhs !== r.rhs && r["std.all"] !== null && Math.abs(r["std.all"]) > 1) {
      out.push(
        warning(
          "W_CORR_GT_1",
          `correlation beyond ±1: ${name} has std.all = ${r["std.all"].toFixed(3)}${inGroup(r.group)}`,
          name,
        ),
      );
    }
  }
  ev.groups.forEach((ge, g) => {
    const { p, m } = ge.implied.mats;
    const real = rep.groups[g]!.dummyOf.map((d, k) => (d < 0 ? k : -1)).filter((k) => k >= 0);
    const psi = new Float64Array(real.length * real.length);
    real.forEach((a, i) => real.forEach((b, j) => (psi[i * real.length + j] = ge.implied.mats.psi[a * m + b]!)));
    if (!isPd(ge.implied.sigma, p))
      out.push(
        warning("W_SIGMA_NOT_PD", `the model-implied covariance matrix is not positive definite${inGroup(g + 1)}`),
      );
    if (!isPd(psi, real.length))
      out.push(
        warning(
          "W_PSI_NOT_PD",
          `the covariance matrix of the latent variables (psi) is not positive definite${inGroup(g + 1)}`,
        ),
      );
    const th = ge.implied.mats.theta;
    const obs = Array.from({ length: p }, (_, i) => i).filter((i) => th[i * p + i] !== 0);
    const sub = new Float64Array(obs.length * obs.length);
    obs.forEach((a, i) => obs.forEach((b, j) => (sub[i * obs.length + j] = th[a * p + b]!)));
    if (!isPd(sub, obs.length))
      out.push(
        warning("W_THETA_NOT_PD", `the residual covariance matrix (theta) is not positive definite${inGroup(g + 1)}`),
      );
  });
  return out;
}
