/**
 * Fit measures of a full-information ML fit, under lavaan's fitMeasures() names. The complete-data
 * adapter (fit/measures.ts) is run on the EM (h1) moments, which stand in for x̄ and S, and the
 * measures that depend on the likelihood or on the information are replaced:
 * - chisq = 2 (logL_h1 − logL_h0) (the objective already subtracts the h1 term: T = N·F);
 * - logl = the casewise log-likelihood at θ̂, unrestricted.logl = that of the EM moments;
 *   aic, bic, bic2 from logl; ntotal counts the rows used (empty rows excluded);
 * - the baseline (independence) model is fitted by FIML too. Its likelihood factorises over the
 *   variables, so its estimates are the available-case means and N-divisor variances and
 *   logL_b = −½ Σ_j n_j (log 2π + log s_j² + 1) (n_j rows observe variable j); baseline.chisq =
 *   2 (logL_h1 − logL_b) and the incremental indices follow from it;
 * - GFI weighs the residuals of lavaan's "sample" moments of incomplete data (available-case means,
 *   pairwise covariances: missing/patterns.ts pairwiseMoments) with the structured h1 expected
 *   information under missing data, Σ_k (n_k/n) [E_k; ½ D'(E_k ⊗ E_k) D] with E_k = Σ̂_oo⁻¹ of pattern k
 *   (lav_fit_gfi with lav_mvnorm_missing_information_expected);
 * - the robust family (cfi.robust, rmsea.robust, ...) of missing/robust-fit.ts.
 */
import { chisqUpper } from "../distributions/index.js";
import { evaluate, type Evaluation, type Problem } from "../estimate/ml.js";
import { exoLogLikelihood, fitMeasures, type FitInput } from "../fit/measures.js";
import { agfi, pgfi } from "../fit/gfi.js";
import { incrementalIndices } from "../fit/incremental.js";
import { matmul, spdInverse } from "../linalg/dense.js";
import { availableCaseMoments } from "./em.js";
import { pairwiseMoments, type MissingPattern } from "./patterns.js";
import { fimlProblem } from "./objective.js";
import { robustFimlMeasures } from "./robust-fit.js";
import type { FimlStats } from "./samplestats.js";
import { log } from "../numeric/index.js";
import type { FitMeasures } from "../fit/names.js";

const LOG2PI = log(2 * Math.PI);

/**
 * The FIML problem with per-pattern metrics, evaluated at θ̂ (for the expected information of the modification
 * indices).
 */
export function fimlEvaluation(
  prob: Problem,
  theta: Float64Array,
  fiml: FimlStats,
): { prob: Problem; evaluation: Evaluation } | null {
  const withMetrics = fimlProblem(prob.rep, prob.stats, prob.rowValues, fiml.groups, { metrics: true });
  const evaluation = evaluate(withMetrics, theta);
  return Number.isFinite(evaluation.f) ? { prob: withMetrics, evaluation } : null;
}

/** Cells observed in a group (Σ_k n_k p_k), for the 2π constant. */
function observedCells(fiml: FimlStats, g: number): number {
  return fiml.groups[g]!.patterns.reduce((a, pt) => a + pt.n * pt.obs.length, 0);
}

/**
 * log-likelihood of the independence model fitted by FIML, per group. Under fixed.x the
 * covariates `exo` (observed in every row kept) keep their joint sample distribution, so their
 * term is the normal log-likelihood at their own sample moments, −½ n (p_x log 2π + log|S_xx| + p_x).
 */
export function baselineLogLikelihood(fiml: FimlStats, g: number, exo: readonly number[] = []): number {
  const grp = fiml.groups[g]!;
  const { sigma } = availableCaseMoments(grp.patterns, grp.p);
  const cnt = new Float64Array(grp.p);
  for (const pt of grp.patterns) for (const j of pt.obs) cnt[j] += pt.n;
  let ll = 0;
  for (let j = 0; j < grp.p; j++)
    if (!exo.includes(j)) ll += -0.5 * cnt[j]! * (LOG2PI + log(sigma[j * grp.p + j]!) + 1);
  return ll + exoLogLikelihood(fiml.stats.groups[g]!, exo);
}

/** Degrees of freedom of the FIML independence model: p(p−1)/2 per group, less the covariates' fixed covariances. */
export function baselineDf(p: number, nexo: number, groups: number): number {
  return groups * ((p * (p - 1)) / 2 - (nexo * (nexo - 1)) / 2);
}

