/** The result of a measurement-invariance analysis, as the JSON prints it (lavaan's names for the fit measures). */
import type { FitMeasureName } from "../sem/fit/names.js";
import type { Warning } from "../sem/messages.js";
import type { Comparison } from "./compare.js";
import type { Criterion, StepName } from "./steps.js";

/** The fit measures a step reports (fitMeasures() names; the scaled and robust ones under MLM / MLR). */
export type StepFitMeasures = Partial<Record<FitMeasureName, number | null>>;

export interface StepResult {
  name: StepName;
  /** lavaan's group.equal of the step */
  groupEqual: string[];
  /** lavaan's group.partial: parameters left free across groups ("x3~1") */
  freed: string[];
  converged: boolean;
  fit: StepFitMeasures;
  warnings: Warning[];
}

export interface StepComparison extends Comparison {
  from: StepName;
  to: StepName;
  /** the parameters freed in the more constrained model */
  freed: string[];
}

export interface ScoreTestRow {
  step: StepName;
  /** 1 for the step's model, 2.. for each partial model after it */
  round: number;
  /** the parameter: lhs, op, rhs as lavaan's parTable, and the group (1-based) of the copy released */
  lhs: string;
  op: string;
  rhs: string;
  group: number;
  /** lavaan's plabels of the two copies (".p27.", ".p63."); a fixed parameter freed has one */
  plabels: string[];
  X2: number | null;
  df: number;
  pvalue: number | null;
  /** a constraint the step adds (those the partial search may free) */
  candidate: boolean;
}

export interface ScoreTotal {
  step: StepName;
  round: number;
  X2: number | null;
  df: number;
  pvalue: number | null;
}

export interface PartialRound {
  step: StepName;
  /** every parameter freed in this model, in the order freed */
  freed: string[];
  fit: StepFitMeasures;
  comparison: StepComparison;
}

export interface LatentRow {
  lhs: string;
  op: string;
  group: number;
  est: number | null;
  se: number | null;
  z: number | null;
  pvalue: number | null;
}

export interface LatentComparison {
  /** the step whose model the latent parameters are read from, with its freed parameters */
  step: StepName;
  freed: string[];
  /** the latent (residual) variances per group, and the test of holding them equal (group.equal + lv.variances) */
  variances: { rows: LatentRow[]; test: Comparison | null } | null;
  /** latent means of groups 2.. (group 1 at 0), and the test of holding them equal (+ means) */
  means: { rows: LatentRow[]; test: Comparison | null } | null;
}

export interface CriterionInfo {
  name: Criterion;
  /** the measures the verdict reads */
  cfi: "cfi" | "cfi.robust" | "cfi.scaled";
  rmsea: "rmsea" | "rmsea.robust" | "rmsea.scaled";
  text: string;
}

export interface InvarianceResult {
  group: string;
  groups: string[];
  nobs: number[];
  estimator: string;
  /** ordinal indicators: lavaan's parameterization (delta or theta) */
  parameterization?: "delta" | "theta";
  criterion: CriterionInfo;
  partialMode: "auto" | "none" | "list";
  steps: StepResult[];
  comparisons: StepComparison[];
  scoreTests: ScoreTestRow[];
  scoreTotals: ScoreTotal[];
  partial: PartialRound[];
  /** the last step supported (the first step when no comparison holds), with its freed parameters */
  supported: { step: StepName; freed: string[] };
  latent: LatentComparison | null;
  notes: string[];
}
