/**
 * The baseline (independence) model of an ordinal fit (lavaan's lav_partable_independence for
 * categorical data): per group, thresholds, means and variances free, every correlation 0.
 * With a diagonal weight the free block fits exactly and T_b = Σ_g (n_g − 1) Σ_corr w s²; with a full
 * weight the free block is estimated by generalized least squares:
 *   T_b = Σ_g (n_g − 1) s₂ᵀ (W₂₂ − W₂₁ W₁₁⁻¹ W₁₂) s₂.
 * Its scaled test uses J_b = [I; 0] (the free block) in tests.ts.
 */
import { spdInverse } from "../../linalg/dense.js";
import type { WlsGroup } from "./objective.js";
import { scaledStatistic, traces, type ScaledStat, type TestGroup, type TestKind } from "./tests.js";

export function baselineFit(
  groups: readonly WlsGroup[],
  gammas: readonly Float64Array[],
  ntotal: number,
  test: TestKind,
): { chisq: number; df: number; scaled: ScaledStat | null } {
  let chisq = 0;
  let df = 0;
  const q = groups.reduce((a, g) => a + g.layout.thVar.length + g.layout.cont.length, 0);
  let offset = 0;
  const tg: TestGroup[] = [];
  groups.forEach((g, k) => {
    const m = g.layout.m;
    const k1 = g.layout.thVar.length + g.layout.cont.length;
    df += m - k1;
    chisq += (g.n - 1) * baselineF(g, k1);
    const J = new Float64Array(m * q);
    for (let i = 0; i < k1; i++) J[i * q + offset + i] = 1;
    offset += k1;
    tg.push({ m, J, W: g.W, gamma: gammas[k]!, f: g.n / ntotal });
  });
  const scaled = test === "standard" ? null : scaledStatistic(test, chisq, df, traces(tg, q));
  return { chisq, df, scaled };
}

function baselineF(g: WlsGroup, k1: number): number {
  const m = g.layout.m;
  const s = g.s;
  if ("diag" in g.W) {
    let f = 0;
    for (let i = k1; i < m; i++) f += g.W.diag[i]! * s[i]! * s[i]!;
    return f;
  }
  const W = g.W.full;
  const k2 = m - k1;
  const W11 = new Float64Array(k1 * k1);
  for (let i = 0; i < k1; i++) for (let j = 0; j < k1; j++) W11[i * k1 + j] = W[i * m + j]!;
  const inv = spdInverse({ n: k1, a: W11 });
  if (inv === null) return NaN;
  // v = W₁₂ s₂, u = W₁₁⁻¹ v; f = s₂ᵀW₂₂s₂ − vᵀu
  const v = new Float64Array(k1);
  for (let i = 0; i < k1; i++) for (let j = 0; j < k2; j++) v[i] += W[i * m + k1 + j]! * s[k1 + j]!;
  let f = 0;
  for (let i = 0; i < k2; i++) for (let j = 0; j < k2; j++) f += s[k1 + i]! * W[(k1 + i) * m + k1 + j]! * s[k1 + j]!;
  for (let i = 0; i < k1; i++) for (let j = 0; j < k1; j++) f -= v[i]! * inv.inv.a[i * k1 + j]! * v[j]!;
  return f;
}
