/**
 * The population covariance matrix of a model whose every value is fixed (lavaan syntax:
 * `f =~ 0.7*x1`, `y ~ 0.3*x`, `x1 ~~ 0.5*x1`), for recursive models, with the convention of
 * lavaan 0.6.14's simulateData(standardized = TRUE), for the residual variances the model does
 * not give: an exogenous variable has variance 1 (exogenous variables are uncorrelated unless a
 * covariance is given); an endogenous latent variable gets ψ = 1 − its variance computed with the
 * residual variances of the other endogenous latent variables at 0 (so a latent variable with
 * correlated predictors may end with a variance other than 1, as in lavaan); an observed variable
 * gets θ = 1 − its variance from the full model, so that every observed variable has variance 1.
 *
 * All variables v (latent and observed) follow v = B v + ζ, Cov(ζ) = Ψ, so
 * Cov(v) = A Ψ Aᵀ with A = (I − B)⁻¹ (Bollen 1989, ch. 8). In a causal order B is strictly lower
 * triangular and A unit lower triangular, so var(v_i) = ψ_ii + (terms in ψ_kl with k, l before i):
 * taking the variables in that order fixes each missing ψ_ii = 1 − (the rest).
 */
import { InputError } from "../sem/messages.js";
import { flatten } from "../sem/partable/flatten.js";
import type { ModelSyntax } from "../sem/syntax/index.js";

export interface PopulationSigma {
  /** the observed variables, in the order of the population model */
  readonly names: string[];
  /** row-major covariance matrix of `names` */
  readonly sigma: Float64Array;
  /** every parameter with its value (given or filled in), lavaan's lhs/op/rhs */
  readonly parameters: { lhs: string; op: string; rhs: string; value: number }[];
}

function fixedValue(
  syntax: ModelSyntax,
  r: { lhs: string; op: string; rhs: string; line: number; term: { fixed?: (number | null)[]; column: number } },
): number {
  const v = r.term.fixed?.[0];
  if (r.term.fixed === undefined || r.term.fixed.length !== 1 || v === null || v === undefined)
    throw new InputError(
      "E_MODEL",
      `${syntax.file}:${r.line}:${r.term.column}: '${r.lhs} ${r.op} ${r.rhs}' has no value: every parameter ` +
        "of a population model is a fixed number (e.g. 0.7*x1)",
    );
  return v;
}

/** Exogenous variables first, then each variable after all of its predictors; a loop is refused. */
function causalOrder(vars: string[], preds: Map<string, string[]>, file: string): string[] {
  const order: string[] = vars.filter((v) => (preds.get(v) ?? []).length === 0);
  const placed = new Set(order);
  while (order.length < vars.length) {
    const next = vars.find((v) => !placed.has(v) && preds.get(v)!.every((p) => placed.has(p)));
    if (next === undefined)
      throw new InputError(
        "E_MODEL",
        `${file}: the population model is not recursive (a loop of regressions): its covariance matrix ` +
          "is computed for recursive models only",
      );
    order.push(next);
    placed.add(next);
  }
  return order;
}

/** Σ of the observed variables of a population model (see the header). */
export function populationSigma(syntax: ModelSyntax): PopulationSigma {
  const flat = flatten(syntax);
  const rows = flat.rows.filter((r) => r.op !== "~1");
  if (flat.rows.some((r) => r.op === "~1") || flat.defs.length > 0 || flat.cons.length > 0)
    throw new InputError("E_MODEL", `${syntax.file}: a population model holds =~, ~ and ~~ statements only`);
  const latents = new Set(rows.filter((r) => r.op === "=~").map((r) => r.lhs));
  const { vars, preds, coef, psiGiven } = populationPaths(syntax, rows);
  const order = causalOrder(vars, preds, syntax.file);
  const n = order.length;
  const at = new Map(order.map((v, i) => [v, i]));
  const A = totalEffectMatrix(order, at, preds, coef);
  const Psi = new Float64Array(n * n);
  for (const [key, value] of psiGiven) {
    const [a, b] = key.split("|") as [string, string];
    const i = at.get(a)!,
      j = at.get(b)!;
    Psi[i * n + j] = value;
    Psi[j * n + i] = value;
  }
  const parameters = rows.map((r) => ({ lhs: r.lhs, op: r.op, rhs: r.rhs, value: fixedValue(syntax, r) }));
  fillResidualVariances(syntax.file, order, latents, preds, psiGiven, A, Psi, parameters);
  const names = vars.filter((v) => !latents.has(v));
  return {
    names,
    sigma: observedSigma(
      names.map((v) => at.get(v)!),
      n,
      A,
      Psi,
    ),
    parameters,
  };
}

