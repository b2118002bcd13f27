/**
 * StudyView: the study report's own view of the numbers it shows (and writes as results.json).
 * Adapters fill it (from-analysis.ts); study.ts renders it.
 */
import type { FitIndices } from "./cutoffs.js";
import type { DiagramGraph } from "./diagram/graph.js";

export interface LoadingRow {
  factor: string;
  indicator: string;
  est: number | null;
  se: number | null;
  pvalue: number | null;
  std: number | null;
}

export interface ReliabilityRow {
  construct: string;
  items: number;
  alpha?: number;
  /** composite reliability (omega); Green & Yang's categorical omega for ordered items */
  cr?: number;
  ave?: number;
  /** ordered items: coefficient alpha of the polychoric correlations (ordinal alpha) */
  ordinalAlpha?: number;
}

/** A square table of constructs: Fornell-Larcker (√AVE on the diagonal) or HTMT ratios. */
export interface ConstructMatrix {
  constructs: string[];
  /** row-major, null where nothing is shown */
  values: (number | null)[][];
}

export interface PathRow {
  from: string;
  to: string;
  est: number | null;
  se: number | null;
  pvalue: number | null;
  std: number | null;
}

export interface HypothesisRow {
  id: string;
  from: string;
  to: string;
  /** β (std.all) with its delta-method SE and the p of its own z, as standardizedSolution() */
  std: number | null;
  seStd: number | null;
  pvalueStd: number | null;
  /** the unstandardized b with its SE and p, as parameterEstimates() (the test behind "supported") */
  est: number | null;
  se: number | null;
  pvalue: number | null;
  supported: boolean;
  /** the hypothesised sign */
  expected?: "positive" | "negative";
}

export interface ItemStatsRow {
  item: string;
  n: number;
  mean: number;
  sd: number;
  skew: number;
  kurtosis: number;
  missing: number;
}

export interface ModelFitView extends FitIndices {
  name: string;
  estimator: string;
  converged: boolean;
}

export interface StudyView {
  title: string;
  subtitle: string;
  meta: { label: string; value: string }[];
  /** display names of variables and constructs; names not listed show as they are */
  labels: Record<string, string>;
  /** every row or value left out, with the reason (row null for a whole column) */
  sample: { n: number; excluded: { row: number | null; reason: string }[] };
  screening?: {
    items: ItemStatsRow[];
    /**
     * Mardia's tests as psych::mardia: b1p and its χ² statistic n·b1p/6 on df degrees of freedom;
     * b2p and its z statistic
     */
    mardia?: {
      b1p: number;
      skewChisq: number;
      skewDf: number;
      skewP: number;
      b2p: number;
      kurtosisZ: number;
      kurtosisP: number;
    };
    /** the rows flagged (p < alpha); an empty list says none was */
    outliers?: { id: string; d2: number; pvalue: number }[];
    /** how outliers were flagged: χ² df and the p-value threshold */
    outlierRule?: { df: number; alpha: number };
  };
  loadings: LoadingRow[];
  reliability: ReliabilityRow[];
  /**
   * the items fitted as ordered (WLSMV): reliability is then ordinal alpha and categorical omega,
   * HTMT on polychoric correlations; absent or empty when every item is continuous
   */
  ordered?: string[];
  fornellLarcker?: ConstructMatrix;
  htmt?: ConstructMatrix;
  secondOrder: LoadingRow[];
  /**
   * Reliability of each second-order factor: omega from its dimensions (semTools compRelSEM with
   * `higher`), and reliabilityL2's omegaL1, omegaL2 and partialOmegaL1
   */
  secondOrderReliability: {
    factor: string;
    dimensions: string[];
    omega: number;
    omegaL1: number;
    omegaL2: number;
    partialOmegaL1: number;
  }[];
  paths: PathRow[];
  r2: { variable: string; r2: number }[];
  models: ModelFitView[];
  comparisons: { a: string; b: string; dchisq: number; ddf: number; pvalue: number }[];
  hypotheses: HypothesisRow[];
  /** how "supported" was decided, shown under the table */
  hypothesisRule: string;
  diagram: DiagramGraph;
  /** models that did not converge or are not admissible, with the reason (the banner at the top) */
  problems: string[];
  warnings: string[];
  /** how the numbers were made, for the footer */
  provenance: string;
}
