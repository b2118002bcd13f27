/**
 * The RMSEA family, the one home of these formulas and of lavaan 0.6.14's guards (lav_fit_rmsea,
 * lav_fit_rmsea_ci, lav_fit_rmsea_closefit, lav_fit_rmsea_notclosefit), with a scaling factor c
 * (c = 1: the plain measures; the robust RMSEA of Brosseau-Liard, Savalei & Li 2012 otherwise):
 *   RMSEA = √(max(0, T/(N·df) − c/N)) · √G; N, not N−1, as lavaan (Browne & Cudeck 1993; Steiger
 *   1998 for the multiple-group factor √G); 0 when df = 0.
 * The 90% interval inverts the noncentral χ² at the statistic given (T/c for the robust one): the
 * lower bound uses the λ at which P(χ²_df(λ) ≤ T) = 0.95, the upper bound the λ at which it is
 * 0.05, each bound √(c·λ/(N·df))·√G, 0 when the root would be negative or df < 1. The close-fit
 * p-value tests H0: RMSEA ≤ 0.05, P(χ²_df(λ₀) ≥ T) with λ₀ = N·df·0.05²/(c·G); the not-close
 * p-value tests H0: RMSEA ≥ 0.08, P(χ²_df(λ₀) ≤ T) with λ₀ = N·df·0.08²/(c·G); NA when df = 0.
 */
import { noncentralChisqCdf, noncentralChisqUpper, solveNoncentrality } from "../distributions/index.js";

export interface RmseaInput {
  chisq: number;
  df: number;
  ntotal: number;
  ngroups: number;
  /** scaling factor of the robust RMSEA (default 1) */
  c?: number;
}

export function rmsea({ chisq, df, ntotal, ngroups, c = 1 }: RmseaInput): number {
  if (Number.isNaN(df)) return NaN;
  if (df <= 0) return 0;
  return Math.sqrt(Math.max(0, chisq / (ntotal * df) - c / ntotal)) * Math.sqrt(ngroups);
}

export function rmseaCi(
  { chisq, df, ntotal, ngroups, c = 1 }: RmseaInput,
  level = 0.9,
): { lower: number; upper: number } {
  if (![chisq, df, ntotal].every(Number.isFinite)) return { lower: NaN, upper: NaN };
  if (df < 1) return { lower: 0, upper: 0 };
  const toRmsea = (lambda: number): number => Math.sqrt((c * Math.max(0, lambda)) / (ntotal * df)) * Math.sqrt(ngroups);
  const upperTail = (1 + level) / 2; // 0.95
  const lowerTail = (1 - level) / 2; // 0.05
  // solveNoncentrality returns 0 when P(χ²_df(0) ≤ T) is already below the target (lavaan's lower.lambda(0) < 0);
  // lavaan also returns an upper bound of 0 when the root lies beyond max(N, 4T), which needs a
  // sample of a few cases with a statistic near 0: that check is left out
  const lower = solveNoncentrality(chisq, df, upperTail);
  const upper = solveNoncentrality(chisq, df, lowerTail);
  return { lower: toRmsea(lower), upper: toRmsea(upper) };
}

export function rmseaPClose({ chisq, df, ntotal, ngroups, c = 1 }: RmseaInput, h0 = 0.05): number {
  if (!(df > 0) || !Number.isFinite(chisq)) return NaN;
  return noncentralChisqUpper(chisq, df, (ntotal * df * h0 * h0) / c / ngroups);
}

export function rmseaPNotClose({ chisq, df, ntotal, ngroups, c = 1 }: RmseaInput, h0 = 0.08): number {
  if (!(df > 0) || !Number.isFinite(chisq)) return NaN;
  return noncentralChisqCdf(chisq, df, (ntotal * df * h0 * h0) / c / ngroups);
}
