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
import { patternInverse } from "./inverse.js";
import type { Implied } from "../model/implied.js";
import type { GroupRepresentation } from "../model/representation.js";
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
 * Adds w·(pattern information) to the lower triangle of the p*×p* matrix `out` (mirrored once at
 * the end by the caller). E and A are k×k in the pattern's own coordinates (k = obs.length),
 * e = E d (k). For vech pairs r = (i, j), c = (k, l) of observed variables, with ω = ½ on a
 * diagonal pair and 1 elsewhere:
 *   μ_a, σ_r:  ω_r (E_ai e_j + E_aj e_i),
 *   σ_r, σ_c:  ½ ω_r ω_c (A_ik E_jl + A_il E_jk + A_jk E_il + A_jl E_ik).
 */
function addPatternInformation(out: Float64Array, p: number, obs: Int32Array, E: Float64Array, A: Float64Array, e: Float64Array, w: number): void {
  const ps = h1Size(p);
  const k = obs.length;
  const np = (k * (k + 1)) / 2;
  const pi = new Int32Array(np);
  const pj = new Int32Array(np);
  const poff = new Int32Array(np);
  const pw = new Float64Array(np);
  let t = 0;
  for (let b = 0; b < k; b++) for (let a = b; a < k; a++) { // vech order of the observed pairs
    pi[t] = a;
    pj[t] = b;
    poff[t] = vechIndex(p, obs[a]!, obs[b]!);
    pw[t] = a === b ? 0.5 : 1;
    t++;
  }
  for (let a = 0; a < k; a++) {
    const ro = obs[a]! * ps;
    for (let b = 0; b <= a; b++) out[ro + obs[b]!] += w * E[a * k + b]!;
  }
  // column starts of the observed pairs: pairs with second index b occupy [colStart[b], colStart[b+1])
  const colStart = new Int32Array(k + 1);
  for (let b = 0; b < k; b++) colStart[b + 1] = colStart[b]! + (k - b);
  for (let r = 0; r < np; r++) {
    const i = pi[r]!, j = pj[r]!;
    const ro = poff[r]! * ps;
    const wr = w * pw[r]!;
    for (let a = 0; a < k; a++) out[ro + obs[a]!] += wr * (E[a * k + i]! * e[j]! + E[a * k + j]! * e[i]!);
    const ai = i * k, aj = j * k;
    const half = 0.5 * wr;
    // σσ: for a column b of pairs (a, b), a ≥ b, the factors at b are constant over a
    for (let b = 0; b < k; b++) {
      const c0 = colStart[b]!;
      if (c0 > r) break;
      const eJb = E[aj + b]!, aIb = A[ai + b]!, eIb = E[ai + b]!, aJb = A[aj + b]!;
      const base = ro + poff[c0]! - obs[b]!; // out index of pair (a, b) is base + obs[a]
      const last = Math.min(colStart[b + 1]! - 1, r);
      // the diagonal pair (b, b) carries ω = ½
      out[base + obs[b]!] += 0.5 * half * (A[ai + b]! * eJb + aIb * E[aj + b]! + A[aj + b]! * eIb + aJb * E[ai + b]!);
      for (let c = c0 + 1; c <= last; c++) {
        const a = b + (c - c0);
        out[base + obs[a]!] += half * (A[ai + a]! * eJb + E[aj + a]! * aIb + A[aj + a]! * eIb + E[ai + a]! * aJb);
      }
    }
  }
}

/** Copies the lower triangle of a square n×n matrix onto the upper one. */
function mirrorLower(M: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) M[j * n + i] = M[i * n + j]!;
}

/** Observed information per observation of the h1 coordinates at (μ, Σ), from the patterns; null if some Σ_oo is not PD. */
export function h1ObservedInformation(patterns: readonly MissingPattern[], mu: Float64Array, sigma: Float64Array, p: number): Float64Array | null {
  const ps = h1Size(p);
  const out = new Float64Array(ps * ps);
  const ws = { L: new Float64Array(p * p), E: new Float64Array(p * p) };
  const M = new Float64Array(p * p);
  const d = new Float64Array(p);
  const e = new Float64Array(p);
  let N = 0;
  for (const pat of patterns) {
    const { obs, n } = pat;
    const k = obs.length;
    if (Number.isNaN(patternInverse(sigma, p, obs, ws))) return null;
    const Ek = ws.E.subarray(0, k * k);
    for (let a = 0; a < k; a++) d[a] = pat.mean[a]! - mu[obs[a]!]!;
    // M = 2(S + ddᵀ) − Σ_oo, A = E M E
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) M[a * k + b] = 2 * (pat.S[a * k + b]! + d[a]! * d[b]!) - sigma[obs[a]! * p + obs[b]!]!;
    const Ak = sandwich(Ek, M, k);
    for (let a = 0; a < k; a++) {
      let s = 0;
      for (let b = 0; b < k; b++) s += Ek[a * k + b]! * d[b]!;
      e[a] = s;
    }
    addPatternInformation(out, p, obs, Ek, Ak, e, n);
    N += n;
  }
  mirrorLower(out, ps);
  for (let i = 0; i < ps * ps; i++) out[i] /= N;
  return out;
}

/** Complete-data information per observation of the h1 coordinates at covariance S (inverse Sinv). */
export function h1CompleteInformation(Sinv: Float64Array, p: number): Float64Array {
  const ps = h1Size(p);
  const out = new Float64Array(ps * ps);
  const all = Int32Array.from({ length: p }, (_, i) => i);
  addPatternInformation(out, p, all, Sinv, Sinv, new Float64Array(p), 1);
  mirrorLower(out, ps);
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
