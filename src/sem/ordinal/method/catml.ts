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
  // lavaan 0.6.14 (lav_fit_catml_dwls) gives NA with continuous variables (ov.num)
  if (x.groups.some((g) => g.layout.cont.length > 0)) return null;
  let chisq = 0;
  let base = 0;
  let dfBase = 0;
  let traceGamma = 0;
  const blocks: { f: number; mc: number; off: number; V: Float64Array; W: Float64Array; G: Float64Array }[] = [];
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
    const V = mlWeight(sInv.inv.a, p);
    const W = new Float64Array(mc * mc);
    const m = grp.layout.m;
    for (let a = 0; a < mc; a++)
      for (let b = 0; b < mc; b++)
        W[a * mc + b] = "diag" in grp.W ? (a === b ? grp.W.diag[off + a]! : 0) : grp.W.full[(off + a) * m + off + b]!;
    const gm = x.gammas[g]!;
    const G = new Float64Array(mc * mc);
    for (let a = 0; a < mc; a++) for (let b = 0; b < mc; b++) G[a * mc + b] = gm[(off + a) * m + off + b]!;
    for (let a = 0; a < mc; a++) traceGamma += G[a * mc + a]! / f;
    blocks.push({ f, mc, off, V, W, G });
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

/** The ML weight of the off-diagonal elements (by column, lavaan's vech without the diagonal). */
function mlWeight(A: Float64Array, p: number): Float64Array {
  const pairs: [number, number][] = [];
  for (let j = 0; j < p; j++) for (let i = j + 1; i < p; i++) pairs.push([i, j]);
  const mc = pairs.length;
  const V = new Float64Array(mc * mc);
  for (let a = 0; a < mc; a++) {
    const [i, j] = pairs[a]!;
    for (let b = 0; b < mc; b++) {
      const [k, l] = pairs[b]!;
      V[a * mc + b] = A[i * p + k]! * A[j * p + l]! + A[i * p + l]! * A[j * p + k]!;
    }
  }
  return V;
}

/** tr(Uᵀ Ṽ U Γ̃) over the stacked correlation blocks. */
function traceUVUG(
  x: CatmlInput,
  blocks: readonly { f: number; mc: number; off: number; V: Float64Array; W: Float64Array; G: Float64Array }[],
): number {
  const q = x.q;
  const M = blocks.reduce((a, b) => a + b.mc, 0);
  // stacked Jc (M×q) and the weighted W̃ Jc (M×q)
  const Jc = new Float64Array(M * q);
  const WJ = new Float64Array(M * q);
  let r0 = 0;
  blocks.forEach((b, g) => {
    const J = x.J[g]!;
    for (let a = 0; a < b.mc; a++) for (let t = 0; t < q; t++) Jc[(r0 + a) * q + t] = J[(b.off + a) * q + t]!;
    for (let a = 0; a < b.mc; a++)
      for (let c = 0; c < b.mc; c++) {
        const w = b.f * b.W[a * b.mc + c]!;
        if (w === 0) continue;
        for (let t = 0; t < q; t++) WJ[(r0 + a) * q + t] += w * J[(b.off + c) * q + t]!;
      }
    r0 += b.mc;
  });
  // U = I − Jc E⁻¹ (W̃Jc)ᵀ
  const JE = mul(Jc, x.Einv, M, q, q);
  const U = new Float64Array(M * M);
  for (let a = 0; a < M; a++)
    for (let c = 0; c < M; c++) {
      let s = 0;
      for (let t = 0; t < q; t++) s += JE[a * q + t]! * WJ[c * q + t]!;
      U[a * M + c] = (a === c ? 1 : 0) - s;
    }
  const Vt = new Float64Array(M * M);
  const Gt = new Float64Array(M * M);
  r0 = 0;
  for (const b of blocks) {
    for (let a = 0; a < b.mc; a++)
      for (let c = 0; c < b.mc; c++) {
        Vt[(r0 + a) * M + r0 + c] = b.f * b.V[a * b.mc + c]!;
        Gt[(r0 + a) * M + r0 + c] = b.G[a * b.mc + c]! / b.f;
      }
    r0 += b.mc;
  }
  // tr(Uᵀ V U Γ) = Σ (V U)_{ac} (U Γ)_{ac}
  const VU = mul(Vt, U, M, M, M);
  const UG = mul(U, Gt, M, M, M);
  let tr = 0;
  for (let i = 0; i < M * M; i++) tr += VU[i]! * UG[i]!;
  return tr;
}

function mul(X: Float64Array, Y: Float64Array, r: number, k: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++)
    for (let l = 0; l < k; l++) {
      const x = X[i * k + l]!;
      if (x === 0) continue;
      for (let j = 0; j < c; j++) out[i * c + j] += x * Y[l * c + j]!;
    }
  return out;
}
