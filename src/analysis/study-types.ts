/** The input and the result of a study analysis (runStudy in study.ts); the JSON shape is in docs/internals.md. */
import type { ResponseExclusion } from "../instrument/index.js";
import type { DataTable, DroppedRow } from "../sem/data/index.js";
import type { Warning } from "../sem/messages.js";
import type { ParameterEstimate } from "../sem/results.js";
import type { ModelSyntax } from "../sem/syntax/index.js";
import type { StudyDesign } from "./design.js";
import type { ItemDescriptives } from "./descriptives.js";
import type { HypothesisRow } from "./hypotheses.js";
import type { Lrt } from "./lrt.js";
import type { Mardia, MahalanobisRow } from "./multivariate.js";
import type { Alpha, SecondOrderReliability } from "./reliability.js";
import type { FornellLarcker, Htmt } from "./validity.js";

export interface StudyInput {
  design: StudyDesign;
  data: DataTable;
  /** "ML" (default) or a robust estimator the engine offers */
  estimator?: string;
  /** extra missing-value codes besides "" and NA */
  na?: string[];
  /** missing-data method of every model fit: "listwise" (default) or "fiml" (and its synonyms) */
  missing?: string;
  /** a structural model to fit instead of the one generated from the design (`--model FILE`) */
  structural?: { syntax: ModelSyntax; text: string };
  /** how the responses were loaded against an instrument (instrument/responses.ts), reported as is */
  responses?: ResponsesNote;
  /**
   * items fitted as ordered (lavaan's `ordered =`): true for every item of the design, or their
   * names; the models are then fitted by WLSMV unless `estimator` names another of its family
   */
  ordered?: true | readonly string[];
}

export interface ResponsesNote {
  /** "isrs-v1 1.0.0" */
  instrument: string;
  /** reverse-keyed items recoded (min + max - x) before the analysis */
  recoded: string[];
  /** every value, row or column the loader left out, with the reason */
  excluded: ResponseExclusion[];
}

export type ModelName = "measurement" | "second.order" | "structural";

export interface FittedModel {
  name: ModelName;
  /** lavaan syntax that was fitted */
  syntax: string;
  converged: boolean;
  estimator: string;
  /** how missing answers were handled in the fit */
  missing: "listwise" | "fiml" | "pairwise";
  nobs: number;
  npar: number;
  /** every fitMeasures() name the engine computes */
  fit: Record<string, number>;
  /** parameterEstimates(fit, standardized = TRUE) rows */
  parameters: ParameterEstimate[];
  /** lavInspect(fit, "r2"): 1 - std.all residual variance of each endogenous variable */
  r2: Record<string, number>;
  warnings: Warning[];
}

export interface ConstructReliability {
  construct: string;
  items: string[];
  /** psych::alpha */
  alpha: Alpha;
  /** semTools::compRelSEM (measurement model): Green & Yang's categorical omega for ordered items */
  omega: number;
  /** semTools::AVE (measurement model) */
  ave: number;
  /** values below the usual cut-offs (reliability.ts RELIABILITY_CUTOFFS), e.g. "AVE < 0.50" */
  flags: string[];
  /** constructs with an ordered item: the coefficients of ordered items (`omega` is then the categorical one) */
  ordinal?: OrdinalReliability;
}

/** Reliability of a construct measured by ordered items (ordinal-reliability.ts); NaN (null in JSON) when mixed. */
export interface OrdinalReliability {
  /**
   * coefficient alpha of the polychoric correlations (Zumbo et al. 2007):
   * compRelSEM(tau.eq = TRUE, ord.scale = FALSE)
   */
  ordinalAlpha: number;
  /** Green & Yang (2009): compRelSEM()'s default for ordered items */
  categoricalOmega: number;
}

export interface StudyResults {
  estimator: string;
  /** the items fitted as ordered (empty: every item continuous) */
  ordered: string[];
  design: StudyDesign;
  data: {
    file: string;
    /** data rows in the file */
    rows: number;
    /** rows complete on every item: the sample of the models, alpha, HTMT, Mardia */
    complete: number;
    /** rows left out (listwise deletion), with the items missing in each */
    dropped: DroppedRow[];
    /** present when the responses were loaded against an instrument */
    responses?: ResponsesNote;
  };
  screening: {
    items: ItemDescriptives[];
    mardia: Mardia;
    mahalanobis: { alpha: number; df: number; outliers: number; rows: MahalanobisRow[] };
  };
  reliability: ConstructReliability[];
  secondOrder: SecondOrderReliability[];
  validity: { fornellLarcker: FornellLarcker; htmt: Htmt };
  models: FittedModel[];
  comparison: Lrt | null;
  hypotheses: HypothesisRow[];
}
