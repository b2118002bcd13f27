/**
 * The parameter table: one row per parameter, keyed lhs/op/rhs/group as lavaan's partable and
 * parameterEstimates(). Rows written by the user come first, in the order of the model text,
 * then the rows the defaults add (residual variances, exogenous covariances, intercepts).
 */
import type { Warning } from "../messages.js";

export type ParOp = "=~" | "~" | "~~" | "~1" | ":=" | "==" | "|" | "~*~";

export interface ParRow {
  /** 1-based position in the table (lavaan's `id`). */
  readonly id: number;
  readonly lhs: string;
  readonly op: ParOp;
  readonly rhs: string;
  /** 1-based group; 0 for `:=` and `==` rows, which belong to no group. */
  readonly group: number;
  /** true when the row comes from the model text, false when a default added it. */
  readonly user: boolean;
  /** 0 for a fixed parameter, otherwise the 1-based index of the free parameter θ it maps to. */
  free: number;
  /** value when fixed; start value when free. */
  value: number;
  /** user label, `.pN.` for a group.equal constraint, or "". */
  label: string;
  /** fixed.x: variance, covariance or mean of an exogenous observed covariate, fixed at its sample value. */
  exo: boolean;
  /** true when the start value came from the model (start() or a fixed value turned free). */
  userStart: boolean;
}

/** Options that decide the defaults, resolved once (see options.ts). */
export interface ModelOptions {
  stdLv: boolean;
  meanstructure: boolean;
  growth: boolean;
  fixedX: boolean;
  groupEqual: readonly GroupEqual[];
  /** lavaan's group.partial ("x3~1", "visual=~x2", spaces removed): left free across groups; default none */
  groupPartial?: readonly string[];
}

export const GROUP_EQUAL = [
  "loadings",
  "intercepts",
  "means",
  "residuals",
  "residual.covariances",
  "lv.variances",
  "lv.covariances",
  "regressions",
  "thresholds",
] as const;
export type GroupEqual = (typeof GROUP_EQUAL)[number];

/** The variable sets lavaan derives from a model (lav_partable_vnames), in lavaan's order. */
export interface VariableSets {
  /** latent variables: lhs of =~, in order of appearance */
  lv: string[];
  /** observed variables: indicators, then dependents, then predictors, then the rest */
  ov: string[];
  /** observed indicators of latent variables */
  ovInd: string[];
  /** exogenous observed covariates under fixed.x */
  ovX: string[];
  /** exogenous latent variables (neither indicators nor dependents) */
  lvX: string[];
  /** final dependent observed variables (not indicators, not predictors) */
  ovY: string[];
  /** final dependent latent variables */
  lvY: string[];
}

export interface ParameterTable {
  readonly rows: ParRow[];
  readonly ngroups: number;
  readonly groupLabels: string[];
  readonly vars: VariableSets;
  /** number of free parameters (distinct θ entries) */
  readonly nfree: number;
  readonly options: ModelOptions;
  /** what building the table noticed (elements written twice), reported with the results */
  readonly warnings: readonly Warning[];
  /**
   * sample statistics per fit when they are not means and (co)variances (ordinal indicators:
   * thresholds, variances of continuous variables and correlations, all groups); absent otherwise
   */
  readonly nmoments?: number;
}
