/**
 * The names of the fit measures, as lavaan 0.6.14's fitMeasures() spells them, split for the typed
 * API from the engine's one list (sem/fit/names.ts). Every fit has the ML measures; MLM and MLR
 * add the scaled and robust ones; full-information ML adds the robust CFI, TLI, RNI and RMSEA that
 * lavaan corrects for missing data (unless W_ROBUST_SKIPPED says they were not computed).
 */
import { FIT_MEASURE_NAMES, type FitMeasureName, type ORDINAL_MEASURE_NAMES } from "../sem/fit/names.js";

/** The scaled and robust names: `*.scaled`, `*.robust` and the scaling factors. */
export type RobustMeasureName = Extract<
  FitMeasureName,
  `${string}scaled${string}` | `${string}robust${string}` | `${string}scaling${string}`
>;
/** Measures of fits of ordinal data only (WRMR, the shift of the scaled-shifted test). */
export type OrdinalMeasureName = (typeof ORDINAL_MEASURE_NAMES)[number];
/** Measures of every fit (ML, MLM, MLR; complete data or FIML). */
export type MlMeasureName = Exclude<FitMeasureName, RobustMeasureName | OrdinalMeasureName>;
export type { FitMeasureName };

const isRobust = (name: FitMeasureName): name is RobustMeasureName => /scaled|robust|scaling/.test(name);
const isMl = (name: FitMeasureName): name is MlMeasureName => !isRobust(name);

/** Measures of every fit, in lavaan's order. */
export const ML_MEASURES: readonly MlMeasureName[] = FIT_MEASURE_NAMES.filter(isMl);
/** Measures of the robust estimators (MLM, MLR), and the robust indices of FIML, in lavaan's order. */
export const ROBUST_MEASURES: readonly RobustMeasureName[] = FIT_MEASURE_NAMES.filter(isRobust);

/**
 * Fit measures by lavaan's names: the ML measures are always there, the robust ones only when the
 * estimator (or FIML) gives them. A value lavaan reports as NA is NaN.
 */
export type FitMeasures = { readonly [K in MlMeasureName]: number } & {
  readonly [K in RobustMeasureName | OrdinalMeasureName]?: number;
};
