/**
 * lavaan's standardizedSolution(fit, type): every row of the parameter table (but `==`) with its
 * standardized value and delta-method inference, at the FittedModel's θ̂ with the fit's own
 * covariance matrix of the estimates (expected information for ML, the sandwich for MLM / MLR,
 * the observed information under FIML: lavaan's object@vcov$vcov). lavaan 0.6.14,
 * standardizedSolution() and lav_object_inspect_vcov(standardized = TRUE):
 *   - est.std: lav_standardize_all / _lv / _all_nox; a `:=` row is its definition evaluated at
 *     the standardized values of the labelled parameters (lavmodel@def.function(x.std));
 *   - vcov(std) = J vcov(θ̂) Jᵀ, J = ∂std/∂θ at θ̂ (here central differences, as the `:=` rows'
 *     Jacobian; lavaan uses a complex step); se = √diag, NA for a negative diagonal, 0 below
 *     ε^¼ (≈ 1.2e-4); z = est.std / se (NA when se = 0), p two-sided normal; ci = est.std ± z_{α/2}·se.
 */
import { normalQuantile, normalTwoSidedP } from "../distributions/index.js";
import { evaluate } from "../estimate/ml.js";
import type { FittedModel } from "../fitted.js";
import { compileDefinitions, definedJacobian } from "./defined.js";
import { labelScope, rowEstimates } from "./parameters.js";
import { standardize, type StdColumns } from "./standardized.js";

export type StandardizedType = "std.all" | "std.lv" | "std.nox";

/** A standardizedSolution() row; group 1-based; null where lavaan gives NA. */
export interface StandardizedRow {
  lhs: string;
  op: string;
  rhs: string;
  group: number;
  label: string;
  "est.std": number | null;
  se: number | null;
  z: number | null;
  pvalue: number | null;
  "ci.lower": number | null;
  "ci.upper": number | null;
}

export interface StandardizedOptions {
  /** "std.all" (default), "std.lv" or "std.nox" */
  type?: StandardizedType;
  /** confidence level of the interval, default 0.95 */
  level?: number;
}

const COLUMN: Record<StandardizedType, keyof StdColumns> = {
  "std.all": "stdAll",
  "std.lv": "stdLv",
  "std.nox": "stdNox",
};

/** The standardized value of every table row at θ (`:=` rows from the standardized labelled values). */
export function standardizedValues(fitted: FittedModel, type: StandardizedType): (theta: Float64Array) => Float64Array {
  const { table, prob } = fitted;
  const lv = prob.rep.groups[0]!.lv;
  const defs = table.rows.flatMap((r, k) => (r.op === ":=" ? [k] : []));
  const known = new Set(table.rows.filter((r) => r.label !== "").map((r) => r.label));
  const define =
    defs.length === 0
      ? null
      : compileDefinitions(
          defs.map((k) => ({ name: table.rows[k]!.lhs, expression: table.rows[k]!.rhs })),
          known,
        );
  return (theta) => {
    const est = rowEstimates(table, prob, theta);
    const implied = evaluate(prob, theta).groups.map((g) => g.implied);
    const std = standardize(table, est, implied, lv)[COLUMN[type]];
    if (define !== null) {
      const values = define(labelScope(table, std));
      defs.forEach((k, i) => (std[k] = values[i]!));
    }
    return std;
  };
}

/** The rows of lavaan's standardizedSolution(fit, type, level); `==` rows are left out, as lavaan does. */
export function standardizedSolution(fitted: FittedModel, options: StandardizedOptions = {}): StandardizedRow[] {
  const type = options.type ?? "std.all";
  const level = options.level ?? 0.95;
  const { table, theta, vcov } = fitted;
  const keep = table.rows.flatMap((r, k) => (r.op === "==" ? [] : [k]));
  const valuesAt = standardizedValues(fitted, type);
  const values = valuesAt(theta);
  const se = vcov.ok ? standardErrors(valuesAt, theta, vcov.vcov, keep) : keep.map(() => NaN);
  const zcrit = normalQuantile(1 - (1 - level) / 2);
  const nul = (x: number): number | null => (Number.isFinite(x) ? x : null);
  return keep.map((k, i) => {
    const r = table.rows[k]!;
    const v = values[k]!;
    const s = se[i]!;
    const z = s === 0 ? NaN : v / s;
    return {
      lhs: r.lhs,
      op: r.op,
      rhs: r.rhs,
      group: r.group,
      label: r.label,
      "est.std": nul(v),
      se: nul(s),
      z: nul(z),
      pvalue: Number.isFinite(z) ? normalTwoSidedP(z) : null,
      "ci.lower": nul(v - zcrit * s),
      "ci.upper": nul(v + zcrit * s),
    };
  });
}

/** lavaan's rule below this: the standard error is 0 (.Machine$double.eps^(1/4)). */
const SE_ZERO = Math.sqrt(Math.sqrt(2 ** -52));

/** √diag(J V Jᵀ) for the rows `keep`, with lavaan's NA (negative) and zero (tiny) rules. */
export function standardErrors(
  valuesAt: (theta: Float64Array) => Float64Array,
  theta: Float64Array,
  vcov: Float64Array,
  keep: readonly number[],
): number[] {
  const q = theta.length;
  const J = definedJacobian(
    (t) => {
      const v = valuesAt(t);
      return keep.map((k) => v[k]!);
    },
    theta,
    keep.length,
  );
  return keep.map((_, i) => {
    let s = 0;
    for (let a = 0; a < q; a++) {
      const ja = J[i * q + a]!;
      if (ja === 0) continue;
      for (let b = 0; b < q; b++) s += ja * vcov[a * q + b]! * J[i * q + b]!;
    }
    if (s < 0) return NaN;
    const se = Math.sqrt(s);
    return se < SE_ZERO ? 0 : se;
  });
}
