/**
 * The names of the fit measures, lavaan 0.6.14's fitMeasures() names, in lavaan's order: a closed
 * union, so that a misspelt name is a type error. Which of them a fit reports depends on the
 * estimator and the data method (the scaled and robust names only under MLM / MLR, the robust
 * family also under full-information ML), as in lavaan.
 */
export const FIT_MEASURE_NAMES = [
  "npar",
  "fmin",
  "chisq",
  "df",
  "pvalue",
  "chisq.scaled",
  "df.scaled",
  "pvalue.scaled",
  "chisq.scaling.factor",
  "baseline.chisq",
  "baseline.df",
  "baseline.pvalue",
  "baseline.chisq.scaled",
  "baseline.df.scaled",
  "baseline.pvalue.scaled",
  "baseline.chisq.scaling.factor",
  "cfi",
  "tli",
  "cfi.scaled",
  "tli.scaled",
  "cfi.robust",
  "tli.robust",
  "nnfi",
  "rfi",
  "nfi",
  "pnfi",
  "ifi",
  "rni",
  "nnfi.scaled",
  "rfi.scaled",
  "nfi.scaled",
  "pnfi.scaled",
  "ifi.scaled",
  "rni.scaled",
  "nnfi.robust",
  "rni.robust",
  "logl",
  "unrestricted.logl",
  "aic",
  "bic",
  "ntotal",
  "bic2",
  "scaling.factor.h1",
  "scaling.factor.h0",
  "rmsea",
  "rmsea.ci.lower",
  "rmsea.ci.upper",
  "rmsea.ci.level",
  "rmsea.pvalue",
  "rmsea.close.h0",
  "rmsea.notclose.pvalue",
  "rmsea.notclose.h0",
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

/**
 * Names only fits of ordinal data report: lavaan's WRMR, and the shift of the scaled-shifted test
 * (lavaan 0.6.14 keeps it in lavInspect(fit, "test"), not in fitMeasures()).
 */
export const ORDINAL_MEASURE_NAMES = ["chisq.shift.parameter", "wrmr"] as const;

export type FitMeasureName = (typeof FIT_MEASURE_NAMES)[number] | (typeof ORDINAL_MEASURE_NAMES)[number];

/** Fit measures by lavaan's names (NaN where lavaan gives NA); a fit reports a subset of the names. */
export type FitMeasures = { [K in FitMeasureName]?: number };

const NAMES: ReadonlySet<string> = new Set([...FIT_MEASURE_NAMES, ...ORDINAL_MEASURE_NAMES]);

export function isFitMeasureName(name: string): name is FitMeasureName {
  return NAMES.has(name);
}
