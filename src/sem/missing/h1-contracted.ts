/**
 * Δᵀ H Δ without forming H: the observed h1 information of missing/h1-information.ts contracted
 * with the Jacobian Δ = ∂(μ, vech Σ)/∂θᵀ pattern by pattern. Every free cell has the rank-2
 * derivative Σ_a = u vᵀ + v uᵀ and a mean derivative μ_a (estimate/information.ts), and each of
 * u, v, μ_a is a multiple of one vector of the basis Z = [e_1..e_p | G_·1..G_·m | (ΛM)_·1..(ΛM)_·m]
 * (unit vectors, columns of Λ(I−B)⁻¹ and of Λ(I−B)⁻¹Ψ..., coded by estimate/information.ts cellCode).
 * For pattern k with E = Σ_oo⁻¹ and A = E (2(S_k + d dᵀ) − Σ) E embedded in p×p, e = E d, the h1 blocks
 * (½ n_k tr(X A Y E), n_k (E X e)_a, n_k E) summed against the derivatives give, per row,
 *   ½ tr(Σ_a A Σ_b E) = ½ [(v_aᵀAu_b)(u_aᵀEv_b) + (v_aᵀAv_b)(u_aᵀEu_b) + (u_aᵀAu_b)(v_aᵀEv_b) +
 *   (u_aᵀAv_b)(v_aᵀEu_b)],
 *   μ_aᵀ E Σ_b e + μ_bᵀ E Σ_a e,   μ_aᵀ E Σ_b e = (μ_aᵀEu_b)(v_bᵀe) + (μ_aᵀEv_b)(u_bᵀe),
 *   μ_aᵀ E μ_b
 * (tr(u vᵀ A x yᵀ E) = (vᵀAx)(yᵀEu)). So a pattern needs only ZᵀAZ, ZᵀEZ and Zᵀe, O(p²m) with
 * m latent variables, and O(q²) for the q×q sum, instead of the O(p⁴) of its block of H.
 * With A = E and d = 0 this is the expected information of estimate/information.ts.
 */
import type { Implied } from "../model/implied.js";
import type { Cell, GroupRepresentation } from "../model/representation.js";
import { cellCode, type DerivativeCode } from "../estimate/information.js";
import { congruence } from "../linalg/dense.js";
import { h1Jacobian, h1ObservedInformation, h1Size } from "./h1-information.js";
import { patternInverse } from "./inverse.js";
import type { MissingPattern } from "./patterns.js";

/**
 * The basis Z (p × (p + 2m), row-major: the first p + 2m columns of estimate/information.ts's basis) and each cell's
 * code in it.
 */
function codeCells(
  cells: readonly Cell[],
  imp: Implied,
): { Z: Float64Array; nb: number; coded: readonly DerivativeCode[] } {
  const { p, m } = imp.mats;
  const nb = p + 2 * m;
  const Z = new Float64Array(p * nb);
  for (let i = 0; i < p; i++) Z[i * nb + i] = 1;
  for (let r = 0; r < p; r++)
    for (let j = 0; j < m; j++) {
      Z[r * nb + p + j] = imp.G[r * m + j]!;
      Z[r * nb + p + m + j] = imp.LM[r * m + j]!;
    }
  return { Z, nb, coded: cells.map((c) => cellCode(c, p, m, imp.IBalpha, true)) }; // FIML always has a mean structure
}

/** out (nb×nb) = Zᵀ X Z for symmetric p×p X, with Z = [I | W]: XW once, then the blocks. */
function basisGram(X: Float64Array, Z: Float64Array, p: number, nb: number, XW: Float64Array, out: Float64Array): void {
  const w = nb - p;
  XW.fill(0);
  for (let r = 0; r < p; r++)
    for (let t = 0; t < p; t++) {
      const x = X[r * p + t]!;
      if (x === 0) continue;
      const zt = t * nb + p;
      const o = r * w;
      for (let c = 0; c < w; c++) XW[o + c] += x * Z[zt + c]!;
    }
  for (let r = 0; r < p; r++) {
    for (let c = 0; c < p; c++) out[r * nb + c] = X[r * p + c]!;
    for (let c = 0; c < w; c++) {
      out[r * nb + p + c] = XW[r * w + c]!;
      out[(p + c) * nb + r] = XW[r * w + c]!;
    }
  }
  for (let a = 0; a < w; a++)
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let t = 0; t < p; t++) s += Z[t * nb + p + a]! * XW[t * w + b]!;
      out[(p + a) * nb + p + b] = s;
      out[(p + b) * nb + p + a] = s;
    }
}

