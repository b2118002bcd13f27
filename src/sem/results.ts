/**
 * The result of a fit, with lavaan's names: parameter rows as parameterEstimates(standardized = TRUE)
 * and fit measures as fitMeasures(). Numbers that do not exist (z of a fixed parameter) are null.
 */
import type { Warning } from "./messages.js";
import type { DroppedRow } from "./data/index.js";
import type { BootstrapResult } from "./bootstrap/types.js";
import type { FitMeasures } from "./fit/names.js";

export interface ParameterEstimate {
  lhs: string;
  op: string;
  rhs: string;
  group: number;
  label: string;
  est: number | null;
  se: number | null;
  z: number | null;
  pvalue: number | null;
  "ci.lower": number | null;
  "ci.upper": number | null;
  "std.lv": number | null;
  "std.all": number | null;
}

export interface ModIndex {
  lhs: string;
  op: string;
  rhs: string;
  group: number;
  mi: number;
  epc: number;
  "sepc.lv": number;
  "sepc.all": number;
  /** lavaan's sepc.nox (given for ordinal fits) */
  "sepc.nox"?: number;
}

export interface FitResult {
  converged: boolean;
  iterations: number;
  estimator: string;
  /** observations used per group */
  nobs: number[];
  groupLabels: string[];
  /** free parameters, counting each equality-constrained copy (lavaan's lavInspect(fit, "npar")) */
  npar: number;
  /** fitMeasures() under lavaan's names */
  fit: FitMeasures;
  parameters: ParameterEstimate[];
  modindices?: ModIndex[];
  warnings: Warning[];
  /** rows excluded from the analysis, with the reason */
  dropped: DroppedRow[];
  /** missing-data method: "listwise" deletion, full-information ML ("fiml"), "pairwise" (ordinal data) */
  missing?: "listwise" | "fiml" | "pairwise";
  /** FIML: number of missing-data patterns per group (lavaan's "Number of missing patterns") */
  missingPatterns?: number[];
  /** what each defaulted option resolved to */
  resolutions: string[];
  /** variables in the order of the model's covariance matrix */
  observed: string[];
  latent: string[];
  /** exogenous observed covariates whose moments are fixed at their sample values (fixed.x) */
  exogenous: string[];
  /** bootstrap standard errors and intervals, when asked (bootstrap/index.ts) */
  bootstrap?: BootstrapResult;
}
