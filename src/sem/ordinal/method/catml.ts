/**
 * The ingredients of lavaan 0.6.14's robust CFI, TLI and RMSEA for categorical data (Savalei 2021,
 * "Improving fit indices in SEM with categorical data", MBR 56(3); lavaan's lav_fit_catml_dwls):
 * the model is evaluated (not refitted) by normal-theory ML on the polychoric correlations R at the
 * WLS estimates (lavaan's estimator "catML", correlation structure, no thresholds):
 *   X3 = Σ_g n_g [log|Σ̂_g| + tr(R_g Σ̂_g⁻¹) − log|R_g| − p],  df3 = the correlations' df,
 *   k = tr(Uᵀ V U Γ),  U = I − J E⁻¹ Jᵀ W  (correlation rows and block only, stacked groups,
 *   W and V weighted by f_g = n_g/N, Γ by 1/f_g; E⁻¹ the inverted information of the fit),
 *   V_g the ML weight of the correlations at Σ̂: V[(ij),(kl)] = Σ̂⁻¹_ik Σ̂⁻¹_jl + Σ̂⁻¹_il Σ̂⁻¹_jk,
 *   ĉ = k/df3, X3 scaled = X3/ĉ; baseline X3₀ = −Σ_g n_g log|R_g| on df3₀ = Σ p(p−1)/2 with
 *   ĉ₀ = tr(Γ̃)/df3₀.
 * Only in a single group (lavaan 0.6.14 gives NA with several groups), when every variable is
 * ordered and R is positive definite (smallest eigenvalue above
 * √ε, tested by a Cholesky factorization of R − √ε I); otherwise lavaan gives NA.
 */
import { cholesky, spdInverse } from "../../linalg/dense.js";
import type { WlsGroup } from "./objective.js";

export interface CatmlInput {
  readonly groups: readonly WlsGroup[];
  readonly gammas: readonly Float64Array[];
  /** per group: the sample correlation matrix R (p×p) and the implied Σ̂ on the y* scale (unit diagonal) */
  readonly R: readonly Float64Array[];
  readonly sigma: readonly Float64Array[];
  /** per group J (m×q) and the inverse of Σ f_g JᵀWJ (q×q) */
  readonly J: readonly Float64Array[];
  readonly Einv: Float64Array;
  readonly q: number;
  readonly df: number;
}

export interface Catml {
  readonly chisq: number;
  readonly df: number;
  readonly c: number;
  readonly scaled: number;
  readonly baselineChisq: number;
  readonly baselineDf: number;
  readonly cBaseline: number;
}

export function catml(x: CatmlInput): Catml | null {
  const ntotal = x.groups.reduce((a, g) => a + g.n, 0);
  // lavaan 0.6.14 gives NA with continuous variables, and with multiple groups (ord-hs-cat3-mg)
  if (x.groups.length > 1 || x.groups.some((g) => g.layout.cont.length > 0)) return null;
  let chisq = 0;
  let base = 0;
  let dfBase = 0;
  let traceGamma = 0;
  const blocks: CorrBlock[] = [];
  for (let g = 0; g < x.groups.length; g++) {
    const grp = x.groups[g]!;
    const p = grp.layout.p;
    const R = x.R[g]!;
    const shifted = Float64Array.from(R, (v, k) => (k % (p + 1) === 0 ? v - Math.sqrt(Number.EPSILON) : v));
    if (cholesky({ n: p, a: shifted }) === null) return null;
    const rInv = spdInverse({ n: p, a: R });
    const sInv = spdInverse({ n: p, a: x.sigma[g]! });
    if (rInv === null || sInv === null) return null;
    let tr = 0;
    for (let k = 0; k < p * p; k++) tr += R[k]! * sInv.inv.a[k]!;
    chisq += grp.n * (sInv.logDet + tr - rInv.logDet - p);
    base += -grp.n * rInv.logDet;
    const mc = (p * (p - 1)) / 2;
    dfBase += mc;
    const off = grp.layout.m - mc;
    const f = grp.n / ntotal;
    const m = grp.layout.m;
    const W = new Float64Array(mc * mc);
    for (let a = 0; a < mc; a++)
      for (let b = 0; b < mc; b++)
        W[a * mc + b] = "diag" in grp.W ? (a === b ? grp.W.diag[off + a]! : 0) : grp.W.full[(off + a) * m + off + b]!;
    const gm = x.gammas[g]!;
    const G = new Float64Array(mc * mc);
    for (let a = 0; a < mc; a++) for (let b = 0; b < mc; b++) G[a * mc + b] = gm[(off + a) * m + off + b]!;
    for (let a = 0; a < mc; a++) traceGamma += G[a * mc + a]! / f;
    blocks.push({ f, p, mc, off, sInv: sInv.inv.a, W, G });
  }
  const k = traceUVUG(x, blocks);
  const c = k / x.df;
  return {
    chisq,
    df: x.df,
    c,
    scaled: chisq / c,
    baselineChisq: base,
    baselineDf: dfBase,
    cBaseline: traceGamma / dfBase,
  };
}

/** A group's correlation block: f_g, Σ̂⁻¹ (p×p), its W and Γ (mc×mc) from row `off` of the wls vector. */
interface CorrBlock {
  readonly f: number;
  readonly p: number;
  readonly mc: number;
  readonly off: number;
  readonly sInv: Float64Array;
  readonly W: Float64Array;
  readonly G: Float64Array;
}

/**
 * V x for the ML weight V of the off-diagonal elements (lavaan's vech without the diagonal, by
 * column): V[(ij),(kl)] = S_ik S_jl + S_il S_jk, so (V x)_(ij) = (S X S)_ij with X the symmetric
 * matrix holding x off the diagonal and 0 on it (O(p³) instead of O(p⁴)).
 */
