/**
 * The PLS path model's types: the parsed model (PlsSpec), the data after missing-value handling
 * (PlsData), the options and the estimate (PlsEstimate). Plain data only: no Node built-ins.
 */
import type { InputErrorCode } from "../sem/messages.js";

/** Outer estimation: mode A (correlation weights) or mode B (regression weights). */
export type PlsMode = "A" | "B";

/** One `=~` or `<~` line of the model. */
export interface PlsConstructSpec {
  readonly name: string;
  /** `=~` is mode A (a common factor under PLSc), `<~` mode B. */
  readonly mode: PlsMode;
  /** The indicator columns, or, for a higher-order construct, its lower-order constructs. */
  readonly indicators: readonly string[];
  /** The right side names constructs: a higher-order construct (two-stage approach). */
  readonly higherOrder: boolean;
  /** 1-based line of the definition in the model text. */
  readonly line: number;
}

/** One structural path `from -> to` (written `to ~ from`). */
export interface PlsPathSpec {
  readonly from: string;
  readonly to: string;
  readonly line: number;
}

export interface PlsSpec {
  /** The model's name in messages (the file name, or "model"). */
  readonly file: string;
  /** Every defined construct, in the order of the model text. */
  readonly constructs: readonly PlsConstructSpec[];
  /** Every path, in the order of the model text. */
  readonly paths: readonly PlsPathSpec[];
}

export type PlsScheme = "path" | "factorial" | "centroid";
export type PlsMissing = "mean" | "listwise";
export type PlsHocMethod = "two-stage" | "repeated";

export interface PlsOptions {
  /** Inner weighting scheme (default "path", seminr's path_weighting). */
  readonly scheme?: PlsScheme;
  /** Every `=~` construct a common factor, corrected by consistent PLS (Dijkstra & Henseler 2015). */
  readonly plsc?: boolean;
  /** Missing values: replaced by the indicator's mean (default), or rows dropped. */
  readonly missing?: PlsMissing;
  /** Largest iteration counter (default 300: at most 301 weight updates, as seminr). */
  readonly maxIterations?: number;
  /** Stop when the sum of absolute weight changes falls below this (default 1e-7). */
  readonly tolerance?: number;
  /** Skip the f² re-estimations (plsQuality): the bootstrap and PLSpredict do not need them. */
  readonly skipFSquared?: boolean;
  /**
   * Higher-order constructs: "two-stage" (default, as seminr) or "repeated" (repeated indicators,
   * Lohmöller 1989; Becker, Klein & Wetzels 2012): the construct's block is every item of its
   * dimensions, which stay in the model, with paths construct -> dimension for `=~` and
   * dimension -> construct for `<~`.
   */
  readonly hocMethod?: PlsHocMethod;
}

/** Indicator columns by name: numbers, NaN (or null) for a missing value. */
export type PlsColumns = Readonly<Record<string, ArrayLike<number | null>>>;

/** The data as estimated: the model's indicators after missing-value handling. */
export interface PlsData {
  /** Rows estimated. */
  readonly n: number;
  /** The indicator names (every non-higher-order block's indicators, in model order). */
  readonly items: readonly string[];
  /** Indicator values after missing handling, one column per item (no NaN). */
  readonly columns: Readonly<Record<string, Float64Array>>;
  /** The values before missing handling (NaN missing), all rows of the input. */
  readonly raw: Readonly<Record<string, Float64Array>>;
  /** Rows of the input that are estimated (0-based), in order. */
  readonly rows: readonly number[];
  readonly missing: {
    readonly method: PlsMissing;
    /** Cells replaced by the item mean (mean replacement), per item with any. */
    readonly imputed: readonly { readonly item: string; readonly count: number; readonly mean: number }[];
    /** Rows dropped (listwise): 0-based input rows. */
    readonly dropped: readonly number[];
  };
}

/** One construct-indicator pair of the measurement model. */
export interface PlsOuterRow {
  readonly construct: string;
  readonly indicator: string;
  readonly weight: number;
  readonly loading: number;
}

