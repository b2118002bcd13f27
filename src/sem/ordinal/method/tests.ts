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
import { addCrossProduct, weightTimes, type Weight } from "./objective.js";

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

/** A⁻¹ B A⁻¹ (robust.sem) or A⁻¹, before the division by N; null when A is singular. */
export function sandwich(groups: readonly TestGroup[], q: number, robust: boolean): Float64Array | null {
  const A = new Float64Array(q * q);
  const B = new Float64Array(q * q);
  for (const g of groups) {
    const WJ = weightTimes(g.W, g.J, g.m, q);
    addCrossProduct(A, g.J, WJ, g.m, q, g.f);
    if (robust) {
      const GWJ = matTimes(g.gamma, WJ, g.m, q);
      addCrossProduct(B, WJ, GWJ, g.m, q, g.f);
    }
  }
  const inv = spdInverse({ n: q, a: A });
  if (inv === null) return null;
  const Ai = inv.inv.a;
  if (!robust) return Ai;
  return matmulSq(matmulSq(Ai, B, q), Ai, q);
}

/** tr(ŨΓ̃) and tr((ŨΓ̃)²) for the stacked groups (A = Σ f_g JᵀWJ inverted inside). */
export function traces(groups: readonly TestGroup[], q: number): { t1: number; t2: number } {
  const A = new Float64Array(q * q);
  const WJs = groups.map((g) => weightTimes(g.W, g.J, g.m, q));
  groups.forEach((g, k) => addCrossProduct(A, g.J, WJs[k]!, g.m, q, g.f));
  const inv = q > 0 ? spdInverse({ n: q, a: A }) : null;
  const Ai = inv?.inv.a ?? new Float64Array(0);
  // blocks of ŨΓ̃: (ŨΓ̃)_gh = [δ_gh f_g W_g − f_g f_h W_gJ_g A⁻¹ J_hᵀW_h] Γ_h / f_h
  const WJA = WJs.map((WJ, k) => (q > 0 ? matmulRect(WJ, Ai, groups[k]!.m, q, q) : WJ));
  const blocks: Float64Array[][] = groups.map((gg, a) =>
    groups.map((gh, b) => {
      const M = new Float64Array(gg.m * gh.m);
      if (q > 0) {
        const X = WJA[a]!;
        const Y = WJs[b]!;
        for (let i = 0; i < gg.m; i++)
          for (let j = 0; j < gh.m; j++) {
            let s = 0;
            for (let c = 0; c < q; c++) s += X[i * q + c]! * Y[j * q + c]!;
            M[i * gh.m + j] = -gg.f * gh.f * s;
          }
      }
      if (a === b) addWeight(M, gg.W, gg.m, gg.f);
      return matTimes(M, gh.gamma, gg.m, gh.m, 1 / gh.f);
    }),
  );
  let t1 = 0;
  let t2 = 0;
  groups.forEach((g, a) => {
    const D = blocks[a]![a]!;
    for (let i = 0; i < g.m; i++) t1 += D[i * g.m + i]!;
    groups.forEach((h, b) => {
      const X = blocks[a]![b]!;
      const Y = blocks[b]![a]!;
      for (let i = 0; i < g.m; i++) for (let j = 0; j < h.m; j++) t2 += X[i * h.m + j]! * Y[j * g.m + i]!;
    });
  });
  return { t1, t2 };
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

function addWeight(M: Float64Array, W: Weight, m: number, f: number): void {
  if ("diag" in W) for (let i = 0; i < m; i++) M[i * m + i] += f * W.diag[i]!;
  else for (let i = 0; i < m * m; i++) M[i] += f * W.full[i]!;
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

function matmulRect(X: Float64Array, Y: Float64Array, r: number, k: number, c: number): Float64Array {
  return matTimes(X.subarray(0, r * k), Y.subarray(0, k * c), r, c);
}

function matmulSq(X: Float64Array, Y: Float64Array, q: number): Float64Array {
  return matTimes(X, Y, q, q);
}

export { matTimes };
