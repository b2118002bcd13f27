/**
 * Information matrices of the unrestricted (h1) normal model of one group, in the coordinates
 * ξ = (μ₁..μ_p, σ_ij for i ≤ j in vech order: column by column of the lower triangle), per
 * observation. These are lavaan's "h1 information" matrices with missing = "ml", used by the
 * robust fit measures (missing/robust-fit.ts) and by the Yuan-Bentler scaled test of MLR.
 *
 * Observed information with missing data (lav_mvnorm_missing_information_observed_samplestats):
 * for pattern k with E = Σ_oo⁻¹ (embedded), d = ȳ_k − μ_o, e = E d, W̃ = S_k + d dᵀ and
 * A = E (2 W̃ − Σ) E (embedded),
 *   −∂²ℓ_k/∂μ∂μᵀ = n_k E,
 *   −∂²ℓ_k/∂μ_a ∂σ(X) = n_k (E X e)_a,
 *   −∂²ℓ_k/∂σ(X) ∂σ(Y) = ½ n_k tr(X A Y E),
 * where X, Y are the symmetric unit matrices of vech coordinates (e_i e_jᵀ + e_j e_iᵀ, or e_i e_iᵀ on
 * the diagonal); the sum over patterns is divided by n. It follows from
 * d²(log|Σ| + tr(Σ⁻¹W̃)) = −tr(EXEY) + tr(EXEYEW̃) + tr(EYEXEW̃) (Magnus & Neudecker 1999, ch. 9).
 * Complete-data information at (x̄, S): blockdiag(S⁻¹, ½ D'(S⁻¹ ⊗ S⁻¹) D), the same formulas with
 * a single pattern and W̃ = S (then A = E).
 * First-order information: (1/n) Σ_i s_i s_iᵀ with the casewise scores s_i of missing/scores.ts.
 */
import { cellVectors } from "../estimate/information.js";
import { cholesky, inverseFromCholesky } from "../linalg/dense.js";
import type { Implied } from "../model/implied.js";
import type { GroupRepresentation } from "../model/representation.js";
import { subMatrix } from "./loglik.js";
import type { MissingPattern } from "./patterns.js";

/** The vech coordinates (i ≥ j, column by column of the lower triangle, as lavaan's lav_matrix_vech). */
export function vechPairs(p: number): { i: number; j: number }[] {
  const out: { i: number; j: number }[] = [];
  for (let j = 0; j < p; j++) for (let i = j; i < p; i++) out.push({ i, j });
  return out;
}

/** Position of σ_ij in the h1 coordinates (after the p means). */
export function vechIndex(p: number, i: number, j: number): number {
  const hi = Math.max(i, j), lo = Math.min(i, j);
  return p + lo * p - (lo * (lo - 1)) / 2 + (hi - lo);
}

/**
 * Δ = ∂(μ, vech Σ)/∂θᵀ of one group (p*×q, row-major) from the rank-2 derivative vectors of
 * estimate/information.ts: Σ_a = u vᵀ + v uᵀ gives ∂σ_ij = u_i v_j + v_i u_j; cells sharing a free
 * parameter add up.
 */
export function h1Jacobian(rep: GroupRepresentation, imp: Implied, q: number): Float64Array {
  const p = rep.p;
  const ps = h1Size(p);
  const cells = rep.cells.filter((c) => c.free >= 0);
  const vec = cellVectors(cells, imp, rep.meanstructure);
  const k = vec.k;
  const D = new Float64Array(ps * q);
  cells.forEach((c, col) => {
    const f = c.free;
    for (let i = 0; i < p; i++) D[i * q + f] += vec.D[i * k + col]!;
    for (let j = 0; j < p; j++) for (let i = j; i < p; i++) {
      const v = vec.U[i * k + col]! * vec.V[j * k + col]! + vec.V[i * k + col]! * vec.U[j * k + col]!;
      if (v !== 0) D[vechIndex(p, i, j) * q + f] += v;
    }
  });
  return D;
}

/** Number of h1 coordinates: p means and p(p+1)/2 covariances. */
export function h1Size(p: number): number {
  return p + (p * (p + 1)) / 2;
}

/**
 * Adds w·(pattern information) to the p*×p* matrix `out`: E (p×p, embedded inverse), A (p×p) as in
 * the header, e (p) = E d; the observed indices `obs` limit the loops to non-zero entries.
 */
