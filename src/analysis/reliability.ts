/**
 * Reliability of each construct, as psych 2.2.9 and semTools 0.5.6 compute it by default.
 * - Cronbach's alpha (psych::alpha raw_alpha): k/(k-1) · (1 - tr(C)/ΣC) on the item covariances C;
 *   std.alpha is the same on the correlations (Cronbach 1951).
 * - Composite reliability / omega (semTools::compRelSEM, obs.var = TRUE, tau.eq = FALSE):
 *   (Σλ)² φ / Σ S_items, with φ the model-implied factor variance (lavInspect "cov.lv") and
 *   S the observed (N-divisor) covariance of the items: the denominator is the observed total
 *   variance, not the model-implied one (Bentler 2009; Raykov 1997 with observed variance).
 * - AVE (semTools::AVE, obs.var = TRUE): Σλ² φ / Σ diag(S_items) (Fornell & Larcker 1981, eq. 10,
 *   with observed item variances in the denominator).
 * - A second-order factor F over dimensions d (compRelSEM(higher = "F")): v' Φ v / Σ S, v the
 *   column sums of Λ B over F and its dimensions, i.e. (Σ_i Σ_d λ_id γ_d)² φ_F / Σ S.
 * - semTools::reliabilityL2 (Raykov & Marcoulides 2012), all model-implied:
 *   c1 = (Σ_i Σ_d λ_id γ_d)² φ_F, u1 = Σ_d (Σ_i λ_id)² ψ_d, e1 = ΣΘ_items,
 *   omegaL1 = c1/(c1+u1+e1), partialOmegaL1 = c1/(c1+e1),
 *   omegaL2 = (Σγ)² φ_F / ((Σγ)² φ_F + ΣΨ_dims).
 */
import type { ModelMatrices } from "./matrices.js";

/**
 * The usual minimums: alpha and omega 0.70 (Nunnally & Bernstein 1994), AVE 0.50 (Fornell &
 * Larcker 1981). A construct below one of them is flagged, not excluded.
 */
export const RELIABILITY_CUTOFFS = { alpha: 0.7, omega: 0.7, ave: 0.5 } as const;

/**
 * "alpha < 0.70", "omega < 0.70", "AVE < 0.50" for the values below their cut-off; for ordered
 * items "ordinal alpha < 0.70" and "categorical omega < 0.70".
 */
export function reliabilityFlags(alpha: number, omega: number, ave: number, kind?: "ordinal"): string[] {
  const c = RELIABILITY_CUTOFFS;
  const [a, o] = kind === "ordinal" ? ["ordinal alpha", "categorical omega"] : ["alpha", "omega"];
  return [
    ...(alpha < c.alpha ? [`${a} < ${c.alpha.toFixed(2)}`] : []),
    ...(omega < c.omega ? [`${o} < ${c.omega.toFixed(2)}`] : []),
    ...(ave < c.ave ? [`AVE < ${c.ave.toFixed(2)}`] : []),
  ];
}

/** Sum of all elements of the sub-block of `m` on indices `idx`. */
export function blockSum(m: readonly (readonly number[])[], idx: readonly number[]): number {
  let s = 0;
  for (const i of idx) for (const j of idx) s += m[i]![j]!;
  return s;
}

export interface Alpha {
  raw_alpha: number;
  "std.alpha": number;
}

/** Cronbach's alpha from the items' covariance block `cov` (any divisor: it cancels). */
export function cronbachAlpha(cov: readonly (readonly number[])[], idx: readonly number[]): Alpha {
  const k = idx.length;
  const a = (trace: number, total: number): number => (k / (k - 1)) * (1 - trace / total);
  const tr = idx.reduce((s, i) => s + cov[i]![i]!, 0);
  let corrSum = 0;
  for (const i of idx) for (const j of idx) corrSum += cov[i]![j]! / Math.sqrt(cov[i]![i]! * cov[j]![j]!);
  return { raw_alpha: a(tr, blockSum(cov, idx)), "std.alpha": a(k, corrSum) };
}

/** Rows of Λ loading on latent `f`. */
function indicatorsOf(mm: ModelMatrices, f: number): number[] {
  return mm.observed.map((_, i) => i).filter((i) => mm.lambda[i]![f] !== 0);
}

/**
 * omega and AVE of first-order factor `factor`; `S` is the observed covariance with rows and
 * columns in the order of mm.observed.
 */
export function omegaAve(
  mm: ModelMatrices,
  S: readonly (readonly number[])[],
  factor: string,
): { omega: number; ave: number } {
  const f = mm.latent.indexOf(factor);
  const idx = indicatorsOf(mm, f);
  const phi = mm.covLv[f]![f]!;
  const sumL = idx.reduce((s, i) => s + mm.lambda[i]![f]!, 0);
  const sumL2 = idx.reduce((s, i) => s + mm.lambda[i]![f]! ** 2, 0);
  const diag = idx.reduce((s, i) => s + S[i]![i]!, 0);
  return { omega: (sumL * sumL * phi) / blockSum(S, idx), ave: (sumL2 * phi) / diag };
}

export interface SecondOrderReliability {
  factor: string;
  dimensions: string[];
  /**
   * semTools::compRelSEM(fit, higher = factor): observed total variance in the denominator; with
   * every item ordered, the categorical omega (also `categoricalOmega`)
   */
  omega: number;
  /** Green & Yang's (2009) categorical omega of the factor, when every item is ordered (ordinal-reliability.ts) */
  categoricalOmega?: number;
  /** semTools::reliabilityL2(fit, factor) */
  omegaL1: number;
  omegaL2: number;
  partialOmegaL1: number;
}

/** Reliability of second-order factor `factor` in a fitted second-order model. */
export function secondOrderReliability(
  mm: ModelMatrices,
  S: readonly (readonly number[])[],
  factor: string,
): SecondOrderReliability {
  const F = mm.latent.indexOf(factor);
  const dims = mm.latent.map((_, d) => d).filter((d) => mm.beta[d]![F] !== 0);
  const items = [...new Set(dims.flatMap((d) => indicatorsOf(mm, d)))].sort((a, b) => a - b);
  const phiF = mm.covLv[F]![F]!;
  const gamma = dims.map((d) => mm.beta[d]![F]!);
  const sumGamma = gamma.reduce((s, g) => s + g, 0);
  // Σ_i Σ_d λ_id γ_d: the items' total loading on F through the dimensions
  const l1 = items.reduce((s, i) => s + dims.reduce((t, d, k) => t + mm.lambda[i]![d]! * gamma[k]!, 0), 0);
  const c1 = l1 * l1 * phiF;
  const u1 = dims.reduce((s, d) => s + items.reduce((t, i) => t + mm.lambda[i]![d]!, 0) ** 2 * mm.psi[d]![d]!, 0);
  const e1 = blockSum(mm.theta, items);
  const c2 = sumGamma * sumGamma * phiF;
  const e2 = blockSum(mm.psi, dims);
  return {
    factor,
    dimensions: dims.map((d) => mm.latent[d]!),
    omega: c1 / blockSum(S, items),
    omegaL1: c1 / (c1 + u1 + e1),
    omegaL2: c2 / (c2 + e2),
    partialOmegaL1: c1 / (c1 + e1),
  };
}
