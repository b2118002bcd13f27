/**
 * Standard errors of standardized path coefficients (std.all), as lavaan's
 * standardizedSolution(fit, type = "std.all"): the delta method,
 * Var(std(θ̂)) = J vcov(θ̂) Jᵀ with J = ∂std/∂θ at θ̂ (central differences), and vcov the
 * fit's own (expected information for ML, the sandwich for MLM / MLR, as lavaan uses for
 * standardizedSolution of a robust fit). θ̂, the problem and vcov are the FittedModel's;
 * nothing is re-prepared or re-estimated.
 */
import { normalTwoSidedP } from "../sem/distributions/index.js";
import { evaluate } from "../sem/estimate/ml.js";
import type { FittedModel } from "../sem/fitted.js";
import { definedJacobian } from "../sem/inference/defined.js";
import { standardize } from "../sem/inference/standardized.js";

export interface StdInference {
  "est.std": number;
  se: number;
  z: number;
  pvalue: number;
}

const key = (r: { lhs: string; op: string; rhs: string; group: number }): string =>
  `${r.lhs}\t${r.op}\t${r.rhs}\t${r.group}`;

/**
 * std.all with its delta-method SE, z and p for the rows `wanted` (lhs, op, rhs, group 1) of a
 * fitted model; null when the covariance matrix of the estimates does not exist or a row is unknown.
 */
export function standardizedInference(
  fitted: FittedModel,
  wanted: readonly { lhs: string; op: string; rhs: string }[],
): (StdInference | null)[] {
  const { table, prob, theta, vcov: vc } = fitted;
  const q = table.nfree;
  const targets = wanted.map((w) => table.rows.findIndex((r) => key(r) === key({ ...w, group: 1 })));
  if (theta.some((t) => Number.isNaN(t)) || targets.some((k) => k < 0)) return wanted.map(() => null);
  const lv = prob.rep.groups[0]!.lv;
  const stdAt = (t: Float64Array): number[] => {
    const est = Float64Array.from(table.rows, (r, k) => (r.free > 0 ? t[r.free - 1]! : prob.rowValues[k]!));
    const std = standardize(
      table,
      est,
      evaluate(prob, t).groups.map((g) => g.implied),
      lv,
    );
    return targets.map((k) => std.stdAll[k]!);
  };
  if (!vc.ok) return wanted.map(() => null);
  const values = stdAt(theta);
  const J = definedJacobian(stdAt, theta, targets.length);
  return values.map((v, i) => {
    let s = 0;
    for (let a = 0; a < q; a++) {
      const ja = J[i * q + a]!;
      if (ja === 0) continue;
      for (let b = 0; b < q; b++) s += ja * vc.vcov[a * q + b]! * J[i * q + b]!;
    }
    const se = Math.sqrt(Math.max(0, s));
    return { "est.std": v, se, z: v / se, pvalue: normalTwoSidedP(v / se) };
  });
}
