/**
 * The names of the fit measures, as lavaan 0.6.14's fitMeasures() spells them. Every fit has the
 * ML measures; MLM and MLR add the scaled and robust ones; full-information ML adds the robust
 * CFI, TLI, RNI and RMSEA that lavaan corrects for missing data (unless W_ROBUST_SKIPPED says they
 * were not computed).
 */

/** Measures of every fit (ML, MLM, MLR; complete data or FIML). */
export const ML_MEASURES = [
  "npar",
  "fmin",
  "chisq",
  "df",
  "pvalue",
  "baseline.chisq",
  "baseline.df",
  "baseline.pvalue",
  "cfi",
  "tli",
  "nnfi",
  "rfi",
  "nfi",
  "pnfi",
  "ifi",
  "rni",
  "logl",
  "unrestricted.logl",
  "aic",
  "bic",
  "ntotal",
  "bic2",
  "rmsea",
  "rmsea.ci.lower",
  "rmsea.ci.upper",
  "rmsea.ci.level",
  "rmsea.pvalue",
  "rmsea.close.h0",
  "rmsea.notclose.pvalue",
  "rmsea.notclose.h0",
  "rmr",
  "rmr_nomean",
  "srmr",
  "srmr_bentler",
  "srmr_bentler_nomean",
  "crmr",
  "crmr_nomean",
  "srmr_mplus",
  "srmr_mplus_nomean",
  "cn_05",
  "cn_01",
  "gfi",
  "agfi",
  "pgfi",
  "mfi",
  "ecvi",
] as const;

/** Measures of the robust estimators (MLM, MLR), and the robust indices of FIML. */
export const ROBUST_MEASURES = [
  "chisq.scaled",
  "df.scaled",
  "pvalue.scaled",
  "chisq.scaling.factor",
  "baseline.chisq.scaled",
  "baseline.df.scaled",
  "baseline.pvalue.scaled",
  "baseline.chisq.scaling.factor",
  "cfi.scaled",
  "tli.scaled",
  "nnfi.scaled",
  "rfi.scaled",
  "nfi.scaled",
  "pnfi.scaled",
  "ifi.scaled",
  "rni.scaled",
  "cfi.robust",
  "tli.robust",
  "nnfi.robust",
  "rni.robust",
  "rmsea.scaled",
  "rmsea.ci.lower.scaled",
  "rmsea.ci.upper.scaled",
  "rmsea.pvalue.scaled",
  "rmsea.notclose.pvalue.scaled",
  "rmsea.robust",
  "rmsea.ci.lower.robust",
  "rmsea.ci.upper.robust",
  "rmsea.pvalue.robust",
  "rmsea.notclose.pvalue.robust",
  "scaling.factor.h1",
  "scaling.factor.h0",
] as const;

export type MlMeasureName = (typeof ML_MEASURES)[number];
export type RobustMeasureName = (typeof ROBUST_MEASURES)[number];
/** Every fit measure name the engine reports (lavaan's). */
export type FitMeasureName = MlMeasureName | RobustMeasureName;

/**
 * Fit measures by lavaan's names: the ML measures are always there, the robust ones only when the
 * estimator (or FIML) gives them. A value lavaan reports as NA is NaN.
 */
export type FitMeasures = { readonly [K in MlMeasureName]: number } & {
  readonly [K in RobustMeasureName]?: number;
};
