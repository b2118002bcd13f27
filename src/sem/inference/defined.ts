/**
 * Defined parameters (`name := expression`), evaluated with the expression language of
 * ../expr (R's arithmetic and a documented set of functions; no mathjs). Definitions may use
 * labels and other definitions, in any order of the model text: they are evaluated in
 * dependency order (lavaan 0.6.14 requires a definition to come after those it uses).
 * Their standard errors follow from the delta method, se = √(J V Jᵀ), with the exact Jacobian J
 * of the definitions with respect to the free parameters (forward-mode differentiation; lavaan
 * differentiates numerically, lav_func_jacobian_complex).
 */
import {
  callsIn,
  callProblem,
  evaluate,
  evaluateDual,
  namesIn,
  parseExpr,
  type Dual,
  type ExprNode,
} from "../expr/index.js";
import { ExprSyntaxError } from "../expr/parse.js";
import { InputError, warning, type Warning } from "../messages.js";
import type { ParameterTable } from "../partable/types.js";

export interface Definition {
  readonly name: string;
  readonly expression: string;
  /** Where the definition stands, for messages (`model.lav:7`). */
  readonly where?: string;
}

/** Values of the definitions, in the order they were given, from the values of the labels. */
export interface Evaluator {
  (scope: Readonly<Record<string, number>>): number[];
  /** The labels the definitions read, directly or through other definitions. */
  readonly inputs: readonly string[];
  /** The values and their Jacobian (definitions × inputs, row-major) with respect to the inputs. */
  withJacobian(scope: Readonly<Record<string, number>>): { values: number[]; jacobian: Float64Array };
}

interface Checked {
  trees: ExprNode[];
  /** indices of the definitions in an order where each comes after those it uses */
  order: number[];
  inputs: string[];
}

function fail(d: Definition, reason: string): InputError {
  const at = d.where === undefined ? "" : `${d.where}: `;
  return new InputError("E_MODEL", `${at}defined parameter '${d.name} := ${d.expression}': ${reason}`);
}

function parsed(d: Definition): ExprNode {
  try {
    return parseExpr(d.expression);
  } catch (e) {
    if (e instanceof ExprSyntaxError) throw fail(d, e.message);
    throw e;
  }
}

function unknownName(name: string, labels: ReadonlySet<string>): string {
  const list = [...labels].filter((l) => !l.startsWith("."));
  const known = list.length === 0 ? "the model has no labels" : `labels: ${list.slice(0, 12).join(", ")}`;
  const more = list.length > 12 ? ", ..." : "";
  return `'${name}' is neither a label of the model nor a defined parameter (${known}${more})`;
}

/**
 * Checks the definitions against the labels of the model and finds an order to evaluate them:
 * a name already labelling a parameter, a name defined twice, unknown functions and names,
 * self-reference and circular definitions are InputErrors (E_MODEL) naming the definition.
 */
export function checkDefinitions(defs: readonly Definition[], labels: ReadonlySet<string>): Checked {
  const index = new Map<string, number>();
  defs.forEach((d, i) => {
    if (labels.has(d.name)) {
      throw fail(d, `'${d.name}' is already the label of a parameter; give the defined parameter a name of its own`);
    }
    const first = index.get(d.name);
    if (first !== undefined) {
      const where = defs[first]!.where;
      throw fail(d, `'${d.name}' is defined twice${where === undefined ? "" : ` (first at ${where})`}`);
    }
    index.set(d.name, i);
  });
  const trees = defs.map(parsed);
  const deps = defs.map((d, i) => {
    for (const c of callsIn(trees[i]!)) {
      const problem = callProblem(c.fn, c.nargs);
      if (problem !== null) throw fail(d, problem);
    }
    return namesIn(trees[i]!).map((n) => {
      if (n === d.name) throw fail(d, `'${n}' refers to itself`);
      if (index.has(n)) return index.get(n)!;
      if (!labels.has(n)) throw fail(d, unknownName(n, labels));
      return -1;
    });
  });
  const order = evaluationOrder(defs, deps);
  const inputs: string[] = [];
  for (const t of trees) for (const n of namesIn(t)) if (!index.has(n) && !inputs.includes(n)) inputs.push(n);
  return { trees, order, inputs };
}

/** A topological order of the definitions (depth first); a cycle is an error naming its path. */
function evaluationOrder(defs: readonly Definition[], deps: number[][]): number[] {
  const state = defs.map(() => 0); // 0 new, 1 on the current path, 2 done
  const order: number[] = [];
  const visit = (i: number, path: number[]): void => {
    if (state[i] === 2) return;
    if (state[i] === 1) {
      const [first, ...rest] = [...path.slice(path.indexOf(i)), i].map((k) => defs[k]!.name);
      throw fail(defs[i]!, `circular definitions: ${first} uses ${rest.join(", which uses ")}`);
    }
    state[i] = 1;
    for (const j of deps[i]!) if (j >= 0) visit(j, [...path, i]);
    state[i] = 2;
    order.push(i);
  };
  defs.forEach((_, i) => visit(i, []));
  return order;
}

