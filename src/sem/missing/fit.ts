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
import { fitMeasures, type FitInput } from "../fit/measures.js";
import { incrementalIndices } from "../fit/incremental.js";
import { matmul } from "../linalg/dense.js";
import { availableCaseMoments } from "./em.js";
import { pairwiseMoments } from "./patterns.js";
import { fimlProblem } from "./objective.js";
import { robustFimlMeasures } from "./robust-fit.js";
import type { FimlStats } from "./samplestats.js";

const LOG2PI = Math.log(2 * Math.PI);

/** The FIML problem with per-pattern metrics, evaluated at θ̂ (for GFI, the expected information and modification indices). */
export function fimlEvaluation(prob: Problem, theta: Float64Array, fiml: FimlStats): { prob: Problem; evaluation: Evaluation } | null {
  const withMetrics = fimlProblem(prob.rep, prob.stats, prob.rowValues, fiml.groups, { metrics: true });
  const evaluation = evaluate(withMetrics, theta);
  return Number.isFinite(evaluation.f) ? { prob: withMetrics, evaluation } : null;
}

/** Cells observed in a group (Σ_k n_k p_k), for the 2π constant. */
function observedCells(fiml: FimlStats, g: number): number {
  return fiml.groups[g]!.patterns.reduce((a, pt) => a + pt.n * pt.obs.length, 0);
}

/** log-likelihood of the independence model fitted by FIML, per group. */
export function baselineLogLikelihood(fiml: FimlStats, g: number): number {
  const grp = fiml.groups[g]!;
  const { sigma } = availableCaseMoments(grp.patterns, grp.p);
  const cnt = new Float64Array(grp.p);
  for (const pt of grp.patterns) for (const j of pt.obs) cnt[j] += pt.n;
  let ll = 0;
  for (let j = 0; j < grp.p; j++) ll += -0.5 * cnt[j]! * (LOG2PI + Math.log(sigma[j * grp.p + j]!) + 1);
  return ll;
}

function groupGfi(E: readonly { w: number; E: Float64Array }[], S: Float64Array, mean: Float64Array, sigma: Float64Array, mu: Float64Array, p: number): number {
  const R = Float64Array.from(S, (x, i) => x - sigma[i]!);
  let num = 0;
  let den = 0;
  for (const m of E) {
    const A = matmul(m.E, R, p, p, p);
    const B = matmul(m.E, S, p, p, p);
    let tA = 0;
    let tB = 0;
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) {
      tA += A[i * p + j]! * A[j * p + i]!;
      tB += B[i * p + j]! * B[j * p + i]!;
    }
    let qd = 0;
    let qm = 0;
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) {
      qd += (mean[i]! - mu[i]!) * m.E[i * p + j]! * (mean[j]! - mu[j]!);
      qm += mean[i]! * m.E[i * p + j]! * mean[j]!;
    }
    num += m.w * (0.5 * tA + qd);
    den += m.w * (0.5 * tB + qm);
  }
  return 1 - num / den;
}

export interface FimlFitInput {
  /** the complete-data adapter's input, with the EM moments as sample statistics */
  readonly base: FitInput;
  readonly fiml: FimlStats;
  /** the FIML problem with per-pattern metrics and its evaluation at θ̂ */
  readonly prob: Problem;
  readonly evaluation: Evaluation;
  /** add lavaan's FIML-corrected robust indices of plain ML ("V6"); false when a scaled test (MLR) brings its own */
  readonly corrected: boolean;
}

export function fimlFitMeasures(input: FimlFitInput): Record<string, number> {
  const { base, fiml, evaluation: ev } = input;
  const out = fitMeasures(base);
  const G = fiml.groups.length;
  const N = fiml.stats.ntotal;
  const npar = base.npar;
  let logl = 0;
  let h1 = 0;
  let lb = 0;
  let gfi = 0;
  for (let g = 0; g < G; g++) {
    const grp = fiml.groups[g]!;
    const m2ll = grp.n * ev.groups[g]!.f + grp.h1m2ll;
    logl += -0.5 * (m2ll + observedCells(fiml, g) * LOG2PI);
    h1 += fiml.h1[g]!.logl;
    lb += baselineLogLikelihood(fiml, g);
    const obs = pairwiseMoments(grp.patterns, grp.p);
    const imp = ev.groups[g]!.implied;
    gfi += (grp.n / N) * groupGfi(ev.groups[g]!.metrics ?? [{ w: 1, E: ev.groups[g]!.sigmaInv }], obs.cov, obs.mean, imp.sigma, imp.mu, grp.p);
  }
  const p = fiml.groups[0]!.p;
  const baseChisq = 2 * (h1 - lb);
  const baseDf = G * ((p * (p - 1)) / 2);
  const chisq = out.chisq!;
  const df = base.df;
  const inc = incrementalIndices({ chisq, df, baselineChisq: baseChisq, baselineDf: baseDf });
  Object.assign(out, {
    "baseline.chisq": baseChisq, "baseline.df": baseDf, "baseline.pvalue": chisqUpper(baseChisq, baseDf),
    ...inc,
    logl, "unrestricted.logl": h1,
    aic: -2 * logl + 2 * npar, bic: -2 * logl + npar * Math.log(N), bic2: -2 * logl + npar * Math.log((N + 2) / 24),
    gfi, agfi: df > 0 ? 1 - (base.nel / df) * (1 - gfi) : NaN, pgfi: base.nel > 0 ? (df / base.nel) * gfi : NaN,
  });
  if (input.corrected) Object.assign(out, robustFimlMeasures({ fiml, prob: input.prob, evaluation: ev, df, baselineDf: baseDf }));
  return out;
}
