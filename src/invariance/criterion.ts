/**
 * What a step reports and how the verdict is named: the fit measures of ML and of MLM / MLR
 * steps (ordinal steps: ordinal.ts), and the criterion's text with the CFI and RMSEA it reads.
 */
import { CFI_CUTOFF, RMSEA_CUTOFF, type MeasureFamily } from "./compare.js";
import type { Criterion } from "./steps.js";
import type { CriterionInfo } from "./types.js";

export const ML_MEASURES = ["npar", "chisq", "df", "pvalue", "cfi", "tli", "rmsea", "srmr", "aic", "bic"] as const;
export const ROBUST_MEASURES = [
  "npar",
  "chisq",
  "df",
  "pvalue",
  "chisq.scaled",
  "df.scaled",
  "pvalue.scaled",
  "chisq.scaling.factor",
  "cfi",
  "tli",
  "rmsea",
  "cfi.scaled",
  "tli.scaled",
  "rmsea.scaled",
  "cfi.robust",
  "tli.robust",
  "rmsea.robust",
  "srmr",
  "aic",
  "bic",
] as const;

export function criterionInfo(name: Criterion, family: MeasureFamily): CriterionInfo {
  const cfi = family === "plain" ? "cfi" : family === "robust" ? "cfi.robust" : "cfi.scaled";
  const rmsea = family === "plain" ? "rmsea" : family === "robust" ? "rmsea.robust" : "rmsea.scaled";
  const tag = family === "plain" ? "" : family === "robust" ? " (robust)" : " (scaled)";
  const cfiText =
    `ΔCFI${tag} ≤ ${CFI_CUTOFF} fails (Cheung & Rensvold 2002); ` +
    `ΔRMSEA${tag} ≥ ${RMSEA_CUTOFF} flagged beside it (Chen 2007)`;
  const chisqText = "the difference test's p < .05 fails";
  const text = name === "cfi" ? cfiText : name === "chisq" ? chisqText : `${cfiText}; and ${chisqText}`;
  return { name, cfi, rmsea, text };
}
