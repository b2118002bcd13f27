/**
 * The parameters a modification index is computed for: lavaan 0.6.14's "full" parameter table
 * (lav_partable_full with strict.exo = FALSE, as modindices() calls it) minus the parameters
 * already free in the model. Per group:
 *   =~  every latent × every observed non-exogenous variable not named in a regression;
 *   ~~  every pair (with the diagonal) of observed non-exogenous variables, except a pair that
 *       involves an observed variable that is not an indicator (lavaan 0.6.14 drops those:
 *       `ov.other`, every observed variable outside ov.ind); every pair of fixed.x covariates;
 *       every pair of latent variables;
 *   ~   every ordered pair of variables named in regressions, except indicator ~ latent; a fixed.x
 *       covariate as the dependent variable is listed too (lavaan frees it in the extended model);
 *   ~1  every observed and latent variable, with a mean structure.
 * Fixed parameters of the model (a loading fixed to 1, an intercept fixed to 0) are candidates too.
 * Each candidate's derivative vectors (estimate/information.ts) follow from three per-variable
 * vectors: resid(a), the column through which a's residual enters Σ (G_·k for a latent or dummy,
 * e_a for an observed variable); cov(x) = Cov(y, x) (ΛM_·l or Σ_·x); and mean(x) (IBα_l or μ_x):
 *   a ~~ b: u = resid(a), v = resid(b) (halved when a = b);
 *   y ~ x and x =~ y: u = resid(y), v = cov(x), μ_a = resid(y)·mean(x);   x ~1: μ_a = resid(x).
 * These equal ∂Σ/∂θ and ∂μ/∂θ exactly for cells of the LISREL matrices and at θ = 0 otherwise.
 */
import { codedVectors, type CellVectors, type DerivativeCode } from "../estimate/information.js";
import type { Implied } from "../model/implied.js";
import type { NameIndex } from "../model/representation.js";
import type { ParameterTable } from "../partable/types.js";
import type { StdRow } from "./standardized.js";

function pairs(names: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let j = 0; j < names.length; j++) for (let i = j; i < names.length; i++) out.push([names[j]!, names[i]!]);
  return out;
}

export function candidates(table: ParameterTable, group: number): StdRow[] {
  const free = new Set<string>();
  for (const r of table.rows) {
    if (r.group !== group || r.free === 0) continue;
    free.add(`${r.lhs} ${r.op} ${r.rhs}`);
    if (r.op === "~~") free.add(`${r.rhs} ~~ ${r.lhs}`);
  }
  const { lv, ov, ovInd } = table.vars;
  const ovX = table.options.fixedX ? table.vars.ovX : [];
  const ovNox = ov.filter((v) => !ovX.includes(v));
  const reg = table.rows.filter((r) => r.op === "~" && r.group === group);
  const eqs = [...new Set([...reg.map((r) => r.lhs), ...reg.map((r) => r.rhs)])];
  const out: StdRow[] = [];
  const add = (lhs: string, op: string, rhs: string): void => {
    if (!free.has(`${lhs} ${op} ${rhs}`)) out.push({ lhs, op, rhs, group });
  };
  for (const f of lv) for (const v of ovNox) if (!eqs.includes(v)) add(f, "=~", v);
  const other = new Set(ov.filter((v) => !ovInd.includes(v)));
  for (const [a, b] of pairs(ovNox)) if (!other.has(a) && !other.has(b)) add(a, "~~", b);
  for (const [a, b] of [...pairs(ovX), ...pairs(lv)]) add(a, "~~", b);
  for (const y of eqs) for (const x of eqs) if (x !== y && !(ovInd.includes(y) && lv.includes(x))) add(y, "~", x);
  if (table.options.meanstructure) for (const v of [...ov, ...lv]) add(v, "~1", "");
  const listed = new Set(out.map((c) => `${c.lhs} ${c.op} ${c.rhs}`));
  for (const r of table.rows) {
    if (r.group !== group || r.free !== 0 || r.op === ":=" || r.op === "==") continue;
    if (!listed.has(`${r.lhs} ${r.op} ${r.rhs}`) && !listed.has(`${r.rhs} ${r.op} ${r.lhs}`))
      out.push({ lhs: r.lhs, op: r.op, rhs: r.rhs, group });
  }
  return out;
}

/**
 * Derivative vectors of the candidates (p×k column blocks, as cellVectors()), from their codes
 * (estimate/information.ts).
 */
export function candidateVectors(
  cands: readonly StdRow[],
  names: NameIndex,
  imp: Implied,
  meanstructure: boolean,
): CellVectors {
  const { p, m } = imp.mats;
  // the basis columns of resid(x) (G_·l or e_x) and cov(x) ((ΛM)_·l or Σ_·x), and mean(x)
  const resid = (x: string): number => {
    const l = names.lv.get(x);
    return l !== undefined ? p + l : names.ov.get(x)!;
  };
  const cov = (x: string): number => {
    const l = names.lv.get(x);
    return l !== undefined ? p + m + l : p + 2 * m + names.ov.get(x)!;
  };
  const meanOf = (x: string): number => {
    const l = names.lv.get(x);
    return l !== undefined ? imp.IBalpha[l]! : imp.mu[names.ov.get(x)!]!;
  };
  const codes = cands.map((c): DerivativeCode => {
    if (c.op === "~~") return { u: resid(c.lhs), v: resid(c.rhs), cu: c.lhs === c.rhs ? 0.5 : 1, d: -1, cd: 0 };
    if (c.op === "~1") return { u: -1, v: -1, cu: 0, d: meanstructure ? resid(c.lhs) : -1, cd: 1 };
    const [y, x] = c.op === "~" ? [c.lhs, c.rhs] : [c.rhs, c.lhs];
    return { u: resid(y), v: cov(x), cu: 1, d: meanstructure ? resid(y) : -1, cd: meanOf(x) };
  });
  return codedVectors(codes, imp);
}