/**
 * Compiles the definitions; `known` holds the labels of the model (and may hold the defined
 * names themselves). Throws an InputError for the problems checkDefinitions() finds.
 */
export function compileDefinitions(defs: readonly Definition[], known: ReadonlySet<string>): Evaluator {
  const names = new Set(defs.map((d) => d.name));
  const labels = new Set([...known].filter((l) => !names.has(l)));
  const { trees, order, inputs } = checkDefinitions(defs, labels);
  const position = new Map(defs.map((d, i) => [d.name, i]));
  const values = (scope: Readonly<Record<string, number>>): number[] => {
    const out = defs.map(() => NaN);
    const lookup = (n: string): number => (position.has(n) ? out[position.get(n)!]! : scope[n]!);
    for (const i of order) out[i] = evaluate(trees[i]!, lookup);
    return out;
  };
  const withJacobian = (scope: Readonly<Record<string, number>>) => {
    const m = inputs.length;
    const duals: Dual[] = defs.map(() => ({ v: NaN, d: null }));
    const unit = new Map(
      inputs.map((n, j) => {
        const d = new Float64Array(m);
        d[j] = 1;
        return [n, { v: scope[n]!, d }];
      }),
    );
    const lookup = (n: string): Dual => (position.has(n) ? duals[position.get(n)!]! : unit.get(n)!);
    for (const i of order) duals[i] = evaluateDual(trees[i]!, lookup);
    const jacobian = new Float64Array(defs.length * m);
    duals.forEach((x, i) => {
      if (x.d !== null) jacobian.set(x.d, i * m);
    });
    return { values: duals.map((x) => x.v), jacobian };
  };
  return Object.assign(values, { inputs, withJacobian });
}

/**
 * The 0-based θ index of each label's parameter (the first row carrying it, as labelScope()
 * reads it), or -1 for a fixed one.
 */
export function labelThetaIndex(table: ParameterTable): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of table.rows) {
    if (r.label === "" || r.op === ":=" || r.op === "==" || out.has(r.label)) continue;
    out.set(r.label, r.free > 0 ? r.free - 1 : -1);
  }
  return out;
}

/** Exact Jacobian (definitions × q, row-major) of the defined values with respect to θ. */
export function definitionJacobian(
  f: Evaluator,
  scope: Readonly<Record<string, number>>,
  thetaIndex: ReadonlyMap<string, number>,
  q: number,
): Float64Array {
  const { values, jacobian } = f.withJacobian(scope);
  const k = values.length;
  const m = f.inputs.length;
  const J = new Float64Array(k * q);
  f.inputs.forEach((name, j) => {
    const t = thetaIndex.get(name) ?? -1;
    if (t < 0) return;
    for (let i = 0; i < k; i++) J[i * q + t] += jacobian[i * m + j]!;
  });
  return J;
}

/** One warning per definition whose value is infinite or not a number. */
export function nonFiniteDefinitions(defs: readonly Definition[], values: readonly number[]): Warning[] {
  return defs.flatMap((d, i) => {
    const v = values[i]!;
    if (Number.isFinite(v)) return [];
    const what = Number.isNaN(v)
      ? "evaluates to NaN (0/0, or the log or square root of a negative number?)"
      : `evaluates to ${v > 0 ? "" : "-"}Inf (a division by zero?)`;
    const at = d.where === undefined ? "" : `${d.where}: `;
    const msg =
      `${at}defined parameter '${d.name} := ${d.expression}' ${what}; ` +
      "its estimate and standard error are left blank";
    return [warning("W_DEFINED_NOT_FINITE", msg, d.name)];
  });
}

/** Jacobian (k × q, row-major) of a function of θ, by central differences (step 1e-5·max(1, |θ|)). */
export function definedJacobian(f: (theta: Float64Array) => number[], theta: Float64Array, k: number): Float64Array {
  const q = theta.length;
  const J = new Float64Array(k * q);
  const t = Float64Array.from(theta);
  for (let j = 0; j < q; j++) {
    const h = 1e-5 * Math.max(1, Math.abs(theta[j]!));
    t[j] = theta[j]! + h;
    const up = f(t);
    t[j] = theta[j]! - h;
    const down = f(t);
    t[j] = theta[j]!;
    for (let i = 0; i < k; i++) J[i * q + j] = (up[i]! - down[i]!) / (2 * h);
  }
  return J;
}
