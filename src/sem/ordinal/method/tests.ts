/**
 * Standard errors and test statistics of the weighted least-squares family, with the per-group
 * weight f_g = n_g/N (lavaan 0.6.14: lav_model_vcov "robust.sem", lav_test_satorra_bentler):
 *   A = Σ_g f_g J_gᵀW_gJ_g,  B = Σ_g f_g J_gᵀW_gΓ_gW_gJ_g,
 *   robust.sem: vcov = A⁻¹ B A⁻¹ / N;   standard: vcov = A⁻¹ / N.
 * With Ũ = W̃ − W̃J̃A⁻¹J̃ᵀW̃ (W̃ = ⊕ f_g W_g, J̃ the stacked J_g) and Γ̃ = ⊕ Γ_g / f_g, the traces
 * t1 = tr(ŨΓ̃), t2 = tr((ŨΓ̃)²) give (Satorra & Bentler 1994; Asparouhov & Muthén 2010):
 *   satorra.bentler (WLSM, ULSM):    c = t1/df,  T/c;
 *   mean.var.adjusted (WLSMVS):      c = t2/t1,  df' = t1²/t2,  T/c;
 *   scaled.shifted (WLSMV, ULSMV):   a = √(df/t2),  b = df − √(df·t1²/t2),  aT + b; lavaan reports
 *                                    the scaling factor 1/a and the shift b.
 */
import { chisqUpper } from "../../distributions/index.js";
import { spdInverse } from "../../linalg/dense.js";
import { gemmNT } from "../../linalg/simd.js";
import { addCrossProduct, weightTimes, type Weight } from "./objective.js";
import { denseCross, gammaTimesT, sparseCross, transposed } from "./gamma-products.js";

export type TestKind = "standard" | "satorra.bentler" | "mean.var.adjusted" | "scaled.shifted";

export interface ScaledStat {
  readonly chisq: number;
  readonly df: number;
  readonly pvalue: number;
  readonly scaling: number;
  readonly shift: number;
  readonly trace1: number;
  readonly trace2: number;
}

/** One group's pieces at θ̂: J (m×q), W, Γ (m×m) and f_g = n_g/N. */
export interface TestGroup {
  readonly m: number;
  readonly J: Float64Array;
  readonly W: Weight;
  readonly gamma: Float64Array;
  readonly f: number;
}

/**
 * The q×q pieces of the sandwich and of the traces at θ̂, with C_g = Γ_gW_gJ_g:
 *   A = Σ f_g JᵀWJ,  B = Σ f_g (WJ)ᵀC,  H = Σ f_g CᵀWC,  and Σ_g tr(W_gΓ_g), Σ_g tr((W_gΓ_g)²).
 * C is formed as its transpose by gamma-products.ts (by the non-zeros of WJ).
 */
export interface TestProducts {
  readonly A: Float64Array;
  readonly B: Float64Array;
  readonly H: Float64Array;
  readonly trWG: number;
  readonly trWG2: number;
}

export function testProducts(groups: readonly TestGroup[], q: number): TestProducts {
  const A = new Float64Array(q * q);
  const B = new Float64Array(q * q);
  const H = new Float64Array(q * q);
  let trWG = 0;
  let trWG2 = 0;
  for (const g of groups) {
    const m = g.m;
    const WJ = weightTimes(g.W, g.J, m, q);
    addCrossProduct(A, g.J, WJ, m, q, g.f);
    const CT = gammaTimesT(g.gamma, WJ, m, q);
    addTo(B, sparseCross(WJ, CT, m, q, q, g.f));
    addTo(H, denseCross(CT, weightTimesT(g.W, CT, m, q), q, q, m, g.f));
    const t = weightGammaTraces(g.W, g.gamma, m);
    trWG += t.t1;
    trWG2 += t.t2;
  }
  return { A, B, H, trWG, trWG2 };
}

function addTo(out: Float64Array, x: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] += x[i]!;
}

/** (W X)ᵀ for X given as its transpose XT (k×m): XT W (W symmetric). */
function weightTimesT(W: Weight, XT: Float64Array, m: number, k: number): Float64Array {
  if ("full" in W) return gemmNT(XT, W.full, k, m, m);
  const out = new Float64Array(k * m);
  for (let a = 0; a < k; a++) for (let i = 0; i < m; i++) out[a * m + i] = W.diag[i]! * XT[a * m + i]!;
  return out;
}

/** tr(WΓ) and tr((WΓ)²) of a group (the same for the model and its baseline: kept per W and Γ). */
const wgTraces = new WeakMap<Float64Array, WeakMap<Weight, { t1: number; t2: number }>>();

