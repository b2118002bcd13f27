/** The data methods, chosen once per fit from the missing-data option. */
import type { MissingMethod } from "../options.js";
import { completeData } from "./complete.js";
import { fullInformation } from "./fiml.js";
import type { DataMethodSpec } from "./types.js";

export type { AtEstimate, DataMethod, DataMethodKind, DataMethodSpec } from "./types.js";
export { covariateIndex, degreesOfFreedom, exogenousIndex } from "./common.js";

const METHODS: Record<MissingMethod, DataMethodSpec> = { listwise: completeData, fiml: fullInformation };

export function dataMethodFor(missing: MissingMethod): DataMethodSpec {
  return METHODS[missing];
}
