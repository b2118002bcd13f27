/**
 * Parameter rows as lavaan's parameterEstimates(fit, standardized = TRUE): estimate, standard
 * error (expected information), z = est/se, two-sided normal p-value, 95% Wald interval
 * est ± z_{0.975}·se, and the std.lv / std.all columns. Fixed rows have se 0 and no z or p;
 * their interval is the value itself. Defined parameters (:=) use the delta method.
 */
import { normalQuantile, normalTwoSidedP } from "../distributions/index.js";
import type { Evaluation, Problem } from "../estimate/ml.js";
import type { Representation } from "../model/representation.js";
import type { ParameterTable } from "../partable/types.js";
import type { Warning } from "../messages.js";
import type { ParameterEstimate } from "../results.js";
import { compileDefinitions, definitionJacobian, labelThetaIndex, nonFiniteDefinitions } from "./defined.js";
import { standardize } from "./standardized.js";

export interface ParameterRowsInput {
  table: ParameterTable;
  rep: Representation;
  prob: Problem;
  theta: Float64Array;
  evaluation: Evaluation;
  vcov: Float64Array | null;
}

export interface ParameterRowsResult {
  estimates: ParameterEstimate[];
  est: Float64Array;
  stdLv: Float64Array;
  stdAll: Float64Array;
  /** defined parameters whose value is not finite */
  warnings: Warning[];
}

/** The value of every table row: θ for free rows, the fixed value otherwise (:= rows are filled later). */
export function rowEstimates(table: ParameterTable, prob: Problem, theta: Float64Array): Float64Array {
  return Float64Array.from(table.rows, (r, k) => (r.free > 0 ? theta[r.free - 1]! : prob.rowValues[k]!));
}

/** Labelled rows' values by label: the scope in which := expressions are evaluated. */
export function labelScope(table: ParameterTable, values: Float64Array): Record<string, number> {
  const scope: Record<string, number> = {};
  table.rows.forEach((r, k) => {
    if (r.label !== "" && r.op !== ":=" && r.op !== "==" && !(r.label in scope)) scope[r.label] = values[k]!;
  });
  return scope;
}

const nul = (x: number): number | null => (Number.isFinite(x) ? x : null);

export async function parameterRows(input: ParameterRowsInput): Promise<ParameterRowsResult> {
  const { table, prob, theta, vcov } = input;
  const q = theta.length;
  const est = rowEstimates(table, prob, theta);
  const se = Float64Array.from(table.rows, (r) =>
    r.free > 0 ? (vcov ? Math.sqrt(vcov[(r.free - 1) * (q + 1)]!) : NaN) : 0,
  );
  const implied = input.evaluation.groups.map((g) => g.implied);
  const std = standardize(table, est, implied, input.rep.groups[0]!.lv);
  const warnings = definedRows(table, { est, se, stdLv: std.stdLv, stdAll: std.stdAll }, vcov, q);
  const zcrit = normalQuantile(0.975);
  const estimates = table.rows.flatMap((r, k): ParameterEstimate[] => {
    if (r.op === "==") return []; // constraints are not estimates; lavaan's parameterEstimates() omits them
    const isFree = r.free > 0 || r.op === ":=";
    const e = est[k]!;
    const s = se[k]!;
    const z = isFree ? e / s : NaN;
    return [
      {
        lhs: r.lhs,
        op: r.op,
        rhs: r.rhs,
        group: r.group,
        label: r.label,
        est: nul(e),
        se: nul(s),
        z: nul(z),
        pvalue: isFree ? nul(normalTwoSidedP(z)) : null,
        "ci.lower": isFree ? nul(e - zcrit * s) : nul(e),
        "ci.upper": isFree ? nul(e + zcrit * s) : nul(e),
        "std.lv": nul(std.stdLv[k]!),
        "std.all": nul(std.stdAll[k]!),
      },
    ];
  });
  return { estimates, est, stdLv: std.stdLv, stdAll: std.stdAll, warnings };
}

/**
 * The defined parameters' (`:=`) rows of `cols`: their values at the estimates and at the two
 * standardized solutions, and their delta-method standard errors (NaN without a vcov). Returns
 * the warnings for the definitions that are not finite.
 */
function definedRows(
  table: ParameterTable,
  cols: { est: Float64Array; se: Float64Array; stdLv: Float64Array; stdAll: Float64Array },
  vcov: Float64Array | null,
  q: number,
): Warning[] {
  const defs = table.rows.map((r, k) => ({ r, k })).filter(({ r }) => r.op === ":=");
  if (defs.length === 0) return [];
  const { est, se, stdLv, stdAll } = cols;
  const known = new Set(table.rows.filter((r) => r.label !== "").map((r) => r.label));
  const definitions = defs.map(({ r }) => ({ name: r.lhs, expression: r.rhs }));
  const f = compileDefinitions(definitions, known);
  const values = f(labelScope(table, est));
  const warnings = nonFiniteDefinitions(definitions, values);
  const lv = f(labelScope(table, stdLv));
  const all = f(labelScope(table, stdAll));
  let dse: number[] = defs.map(() => NaN);
  if (vcov) {
    const J = definitionJacobian(f, labelScope(table, est), labelThetaIndex(table), q);
    dse = defs.map((_, i) => {
      let s = 0;
      for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) s += J[i * q + a]! * vcov[a * q + b]! * J[i * q + b]!;
      return Math.sqrt(Math.max(0, s));
    });
  }
  defs.forEach(({ k }, i) => {
    est[k] = values[i]!;
    se[k] = dse[i]!;
    stdLv[k] = lv[i]!;
    stdAll[k] = all[i]!;
  });
  return warnings;
}
