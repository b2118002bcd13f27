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
import { dot } from "../linalg/dense.js";
import { gemmNT } from "../linalg/simd.js";
import { fullInverse, missingBlock, patternInverse } from "./inverse.js";
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
  const hi = Math.max(i, j),
    lo = Math.min(i, j);
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
    for (let j = 0; j < p; j++)
      for (let i = j; i < p; i++) {
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
 * the end by the caller). E and A are p×p with the pattern's inverse and sandwich embedded (zero
 * rows and columns at the missing variables), e = E d (p, zero at the missing variables), `seen`
 * the observed variables in increasing order. For vech pairs r = (i, j), c = (k, l) of observed
 * variables, with ω = ½ on a diagonal pair and 1 elsewhere:
 *   μ_a, σ_r:  ω_r (E_ai e_j + E_aj e_i),
 *   σ_r, σ_c:  ½ ω_r ω_c (A_ik E_jl + A_il E_jk + A_jk E_il + A_jl E_ik).
 * Working in the full p coordinates makes every inner loop contiguous (no index indirection); the
 * few products with a missing variable are zeros.
 */
function addPatternInformation(
  out: Float64Array,
  p: number,
  seen: Int32Array,
  E: Float64Array,
  A: Float64Array,
  e: Float64Array,
  w: number,
): void {
  const ps = h1Size(p);
  const k = seen.length;
  for (let x = 0; x < k; x++) {
    const a = seen[x]!;
    const ro = a * ps,
      ra = a * p;
    for (let b = 0; b <= a; b++) out[ro + b] += w * E[ra + b]!;
  }
  for (let y = 0; y < k; y++) {
    const j = seen[y]!;
    const rj = j * p;
    const ej = e[j]!;
    for (let x = y; x < k; x++) {
      const i = seen[x]!;
      const ri = i * p;
      const r = vechIndex(p, i, j); // row of σ_ij
      const ro = r * ps;
      const wr = i === j ? 0.5 * w : w;
      const ei = e[i]!;
      for (let a = 0; a < p; a++) out[ro + a] += wr * (E[ri + a]! * ej + E[rj + a]! * ei);
      const half = 0.5 * wr;
      // σσ: columns (a, b), a ≥ b, up to the row itself; the factors at b are constant over a
      for (let z = 0; z < k; z++) {
        const b = seen[z]!;
        const cb = vechIndex(p, b, b); // column of σ_bb; σ_ab is at cb + (a − b)
        if (cb > r) break;
        const eJb = E[rj + b]!,
          aIb = A[ri + b]!,
          eIb = E[ri + b]!,
          aJb = A[rj + b]!;
        const base = ro + cb - b;
        const last = Math.min(p - 1, b + (r - cb));
        out[base + b] += half * (aIb * eJb + aJb * eIb); // ω = ½ on the diagonal pair (b, b)
        for (let a = b + 1; a <= last; a++)
          out[base + a] += half * (A[ri + a]! * eJb + E[rj + a]! * aIb + A[rj + a]! * eIb + E[ri + a]! * aJb);
      }
    }
  }
}

/** Copies the lower triangle of a square n×n matrix onto the upper one. */
function mirrorLower(M: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) M[j * n + i] = M[i * n + j]!;
}

/** Work space of patternBlocks(). */
interface PatternWork {
  readonly P: Float64Array;
  readonly ws: { L: Float64Array; E: Float64Array; Z: Float64Array };
  /** Σ_oo⁻¹ (k×k) */
  readonly E: Float64Array;
  /** A = E (2(S + d dᵀ) − Σ_oo) E (k×k) */
  readonly A: Float64Array;
  /** e = E d (k) */
  readonly e: Float64Array;
  readonly d: Float64Array;
  readonly z: Float64Array;
  readonly ES: Float64Array;
}

function patternWork(P: Float64Array, p: number): PatternWork {
  const sq = (): Float64Array => new Float64Array(p * p);
  return {
    P,
    ws: { L: sq(), E: sq(), Z: sq() },
    E: sq(),
    A: sq(),
    e: new Float64Array(p),
    d: new Float64Array(p),
    z: new Float64Array(p),
    ES: sq(),
  };
}

/**
 * E = Σ_oo⁻¹, A = E (2 W̃ − Σ_oo) E = 2 E W̃ E − E (as E Σ_oo E = E) and e = E d of one pattern,
 * W̃ = S + d dᵀ, d = ȳ − μ_o, into w (k×k blocks); false when Σ_oo is not positive definite.
 * E comes from P = Σ⁻¹ by the downdate E = P_oo − P_om P_mm⁻¹ P_mo (missing/inverse.ts
 * missingBlock; O(r p² + r k²) for r missing variables) when that is cheaper than a Cholesky
 * of Σ_oo (O(k³)). E W̃ E comes from the pattern's rows when it has fewer rows than variables:
 * W̃ = (1/n) Σ_i δ_i δ_iᵀ with δ_i = y_i,o − μ_o, so E W̃ E = (1/n) Σ_i z_i z_iᵀ with z_i = E δ_i
 * (1.5 n k² multiply-adds instead of 1.5 k³).
 */
