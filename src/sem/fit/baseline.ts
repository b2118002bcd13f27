/**
 * The baseline (independence) model of lavaan: per group every variance free and every
 * covariance zero, except that under fixed.x the covariances among the exogenous covariates
 * stay at their sample values; means are saturated. Its ML estimate is closed-form,
 * Σ_b = diag(S) (with the covariate block of S kept), so
 *   F_b,g = log|Σ_b| − log|S|   (tr(S Σ_b⁻¹) = p),   T_b = N Σ_g (n_g/N) F_b,g,
 *   df_b = Σ_g [p(p−1)/2 − nx(nx−1)/2].
 */
import { spdInverse } from "../linalg/dense.js";
import type { GroupStats } from "../samplestats/index.js";

export function baselineChisq(
  groups: readonly GroupStats[],
  exoIndex: readonly number[],
): { chisq: number; df: number } {
  let chisq = 0;
  let df = 0;
  const exo = new Set(exoIndex);
  for (const g of groups) {
    const p = g.p;
    const B = new Float64Array(p * p);
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) {
        if (i === j || (exo.has(i) && exo.has(j))) B[i * p + j] = g.S[i * p + j]!;
      }
    }
    const inv = spdInverse({ n: p, a: B });
    chisq += g.n * ((inv?.logDet ?? NaN) - g.logDetS);
    const nx = exo.size;
    df += (p * (p - 1)) / 2 - (nx * (nx - 1)) / 2;
  }
  return { chisq, df };
}
