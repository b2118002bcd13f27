/**
 * GFI with the normal-theory weight of ML, the sample covariance (Jöreskog & Sörbom 1984; lavaan's
 * lav_fit_gfi with W = S⁻¹):
 *   GFI_g = 1 − [½ tr((S⁻¹(S − Σ̂))²) + (x̄−μ̂)ᵀS⁻¹(x̄−μ̂)] / [½ tr((S⁻¹S)²) +
 *   x̄ᵀS⁻¹x̄],
 * the mean terms only with a mean structure; GFI = Σ_g (n_g/N) GFI_g. Under fixed.x the moments of
 * the exogenous covariates (their covariance block and means) are left out of both sums, and the
 * weight is Σ̂⁻¹ (lavaan's structured normal-theory weight); checked against lavaan on path models.
 * AGFI = 1 − (nel/df)(1 − GFI) (1 when df = 0), PGFI = (df/nel)·GFI (NA when nel = 0), nel = the
 * number of sample moments, those of the exogenous covariates included (lavaan's lav_fit_agfi,
 * lav_fit_pgfi: the one home of these two formulas).
 */
import { matmul } from "../linalg/dense.js";
import type { GroupResiduals } from "./residuals.js";
import type { FitMeasures } from "./names.js";

function groupGfi(g: GroupResiduals & { sigmaInv: Float64Array }, exo: ReadonlySet<number>): number {
  const { p } = g.stats;
  const keep = (i: number, j: number): boolean => !(exo.has(i) && exo.has(j));
  const S = Float64Array.from(g.stats.S, (x, k) => (keep(Math.floor(k / p), k % p) ? x : 0));
  const mean = Float64Array.from(g.stats.mean, (x, i) => (exo.has(i) ? 0 : x));
  const Sinv = g.sigmaInv;
  const R = new Float64Array(p * p);
  for (let i = 0; i < p * p; i++) R[i] = S[i]! === 0 ? 0 : S[i]! - g.sigma[i]!;
  const A = matmul(Sinv, R, p, p, p);
  const B = matmul(Sinv, S, p, p, p);
  let num = 0;
  let den = 0;
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      num += A[i * p + j]! * A[j * p + i]!;
      den += B[i * p + j]! * B[j * p + i]!;
    }
  num *= 0.5;
  den *= 0.5;
  if (g.mu !== null) {
    const quad = (x: (i: number) => number): number => {
      let s = 0;
      for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) s += x(i) * Sinv[i * p + j]! * x(j);
      return s;
    };
    const mu = g.mu;
    num += quad((i) => (exo.has(i) ? 0 : mean[i]! - mu[i]!));
    den += quad((i) => mean[i]!);
  }
  return 1 - num / den;
}

export function gfiMeasures(
  groups: readonly (GroupResiduals & { sigmaInv: Float64Array })[],
  df: number,
  nel: number,
  exoIndex: readonly number[],
): FitMeasures {
  const N = groups.reduce((a, g) => a + g.n, 0);
  const exo = new Set(exoIndex);
  const gfi = groups.reduce((a, g) => a + (g.n / N) * groupGfi(g, exo), 0);
  return { gfi, agfi: agfi(gfi, nel, df), pgfi: pgfi(gfi, nel, df) };
}

export function agfi(gfi: number, nel: number, df: number): number {
  if (![gfi, nel, df].every(Number.isFinite)) return NaN;
  return df > 0 ? 1 - (nel / df) * (1 - gfi) : 1;
}

export function pgfi(gfi: number, nel: number, df: number): number {
  if (![gfi, nel, df].every(Number.isFinite) || nel === 0) return NaN;
  return (df / nel) * gfi;
}