function patternBlocks(
  w: PatternWork,
  pat: MissingPattern,
  mu: Float64Array,
  sigma: Float64Array,
  p: number,
  X: Float64Array | undefined,
): boolean {
  const { obs, mis, n, mean } = pat;
  const k = obs.length;
  const r = mis.length;
  const { E, A, e, d } = w;
  if (r > 0 && r * (3 * p * p + k * k) < 2.7 * k * k * k) {
    if (!downdatedBlock(w, obs, mis, p)) return false;
  } else {
    if (Number.isNaN(patternInverse(sigma, p, obs, w.ws))) return false;
    E.set(w.ws.E.subarray(0, k * k));
  }
  for (let a = 0; a < k; a++) d[a] = mean[a]! - mu[obs[a]!]!;
  for (let a = 0; a < k; a++) e[a] = dot(E, a * k, d, 0, k);
  if (X !== undefined && n < k) rowsSandwich(w, pat, mu, p, X);
  else momentSandwich(w, pat);
  for (let a = 0; a < k; a++) {
    const ra = a * k;
    for (let b = 0; b <= a; b++) {
      const v = A[ra + b]! - E[ra + b]!;
      A[ra + b] = v;
      A[b * k + a] = v;
    }
  }
  return true;
}

/** E = P_oo − P_om Z_·o with Z = P_mm⁻¹ P_m· (missingBlock); false when P_mm is not positive definite. */
function downdatedBlock(w: PatternWork, obs: Int32Array, mis: Int32Array, p: number): boolean {
  const { E, P, ES } = w;
  const k = obs.length;
  const r = mis.length;
  if (Number.isNaN(missingBlock(P, p, mis, w.ws))) return false;
  // gather Z_·o (r×k) and P_om (k×r) contiguously first
  const Z = w.ws.Z;
  const Zo = w.ws.L; // r×k
  const Pom = ES; // k×r
  for (let s = 0; s < r; s++) for (let b = 0; b < k; b++) Zo[s * k + b] = Z[s * p + obs[b]!]!;
  for (let a = 0; a < k; a++) for (let s = 0; s < r; s++) Pom[a * r + s] = P[obs[a]! * p + mis[s]!]!;
  for (let a = 0; a < k; a++) {
    const ra = obs[a]! * p;
    const ea = a * k;
    for (let b = 0; b <= a; b++) E[ea + b] = P[ra + obs[b]!]!;
    for (let s = 0; s < r; s++) {
      const c = Pom[a * r + s]!;
      const zs = s * k;
      for (let b = 0; b <= a; b++) E[ea + b] -= c * Zo[zs + b]!;
    }
    for (let b = 0; b < a; b++) E[b * k + a] = E[ea + b]!;
  }
  return true;
}

/** The lower triangle of A = 2 E W̃ E from the pattern's rows: (2/n) Σ_i z_i z_iᵀ, z_i = E (y_i,o − μ_o). */
function rowsSandwich(w: PatternWork, pat: MissingPattern, mu: Float64Array, p: number, X: Float64Array): void {
  const { obs, n, rows } = pat;
  const k = obs.length;
  const { E, A, z } = w;
  A.fill(0, 0, k * k);
  const delta = w.ES; // δ_i (k)
  for (let i = 0; i < n; i++) {
    const xo = rows[i]! * p;
    for (let a = 0; a < k; a++) delta[a] = X[xo + obs[a]!]! - mu[obs[a]!]!;
    for (let a = 0; a < k; a++) {
      let v = 0;
      const ea = a * k;
      for (let b = 0; b < k; b++) v += E[ea + b]! * delta[b]!;
      z[a] = v;
    }
    for (let a = 0; a < k; a++) {
      const za = z[a]!;
      const ra = a * k;
      for (let b = 0; b <= a; b++) A[ra + b] += za * z[b]!;
    }
  }
  const f = 2 / n;
  for (let a = 0; a < k; a++) for (let b = 0; b <= a; b++) A[a * k + b] *= f;
}

/**
 * The lower triangle of A = 2(E S E + e eᵀ) from the pattern's moments: ES = E S by rows, then
 * (E S) E as dot products of rows (E symmetric).
 */
function momentSandwich(w: PatternWork, pat: MissingPattern): void {
  const { S } = pat;
  const k = pat.obs.length;
  const { E, A, e, ES } = w;
  for (let a = 0; a < k; a++) {
    const ra = a * k;
    ES.fill(0, ra, ra + k);
    for (let t = 0; t < k; t++) {
      const x = E[ra + t]!;
      const rt = t * k;
      for (let c = 0; c < k; c++) ES[ra + c] += x * S[rt + c]!;
    }
  }
  for (let a = 0; a < k; a++)
    for (let b = 0; b <= a; b++) A[a * k + b] = 2 * (dot(ES, a * k, E, b * k, k) + e[a]! * e[b]!);
}