export interface PlsPathRow {
  readonly from: string;
  readonly to: string;
  readonly est: number;
}

export interface PlsRSquared {
  readonly construct: string;
  readonly r2: number;
  readonly adjR2: number;
}

/** A block as estimated: its construct, mode and indicator columns. */
export interface PlsBlock {
  readonly construct: string;
  readonly mode: PlsMode;
  readonly indicators: readonly string[];
  /** Corrected as a common factor (PLSc). */
  readonly commonFactor: boolean;
}

export type PlsWarningCode =
  | "W_PLS_NOT_CONVERGED"
  | "W_PLS_MEAN_REPLACED"
  | "W_PLS_ROWS_DROPPED"
  // resampling: bootstrap resamples not used, PLSpredict and IPMA notes
  | "W_PLS_BOOTSTRAP_FAILED"
  | "W_PLS_PREDICT"
  | "W_PLS_IPMA";

export interface PlsWarning {
  readonly code: PlsWarningCode;
  readonly message: string;
}

/** The input errors of the PLS layer: the engine's codes plus a cycle and collinear mode B items. */
export type PlsErrorCode = InputErrorCode | "E_PLS_CYCLE" | "E_PLS_COLLINEAR";

/** One stage of the estimation (the only one without higher-order constructs). */
export interface PlsStage {
  readonly n: number;
  /** The structural model's constructs, in model order. */
  readonly constructs: readonly string[];
  /** Constructs with at least one predecessor, in model order. */
  readonly endogenous: readonly string[];
  readonly blocks: readonly PlsBlock[];
  readonly paths: readonly PlsPathSpec[];
  /** Outer weights and loadings (PLSc-corrected loadings for common factors). */
  readonly outer: readonly PlsOuterRow[];
  /** Path coefficients (PLSc-corrected under PLSc), one row per path. */
  readonly pathCoefficients: readonly PlsPathRow[];
  /** Path matrix: B[i][j] the coefficient of construct i on construct j (row from, column to). */
  readonly pathMatrix: readonly (readonly number[])[];
  readonly rsquared: readonly PlsRSquared[];
  /** Construct scores (standardised data times weights; never PLSc-corrected). */
  readonly scores: Readonly<Record<string, Float64Array>>;
  /** Correlations of the scores (uncorrected), over `constructs`. */
  readonly scoreCorrelations: readonly (readonly number[])[];
  /** rhoA per construct (1 for mode B and single items). */
  readonly rhoA: Readonly<Record<string, number>>;
  /** seminr's counter: weight updates performed minus one. */
  readonly iterations: number;
  readonly converged: boolean;
  /** Sum of absolute weight changes at the last update. */
  readonly weightDiff: number;
  /** Means and sds (n - 1) of the columns standardised, by name. */
  readonly indicatorMeans: Readonly<Record<string, number>>;
  readonly indicatorSds: Readonly<Record<string, number>>;
}

/** The estimate of a whole model: the final stage, plus stage 1 when there are higher-order constructs. */
export interface PlsEstimate extends PlsStage {
  /** Stage 1 (higher-order constructs replaced by their dimensions), when there are any. */
  readonly firstStage?: PlsStage;
  /** Lower-order constructs of higher-order ones (their blocks, weights and scores come from stage 1). */
  readonly lowerOrder: readonly string[];
  /** Every pair: the final stage's blocks, then the lower-order constructs' items from stage 1. */
  readonly allOuter: readonly PlsOuterRow[];
  /** The final stage's blocks then the lower-order blocks. */
  readonly allBlocks: readonly PlsBlock[];
  /** Scores of the final stage's constructs and of the lower-order constructs. */
  readonly allScores: Readonly<Record<string, Float64Array>>;
  /** Total effects (I - B)^-1 - I, over `constructs` (row from, column to). */
  readonly totalEffects: readonly (readonly number[])[];
  readonly warnings: readonly PlsWarning[];
}
