/** The public types of the library: fit options, result rows and the JSON object of a fit. */
import type { BootstrapResult } from "../sem/bootstrap/types.js";
import type { DroppedRow } from "../sem/data/dataset.js";
import type { Warning } from "../sem/messages.js";
import type { GroupEqual } from "../sem/partable/types.js";
import type { ModIndex, ParameterEstimate } from "../sem/results.js";
import type { MlMeasureName, RobustMeasureName } from "./measures.js";

export type { DroppedRow, GroupEqual, ModIndex, ParameterEstimate, Warning };
export type { DataTable, ReadTableOptions } from "../sem/data/csv.js";
export type { DecimalMark } from "../sem/data/number.js";
export type { InputErrorCode, WarningCode } from "../sem/messages.js";
export type { ModelSyntax } from "../sem/syntax/index.js";

export type Estimator = "ML" | "MLM" | "MLR";
/** lavaan's estimators for ordinal indicators (default WLSMV when anything is ordered) */
export type OrdinalEstimator = "WLSMV" | "WLSM" | "WLSMVS" | "ULSMV" | "ULSM" | "ULS" | "DWLS" | "WLS";
export type MissingMethod = "listwise" | "fiml" | "ml" | "direct" | "pairwise";

/** The options of a fit, as `isrs fit`'s flags (lavaan's names in camel case). */
export interface FitOptions {
  /** "ML" (default), "MLM" (Satorra-Bentler) or "MLR" (Huber-White, Yuan-Bentler); any case */
  estimator?: Estimator | Lowercase<Estimator> | OrdinalEstimator | Lowercase<OrdinalEstimator>;
  /** ordinal indicators: true (every observed variable of the model) or their names (lavaan's `ordered =`) */
  ordered?: true | readonly string[];
  /** ordinal indicators: "delta" (default) or "theta" */
  parameterization?: "delta" | "theta";
  /** "listwise" (default) or "fiml" (synonyms "ml", "direct") */
  missing?: MissingMethod;
  /** the column that splits the rows into groups */
  group?: string;
  /** parameter kinds held equal across groups */
  groupEqual?: readonly GroupEqual[];
  /** identify factors by fixing their variances to 1 */
  stdLv?: boolean;
  /** add a mean structure (default: with groups, growth models, intercepts in the model or FIML) */
  meanstructure?: boolean;
  /** growth() defaults */
  growth?: boolean;
  /** fix the moments of exogenous observed covariates at their sample values (default true) */
  fixedX?: boolean;
  /** compute modification indices (then `modindices()` returns them) */
  modindices?: boolean;
  /** missing-value codes besides null, undefined, NaN, "" and "NA" (numbers match their text) */
  na?: readonly (string | number)[];
  /** the name of the data in error messages; default "data" (a csvTable keeps its own name) */
  dataName?: string;
}

/** A parameterEstimates() row as in the JSON: group 1-based in every row, null where there is no number. */
export type ParameterRow = ParameterEstimate;

/** The `fit` object of the JSON: fitMeasures() with null where the value is not finite. */
export type FitMeasuresJson = { [K in MlMeasureName]: number | null } & { [K in RobustMeasureName]?: number | null };

/** A value as JSON carries it: non-finite numbers become null. */
export type Jsonified<T> = T extends number
  ? number | null
  : T extends readonly (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

/** The object `isrs fit --format json` prints. */
export interface FitJson {
  converged: boolean;
  iterations: number;
  estimator: Estimator;
  /** observations used: a number, or one per group */
  nobs: number | number[];
  /** group labels, with more than one group */
  groups?: string[];
  /** free parameters counting each equality-constrained copy (lavaan's lavInspect(fit, "npar")) */
  npar: number;
  fit: FitMeasuresJson;
  parameters: ParameterRow[];
  modindices?: ModIndex[];
  warnings: Warning[];
  excluded: { count: number; rows: DroppedRow[] };
  missing?: { method: "fiml"; patterns: number[] };
  /** how each defaulted option was resolved */
  options: string[];
  bootstrap?: Jsonified<BootstrapResult>;
}

export type { StandardizedOptions, StandardizedRow, StandardizedType } from "../sem/inference/standardized-solution.js";