/**
 * Observed information per observation of the h1 coordinates at (μ, Σ), from the patterns (and
 * the group's rows X, row-major n×p with NaN for missing cells, used for the patterns with few
 * rows; optional); null if Σ or some Σ_oo is not PD. The σσ block is bilinear in the pattern's
 * A and E, so the sum over the K patterns is taken first, for every pair of vech pairs
 * u = (i, k), v = (j, l):
 *   T[u, v] = Σ_g n_g A_g,ik E_g,jl    (a (p*−p)×K by K×(p*−p) product: linalg/simd.ts gemmNT),
 * and each entry is then ½ ω_r ω_c (T[ik, jl] + T[il, jk] + T[jk, il] + T[jl, ik]); the μσ block
 * likewise from V[u, j] = Σ_g n_g E_g,u e_g,j. About half the multiply-adds of adding the patterns
 * one by one into the p*×p* matrix, and none of its stores.
 */
export function h1ObservedInformation(
  patterns: readonly MissingPattern[],
  mu: Float64Array,
  sigma: Float64Array,
  p: number,
  X?: Float64Array,
): Float64Array | null {
  const ps = h1Size(p);
  const nv = ps - p; // vech pairs
  const K = patterns.length;
  const fi = fullInverse(sigma, p);
  if (fi === null) return null;
  const w = patternWork(fi.P, p);
  // pair index of (x, y) in vech order, either order
  const pid = new Int32Array(p * p);
  for (let x = 0; x < p; x++) for (let y = 0; y < p; y++) pid[x * p + y] = vechIndex(p, x, y) - p;
  // pattern-major columns: XA[u, g] = n_g A_g[u], XE[u, g] = E_g[u] for the vech pair u (embedded:
  // zero when a variable of u is missing in pattern g), XW[j, g] = n_g e_g[j], nk[g] = n_g
  const XA = new Float64Array(nv * K);
  const XE = new Float64Array(nv * K);
  const XW = new Float64Array(p * K);
  const nk = new Float64Array(K);
  let N = 0;
  for (let g = 0; g < K; g++) {
    const pat = patterns[g]!;
    const { obs, n } = pat;
    const k = obs.length;
    if (!patternBlocks(w, pat, mu, sigma, p, X)) return null;
    for (let a = 0; a < k; a++) {
      XW[obs[a]! * K + g] = n * w.e[a]!;
      const po = obs[a]! * p;
      for (let b = 0; b <= a; b++) {
        const u = pid[po + obs[b]!]! * K + g;
        XA[u] = n * w.A[a * k + b]!;
        XE[u] = w.E[a * k + b]!;
      }
    }
    nk[g] = n;
    N += n;
  }
  const out = assembleH1(XA, XE, XW, nk, pid, p);
  mirrorLower(out, ps);
  for (let i = 0; i < ps * ps; i++) out[i] /= N;
  return out;
}

/**
 * The lower triangle of Σ_g n_g H_g (ps×ps) from the pattern-major columns of h1ObservedInformation:
 * T[u, v] = Σ_g n_g A_g[u] E_g[v] and V[u, j] = Σ_g n_g E_g[u] e_g[j] as dot products over the
 * patterns, then the μμ, μσ and σσ entries from them.
 */
function assembleH1(
  XA: Float64Array,
  XE: Float64Array,
  XW: Float64Array,
  nk: Float64Array,
  pid: Int32Array,
  p: number,
): Float64Array {
  const ps = h1Size(p);
  const nv = ps - p;
  const K = nk.length;
  const T = gemmNT(XA, XE, nv, nv, K);
  const V = gemmNT(XE, XW, nv, p, K);
  const out = new Float64Array(ps * ps);
  // μμ: Σ_g n_g E_g
  for (let a = 0; a < p; a++) for (let b = 0; b <= a; b++) out[a * ps + b] = dot(XE, pid[a * p + b]! * K, nk, 0, K);
  for (let j = 0; j < p; j++)
    for (let i = j; i < p; i++) {
      const r = vechIndex(p, i, j);
      const ro = r * ps;
      const wr = i === j ? 0.5 : 1;
      // μ_a, σ_ij: ω_r Σ_g n_g (E_ai e_j + E_aj e_i)
      for (let a = 0; a < p; a++) out[ro + a] = wr * (V[pid[a * p + i]! * p + j]! + V[pid[a * p + j]! * p + i]!);
      // σ_ij, σ_kl (k ≥ l, up to the row itself): ½ ω_r ω_c Σ_g n_g (A_ik E_jl + A_il E_jk + A_jk E_il + A_jl
      // E_ik)
      const ti = i * p,
        tj = j * p;
      for (let l = 0; l < p; l++)
        for (let kk = l; kk < p; kk++) {
          const c = vechIndex(p, kk, l);
          if (c > r) break;
          const wc = kk === l ? 0.5 : 1;
          const ik = pid[ti + kk]!,
            jl = pid[tj + l]!,
            il = pid[ti + l]!,
            jk = pid[tj + kk]!;
          out[ro + c] = 0.5 * wr * wc * (T[ik * nv + jl]! + T[il * nv + jk]! + T[jk * nv + il]! + T[jl * nv + ik]!);
        }
    }
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