function weightGammaTraces(W: Weight, gamma: Float64Array, m: number): { t1: number; t2: number } {
  let byW = wgTraces.get(gamma);
  if (byW === undefined) wgTraces.set(gamma, (byW = new WeakMap()));
  const known = byW.get(W);
  if (known !== undefined) return known;
  // W Γ for a full W (Γ symmetric: W Γᵀ = W Γ)
  const WG = "diag" in W ? null : gemmNT(W.full, gamma, m, m, m);
  let t1 = 0;
  let t2 = 0;
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      const x = WG === null ? (W as { diag: Float64Array }).diag[i]! * gamma[i * m + j]! : WG[i * m + j]!;
      const y = WG === null ? (W as { diag: Float64Array }).diag[j]! * gamma[j * m + i]! : WG[j * m + i]!;
      if (i === j) t1 += x;
      t2 += x * y;
    }
  const out = { t1, t2 };
  byW.set(W, out);
  return out;
}

/** A⁻¹ B A⁻¹ (robust.sem) or A⁻¹, before the division by N; null when A is singular. */
export function sandwich(groups: readonly TestGroup[], q: number, robust: boolean): Float64Array | null {
  const pr = testProducts(groups, q);
  const inv = spdInverse({ n: q, a: pr.A });
  if (inv === null) return null;
  const Ai = inv.inv.a;
  if (!robust) return Ai;
  return matmulSq(matmulSq(Ai, pr.B, q), Ai, q);
}

/**
 * tr(ŨΓ̃) and tr((ŨΓ̃)²) without the m×m matrix Ũ: with the products of testProducts(),
 *   tr(ŨΓ̃) = Σ_g tr(W_gΓ_g) − tr(A⁻¹B),
 *   tr((ŨΓ̃)²) = Σ_g tr((W_gΓ_g)²) − 2 tr(A⁻¹H) + tr(A⁻¹BA⁻¹B)
 * (the f_g cancel in W̃Γ̃ = ⊕ W_gΓ_g).
 */
export function traces(groups: readonly TestGroup[], q: number): { t1: number; t2: number } {
  return tracesOf(testProducts(groups, q), q);
}

export function tracesOf(pr: TestProducts, q: number): { t1: number; t2: number } {
  const { A, B, H } = pr;
  if (q === 0) return { t1: pr.trWG, t2: pr.trWG2 };
  const inv = spdInverse({ n: q, a: A });
  if (inv === null) return { t1: NaN, t2: NaN };
  const Ai = inv.inv.a;
  const AiB = matmulSq(Ai, B, q);
  let trAiB = 0;
  let trAiH = 0;
  let trAiBAiB = 0;
  for (let i = 0; i < q; i++) {
    trAiB += AiB[i * q + i]!;
    for (let j = 0; j < q; j++) {
      trAiH += Ai[i * q + j]! * H[j * q + i]!;
      trAiBAiB += AiB[i * q + j]! * AiB[j * q + i]!;
    }
  }
  return { t1: pr.trWG - trAiB, t2: pr.trWG2 - 2 * trAiH + trAiBAiB };
}

export function scaledStatistic(kind: TestKind, chisq: number, df: number, t: { t1: number; t2: number }): ScaledStat {
  const { t1, t2 } = t;
  let T = chisq;
  let d = df;
  let scaling = NaN;
  let shift = NaN;
  if (kind === "satorra.bentler") {
    scaling = df > 0 ? t1 / df : NaN;
    T = chisq / scaling;
  } else if (kind === "mean.var.adjusted") {
    scaling = t2 / t1;
    d = (t1 * t1) / t2;
    T = chisq / scaling;
  } else if (kind === "scaled.shifted") {
    const a = Math.sqrt(df / t2);
    shift = df - Math.sqrt((df * t1 * t1) / t2);
    scaling = 1 / a;
    T = a * chisq + shift;
  }
  return { chisq: T, df: d, pvalue: d > 0 ? chisqUpper(T, d) : NaN, scaling, shift, trace1: t1, trace2: t2 };
}

/** s · X Y for X (r×k), Y (k×c) dense row-major. */
function matTimes(X: Float64Array, Y: Float64Array, r: number, c: number, s = 1): Float64Array {
  const k = X.length / r;
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++)
    for (let l = 0; l < k; l++) {
      const x = s * X[i * k + l]!;
      if (x === 0) continue;
      for (let j = 0; j < c; j++) out[i * c + j] += x * Y[l * c + j]!;
    }
  return out;
}

/** X Y for q×q matrices (by gemmNT on Yᵀ: in WebAssembly when large enough). */
function matmulSq(X: Float64Array, Y: Float64Array, q: number): Float64Array {
  return gemmNT(X, transposed(Y, q, q), q, q, q);
}

export { matTimes, matmulSq };
