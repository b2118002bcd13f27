/**
 * The standardized inference of the hypotheses table: std.all with its delta-method SE, z and p,
 * as lavaan's standardizedSolution(fit, type = "std.all"), for chosen rows of the first group.
 * The computation is the engine's (sem/inference/standardized-solution.ts: θ̂, the problem and
 * the fit's own vcov of the FittedModel; nothing is re-prepared or re-estimated).
 */
import type { FittedModel } from "../sem/fitted.js";
import { standardErrors, standardizedValues } from "../sem/inference/standardized-solution.js";
import { normalTwoSidedP } from "../sem/distributions/index.js";

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
  const { table, theta, vcov } = fitted;
  const targets = wanted.map((w) => table.rows.findIndex((r) => key(r) === key({ ...w, group: 1 })));
  if (theta.some((t) => Number.isNaN(t)) || targets.some((k) => k < 0) || !vcov.ok) return wanted.map(() => null);
  const valuesAt = standardizedValues(fitted, "std.all");
  const values = valuesAt(theta);
  const se = standardErrors(valuesAt, theta, vcov.vcov, targets);
  return targets.map((k, i) => {
    const v = values[k]!;
    const s = se[i]!;
    return { "est.std": v, se: s, z: v / s, pvalue: normalTwoSidedP(v / s) };
  });
}
