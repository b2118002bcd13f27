/**
 * isrs: structural equation models with lavaan 0.6.14's numbers, as a library. This entry has no
 * Node built-ins: it runs in Node and in browsers (dist/browser/isrs.js). In Node the package's
 * `node` export condition adds `readCsv` and the bootstrap (src/node.ts). See docs/api.md.
 */
import { fitWith } from "./api/fit.js";
import type { DataInput } from "./api/data.js";
import type { SummaryStatistics } from "./api/moments.js";
import type { ModelFit } from "./api/fitted.js";
import type { FitOptions, ModelSyntax } from "./api/types.js";

export { ModelFit } from "./api/fitted.js";
export { csvTable } from "./api/csv.js";
export type { CsvOptions, CsvTable } from "./api/csv.js";
export type { ColumnValues, DataColumns, DataInput, DataRecord } from "./api/data.js";
export { ML_MEASURES, ROBUST_MEASURES } from "./api/measures.js";
export type { FitMeasureName, FitMeasures, MlMeasureName, RobustMeasureName } from "./api/measures.js";
export type * from "./api/types.js";
export { parseModel, ModelSyntaxError, formatSyntaxError } from "./sem/syntax/index.js";
/** The error every bad input throws: one line (`message`) and its code (`code`, E_*; docs/messages.md). */
export { InputError as IsrsInputError } from "./sem/messages.js";
export { VERSION } from "./version.js";

const BROWSER = {
  keys: [],
  unavailable: {
    bootstrap: 'the bootstrap runs in Node only (on worker threads): import { fit } from "isrs" in Node',
  },
};

/**
 * Fits `model` (lavaan syntax, or parseModel's result) to `data` (records, columns or a csvTable),
 * as `isrs fit` does. Bad input rejects with an IsrsInputError.
 */
export async function fit(
  model: string | ModelSyntax,
  data: DataInput | SummaryStatistics,
  options: FitOptions = {},
): Promise<ModelFit> {
  return fitWith(model, data, options, BROWSER);
}

// Measurement invariance across groups (isrs invariance)
export { invariance } from "./api/invariance.js";
export type { Invariance, InvarianceOptions } from "./api/invariance.js";
export type {
  Criterion,
  InvarianceResult,
  StepComparison,
  StepName,
  StepResult,
  ScoreTestRow,
  PartialRound,
  LatentComparison,
} from "./invariance/index.js";

// PLS path modelling (seminr 2.3.1's numbers): pls(), the model parser and the engine's pieces.
export { pls, parsePlsModel, estimatePls, preparePlsData, plsQuality, formatPlsText, plsJson } from "./pls/index.js";
export type {
  PlsAnalysis,
  PlsApiOptions,
  PlsEstimate,
  PlsOptions,
  PlsResults,
  PlsSpec,
  PlsData,
  PlsQuality,
} from "./pls/index.js";
// Summary statistics (a covariance matrix with its N) as the data of fit()
export type { SummaryStatistics } from "./api/moments.js";

// Power and sample size: RMSEA-based and one parameter (Satorra-Saris)
export { power } from "./api/power.js";
export type {
  ParameterPowerOptions,
  ParameterPowerResult,
  ParameterPowerRow,
  RmseaPowerOptions,
  RmseaPowerResult,
} from "./api/power.js";

// PLS resampling without threads: PLSpredict, the importance-performance map, and the bootstrap
// in this thread (Node's entry runs the bootstrap on worker threads: plsBootstrap in node.ts).
export { plsPrediction } from "./pls/predict/apply.js";
export { plsImportancePerformance } from "./pls/ipma/apply.js";
export { ipmaChartSpec } from "./pls/ipma/chart.js";
export { bootstrapPlsInThread } from "./pls/bootstrap/run.js";
export type { PlsPredictOptions, PlsPrediction, ItemPrediction } from "./pls/predict/index.js";
export type { IpmaScales, IpmaResult, IpmaConstruct, IpmaIndicator } from "./pls/ipma/index.js";
export type { PlsBootstrapOptions, PlsBootstrapResult } from "./pls/bootstrap/run.js";