function addPatternInformation(out: Float64Array, p: number, obs: Int32Array, E: Float64Array, A: Float64Array, e: Float64Array, w: number): void {
  const ps = h1Size(p);
  const off = (i: number, j: number): number => vechIndex(p, i, j);
  const k = obs.length;
  // μμ
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) out[obs[a]! * ps + obs[b]!] += w * E[obs[a]! * p + obs[b]!]!;
  // μσ and σσ over observed pairs only
  for (let s = 0; s < k; s++) for (let t = 0; t <= s; t++) {
    const i = obs[s]!, j = obs[t]!; // i ≥ j
    const r = off(i, j);
    for (let a = 0; a < k; a++) {
      const ma = obs[a]!;
      // (E X e)_a with X = e_i e_jᵀ + e_j e_iᵀ (or e_i e_iᵀ)
      const v = i === j ? E[ma * p + i]! * e[i]! : E[ma * p + i]! * e[j]! + E[ma * p + j]! * e[i]!;
      out[ma * ps + r] += w * v;
      out[r * ps + ma] += w * v;
    }
    for (let u = 0; u < k; u++) for (let v = 0; v <= u; v++) {
      const kk = obs[u]!, l = obs[v]!;
      const c = off(kk, l);
      if (c > r) continue; // fill the lower triangle, mirror below
      // ½ tr(X A Y E) = ½ Σ_{(a,b)∈X,(c,d)∈Y} A_ac E_bd
      let val: number;
      if (i === j && kk === l) val = A[i * p + kk]! * E[i * p + kk]!;
      else if (i === j) val = A[i * p + kk]! * E[i * p + l]! + A[i * p + l]! * E[i * p + kk]!;
      else if (kk === l) val = A[i * p + kk]! * E[j * p + kk]! + A[j * p + kk]! * E[i * p + kk]!;
      else val = A[i * p + kk]! * E[j * p + l]! + A[i * p + l]! * E[j * p + kk]! + A[j * p + kk]! * E[i * p + l]! + A[j * p + l]! * E[i * p + kk]!;
      out[r * ps + c] += 0.5 * w * val;
      if (c !== r) out[c * ps + r] += 0.5 * w * val;
    }
  }
}

/** Observed information per observation of the h1 coordinates at (μ, Σ), from the patterns; null if some Σ_oo is not PD. */
export function h1ObservedInformation(patterns: readonly MissingPattern[], mu: Float64Array, sigma: Float64Array, p: number): Float64Array | null {
  const ps = h1Size(p);
  const out = new Float64Array(ps * ps);
  let N = 0;
  for (const pat of patterns) {
    const { obs, n } = pat;
    const k = obs.length;
    const L = cholesky({ n: k, a: subMatrix(sigma, p, obs) });
    if (L === null) return null;
    const Ek = inverseFromCholesky(L).a;
    const d = new Float64Array(k);
    for (let a = 0; a < k; a++) d[a] = pat.mean[a]! - mu[obs[a]!]!;
    // M = 2(S + ddᵀ) − Σ_oo, A = E M E
    const M = new Float64Array(k * k);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) M[a * k + b] = 2 * (pat.S[a * k + b]! + d[a]! * d[b]!) - sigma[obs[a]! * p + obs[b]!]!;
    const Ak = sandwich(Ek, M, k);
    const E = new Float64Array(p * p);
    const A = new Float64Array(p * p);
    const e = new Float64Array(p);
    for (let a = 0; a < k; a++) {
      let s = 0;
      for (let b = 0; b < k; b++) {
        E[obs[a]! * p + obs[b]!] = Ek[a * k + b]!;
        A[obs[a]! * p + obs[b]!] = Ak[a * k + b]!;
        s += Ek[a * k + b]! * d[b]!;
      }
      e[obs[a]!] = s;
    }
    addPatternInformation(out, p, obs, E, A, e, n);
    N += n;
  }
  for (let i = 0; i < ps * ps; i++) out[i] /= N;
  return out;
}

/** Complete-data information per observation of the h1 coordinates at covariance S (inverse Sinv). */
export function h1CompleteInformation(Sinv: Float64Array, p: number): Float64Array {
  const ps = h1Size(p);
  const out = new Float64Array(ps * ps);
  const all = Int32Array.from({ length: p }, (_, i) => i);
  addPatternInformation(out, p, all, Sinv, Sinv, new Float64Array(p), 1);
  return out;
}

/** E M E for symmetric k×k E and M. */
function sandwich(E: Float64Array, M: Float64Array, k: number): Float64Array {
  const EM = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let c = 0; c < k; c++) {
    const x = E[a * k + c]!;
    if (x === 0) continue;
    for (let b = 0; b < k; b++) EM[a * k + b] += x * M[c * k + b]!;
  }
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b <= a; b++) {
    let s = 0;
    for (let c = 0; c < k; c++) s += EM[a * k + c]! * E[c * k + b]!;
    out[a * k + b] = s;
    out[b * k + a] = s;
  }
  return out;
}