/** The flat codes of the free cells (cellCode) and the work arrays of one group's contraction. */
interface Contraction {
  Z: Float64Array;
  nb: number;
  p: number;
  m: number;
  u: Int32Array;
  v: Int32Array;
  d: Int32Array;
  cu: Float64Array;
  cd: Float64Array;
  ws: { L: Float64Array; E: Float64Array };
  /** E = Σ_oo⁻¹, M = 2(S_k + d dᵀ) − Σ, EM, A = E M E (embedded p×p), d and e = E d */
  E: Float64Array;
  M: Float64Array;
  EM: Float64Array;
  A: Float64Array;
  dv: Float64Array;
  e: Float64Array;
  XW: Float64Array;
  /** ZᵀAZ, ZᵀEZ, Zᵀe */
  GA: Float64Array;
  GE: Float64Array;
  ze: Float64Array;
}

function contraction(cells: readonly Cell[], imp: Implied, p: number): Contraction {
  const { Z, nb, coded } = codeCells(cells, imp);
  return {
    Z,
    nb,
    p,
    m: cells.length,
    // the codes as flat arrays for the inner loop of addPatternPairs
    u: Int32Array.from(coded, (c) => c.u),
    v: Int32Array.from(coded, (c) => c.v),
    d: Int32Array.from(coded, (c) => c.d),
    cu: Float64Array.from(coded, (c) => c.cu),
    cd: Float64Array.from(coded, (c) => c.cd),
    ws: { L: new Float64Array(p * p), E: new Float64Array(p * p) },
    E: new Float64Array(p * p),
    M: new Float64Array(p * p),
    EM: new Float64Array(p * p),
    A: new Float64Array(p * p),
    dv: new Float64Array(p),
    e: new Float64Array(p),
    XW: new Float64Array(p * (nb - p)),
    GA: new Float64Array(nb * nb),
    GE: new Float64Array(nb * nb),
    ze: new Float64Array(nb),
  };
}

/**
 * E = Σ_oo⁻¹, M = 2(S_k + d dᵀ) − Σ and d = x̄_k − μ of one pattern embedded in p×p (zero
 * outside the observed block). False when Σ_oo is not positive definite.
 */
function embedPattern(w: Contraction, pat: MissingPattern, mu: Float64Array, sigma: Float64Array): boolean {
  const { p, E, M, dv, ws } = w;
  const { obs } = pat;
  const k = obs.length;
  if (Number.isNaN(patternInverse(sigma, p, obs, ws))) return false;
  E.fill(0);
  M.fill(0);
  dv.fill(0);
  for (let a = 0; a < k; a++) dv[obs[a]!] = pat.mean[a]! - mu[obs[a]!]!;
  for (let a = 0; a < k; a++) {
    const oa = obs[a]!;
    for (let b = 0; b < k; b++) {
      const ob = obs[b]!;
      E[oa * p + ob] = ws.E[a * k + b]!;
      M[oa * p + ob] = 2 * (pat.S[a * k + b]! + dv[oa]! * dv[ob]!) - sigma[oa * p + ob]!;
    }
  }
  return true;
}

/** A = E M E on the observed block (embedded), e = E d, and their products with the basis Z. */
function patternGrams(w: Contraction, obs: Int32Array): void {
  const { p, nb, Z, E, M, EM, A, dv, e, ze } = w;
  const k = obs.length;
  EM.fill(0);
  for (let a = 0; a < k; a++) {
    const ra = obs[a]! * p;
    for (let c = 0; c < k; c++) {
      const x = E[ra + obs[c]!]!;
      const rc = obs[c]! * p;
      for (let b = 0; b < k; b++) EM[ra + obs[b]!] += x * M[rc + obs[b]!]!;
    }
  }
  A.fill(0);
  for (let a = 0; a < k; a++) {
    const ra = obs[a]! * p;
    for (let b = 0; b <= a; b++) {
      const ob = obs[b]!;
      let s = 0;
      for (let c = 0; c < k; c++) s += EM[ra + obs[c]!]! * E[obs[c]! * p + ob]!;
      A[ra + ob] = s;
      A[ob * p + obs[a]!] = s;
    }
  }
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += E[i * p + j]! * dv[j]!;
    e[i] = s;
  }
  basisGram(A, Z, p, nb, w.XW, w.GA);
  basisGram(E, Z, p, nb, w.XW, w.GE);
  for (let c = 0; c < nb; c++) {
    let s = 0;
    for (let t = 0; t < p; t++) s += Z[t * nb + c]! * e[t]!;
    ze[c] = s;
  }
}

