/**
 * Scaled test statistics T/c with c = tr(UΓ)/df (Satorra & Bentler 1994; lavaan's
 * lav_test_satorra_bentler and lav_test_yuan_bentler). Both take only the pieces they need, so
 * any provider (complete data here, casewise-pattern data for FIML) can feed them.
 */
import { chisqUpper } from "../distributions/index.js";
import { traceProduct } from "./sandwich.js";

export interface ScaledTest {
  /** tr(UΓ) */
  readonly trace: number;
  /** c = tr(UΓ)/df; NaN when df = 0 or c < 0 (lavaan gives NA) */
  readonly scalingFactor: number;
  readonly chisqScaled: number;
  readonly pvalueScaled: number;
}

export function scaledTest(chisq: number, df: number, trace: number): ScaledTest {
  let c = df > 0 ? trace / df : NaN;
  if (c < 0) c = NaN;
  const chisqScaled = df > 0 ? chisq / c : chisq;
  // df = 0: lavaan stops before the trace and reports the unscaled statistic, c = NA
  return {
    trace: df > 0 ? trace : NaN,
    scalingFactor: c,
    chisqScaled,
    pvalueScaled: df > 0 ? chisqUpper(chisqScaled, df) : NaN,
  };
}

/**
 * Satorra-Bentler: with U = W − WΔ(ΔᵀWΔ)⁻¹ΔᵀW stacked over groups (W_g weighted by n_g/N and
 * Γ_g by N/n_g, lavaan's lav_test_satorra_bentler_trace_original),
 *   tr(UΓ) = Σ_g tr(W_g Γ_g) − tr(E⁻¹ Σ_g (n_g/N) Δ_gᵀ W_g Γ_g W_g Δ_g),
 * i.e. the sum of traceWGamma() over groups minus tr(E⁻¹ B) with E the expected information
 * and B the MLM meat.
 */
export function satorraBentlerTrace(
  traceWGammaSum: number,
  informationInverse: Float64Array,
  meat: Float64Array,
  q: number,
): number {
  return traceWGammaSum - traceProduct(informationInverse, meat, q);
}

export interface YuanBentlerTrace {
  readonly trace: number;
  /** Σ_g tr(A1_g⁻¹ B1_g) / (non-fixed.x sample moments): lavaan's scaling.factor.h1 */
  readonly scalingFactorH1: number;
  /** tr(A⁻¹ B0) / npar: lavaan's scaling.factor.h0 */
  readonly scalingFactorH0: number;
}

/**
 * Yuan-Bentler, Mplus variant ("yuan.bentler.mplus", lavaan's default for MLR;
 * Yuan & Bentler 2000; Asparouhov & Muthén's Mplus technical appendix):
 *   tr(UΓ) = Σ_g tr(A1_g⁻¹ B1_g) − tr(A⁻¹ B0),
 * where A1_g, B1_g are the unstructured (h1) information and first-order information of group
 * g (for complete data tr(A1⁻¹B1) = tr(W(S) Γ), see casewise.traceWGamma), A the observed
 * information and B0 the casewise-score meat of the model, both per observation.
 */
export function yuanBentlerMplusTrace(
  traceH1: number,
  ndatH1: number,
  breadInverse: Float64Array,
  meat: Float64Array,
  q: number,
  npar: number,
): YuanBentlerTrace {
  const h0 = traceProduct(breadInverse, meat, q);
  return { trace: traceH1 - h0, scalingFactorH1: traceH1 / ndatH1, scalingFactorH0: h0 / npar };
}
