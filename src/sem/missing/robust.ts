/**
 * Robust ML with missing data (--estimator MLR --missing fiml), as lavaan 0.6.14 computes it:
 * - vcov = A⁻¹ B₀ A⁻¹ / N with A the observed information of the FIML likelihood
 *   (missing/observed-information.ts) and B₀ = (1/N) Σ_i s_i s_iᵀ of the casewise FIML scores
 *   (missing/scores.ts) (lav_model_nvcov_robust_sandwich);
 * - the Yuan-Bentler "mplus" scaled test (lav_test_yuan_bentler_mplus_trace) with
 *   tr(UΓ) = Σ_g tr(A1_g⁻¹ B1_g) − tr(A⁻¹ B₀), where A1_g and B1_g are the observed and the
 *   first-order h1 informations under missing data at the EM moments (lavaan sets h1.information
 *   = "unstructured" for this test);
 * - the baseline model's scaled test the same way: its observed information is diagonal at its
 *   estimates (n_j/(N s_j²) for a mean, n_j/(2N s_j⁴) for a variance) and its casewise scores
 *   are univariate, so tr(A_b⁻¹ B₀,b) = Σ_g Σ_j [1 + (m4_j/s_j⁴ − 1)/2], m4_j the fourth central
 *   moment of the observed values of variable j;
 * - the scaled measures of robust/measures.ts, and lavaan's FIML-corrected robust indices in
 *   their "V3" version (missing/robust-fit.ts), which replace the complete-data robust ones.
 */
import type { Evaluation, Problem } from "../estimate/ml.js";
import { robustFitMeasures } from "../robust/measures.js";
import type { RobustOutput } from "../robust/index.js";
import { sandwichVcov } from "../robust/sandwich.js";
import { scaledTest, yuanBentlerMplusTrace, type ScaledTest } from "../robust/scaled-test.js";
import { availableCaseMoments } from "./em.js";
import { baselineDf, baselineLogLikelihood } from "./fit.js";
import { h1Size } from "./h1-information.js";
import { h1Keep } from "./h1-limit.js";
import { correctedMeasures, correctedPieces, pick, traceV3 } from "./robust-fit.js";
import { dot } from "../linalg/dense.js";
import type { FimlStats } from "./samplestats.js";
import { casewiseScores, firstOrderInformation, h1CasewiseScores } from "./scores.js";

export interface FimlRobustInput {
  readonly prob: Problem;
  readonly theta: Float64Array;
  readonly evaluation: Evaluation;
  /** observed information per observation at θ̂ */
  readonly information: Float64Array;
  readonly fiml: FimlStats;
  readonly chisq: number;
  readonly df: number;
  /** positions of the fixed.x covariates; none by default */
  readonly exoIndex?: readonly number[];
}

const NA_TEST: ScaledTest = { trace: NaN, scalingFactor: NaN, chisqScaled: NaN, pvalueScaled: NaN };

/** tr(A_b⁻¹ B₀,b) of the independence model (see the header). */
function baselineTraceH0(fiml: FimlStats, exo: readonly number[]): number {
  let tr = 0;
  for (const grp of fiml.groups) {
    const p = grp.p;
    const { mean, sigma } = availableCaseMoments(grp.patterns, p);
    for (let j = 0; j < p; j++) {
      if (exo.includes(j)) continue; // fixed.x: the covariates' moments are not parameters
      let n = 0;
      let m4 = 0;
      for (let r = 0; r < grp.n; r++) {
        const x = grp.X[r * p + j]!;
        if (Number.isNaN(x)) continue;
        const d = x - mean[j]!;
        m4 += d * d * d * d;
        n++;
      }
      const s2 = sigma[j * p + j]!;
      tr += 1 + (m4 / n / (s2 * s2) - 1) / 2;
    }
  }
  return tr;
}

export function fimlRobustEstimation(input: FimlRobustInput): RobustOutput {
  const { prob, fiml, evaluation: ev, df } = input;
  const q = prob.rep.nfree;
  const N = fiml.stats.ntotal;
  const G = fiml.groups.length;
  const meat = new Float64Array(q * q);
  fiml.groups.forEach((grp, g) => {
    const S = casewiseScores(prob.rep.groups[g]!, ev.groups[g]!.implied, q, grp.patterns, grp.X, grp.n);
    const B = S === null ? new Float64Array(q * q).fill(NaN) : firstOrderInformation(S, q, grp.n);
    for (let i = 0; i < q * q; i++) meat[i] += (grp.n / N) * B[i]!;
  });
  const sw = sandwichVcov(input.information, meat, q, N);
  const exo = input.exoIndex ?? [];
  const pc = correctedPieces({ fiml, prob, evaluation: ev, df, baselineDf: 0, exoIndex: exo });
  // h1 first-order informations at the EM moments (without the fixed.x coordinates), and Σ_g tr(A1⁻¹ B1)
  const Jm = fiml.groups.map((grp, g) => {
    const st = fiml.stats.groups[g]!;
    const ps = h1Size(grp.p);
    const S = h1CasewiseScores(grp.patterns, grp.X, grp.n, st.mean, st.S, grp.p);
    const J = S === null ? new Float64Array(ps * ps).fill(NaN) : firstOrderInformation(S, ps, grp.n);
    return exo.length === 0 ? J : pick(J, ps, h1Keep(grp.p, exo));
  });
  let traceH1 = 0;
  // tr(W_m⁻¹ J_m)
  pc.groups.forEach((g, gi) => (traceH1 += g.Wmi === null ? NaN : dot(Jm[gi]!, 0, g.Wmi, 0, g.ps * g.ps)));
  const ndat = pc.groups.reduce((a, g) => a + g.ps, 0);
  const npar = q;
  let test = NA_TEST;
  let h1h0: { h1: number; h0: number } | undefined;
  if (sw.breadInverse !== null) {
    const yb = yuanBentlerMplusTrace(traceH1, ndat, sw.breadInverse, meat, q, npar);
    test = scaledTest(input.chisq, df, yb.trace);
    h1h0 = { h1: yb.scalingFactorH1, h0: yb.scalingFactorH0 };
  }
  // the baseline (independence) model fitted by FIML
  const p = fiml.groups[0]!.p;
  const dfb = baselineDf(p, exo.length, G);
  let h1 = 0;
  let lb = 0;
  fiml.groups.forEach((_, g) => {
    h1 += fiml.h1[g]!.logl;
    lb += baselineLogLikelihood(fiml, g, exo);
  });
  const baseChisq = 2 * (h1 - lb);
  const baseTest = scaledTest(baseChisq, dfb, traceH1 - baselineTraceH0(fiml, exo));
  const measures = robustFitMeasures({
    chisq: input.chisq,
    df,
    ntotal: N,
    ngroups: G,
    test,
    baseline: { chisq: baseChisq, df: dfb, test: baseTest },
    h1h0,
  });
  const { k, kb } = traceV3(pc, Jm);
  Object.assign(measures, correctedMeasures(pc.T, pc.Tb, k / df, kb / dfb, df, dfb, N, G));
  return { vcov: sw.vcov, measures, test };
}