/** Adds n_k times the pattern's term of every pair of free cells (a ≥ b) into the lower triangle of out. */
function addPatternPairs(w: Contraction, n: number, out: Float64Array): void {
  const { m, nb, u, v, d, cu, cd, GA, GE, ze } = w;
  for (let a = 0; a < m; a++) {
    const ua = u[a]!,
      va = v[a]!,
      da = d[a]!,
      ca = cu[a]!,
      cda = cd[a]!;
    for (let b = 0; b <= a; b++) {
      const ub = u[b]!,
        vb = v[b]!,
        db = d[b]!,
        cb = cu[b]!,
        cdb = cd[b]!;
      let s = 0;
      if (ua >= 0 && ub >= 0) {
        s +=
          0.5 *
          ca *
          cb *
          (GA[va * nb + ub]! * GE[ua * nb + vb]! +
            GA[va * nb + vb]! * GE[ua * nb + ub]! +
            GA[ua * nb + ub]! * GE[va * nb + vb]! +
            GA[ua * nb + vb]! * GE[va * nb + ub]!);
      }
      if (da >= 0 && ub >= 0) s += cda * cb * (GE[da * nb + ub]! * ze[vb]! + GE[da * nb + vb]! * ze[ub]!);
      if (db >= 0 && ua >= 0) s += cdb * ca * (GE[db * nb + ua]! * ze[va]! + GE[db * nb + va]! * ze[ua]!);
      if (da >= 0 && db >= 0) s += cda * cdb * GE[da * nb + db]!;
      out[a * m + b] += n * s;
    }
  }
}

/**
 * (1/n) Σ_k n_k Δᵀ H_k Δ of one group over the free cells `cells` (m×m, in their order), H_k the
 * observed h1 information of pattern k at (μ, Σ) and Δ at the model moments `imp`. Null when
 * some Σ_oo is not positive definite.
 */
export function contractedObservedH1(
  cells: readonly Cell[],
  imp: Implied,
  patterns: readonly MissingPattern[],
  mu: Float64Array,
  sigma: Float64Array,
  p: number,
): Float64Array | null {
  const w = contraction(cells, imp, p);
  const m = w.m;
  const out = new Float64Array(m * m);
  let N = 0;
  for (const pat of patterns) {
    if (!embedPattern(w, pat, mu, sigma)) return null;
    patternGrams(w, pat.obs);
    addPatternPairs(w, pat.n, out);
    N += pat.n;
  }
  for (let a = 0; a < m; a++)
    for (let b = 0; b <= a; b++) {
      const x = out[a * m + b]! / N;
      out[a * m + b] = x;
      out[b * m + a] = x;
    }
  return out;
}

/**
 * Which way to form Δᵀ H Δ is cheaper, per pattern (nanoseconds on this machine, bench/README.md
 * "FIML profile, third pass"): forming H costs a (p*−p)² column of the product of
 * h1ObservedInformation at about 2.3 multiply-adds per ns, the contraction about 20 ns per pair of
 * free cells plus a few p³ products. Forming H wins for a few dozen variables; the contraction for
 * large p, where H (p*×p*) would also be large.
 */
export function formH1Cheaper(p: number, cells: number): boolean {
  const nv = (p * (p + 1)) / 2;
  return (nv * nv) / 2.3 < 10 * cells * cells + 3 * p * p * p;
}

/**
 * Adds f_g Δ_gᵀ H_g Δ_g of one group, H_g at the moments (μ, Σ) and Δ_g at `imp`, into the q×q
 * `info` by free-parameter index (cells sharing a parameter add up), either by forming H_g
 * (h1ObservedInformation, with the group's rows X) and the sparse congruence with Δ_g, or by the
 * contraction above, whichever formH1Cheaper() picks (or `route`). False when some Σ_oo is not PD.
 */
export function addContractedH1(
  info: Float64Array,
  q: number,
  rep: GroupRepresentation,
  imp: Implied,
  patterns: readonly MissingPattern[],
  mu: Float64Array,
  sigma: Float64Array,
  fg: number,
  X?: Float64Array,
  route: "auto" | "form" | "contract" = "auto",
): boolean {
  const cells = rep.cells.filter((c) => c.free >= 0);
  if (cells.length === 0) return true;
  if (route === "form" || (route === "auto" && formH1Cheaper(rep.p, cells.length))) {
    const H = h1ObservedInformation(patterns, mu, sigma, rep.p, X);
    if (H === null) return false;
    const DHD = congruence(H, h1Jacobian(rep, imp, q), h1Size(rep.p), q);
    for (let i = 0; i < q * q; i++) info[i] += fg * DHD[i]!;
    return true;
  }
  const block = contractedObservedH1(cells, imp, patterns, mu, sigma, rep.p);
  if (block === null) return false;
  const m = cells.length;
  for (let a = 0; a < m; a++) {
    const fa = cells[a]!.free * q;
    for (let b = 0; b < m; b++) info[fa + cells[b]!.free] += fg * block[a * m + b]!;
  }
  return true;
}