/**
 * GFI of one group (see the header): Σ_k (n_k/n) [½ tr((E_k R)²) + δᵀE_kδ] over the same with S and
 * x̄, R = S − Σ̂, δ = x̄ − μ̂. E_k = Σ̂_oo⁻¹ (embedded) = P − P_·m P_mm⁻¹ P_m· with P =
 * Σ̂⁻¹ (partitioned inverse, as missing/inverse.ts), so with Q = P X (once) and Y = P_mm⁻¹ Q_m· (r×p),
 *   tr((E_k X)²) = tr(Q²) − 2 tr(Y Q P_·m) + tr((Y P_·m)²),   δᵀE_kδ = δᵀPδ − (Pδ)_mᵀ P_mm⁻¹
 *   (Pδ)_m,
 * and QP = Q P once, O(r² p) per pattern with r missing variables instead of O(p³). Under
 * fixed.x lavaan zeroes the rows and columns of the covariates' own moments (their means and the
 * covariances among them) in the information (x.idx), which is the same as leaving those
 * elements out of both forms.
 */
function groupGfi(
  patterns: readonly MissingPattern[],
  P: Float64Array,
  S0: Float64Array,
  mean0: Float64Array,
  sigma: Float64Array,
  mu0: Float64Array,
  p: number,
  exo: readonly number[],
): number {
  const forms = gfiForms(P, S0, mean0, sigma, mu0, p, exo);
  const Y = new Float64Array(p * p);
  const YB = new Float64Array(p * p);
  const vals = [
    { t: 0, q: 0 },
    { t: 0, q: 0 },
  ];
  let num = 0;
  let den = 0;
  let n = 0;
  for (const pat of patterns) {
    const { mis } = pat;
    const r = mis.length;
    forms.forEach((f, fi) => {
      vals[fi]!.t = f.t;
      vals[fi]!.q = f.qv;
    });
    if (r > 0) {
      const Pmm = new Float64Array(r * r);
      for (let s = 0; s < r; s++) for (let u = 0; u < r; u++) Pmm[s * r + u] = P[mis[s]! * p + mis[u]!]!;
      const inv = spdInverse({ n: r, a: Pmm });
      if (inv === null) return NaN;
      forms.forEach((f, fi) => patternForm(f, P, inv.inv.a, mis, p, Y, YB, vals[fi]!));
    }
    num += pat.n * (0.5 * vals[0]!.t + vals[0]!.q);
    den += pat.n * (0.5 * vals[1]!.t + vals[1]!.q);
    n += pat.n;
  }
  return 1 - num / n / (den / n);
}

/** One of the GFI's two forms (residual R with δ, sample S with x̄) over the complete data: X and v. */
interface GfiForm {
  /** Q = P X, QP = Q P, t = tr(Q²), Pv = P v, qv = vᵀ P v */
  Q: Float64Array;
  QP: Float64Array;
  t: number;
  Pv: Float64Array;
  qv: number;
}

/**
 * The residual form (R = S − Σ̂, δ = x̄ − μ̂) and the sample form (S, x̄), with the covariates'
 * own moments left out under fixed.x, as complete-data terms with P = Σ̂⁻¹.
 */
function gfiForms(
  P: Float64Array,
  S0: Float64Array,
  mean0: Float64Array,
  sigma: Float64Array,
  mu0: Float64Array,
  p: number,
  exo: readonly number[],
): GfiForm[] {
  const S = Float64Array.from(S0);
  const mean = Float64Array.from(mean0);
  const mu = Float64Array.from(mu0);
  for (const a of exo) {
    mean[a] = 0;
    mu[a] = 0;
    for (const b of exo) S[a * p + b] = sigma[a * p + b]!;
  }
  const R = Float64Array.from(S, (x, i) => x - sigma[i]!);
  for (const a of exo) for (const b of exo) S[a * p + b] = 0;
  const delta = Float64Array.from(mean, (x, i) => x - mu[i]!);
  return [
    { Q: matmul(P, R, p, p, p), v: delta },
    { Q: matmul(P, S, p, p, p), v: mean },
  ].map(({ Q, v }) => {
    let t = 0;
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) t += Q[i * p + j]! * Q[j * p + i]!;
    const Pv = matmul(P, v, p, p, 1);
    let qv = 0;
    for (let i = 0; i < p; i++) qv += v[i]! * Pv[i]!;
    // QP = Q P, so that tr(Y Q P_·m) = Σ_s Σ_t Y_st (QP)_t,m_s costs O(r p) per pattern
    return { Q, QP: matmul(Q, P, p, p, p), t, Pv, qv };
  });
}

/**
 * A form's tr((E_k X)²) and δᵀE_kδ for a pattern missing the variables `mis` (see groupGfi), with
 * Pi = P_mm⁻¹, into `val`; Y and YB are work arrays (p×p).
 */
