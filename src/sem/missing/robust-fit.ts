/**
 * The "robust" incremental indices and RMSEA that lavaan 0.6.14 reports for every fit with
 * missing = "ml", even under plain ML: the FIML-corrected versions of Zhang & Savalei (2023)
 * (lavaan's lav_fit_fiml_corrected, version "V6" when the test is not scaled). Per group, with the
 * EM moments (x̃, S̃) and per-observation h1 informations in (μ, vech Σ) coordinates
 * (missing/h1-information.ts): W_m the observed information under missing data at (x̃, S̃),
 * W_c the complete-data information at (x̃, S̃), Δ = ∂(μ, vech Σ)/∂θ at θ̂, groups weighted by
 * f_g = n_g/N:
 *   T̃ = Σ_g n_g F_ML(θ̂; x̃, S̃)   (the complete-data statistic of θ̂ against the EM moments),
 *   E = Σ_g f_g Δ_gᵀ W_m,g Δ_g   (lavaan recomputes the information with observed.information =
 *                                 "h1" and h1.information = "unstructured" here, not the Hessian),
 *   U = W_m − W_m Δ E⁻¹ Δᵀ W_m,   k = tr(W_c W_m⁻¹ U W_m⁻¹) = Σ_g tr(W_c,g W_m,g⁻¹) − tr(E⁻¹
 *   Σ_g f_g Δ_gᵀ W_c,g Δ_g),
 *   ĉ = k/df.
 * The same for the baseline model, whose estimates are the available-case moments and whose Δ
 * selects the means and variances. Then, after Brosseau-Liard, Savalei & Li (2012) and
 * Brosseau-Liard & Savalei (2014):
 *   rmsea.robust = √max(0, T̃/(N df) − ĉ/N)·√G, its interval and p-values from T̃/ĉ with
 *   noncentralities scaled by ĉ; cfi.robust = 1 − max(T̃ − ĉ df, 0)/max(T̃ − ĉ df, T̃_b − ĉ_b df_b, 0);
 *   tli.robust = 1 − (T̃ − ĉ df) df_b / ((T̃_b − ĉ_b df_b) df); rni.robust = 1 − (T̃ − ĉ df)/(T̃_b
 *   − ĉ_b df_b)
 *   (the formulas and lavaan's guards: fit/incremental.ts, fit/rmsea.ts).
 */
import type { Evaluation, Problem } from "../estimate/ml.js";
import { robustIncremental } from "../fit/incremental.js";
import { rmsea, rmseaCi, rmseaPClose, rmseaPNotClose } from "../fit/rmsea.js";
import { congruence, dot, matmul, spdInverse, traceProduct, transpose } from "../linalg/dense.js";
import { gemmNT, spdInverseLarge } from "../linalg/simd.js";
import { availableCaseMoments } from "./em.js";
import { h1CompleteInformation, h1Jacobian, h1ObservedInformation, h1Size, vechIndex } from "./h1-information.js";
import { h1Keep } from "./h1-limit.js";
import type { FimlStats } from "./samplestats.js";
import type { FitMeasures } from "../fit/names.js";

export interface RobustFimlInput {
  readonly fiml: FimlStats;
  readonly prob: Problem;
  readonly evaluation: Evaluation;
  readonly df: number;
  readonly baselineDf: number;
  /** positions of the fixed.x covariates (their moments are not h1 coordinates); none by default */
  readonly exoIndex?: readonly number[];
}

/** Rows `idx` of an n×q row-major matrix. */
function pickRows(X: Float64Array, q: number, idx: readonly number[]): Float64Array {
  const out = new Float64Array(idx.length * q);
  idx.forEach((r, a) => out.set(X.subarray(r * q, r * q + q), a * q));
  return out;
}

/** F_ML of (Σ, μ) against sample moments (S, x̄) with log|S| given. */
function discrepancy(
  sigma: Float64Array,
  mu: Float64Array,
  S: Float64Array,
  mean: Float64Array,
  logDetS: number,
  p: number,
): number {
  const inv = spdInverse({ n: p, a: sigma });
  if (inv === null) return NaN;
  const si = inv.inv.a;
  let tr = 0;
  for (let i = 0; i < p * p; i++) tr += S[i]! * si[i]!;
  let quad = 0;
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) quad += (mean[i]! - mu[i]!) * si[i * p + j]! * (mean[j]! - mu[j]!);
  return inv.logDet + tr - logDetS - p + quad;
}

