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
 * Only when every variable is ordered and each group's R is positive definite (smallest eigenvalue
 * above √ε, tested by a Cholesky factorization of R − √ε I); otherwise lavaan gives NA
 * (lav_fit_catml_dwls: ov.num and check.pd). Several groups are summed as above.
 */
import { cholesky, spdInverse } from "../../linalg/dense.js";
import { denseCross } from "./gamma-products.js";
import type { Weight, WlsGroup } from "./objective.js";

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
  // lavaan 0.6.14 (lav_fit_catml_dwls) gives NA with continuous variables (ov.num)
  if (x.groups.some((g) => g.layout.cont.length > 0)) return null;
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
    const gm = x.gammas[g]!;
    for (let a = 0; a < mc; a++) traceGamma += gm[(off + a) * m + off + a]! / f;
    blocks.push({ f, p, mc, off, m, sInv: sInv.inv.a, W: grp.W, gamma: gm });
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

/** A group's correlation block: f_g, Σ̂⁻¹ (p×p), and the rows from `off` of its W and Γ (m×m). */
interface CorrBlock {
  readonly f: number;
  readonly p: number;
  readonly mc: number;
  readonly off: number;
  readonly m: number;
  readonly sInv: Float64Array;
  readonly W: Weight;
  readonly gamma: Float64Array;
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

/** tr(V Γ_cc) for the ML weight V of Σ̂⁻¹ = S and the correlation block Γ_cc of a group's Γ. */
function traceVG(b: CorrBlock): number {
  const { sInv: S, p, mc, off, m, gamma } = b;
  const pi = new Int32Array(mc);
  const pj = new Int32Array(mc);
  let e = 0;
  for (let j = 0; j < p; j++)
    for (let i = j + 1; i < p; i++, e++) {
      pi[e] = i;
      pj[e] = j;
    }
  let tr = 0;
  for (let a = 0; a < mc; a++) {
    const si = pi[a]! * p;
    const sj = pj[a]! * p;
    const row = (off + a) * m + off;
    for (let c = 0; c < mc; c++) {
      const k = pi[c]!;
      const l = pj[c]!;
      tr += (S[si + k]! * S[sj + l]! + S[si + l]! * S[sj + k]!) * gamma[row + c]!;
    }
  }
  return tr;
}

/** The non-zeros of rows [off, off + mc) of J (m×q) in the columns `cols`: per row, positions in cols and values. */
function sparseRows(J: Float64Array, q: number, off: number, mc: number, cols: Int32Array) {
  const start = new Int32Array(mc + 1);
  const at: number[] = [];
  const val: number[] = [];
  for (let a = 0; a < mc; a++) {
    for (let u = 0; u < cols.length; u++) {
      const v = J[(off + a) * q + cols[u]!]!;
      if (v !== 0) {
        at.push(u);
        val.push(v);
      }
    }
    start[a + 1] = at.length;
  }
  return { start, at: Int32Array.from(at), val: Float64Array.from(val) };
}

/** The stacked r×M transposes of P = J_c E⁻¹, Q = W̃ J_c, Ṽ P and Γ̃ Q. */
interface Stacked {
  readonly r: number;
  readonly M: number;
  readonly PT: Float64Array;
  readonly QT: Float64Array;
  readonly VPT: Float64Array;
  readonly GQT: Float64Array;
}

type SparseRows = ReturnType<typeof sparseRows>;

/** A block's rows (from r0) of P = J_c E⁻¹, by the non-zeros of J_c. */
function blockP(t: Stacked, r0: number, mc: number, Jc: SparseRows, E: Float64Array): void {
  const { r, M, PT } = t;
  for (let a = 0; a < mc; a++)
    for (let e = Jc.start[a]!; e < Jc.start[a + 1]!; e++) {
      const v = Jc.at[e]!;
      const jv = Jc.val[e]!;
      for (let u = 0; u < r; u++) PT[u * M + r0 + a] += jv * E[v * r + u]!;
    }
}

/** A block's rows of Q = f W J_c (diagonal W: row by row; full W: its correlation block). */
function blockQ(t: Stacked, r0: number, b: CorrBlock, Jc: SparseRows): void {
  const { M, QT } = t;
  const { mc, off, m, f } = b;
  if ("diag" in b.W) {
    const d = b.W.diag;
    for (let a = 0; a < mc; a++) {
      const w = f * d[off + a]!;
      for (let e = Jc.start[a]!; e < Jc.start[a + 1]!; e++) QT[Jc.at[e]! * M + r0 + a] += w * Jc.val[e]!;
    }
    return;
  }
  const W = b.W.full;
  for (let a = 0; a < mc; a++)
    for (let c = 0; c < mc; c++) {
      const w = f * W[(off + a) * m + off + c]!;
      if (w === 0) continue;
      for (let e = Jc.start[c]!; e < Jc.start[c + 1]!; e++) QT[Jc.at[e]! * M + r0 + a] += w * Jc.val[e]!;
    }
}

/** Row u of (Γ̃ Q)ᵀ in a block, by the non-zeros of Q (Γ symmetric: its row off + c is its column). */
function blockGQ(t: Stacked, r0: number, b: CorrBlock, u: number): void {
  const { M, QT, GQT } = t;
  const { mc, off, m, f, gamma } = b;
  const o = u * M + r0;
  for (let c = 0; c < mc; c++) {
    const qv = QT[o + c]! / f;
    if (qv === 0) continue;
    const row = (off + c) * m + off;
    for (let a = 0; a < mc; a++) GQT[o + a] += qv * gamma[row + a]!;
  }
}

/**
 * tr(Uᵀ Ṽ U Γ̃) over the stacked correlation blocks (Ṽ = ⊕ f_g V_g, Γ̃ = ⊕ Γ_g/f_g, W̃ = ⊕ f_g W_g),
 * without the M×M matrix U: with P = J_c E⁻¹ and Q = W̃ J_c (M×q), U = I − P Qᵀ and
 *   tr(Uᵀ Ṽ U Γ̃) = tr(ṼΓ̃) − 2 tr(Qᵀ Γ̃ Ṽ P) + tr((Pᵀ Ṽ P)(Qᵀ Γ̃ Q))
 * (Ṽ and Γ̃ symmetric). Only the parameters whose columns of J_c are not all zero enter P Qᵀ,
 * so P and Q keep those r columns alone (the thresholds drop out), and J_c is used by its non-zeros.
 */
function traceUVUG(x: CatmlInput, blocks: readonly CorrBlock[]): number {
  const q = x.q;
  const used = new Uint8Array(q);
  for (let g = 0; g < blocks.length; g++) {
    const J = x.J[g]!;
    const b = blocks[g]!;
    for (let i = b.off * q; i < (b.off + b.mc) * q; i++) if (J[i] !== 0) used[i % q] = 1;
  }
  const cols = Int32Array.from(used.keys()).filter((t) => used[t] === 1);
  const r = cols.length;
  const E = new Float64Array(r * r);
  for (let u = 0; u < r; u++) for (let v = 0; v < r; v++) E[u * r + v] = x.Einv[cols[u]! * q + cols[v]!]!;
  const M = blocks.reduce((a, b) => a + b.mc, 0);
  // P = J_c E⁻¹, Q = W̃ J_c, Ṽ P and Γ̃ Q on the used columns, as transposes (r×M)
  const t: Stacked = {
    r,
    M,
    PT: new Float64Array(r * M),
    QT: new Float64Array(r * M),
    VPT: new Float64Array(r * M),
    GQT: new Float64Array(r * M),
  };
  let trVG = 0;
  let r0 = 0;
  for (let g = 0; g < blocks.length; g++) {
    const b = blocks[g]!;
    const Jc = sparseRows(x.J[g]!, q, b.off, b.mc, cols);
    blockP(t, r0, b.mc, Jc, E);
    blockQ(t, r0, b, Jc);
    for (let u = 0; u < r; u++) {
      blockGQ(t, r0, b, u);
      mlWeightTimes(b.sInv, b.p, t.PT, u * M + r0, t.VPT, u * M + r0);
      for (let a = 0; a < b.mc; a++) t.VPT[u * M + r0 + a] *= b.f;
    }
    trVG += traceVG(b);
    r0 += b.mc;
  }
  const { PT, QT, VPT, GQT } = t;
  // tr(Qᵀ Γ̃ Ṽ P) = Σ (Γ̃Q)_ia (ṼP)_ia; Pᵀ Ṽ P and Qᵀ Γ̃ Q (r×r)
  let cross = 0;
  for (let i = 0; i < r * M; i++) cross += GQT[i]! * VPT[i]!;
  const PVP = denseCross(PT, VPT, r, r, M);
  const QGQ = denseCross(QT, GQT, r, r, M);
  let last = 0;
  for (let u = 0; u < r; u++) for (let v = 0; v < r; v++) last += PVP[u * r + v]! * QGQ[v * r + u]!;
  return trVG - 2 * cross + last;
}
