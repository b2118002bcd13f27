/** Measurement invariance across groups (isrs invariance, the library's invariance()). */
export { runInvariance, type InvarianceSettings } from "./run.js";
export { formatInvarianceJson, formatInvarianceText } from "./format.js";
export {
  CRITERIA,
  STEP_NAMES,
  parseCriterion,
  parsePartial,
  parseSteps,
  type Criterion,
  type PartialMode,
  type StepName,
} from "./steps.js";
export type * from "./types.js";
