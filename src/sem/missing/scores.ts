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
import { matmul, transpose } from "../linalg/dense.js";
import { gram } from "../linalg/simd.js";
import { h1Jacobian, h1Size, vechIndex } from "./h1-information.js";
import { patternInverse } from "./inverse.js";
import type { MissingPattern } from "./patterns.js";
import type { GroupRepresentation } from "../model/representation.js";
import type { Implied } from "../model/implied.js";

/**
 * Scores of each row in the h1 coordinates at (μ, Σ), stored by coordinate: a p*×n row-major
 * matrix whose column i is row i's score (rows in the order of X, the group's rows with NaN for
 * missing cells), so that the products below run over contiguous rows; null when some Σ_oo is
 * not PD.
 */
export function h1CasewiseScores(
  patterns: readonly MissingPattern[],
  X: Float64Array,
  n: number,
  mu: Float64Array,
  sigma: Float64Array,
  p: number,
): Float64Array | null {
  const ps = h1Size(p);
  const out = new Float64Array(ps * n);
  const ws = { L: new Float64Array(p * p), E: new Float64Array(p * p) };
  const z = new Float64Array(p);
  const r = new Float64Array(p);
  for (const pat of patterns) {
    const { obs } = pat;
    const k = obs.length;
    if (Number.isNaN(patternInverse(sigma, p, obs, ws))) return null;
    const E = ws.E;
    // the pattern's coordinates: its means, then its (co)variances a ≥ b
    const coord = new Int32Array(k + (k * (k + 1)) / 2);
    for (let a = 0, c = k; a < k; a++) {
      coord[a] = obs[a]!;
      for (let b = 0; b <= a; b++) coord[c++] = vechIndex(p, obs[a]!, obs[b]!);
    }
    for (const row of pat.rows) {
      for (let a = 0; a < k; a++) r[a] = X[row * p + obs[a]!]! - mu[obs[a]!]!;
      for (let a = 0; a < k; a++) {
        let s = 0;
        for (let b = 0; b < k; b++) s += E[a * k + b]! * r[b]!;
        z[a] = s;
      }
      for (let a = 0, c = k; a < k; a++) {
        out[coord[a]! * n + row] = z[a]!;
        for (let b = 0; b <= a; b++) {
          const v = z[a]! * z[b]! - E[a * k + b]!;
          out[coord[c++]! * n + row] = a === b ? 0.5 * v : v;
        }
      }
    }
  }
  return out;
}

/**
 * Scores of the model parameters, stored by parameter (q×n, column i is row i's score): Δᵀ times
 * the h1 scores, Δ = ∂(μ, vech Σ)/∂θᵀ at the implied moments of θ. The product skips the zeros
 * of Δᵀ (a parameter moves few moments), so it costs nnz(Δ)·n rather than q·p*·n.
 */
export function casewiseScores(
  rep: GroupRepresentation,
  imp: Implied,
  q: number,
  patterns: readonly MissingPattern[],
  X: Float64Array,
  n: number,
): Float64Array | null {
  const p = rep.p;
  const ps = h1Size(p);
  const St = h1CasewiseScores(patterns, X, n, imp.mu, imp.sigma, p);
  if (St === null) return null;
  return matmul(transpose(h1Jacobian(rep, imp, q), ps, q), St, q, ps, n);
}

/** First-order information (1/n) Σ_i s_i s_iᵀ (k×k) of scores stored by coordinate (k×n, as above). */
export function firstOrderInformation(scoresT: Float64Array, k: number, n: number): Float64Array {
  const out = gram(scoresT, k, n);
  for (let i = 0; i < k * k; i++) out[i] = out[i]! / n;
  return out;
}
