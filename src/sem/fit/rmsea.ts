/**
 * RMSEA = √(max(0, T/(N·df) − 1/N)) · √G; N, not N−1, as lavaan (Browne & Cudeck 1993; Steiger 1998
 * for the multiple-group factor √G). The 90% interval inverts the noncentral χ²: the lower bound
 * uses the λ at which P(χ²_df(λ) ≤ T) = 0.95, the upper bound the λ at which it is 0.05, and each
 * bound is √(λ/(N·df))·√G, clamped at 0. The close-fit p-value tests H0: RMSEA ≤ 0.05,
 * P(χ²_df(λ₀) ≥ T) with λ₀ = N·df·0.05²/G; the not-close p-value tests H0: RMSEA ≥ 0.08,
 * P(χ²_df(λ₀) ≤ T) with λ₀ = N·df·0.08²/G (lavaan's rmsea.notclose.pvalue).
 */
import { noncentralChisqCdf, noncentralChisqUpper, solveNoncentrality } from "../distributions/index.js";

export interface RmseaInput {
  chisq: number;
  df: number;
  ntotal: number;
  ngroups: number;
}

export function rmsea({ chisq, df, ntotal, ngroups }: RmseaInput): number {
  if (df <= 0) return 0;
  return Math.sqrt(Math.max(0, chisq / (ntotal * df) - 1 / ntotal)) * Math.sqrt(ngroups);
}

export function rmseaCi({ chisq, df, ntotal, ngroups }: RmseaInput, level = 0.9): { lower: number; upper: number } {
  if (df <= 0) return { lower: 0, upper: 0 };
  const toRmsea = (lambda: number): number => Math.sqrt(Math.max(0, lambda) / (ntotal * df)) * Math.sqrt(ngroups);
  const upperTail = (1 + level) / 2; // 0.95
  const lowerTail = (1 - level) / 2; // 0.05
  const lower = solveNoncentrality(chisq, df, upperTail);
  const upper = solveNoncentrality(chisq, df, lowerTail);
  return { lower: toRmsea(lower), upper: toRmsea(upper) };
}

export function rmseaPClose({ chisq, df, ntotal, ngroups }: RmseaInput, h0 = 0.05): number {
  if (df <= 0) return NaN;
  return noncentralChisqUpper(chisq, df, (ntotal * df * h0 * h0) / ngroups);
}

export function rmseaPNotClose({ chisq, df, ntotal, ngroups }: RmseaInput, h0 = 0.08): number {
  if (df <= 0) return NaN;
  return noncentralChisqCdf(chisq, df, (ntotal * df * h0 * h0) / ngroups);
}