type Rows = ReturnType<typeof flatten>["rows"];

/** The variables (in order of appearance), each one's predictors, the path values and the given (co)variances. */
function populationPaths(
  syntax: ModelSyntax,
  rows: Rows,
): { vars: string[]; preds: Map<string, string[]>; coef: Map<string, number>; psiGiven: Map<string, number> } {
  const vars: string[] = [];
  const add = (v: string): void => void (vars.includes(v) ? null : vars.push(v));
  for (const r of rows) {
    add(r.lhs);
    add(r.rhs);
  }
  const preds = new Map<string, string[]>(vars.map((v) => [v, []]));
  const coef = new Map<string, number>(); // "outcome|predictor"
  const psiGiven = new Map<string, number>(); // "a|b" with a, b in causal order later
  for (const r of rows) {
    const value = fixedValue(syntax, r);
    if (r.op === "=~") {
      preds.get(r.rhs)!.push(r.lhs);
      coef.set(`${r.rhs}|${r.lhs}`, value);
    } else if (r.op === "~") {
      preds.get(r.lhs)!.push(r.rhs);
      coef.set(`${r.lhs}|${r.rhs}`, value);
    } else psiGiven.set(`${r.lhs}|${r.rhs}`, value);
  }
  return { vars, preds, coef, psiGiven };
}

/** A = (I − B)⁻¹ by forward substitution: row i of A = e_i + Σ_k b_ik A_k. */
function totalEffectMatrix(
  order: string[],
  at: Map<string, number>,
  preds: Map<string, string[]>,
  coef: Map<string, number>,
): Float64Array {
  const n = order.length;
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    A[i * n + i] = 1;
    for (const p of preds.get(order[i]!)!) {
      const k = at.get(p)!;
      const b = coef.get(`${order[i]}|${p}`)!;
      for (let j = 0; j <= k; j++) A[i * n + j] += b * A[k * n + j]!;
    }
  }
  return A;
}

/**
 * Each residual variance not given, in causal order, so that the variable's variance is 1; it is
 * written into Psi and appended to the parameters.
 */
function fillResidualVariances(
  file: string,
  order: string[],
  latents: Set<string>,
  preds: Map<string, string[]>,
  psiGiven: Map<string, number>,
  A: Float64Array,
  Psi: Float64Array,
  parameters: PopulationSigma["parameters"],
): void {
  const n = order.length;
  const filledLatent = new Set<number>();
  for (let i = 0; i < n; i++) {
    const v = order[i]!;
    if (psiGiven.has(`${v}|${v}`)) continue;
    const latent = latents.has(v);
    let rest = 0; // var(v_i) with ψ_ii = 0 (for a latent also with the filled latent residual variances at 0)
    for (let k = 0; k <= i; k++)
      for (let l = 0; l <= i; l++) {
        if (latent && k === l && filledLatent.has(k)) continue;
        rest += A[i * n + k]! * Psi[k * n + l]! * A[i * n + l]!;
      }
    const psi = 1 - rest;
    if (!(psi > 0))
      throw new InputError(
        "E_MODEL",
        `${file}: the population values explain ${rest.toFixed(4)} of the variance of "${v}" (at most 1 ` +
          "with standardized values): lower the loadings or paths into it",
      );
    Psi[i * n + i] = psi;
    if (latent && (preds.get(v) ?? []).length > 0) filledLatent.add(i);
    parameters.push({ lhs: v, op: "~~", rhs: v, value: psi });
  }
}

/** Σ = A Ψ Aᵀ restricted to the observed variables (at positions idx of the causal order). */
function observedSigma(idx: number[], n: number, A: Float64Array, Psi: Float64Array): Float64Array {
  const p = idx.length;
  const sigma = new Float64Array(p * p);
  for (let a = 0; a < p; a++)
    for (let b = 0; b <= a; b++) {
      const i = idx[a]!,
        j = idx[b]!;
      let s = 0;
      for (let k = 0; k <= i; k++) {
        const aik = A[i * n + k]!;
        if (aik === 0) continue;
        for (let l = 0; l <= j; l++) s += aik * Psi[k * n + l]! * A[j * n + l]!;
      }
      sigma[a * p + b] = s;
      sigma[b * p + a] = s;
    }
  return sigma;
}