/** Inverse of a symmetric positive-definite n×n matrix (linalg/simd.ts spdInverseLarge); null when it is not PD. */
function inverseOrNull(B: Float64Array, n: number): Float64Array | null {
  return spdInverseLarge(B, n)?.inv ?? null;
}

/**
 * tr(A B⁻¹) = Σ_ij A_ij (B⁻¹)_ij for symmetric A and symmetric positive-definite B (n×n); NaN when B is not
 * PD.
 */
export function traceSolve(A: Float64Array, B: Float64Array, n: number): number {
  const inv = inverseOrNull(B, n);
  if (inv === null) return NaN;
  return dot(A, 0, inv, 0, n * n);
}

/** Rows and columns `idx` of a square n×n matrix. */
export function pick(A: Float64Array, n: number, idx: readonly number[]): Float64Array {
  const k = idx.length;
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) out[a * k + b] = A[idx[a]! * n + idx[b]!]!;
  return out;
}

/** Per-group h1 pieces of the FIML-corrected indices. */
export interface CorrectedGroup {
  readonly fg: number;
  readonly ps: number;
  /** observed h1 information under missing data at the EM moments (p*×p*) */
  readonly Wm: Float64Array;
  /** its inverse, null when W_m is not positive definite */
  readonly Wmi: Float64Array | null;
  /** complete-data h1 information at the EM moments */
  readonly Wc: Float64Array;
  /** Δ = ∂(μ, vech Σ)/∂θᵀ at θ̂ (p*×q) */
  readonly D: Float64Array;
  /** the baseline's coordinates: the means and the variances */
  readonly sel: readonly number[];
}

export interface CorrectedPieces {
  /** T̃ and T̃_b: complete-data statistics of θ̂ and of the baseline estimates against the EM moments */
  readonly T: number;
  readonly Tb: number;
  readonly groups: readonly CorrectedGroup[];
  /** E = Σ_g f_g Δ_gᵀ W_m,g Δ_g and C = Σ_g f_g Δ_gᵀ W_c,g Δ_g (q×q) */
  readonly E: Float64Array;
  readonly C: Float64Array;
  readonly q: number;
}

export function correctedPieces(input: RobustFimlInput): CorrectedPieces {
  const { fiml, evaluation: ev } = input;
  const N = fiml.stats.ntotal;
  const q = input.prob.rep.nfree;
  let T = 0;
  let Tb = 0;
  const E = new Float64Array(q * q);
  const C = new Float64Array(q * q);
  const groups = fiml.groups.map((grp, g): CorrectedGroup => {
    const st = fiml.stats.groups[g]!;
    const p = grp.p;
    const fg = grp.n / N;
    const imp = ev.groups[g]!.implied;
    T += grp.n * discrepancy(imp.sigma, imp.mu, st.S, st.mean, st.logDetS, p);
    const base = baselineMoments(grp.patterns, p, st, input.exoIndex ?? []);
    Tb += grp.n * discrepancy(base.sigma, base.mean, st.S, st.mean, st.logDetS, p);
    const exo = input.exoIndex ?? [];
    const WmAll =
      h1ObservedInformation(grp.patterns, st.mean, st.S, p, grp.X) ?? new Float64Array(h1Size(p) ** 2).fill(NaN);
    const WcAll = h1CompleteInformation(st.Sinv, p);
    const DAll = h1Jacobian(input.prob.rep.groups[g]!, imp, q);
    const keep = exo.length === 0 ? null : h1Keep(p, exo);
    const ps = keep === null ? h1Size(p) : keep.length;
    const Wm = keep === null ? WmAll : pick(WmAll, h1Size(p), keep);
    const Wc = keep === null ? WcAll : pick(WcAll, h1Size(p), keep);
    const D = keep === null ? DAll : pickRows(DAll, q, keep);
    const DWm = congruence(Wm, D, ps, q);
    const DWc = congruence(Wc, D, ps, q);
    for (let i = 0; i < q * q; i++) {
      E[i] += fg * DWm[i]!;
      C[i] += fg * DWc[i]!;
    }
    // the baseline's free coordinates: the means and variances of the non-covariates
    const ys = Array.from({ length: p }, (_, j) => j).filter((j) => !exo.includes(j));
    const full = [...ys, ...ys.map((j) => vechIndex(p, j, j))];
    const sel = keep === null ? full : full.map((c) => keep.indexOf(c));
    return { fg, ps, Wm, Wmi: inverseOrNull(Wm, ps), Wc, D, sel };
  });
  return { T, Tb, groups, E, C, q };
}