function mlWeightTimes(S: Float64Array, p: number, x: Float64Array, xo: number, out: Float64Array, oo: number) {
  const X = new Float64Array(p * p);
  let e = 0;
  for (let j = 0; j < p; j++)
    for (let i = j + 1; i < p; i++) {
      X[i * p + j] = X[j * p + i] = x[xo + e]!;
      e++;
    }
  const SX = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let k = 0; k < p; k++) {
      const s = S[i * p + k]!;
      if (s === 0) continue;
      for (let l = 0; l < p; l++) SX[i * p + l] += s * X[k * p + l]!;
    }
  e = 0;
  for (let j = 0; j < p; j++)
    for (let i = j + 1; i < p; i++) {
      let v = 0;
      for (let l = 0; l < p; l++) v += SX[i * p + l]! * S[l * p + j]!;
      out[oo + e++] = v;
    }
}

/** tr(V Γ) for the ML weight V of Σ̂⁻¹ = S and a symmetric block Γ (mc×mc), V formed a row at a time. */
function traceVG(S: Float64Array, p: number, G: Float64Array, mc: number): number {
  const pairs: [number, number][] = [];
  for (let j = 0; j < p; j++) for (let i = j + 1; i < p; i++) pairs.push([i, j]);
  let tr = 0;
  for (let a = 0; a < mc; a++) {
    const [i, j] = pairs[a]!;
    for (let b = 0; b < mc; b++) {
      const [k, l] = pairs[b]!;
      tr += (S[i * p + k]! * S[j * p + l]! + S[i * p + l]! * S[j * p + k]!) * G[b * mc + a]!;
    }
  }
  return tr;
}

/**
 * tr(Uᵀ Ṽ U Γ̃) over the stacked correlation blocks (Ṽ = ⊕ f_g V_g, Γ̃ = ⊕ Γ_g/f_g, W̃ = ⊕ f_g W_g),
 * without the M×M matrix U: with P = J_c E⁻¹ and Q = W̃ J_c (M×q), U = I − P Qᵀ and
 *   tr(Uᵀ Ṽ U Γ̃) = tr(ṼΓ̃) − 2 tr(Qᵀ Γ̃ Ṽ P) + tr((Pᵀ Ṽ P)(Qᵀ Γ̃ Q))
 * (Ṽ and Γ̃ symmetric). Only the parameters whose columns of J_c are not all zero enter P Qᵀ,
 * so P and Q keep those columns alone (the thresholds drop out).
 */
function traceUVUG(x: CatmlInput, blocks: readonly CorrBlock[]): number {
  const q = x.q;
  const cols: number[] = [];
  for (let t = 0; t < q; t++) {
    let used = false;
    blocks.forEach((b, g) => {
      const J = x.J[g]!;
      for (let a = 0; a < b.mc && !used; a++) if (J[(b.off + a) * q + t] !== 0) used = true;
    });
    if (used) cols.push(t);
  }
  const r = cols.length;
  const M = blocks.reduce((a, b) => a + b.mc, 0);
  // P = J_c E⁻¹ and Q = W̃ J_c on the used columns, stored as transposes (r×M)
  const PT = new Float64Array(r * M);
  const QT = new Float64Array(r * M);
  let r0 = 0;
  blocks.forEach((b, g) => {
    const J = x.J[g]!;
    for (let a = 0; a < b.mc; a++) {
      const row = (b.off + a) * q;
      for (let u = 0; u < r; u++) {
        let s = 0;
        for (let v = 0; v < r; v++) s += J[row + cols[v]!]! * x.Einv[cols[v]! * q + cols[u]!]!;
        PT[u * M + r0 + a] = s;
      }
      for (let c = 0; c < b.mc; c++) {
        const w = b.f * b.W[a * b.mc + c]!;
        if (w === 0) continue;
        const rowc = (b.off + c) * q;
        for (let u = 0; u < r; u++) QT[u * M + r0 + a] += w * J[rowc + cols[u]!]!;
      }
    }
    r0 += b.mc;
  });
  // Ṽ P and Γ̃ Q (transposed, r×M), block by block
  const VPT = new Float64Array(r * M);
  const GQT = new Float64Array(r * M);
  let trVG = 0;
  r0 = 0;
  for (const b of blocks) {
    for (let u = 0; u < r; u++) {
      mlWeightTimes(b.sInv, b.p, PT, u * M + r0, VPT, u * M + r0);
      for (let a = 0; a < b.mc; a++) VPT[u * M + r0 + a] *= b.f;
      for (let a = 0; a < b.mc; a++) {
        let s = 0;
        for (let c = 0; c < b.mc; c++) s += b.G[a * b.mc + c]! * QT[u * M + r0 + c]!;
        GQT[u * M + r0 + a] = s / b.f;
      }
    }
    trVG += traceVG(b.sInv, b.p, b.G, b.mc);
    r0 += b.mc;
  }
  // tr(Qᵀ Γ̃ Ṽ P) = Σ (Γ̃Q)_ia (ṼP)_ia; Pᵀ Ṽ P and Qᵀ Γ̃ Q (r×r)
  let cross = 0;
  for (let i = 0; i < r * M; i++) cross += GQT[i]! * VPT[i]!;
  let last = 0;
  for (let u = 0; u < r; u++)
    for (let v = 0; v < r; v++) {
      let pvp = 0;
      let qgq = 0;
      for (let i = 0; i < M; i++) {
        pvp += PT[u * M + i]! * VPT[v * M + i]!;
        qgq += QT[v * M + i]! * GQT[u * M + i]!;
      }
      last += pvp * qgq;
    }
  return trVG - 2 * cross + last;
}
