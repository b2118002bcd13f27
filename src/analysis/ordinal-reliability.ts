/**
 * Reliability of constructs measured by ordered items, as semTools 0.5.6 computes it for a model
 * fitted with ordered indicators (lavaan's WLSMV):
 * - the total variance is the matrix of polychoric (polyserial) correlations of the fit's sample
 *   statistics (lavInspect(fit, "sampstat")$cov, semTools' obs.var = TRUE), rescaled to the
 *   latent-response scale by the scale factors Δ (`~*~` rows; 1 under the delta parameterization):
 *   Σ = D S D with D = diag(1/Δ);
 * - ordinal alpha (Zumbo, Gadermann & Zeisser 2007): coefficient alpha of that matrix,
 *   k/(k-1)(1 - tr Σ_f / 1'Σ_f 1), compRelSEM(fit, tau.eq = TRUE, ord.scale = FALSE);
 * - categorical omega (Green & Yang 2009, formula 21), compRelSEM(fit)'s default for ordered items:
 *   the reliability of the sum of the observed category scores, from the true-score covariance
 *   T = λλ'φ, the thresholds τ and Φ₂, with R = Δ T Δ, P = cov2cor(Σ_f) and τ* = τΔ:
 *   ω = Σ_j Σ_j' [Σ_c Σ_c' Φ₂(τ*_jc, τ*_j'c'; R_jj') - Σ_c Φ(τ*_jc) Σ_c' Φ(τ*_j'c')]
 *     / Σ_j Σ_j' [Σ_c Σ_c' Φ₂(τ*_jc, τ*_j'c'; P_jj') - Σ_c Φ(τ*_jc) Σ_c' Φ(τ*_j'c')];
 * - a second-order factor F over dimensions d: the same with T = (Λ B) Φ (Λ B)' over F's items,
 *   i.e. v v' φ_F with v_i = Σ_d λ_id γ_d (compRelSEM(fit, higher = F); semTools 0.5.6 itself stops
 *   there with "non-conformable arguments", passing the sum of T instead of T; its fix, semTools
 *   commit 38ea51e, passes T, which is what is computed here).
 * A construct mixing ordered and continuous items has neither (semTools: NA with a warning).
 */
import { normalCdf } from "../sem/distributions/index.js";
import type { FitResult } from "../sem/results.js";
import { bivariateNormalCdf } from "./bivariate-normal.js";
import { cov2cor } from "./matrices.js";

/** Thresholds (ascending, in the fit's order t1, t2, ...) and the scale factor of each ordered item. */
export interface ItemThresholds {
  thresholds: Map<string, number[]>;
  scales: Map<string, number>;
}

/** The estimated thresholds (`|` rows) and scale factors (`~*~` rows) of group 1 of a fit. */
export function thresholdsOf(fit: FitResult): ItemThresholds {
  const thresholds = new Map<string, number[]>();
  const scales = new Map<string, number>();
  for (const r of fit.parameters) {
    if (r.group !== 1 || r.est === null) continue;
    if (r.op === "|") {
      const list = thresholds.get(r.lhs) ?? [];
      list[Number(r.rhs.slice(1)) - 1] = r.est;
      thresholds.set(r.lhs, list);
    } else if (r.op === "~*~" && r.lhs === r.rhs) scales.set(r.lhs, r.est);
  }
  return { thresholds, scales };
}

/** Σ = D S D with D = diag(1/Δ): the sample correlations on the latent-response scale. */
export function latentResponseScale(S: number[][], names: readonly string[], th: ItemThresholds): number[][] {
  const d = names.map((v) => 1 / (th.scales.get(v) ?? 1));
  return S.map((row, i) => row.map((x, j) => d[i]! * x * d[j]!));
}

/**
 * Green & Yang's (2009) categorical omega of the items `items`: `truevar` their true-score
 * covariance (k x k), `total` their block of Σ (k x k), thresholds and scales from the fit.
 */
export function categoricalOmega(
  items: readonly string[],
  truevar: readonly (readonly number[])[],
  total: readonly (readonly number[])[],
  th: ItemThresholds,
): number {
  const s = items.map((v) => th.scales.get(v) ?? 1);
  const tau = items.map((v, j) => (th.thresholds.get(v) ?? []).map((t) => t * s[j]!));
  const P = cov2cor(total);
  const cum = tau.map((t) => t.reduce((a, x) => a + normalCdf(x), 0));
  let num = 0;
  let den = 0;
  for (let j = 0; j < items.length; j++) {
    for (let jp = 0; jp < items.length; jp++) {
      const r = s[j]! * truevar[j]![jp]! * s[jp]!;
      let pn = 0;
      let pd = 0;
      for (const a of tau[j]!) {
        for (const b of tau[jp]!) {
          pn += bivariateNormalCdf(a, b, r);
          pd += bivariateNormalCdf(a, b, P[j]![jp]!);
        }
      }
      const margins = cum[j]! * cum[jp]!;
      num += pn - margins;
      den += pd - margins;
    }
  }
  return num / den;
}

/** The true-score covariance v v' φ of items with total loadings v on a factor of variance φ. */
export function trueScoreCov(v: readonly number[], phi: number): number[][] {
  return v.map((a) => v.map((b) => a * b * phi));
}