/**
 * The estimates of the independence model fitted by FIML: available-case means and variances;
 * under fixed.x the covariates keep their sample means and (co)variances (x̄ and S of the EM
 * moments, whose covariate block is the complete covariates' sample moments).
 */
export function baselineMoments(
  patterns: Parameters<typeof availableCaseMoments>[0],
  p: number,
  st: { mean: Float64Array; S: Float64Array },
  exo: readonly number[],
): { mean: Float64Array; sigma: Float64Array } {
  const base = availableCaseMoments(patterns, p);
  for (const a of exo) {
    base.mean[a] = st.mean[a]!;
    for (const b of exo) base.sigma[a * p + b] = st.S[a * p + b]!;
  }
  return base;
}

/** Version "V6" (plain ML): k = Σ_g tr(W_c W_m⁻¹) − tr(E⁻¹ C), and the same for the baseline. */
export function traceV6(pc: CorrectedPieces): { k: number; kb: number } {
  let trWcWm = 0;
  let trBase = 0;
  for (const g of pc.groups) {
    trWcWm += g.Wmi === null ? NaN : dot(g.Wc, 0, g.Wmi, 0, g.ps * g.ps); // tr(W_c W_m⁻¹), both symmetric
    trBase += traceSolve(pick(g.Wc, g.ps, g.sel), pick(g.Wm, g.ps, g.sel), g.sel.length);
  }
  return { k: trWcWm - traceSolve(pc.C, pc.E, pc.q), kb: trWcWm - trBase };
}

/**
 * Version "V3" (scaled tests, e.g. MLR): k = tr(U W̃ U Γ̃) over the groups stacked (lavaan's
 * lav_fit_fiml_corrected), with U = D_m − V E⁻¹ Vᵀ, D_m = bdiag(f_g W_m,g),
 * V = stack(f_g W_m,g Δ_g), W̃ = bdiag(W_m⁻¹ W_c W_m⁻¹ / f_g), Γ̃ = bdiag(W_m⁻¹ J_m W_m⁻¹ / f_g),
 * J_m the h1 first-order information at the EM moments. None of these is formed: with
 * A_g = W_c W_m⁻¹ and B_g = J_m W_m⁻¹,
 *   U W̃ = bdiag(A_g) − V E⁻¹ [Δ_gᵀ A_g]_g,   U Γ̃ = bdiag(B_g) − V E⁻¹ [Δ_gᵀ B_g]_g,
 * and since A_g W_m Δ_g = W_c Δ_g and B_g W_m Δ_g = J_m Δ_g, the trace of their product is
 *   k = Σ_g tr(A_g B_g) − 2 tr(E⁻¹ K) + tr(E⁻¹ C E⁻¹ J),
 *   K = Σ_g f_g Δ_gᵀ W_c W_m⁻¹ J_m Δ_g,  C = Σ_g f_g Δ_gᵀ W_c Δ_g,  J = Σ_g f_g Δ_gᵀ J_m Δ_g:
 * two p*³ products per group instead of a dozen of the stacked order.
 * The baseline: the same with Δ selecting each group's means and variances (parameters of its
 * own, so E, K, C and J are block diagonal and the weights f_g cancel group by group).
 */