function patternForm(
  f: GfiForm,
  P: Float64Array,
  Pi: Float64Array,
  mis: Int32Array,
  p: number,
  Y: Float64Array,
  YB: Float64Array,
  val: { t: number; q: number },
): void {
  const r = mis.length;
  // Y = P_mm⁻¹ Q_m· (r×p)
  Y.fill(0, 0, r * p);
  for (let s = 0; s < r; s++)
    for (let u = 0; u < r; u++) {
      const c = Pi[s * r + u]!;
      const qo = mis[u]! * p;
      for (let j = 0; j < p; j++) Y[s * p + j] += c * f.Q[qo + j]!;
    }
  let tr1 = 0;
  YB.fill(0, 0, r * r);
  for (let s = 0; s < r; s++)
    for (let j = 0; j < p; j++) {
      const y = Y[s * p + j]!;
      const rowJ = j * p;
      tr1 += y * f.QP[rowJ + mis[s]!]!;
      for (let u = 0; u < r; u++) YB[s * r + u] += y * P[rowJ + mis[u]!]!;
    }
  let tr2 = 0;
  for (let s = 0; s < r; s++) for (let u = 0; u < r; u++) tr2 += YB[s * r + u]! * YB[u * r + s]!;
  let corr = 0;
  for (let s = 0; s < r; s++) for (let u = 0; u < r; u++) corr += f.Pv[mis[s]!]! * Pi[s * r + u]! * f.Pv[mis[u]!]!;
  val.t = f.t - 2 * tr1 + tr2;
  val.q = f.qv - corr;
}

export interface FimlFitInput {
  /** the complete-data adapter's input, with the EM moments as sample statistics */
  readonly base: FitInput;
  readonly fiml: FimlStats;
  /** the FIML problem and its evaluation at θ̂ (implied moments, Σ̂⁻¹, F per group) */
  readonly prob: Problem;
  readonly evaluation: Evaluation;
  /** add lavaan's FIML-corrected robust indices of plain ML ("V6"); false when a scaled test (MLR) brings its own */
  readonly corrected: boolean;
}

export function fimlFitMeasures(input: FimlFitInput): FitMeasures {
  const { base, fiml, evaluation: ev } = input;
  const out = fitMeasures(base);
  const G = fiml.groups.length;
  const N = fiml.stats.ntotal;
  const npar = base.npar;
  const exo = base.exoIndex ?? [];
  let logl = 0;
  let h1 = 0;
  let lb = 0;
  let gfi = 0;
  for (let g = 0; g < G; g++) {
    const grp = fiml.groups[g]!;
    const m2ll = grp.n * ev.groups[g]!.f + grp.h1m2ll;
    // under fixed.x lavaan reports the likelihoods conditional on the covariates (fit/measures.ts)
    const lx = exoLogLikelihood(fiml.stats.groups[g]!, exo);
    logl += -0.5 * (m2ll + observedCells(fiml, g) * LOG2PI) - lx;
    h1 += fiml.h1[g]!.logl - lx;
    lb += baselineLogLikelihood(fiml, g, exo) - lx;
    const obs = pairwiseMoments(grp.patterns, grp.p);
    const imp = ev.groups[g]!.implied;
    gfi +=
      (grp.n / N) * groupGfi(grp.patterns, ev.groups[g]!.sigmaInv, obs.cov, obs.mean, imp.sigma, imp.mu, grp.p, exo);
  }
  const p = fiml.groups[0]!.p;
  const baseChisq = 2 * (h1 - lb);
  const baseDf = baselineDf(p, exo.length, G);
  const chisq = out.chisq!;
  const df = base.df;
  const inc = incrementalIndices({ chisq, df, baselineChisq: baseChisq, baselineDf: baseDf });
  Object.assign(out, {
    "baseline.chisq": baseChisq,
    "baseline.df": baseDf,
    "baseline.pvalue": chisqUpper(baseChisq, baseDf),
    ...inc,
    logl,
    "unrestricted.logl": h1,
    aic: -2 * logl + 2 * npar,
    bic: -2 * logl + npar * log(N),
    bic2: -2 * logl + npar * log((N + 2) / 24),
    gfi,
    agfi: agfi(gfi, base.nel, df),
    pgfi: pgfi(gfi, base.nel, df),
  });
  if (input.corrected)
    Object.assign(
      out,
      robustFimlMeasures({ fiml, prob: input.prob, evaluation: ev, df, baselineDf: baseDf, exoIndex: exo }),
    );
  return out;
}
