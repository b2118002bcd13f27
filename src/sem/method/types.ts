/**
 * A data method: how the data enter the likelihood, chosen once per fit (method/index.ts). Each
 * method answers the same questions, so that the pipeline (fit-model.ts) never asks which one it
 * has: the sample statistics (the h1 moments), the objective and gradient (the Problem), the
 * optimizer's starts, the information behind the standard errors, the robust corrections
 * (MLM / MLR), the fit measures, and the basis of the modification indices.
 * Complete data (method/complete.ts) and full-information ML (method/fiml.ts) implement it; an
 * ordinal method (thresholds and polychoric moments with a weighted least-squares objective) would
 * be a third.
 */
import type { DataSet } from "../data/index.js";
import type { FitInput } from "../fit-model.js";
import type { Evaluation, Problem } from "../estimate/ml.js";
import type { FitInput as FitMeasuresInput } from "../fit/measures.js";
import type { Warning } from "../messages.js";
import type { FimlStats } from "../missing/samplestats.js";
import type { Representation } from "../model/representation.js";
import type { ResolvedOptions } from "../options.js";
import type { ParameterTable } from "../partable/types.js";
import type { RobustOutput } from "../robust/index.js";
import type { SampleStats } from "../samplestats/index.js";
import type { FitMeasures } from "../fit/names.js";
import type { ParameterRowsResult } from "../inference/parameters.js";
import type { ModIndex } from "../results.js";

export type DataMethodKind = "complete" | "fiml" | "ordinal";

/** What a method needs to know of the fit at θ̂ to give its robust corrections and fit measures. */
export interface AtEstimate {
  readonly prob: Problem;
  readonly theta: Float64Array;
  readonly evaluation: Evaluation;
  /** the information of `information()` at θ̂ */
  readonly information: Float64Array;
}

export interface DataMethod {
  readonly kind: DataMethodKind;
  /** the data the method uses (rows it could not use are listed in `data.dropped`) */
  readonly data: DataSet;
  readonly table: ParameterTable;
  /** the h1 moments per group: the sample moments (complete data) or their EM estimates (FIML) */
  readonly stats: SampleStats;
  /** FIML's patterns and EM results (tests and the bootstrap read them); null for complete data */
  readonly fiml: FimlStats | null;
  /** per group: the number of missing-data patterns (FIML) */
  readonly missingPatterns: number[] | undefined;
  /** warnings of the method itself (rows dropped, EM not converged, measures not computed) */
  readonly warnings: readonly Warning[];
  /** the estimation problem: the model's representation with this method's objective and gradient */
  problem(rep: Representation, rowValues: Float64Array): Problem;
  /** the optimizer's first start (from the model's start values) and its fallbacks */
  starts(prob: Problem, start: Float64Array): { first: Float64Array; fallbacks: Float64Array[] };
  /** the information per observation behind the standard errors (lavaan's default for the method) */
  information(prob: Problem, evaluation: Evaluation, theta: Float64Array): Float64Array;
  /** MLM / MLR: the sandwich covariance, the scaled test and the scaled and robust fit measures; ML: null */
  robust(at: AtEstimate, opts: ResolvedOptions): RobustOutput | null;
  /** the fit measures of the standard test (the robust ones are merged in by the pipeline) */
  fitMeasures(base: FitMeasuresInput, at: AtEstimate, robust: RobustOutput | null): FitMeasures;
  /** the problem, evaluation and (expected) information lavaan's modindices() uses */
  modindicesBasis(at: AtEstimate): { prob: Problem; evaluation: Evaluation; info: Float64Array };
  /** a method whose modification indices are not those of an ML discrepancy computes them itself (ordinal) */
  modindices?(at: AtEstimate, stdSource: ParameterRowsResult): ModIndex[];
}

/** What choosing a method starts from: the data read with the user's missing-data option, and the model. */
export interface PrepareContext {
  readonly input: FitInput;
  readonly opts: ResolvedOptions;
  /** the observed variables of the model, in lavaan's order */
  readonly ov: readonly string[];
  readonly data: DataSet;
  readonly table: ParameterTable;
  /** the parameter table for other group labels (when the method drops a whole group's rows) */
  readonly tableFor: (groupLabels: string[]) => ParameterTable;
}

/** What a method is created from, once its data and the degrees of freedom are settled. */
export interface CreateContext {
  readonly input: FitInput;
  readonly opts: ResolvedOptions;
  readonly data: DataSet;
  readonly table: ParameterTable;
  readonly df: number;
  /** sample moments without the fixed.x ones (lavaan's h1.ndat) */
  readonly nel: number;
}

/** A data method before it sees the data: which rows it uses, then the method itself. */
export interface DataMethodSpec {
  readonly kind: DataMethodKind;
  /** the data set and parameter table this method fits; bad input throws an InputError */
  select(ctx: PrepareContext): { data: DataSet; table: ParameterTable };
  /** the method on those data (sample statistics computed here); bad input throws an InputError */
  create(ctx: CreateContext): DataMethod;
}
