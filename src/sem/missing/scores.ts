/**
 * Casewise scores under full-information ML, the pieces of the robust (MLR) standard errors and
 * of the Yuan-Bentler scaled test with missing data (Yuan & Bentler 2000; lavaan's
 * lav_mvnorm_missing_scores_mu_vech_sigma and lav_model_h1_information_firstorder).
 * For row i of pattern k (observed set o, E = Σ_oo⁻¹, r = y_i,o − μ_o, z = E r), the score of the
 * row's log-likelihood in the h1 coordinates ξ = (μ, vech Σ) is
 *   ∂ℓ_i/∂μ_o = z,   ∂ℓ_i/∂σ_ab = z_a z_b − E_ab (a ≠ b),   ½ (z_a² − E_aa) (a = b),
 * and zero for the coordinates of missing variables; the scores of the model parameters are
 * s_i = Δᵀ ∂ℓ_i/∂ξ with Δ = ∂ξ/∂θᵀ. One Σ_oo inverse per pattern, shared by its rows.
 * The first-order (cross-product) information is J = (1/n) Σ_i s_i s_iᵀ.
 */
import { matmul } from "../linalg/dense.js";
import { h1Jacobian, h1Size, vechIndex } from "./h1-information.js";
import { patternInverse } from "./inverse.js";
import type { MissingPattern } from "./patterns.js";
import type { GroupRepresentation } from "../model/representation.js";
import type { Implied } from "../model/implied.js";

/**
 * Scores of each row in the h1 coordinates at (μ, Σ): an n×p* row-major matrix, rows in the
 * order of X (the group's rows, NaN for missing cells); null when some Σ_oo is not PD.
 */
export function h1CasewiseScores(patterns: readonly MissingPattern[], X: Float64Array, n: number, mu: Float64Array, sigma: Float64Array, p: number): Float64Array | null {
  const ps = h1Size(p);
  const out = new Float64Array(n * ps);
  const ws = { L: new Float64Array(p * p), E: new Float64Array(p * p) };
  const z = new Float64Array(p);
  const r = new Float64Array(p);
  for (const pat of patterns) {
    const { obs } = pat;
    const k = obs.length;
    if (Number.isNaN(patternInverse(sigma, p, obs, ws))) return null;
    const E = ws.E;
    for (const row of pat.rows) {
      for (let a = 0; a < k; a++) r[a] = X[row * p + obs[a]!]! - mu[obs[a]!]!;
      for (let a = 0; a < k; a++) {
        let s = 0;
        for (let b = 0; b < k; b++) s += E[a * k + b]! * r[b]!;
        z[a] = s;
      }
      const o = row * ps;
      for (let a = 0; a < k; a++) {
        out[o + obs[a]!] = z[a]!;
        for (let b = 0; b <= a; b++) {
          const v = z[a]! * z[b]! - E[a * k + b]!;
          out[o + vechIndex(p, obs[a]!, obs[b]!)] = a === b ? 0.5 * v : v;
        }
      }
    }
  }
  return out;
}

/** Scores of the model parameters, n×q: the h1 scores times Δ (at the implied moments of θ). */
export function casewiseScores(rep: GroupRepresentation, imp: Implied, q: number, patterns: readonly MissingPattern[], X: Float64Array, n: number): Float64Array | null {
  const p = rep.p;
  const ps = h1Size(p);
  const S = h1CasewiseScores(patterns, X, n, imp.mu, imp.sigma, p);
  if (S === null) return null;
  // the model's scores are the h1 scores times the Jacobian ∂(μ, vech Σ)/∂θ (n×ps · ps×q)
  return matmul(S, h1Jacobian(rep, imp, q), n, ps, q);
}

/** First-order information (1/n) Σ_i s_i s_iᵀ of an n×k score matrix (k×k). */
export function firstOrderInformation(scores: Float64Array, n: number, k: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let i = 0; i < n; i++) {
    const o = i * k;
    for (let a = 0; a < k; a++) {
      const x = scores[o + a]!;
      if (x === 0) continue;
      for (let b = 0; b <= a; b++) out[a * k + b] += x * scores[o + b]!;
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b <= a; b++) {
    const v = out[a * k + b]! / n;
    out[a * k + b] = v;
    out[b * k + a] = v;
  }
  return out;
}
