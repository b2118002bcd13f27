/**
 * The product of a fit: one read-only FittedModel holding every step's result (options as
 * resolved, the data method and its data, the parameter table, the h1 moments, the problem, θ̂,
 * the evaluation, the information, the covariance matrix of the estimates, the robust test, the
 * parameter rows, the fit measures and the warnings). Every output is a view of it (views.ts).
 */
import type { DataSet } from "./data/index.js";
import type { Evaluation, Problem } from "./estimate/ml.js";
import type { FitInput } from "./fit-model.js";
import type { ParameterRowsResult } from "./inference/parameters.js";
import type { VcovResult } from "./inference/vcov.js";
import type { FitMeasures } from "./fit/names.js";
import type { Warning } from "./messages.js";
import type { DataMethod } from "./method/index.js";
import type { FimlStats } from "./missing/samplestats.js";
import type { ResolvedOptions } from "./options.js";
import type { ParameterTable } from "./partable/types.js";
import type { RobustOutput } from "./robust/index.js";
import type { SampleStats } from "./samplestats/index.js";

/** Everything fixed before estimation: options, data method, data, parameter table, h1 moments, problem, start. */
export interface PreparedFit {
  readonly input: FitInput;
  readonly opts: ResolvedOptions;
  readonly method: DataMethod;
  readonly data: DataSet;
  readonly table: ParameterTable;
  /** sample moments (without and with the fixed.x ones) and degrees of freedom */
  readonly nel: number;
  readonly nelAll: number;
  readonly df: number;
  /** the h1 moments: sample moments, or their EM estimates under full-information ML */
  readonly stats: SampleStats;
  readonly prob: Problem;
  readonly start: { readonly theta: Float64Array; readonly rowValues: Float64Array };
  /** full-information ML: patterns and EM (h1) moments per group; null for complete data */
  readonly fiml: FimlStats | null;
}

export interface FittedModel extends PreparedFit {
  /** θ̂, the free parameters at the optimum */
  readonly theta: Float64Array;
  readonly optimization: { readonly converged: boolean; readonly iterations: number; readonly message: string };
  /** F and the per-group pieces (implied moments, Σ̂⁻¹) at θ̂ */
  readonly evaluation: Evaluation;
  /** the information per observation behind the standard errors (expected; observed under FIML) */
  readonly information: Float64Array;
  /** the covariance matrix of θ̂ (the sandwich under MLM / MLR), or the parameters not identified */
  readonly vcov: VcovResult;
  /** MLM / MLR: the scaled test and the scaled and robust fit measures; null under ML */
  readonly robust: RobustOutput | null;
  /** parameterEstimates(standardized = TRUE) rows, with the standardized solution they came from */
  readonly parameters: ParameterRowsResult;
  readonly fit: FitMeasures;
  readonly warnings: readonly Warning[];
}
