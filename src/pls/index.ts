/**
 * The PLS path-modelling engine (seminr 2.3.1's numbers). Browser-safe: no Node built-ins.
 *
 * Stable entry points (signatures are only extended, never changed):
 *
 * - `parsePlsModel(text: string, file?: string): PlsSpec`
 *     the lavaan-like model (`=~` mode A / common factor under PLSc, `<~` mode B, `~` paths; a
 *     right side of constructs defines a higher-order construct). Throws ModelSyntaxError /
 *     InputError (E_SYNTAX, E_MODEL, E_PLS_CYCLE).
 * - `columnsFromTable(table: DataTable, spec: PlsSpec, na?: string[]): PlsColumns`
 *     the model's indicator columns of a CSV table (NaN for missing cells).
 * - `preparePlsData(columns: PlsColumns, spec: PlsSpec, options?: PlsOptions, name?: string): PlsData`
 *     missing values mean-replaced (default) or rows dropped listwise (`options.missing`), every
 *     cell and row counted; `data.raw` keeps the values before imputation (for resampling: build
 *     resampled raw columns and call preparePlsData again, as seminr re-imputes each resample).
 * - `estimatePls(data: PlsData, spec: PlsSpec, options?: PlsOptions, name?: string): PlsEstimate`
 *     weights, loadings (`outer`, `allOuter` with the lower-order constructs of a higher-order
 *     model), paths (`pathCoefficients`, `pathMatrix` row from / column to), `rsquared`,
 *     construct `scores`, `totalEffects`, `rhoA`, `iterations` (seminr's counter), `converged`,
 *     `indicatorMeans`/`indicatorSds` (for predicting new cases), `firstStage`, `warnings`.
 * - `plsQuality(est, data, spec, options)`: reliability, HTMT, Fornell-Larcker, cross-loadings,
 *     VIFs, f² (re-estimating without each path), AIC/BIC, descriptives.
 * - `plsHtmt(est, data)`: the HTMT pairs alone (cheap; for the bootstrap).
 * - `pls(model, data, options)` (api.ts): the library entry, from model text and any data form.
 *
 * `isrs pls` (src/cli/commands/pls.ts) takes further flags through `PLS_EXTENSIONS` there.
 * - `analyzePls(spec, columns, options, names): PlsAnalysis`: all of the above plus `results`, the
 *     JSON-ready object of `isrs pls` (`plsResults`, `plsJson`; text: `formatPlsText`), with
 *     optional sections (bootstrap, prediction, ipma) that other modules fill.
 */
export { parsePlsModel, findCycle } from "./syntax.js";
export { columnsFromTable, preparePlsData, modelItems } from "./data.js";
export { estimatePls, totalEffects, PLS_DEFAULTS } from "./estimate.js";
export type * from "./types.js";
export { plsQuality, plsHtmt, plsFSquared, describeColumn } from "./quality.js";
export type { PlsQuality, PlsReliability, PlsPair, PlsDescriptive } from "./quality.js";
export { plsResults, plsJson } from "./results.js";
export type {
  PlsResults,
  PlsParameterRow,
  PlsHtmtRow,
  PlsTotalEffectRow,
  PlsInference,
  PlsResultsInput,
} from "./results.js";
export { formatPlsText, textTable } from "./format.js";
export { analyzePls } from "./analyze.js";
export type { PlsAnalysis, PlsNames } from "./analyze.js";
export { pls } from "./api.js";
export type { PlsApiOptions } from "./api.js";