export function traceV3(pc: CorrectedPieces, Jm: readonly Float64Array[]): { k: number; kb: number } {
  const q = pc.q;
  const K = new Float64Array(q * q);
  const J = new Float64Array(q * q);
  let trAB = 0;
  let baseline = 0;
  for (const [gi, g] of pc.groups.entries()) {
    const { ps, fg, Wmi, Wc, D } = g;
    const Jg = Jm[gi]!;
    if (Wmi === null) return { k: NaN, kb: NaN };
    const A = gemmNT(Wc, Wmi, ps, ps, ps); // W_c W_m⁻¹ (W_m⁻¹ symmetric)
    trAB += traceProduct(A, gemmNT(Jg, Wmi, ps, ps, ps), ps);
    const Dt = transpose(D, ps, q);
    const DtA = matmul(Dt, A, q, ps, ps); // Δᵀ W_c W_m⁻¹ (matmul skips the zeros of Δᵀ)
    const DtJ = matmul(Dt, Jg, q, ps, ps); // Δᵀ J_m
    const Kg = gemmNT(DtA, DtJ, q, q, ps); // Δᵀ W_c W_m⁻¹ J_m Δ (J_m symmetric)
    const Jq = gemmNT(DtJ, Dt, q, q, ps); // Δᵀ J_m Δ
    for (let i = 0; i < q * q; i++) {
      K[i] += fg * Kg[i]!;
      J[i] += fg * Jq[i]!;
    }
    baseline += baselineCorrection(g, A, Jg);
  }
  return { k: trAB + correction(pc.E, K, pc.C, J, q), kb: trAB + baseline };
}

/**
 * −2 tr(E⁻¹ K) + tr(E⁻¹ C E⁻¹ J) for q×q E (symmetric positive definite), K, C and J; NaN when E is not
 * PD.
 */
function correction(E: Float64Array, K: Float64Array, C: Float64Array, J: Float64Array, q: number): number {
  const inv = spdInverse({ n: q, a: E });
  if (inv === null) return NaN;
  const Ei = inv.inv.a;
  return -2 * traceProduct(Ei, K, q) + traceProduct(matmul(Ei, C, q, q, q), matmul(Ei, J, q, q, q), q);
}

/**
 * The baseline's correction in one group: Δ selects the coordinates `sel`, so E, K, C, J are their blocks of W_m, A
 * J_m, W_c, J_m.
 */
function baselineCorrection(g: CorrectedGroup, A: Float64Array, Jg: Float64Array): number {
  const { ps, sel } = g;
  const m = sel.length;
  const K = new Float64Array(m * m);
  // (A J_m)_ab, J_m symmetric
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) K[a * m + b] = dot(A, sel[a]! * ps, Jg, sel[b]! * ps, ps);
  return correction(pick(g.Wm, ps, sel), K, pick(g.Wc, ps, sel), pick(Jg, ps, sel), m);
}

/** cfi/tli/nnfi/rni.robust and the rmsea.robust family from T̃, T̃_b and ĉ = k/df, ĉ_b = k_b/df_b. */
export function correctedMeasures(
  T: number,
  Tb: number,
  c: number,
  cb: number,
  df: number,
  dfb: number,
  N: number,
  G: number,
): FitMeasures {
  const inc = robustIncremental({ chisq: T, df, baselineChisq: Tb, baselineDf: dfb, c, cBaseline: cb });
  // lavaan's lav_fit_rmsea_lavobject: the value from T̃ with ĉ; interval and p-values from T̃/ĉ with ĉ
  const scaled = { chisq: T / c, df, ntotal: N, ngroups: G, c };
  const ci = rmseaCi(scaled);
  return {
    "cfi.robust": inc.cfi,
    "tli.robust": inc.tli,
    "nnfi.robust": inc.tli,
    "rni.robust": inc.rni,
    "rmsea.robust": rmsea({ chisq: T, df, ntotal: N, ngroups: G, c }),
    "rmsea.ci.lower.robust": ci.lower,
    "rmsea.ci.upper.robust": ci.upper,
    "rmsea.pvalue.robust": rmseaPClose(scaled),
    "rmsea.notclose.pvalue.robust": rmseaPNotClose(scaled),
  };
}

export function robustFimlMeasures(input: RobustFimlInput): FitMeasures {
  const pc = correctedPieces(input);
  const { k, kb } = traceV6(pc);
  return correctedMeasures(
    pc.T,
    pc.Tb,
    k / input.df,
    kb / input.baselineDf,
    input.df,
    input.baselineDf,
    input.fiml.stats.ntotal,
    input.fiml.groups.length,
  );
}
