/**
 * Standardized solutions, as lavaan's standardizedSolution() / parameterEstimates(standardized=TRUE):
 * - std.lv scales by the standard deviations of the latent variables (total variances, the
 *   diagonal of M = (I−B)⁻¹Ψ(I−B)⁻ᵀ); observed variables keep their metric;
 * - std.all scales observed variables too, by √diag Σ̂;
 * - std.nox is std.all except that the exogenous observed covariates (ov.x) keep their metric
 *   (lavaan's lav_standardize_all_nox).
 * Per row: =~ est·sd(lhs)/sd(rhs); ~ est·sd(rhs)/sd(lhs); ~1 est/sd(lhs);
 * a variance est/sd²; a covariance is turned into a correlation of the two variance
 * parameters of its own matrix, est/√(var_lhs·var_rhs) (a residual correlation for residuals),
 * in std.lv only when both variables are latent; a negative variance enters by its absolute value
 * (lavaan's lav_standardize_all / lav_standardize_lv: sqrt(abs(est))).
 */
import type { ParameterTable } from "../partable/types.js";
import type { Implied } from "../model/implied.js";

export interface StdColumns {
  readonly stdLv: Float64Array;
  readonly stdAll: Float64Array;
  readonly stdNox: Float64Array;
}

export interface StdRow {
  readonly lhs: string;
  readonly op: string;
  readonly rhs: string;
  readonly group: number;
}

/** A standardizer for arbitrary (lhs, op, rhs, group, value), e.g. expected parameter changes. */
export type Standardizer = (r: StdRow, e: number) => { lv: number; all: number; nox: number };

export function standardize(
  table: ParameterTable,
  est: Float64Array,
  implied: readonly Implied[],
  lvNames: readonly string[],
): StdColumns {
  const rows = table.rows;
  const stdLv = new Float64Array(rows.length).fill(NaN);
  const stdAll = new Float64Array(rows.length).fill(NaN);
  const stdNox = new Float64Array(rows.length).fill(NaN);
  const f = standardizer(table, est, implied, lvNames);
  rows.forEach((r, k) => {
    if (r.group === 0) return;
    const s = f(r, est[k]!);
    stdLv[k] = s.lv;
    stdAll[k] = s.all;
    stdNox[k] = s.nox;
  });
  return { stdLv, stdAll, stdNox };
}

export function standardizer(
  table: ParameterTable,
  est: Float64Array,
  implied: readonly Implied[],
  lvNames: readonly string[],
): Standardizer {
  const rows = table.rows;
  const ov = table.vars.ov;
  const ovIdx = new Map(ov.map((v, i) => [v, i]));
  const lvIdx = new Map(lvNames.map((v, i) => [v, i]));
  const latent = new Set(table.vars.lv);
  const covariates = new Set(table.vars.ovX);
  const varRow = new Map<string, number>(); // `${g}:${v}` -> row index of v ~~ v
  rows.forEach((r, k) => {
    if (r.op === "~~" && r.lhs === r.rhs) varRow.set(`${r.group}:${r.lhs}`, k);
  });
  const isCovariate = (v: string): boolean => covariates.has(v) && !latent.has(v);
  return (r, e) => {
    const imp = implied[r.group - 1]!;
    const p = imp.mats.p;
    const m = imp.mats.m;
    const totalVar = (v: string): number => {
      const li = lvIdx.get(v);
      if (li !== undefined && latent.has(v)) return imp.M[li * m + li]!;
      const oi = ovIdx.get(v)!;
      return imp.sigma[oi * p + oi]!;
    };
    const sdLv = (v: string): number => (latent.has(v) ? Math.sqrt(totalVar(v)) : 1);
    const sdAll = (v: string): number => Math.sqrt(totalVar(v));
    const sdNox = (v: string): number => (isCovariate(v) ? 1 : Math.sqrt(totalVar(v)));
    const row: RowToScale = { r, e, est, latent, isCovariate, varRow };
    return { lv: scaled(row, sdLv, true), all: scaled(row, sdAll, false), nox: scaled(row, sdNox, false, true) };
  };
}

/** A row, its estimate and what scaling it needs to know of the model. */
interface RowToScale {
  r: StdRow;
  e: number;
  est: Float64Array;
  latent: ReadonlySet<string>;
  isCovariate: (v: string) => boolean;
  /** `${g}:${v}` -> row index of v ~~ v */
  varRow: ReadonlyMap<string, number>;
}

/**
 * The row's estimate in the units of the standard deviations `sd`; lvOnly: a covariance is
 * standardized only between latent variables (std.lv); nox: a covariate's side of a covariance is
 * left as it is (std.nox).
 */
function scaled(row: RowToScale, sd: (v: string) => number, lvOnly: boolean, nox = false): number {
  const { r, e, est, latent, isCovariate, varRow } = row;
  // the standard deviation of a variance parameter, as a covariance's divisor (sqrt(abs(est)))
  const sdVar = (k: number): number => Math.sqrt(Math.abs(est[k]!));
  switch (r.op) {
    case "=~":
      return (e * sd(r.lhs)) / sd(r.rhs);
    case "~":
      return (e * sd(r.rhs)) / sd(r.lhs);
    case "~1":
    case "|":
      return e / sd(r.lhs);
    case "~*~":
      return e * sd(r.lhs);
    case "~~": {
      if (r.lhs === r.rhs) return e / (sd(r.lhs) * sd(r.lhs));
      if (lvOnly && !(latent.has(r.lhs) && latent.has(r.rhs))) return e;
      const a = varRow.get(`${r.group}:${r.lhs}`);
      const b = varRow.get(`${r.group}:${r.rhs}`);
      if (a === undefined || b === undefined) return e / (sd(r.lhs) * sd(r.rhs));
      // lavaan: sqrt(abs(var)), also for a negative variance; std.nox leaves a covariate's side as it is
      if (nox) return e / ((isCovariate(r.lhs) ? 1 : sdVar(a)) * (isCovariate(r.rhs) ? 1 : sdVar(b)));
      return e / Math.sqrt(Math.abs(est[a]!) * Math.abs(est[b]!));
    }
    default:
      return NaN;
  }
}
