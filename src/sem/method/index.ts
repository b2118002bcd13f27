/** The data methods, chosen once per fit from the missing-data option. */
import type { MissingMethod, ResolvedOptions } from "../options.js";
import { ordinalWls } from "../ordinal/method/index.js";
import { completeData } from "./complete.js";
import { fullInformation } from "./fiml.js";
import type { DataMethodSpec } from "./types.js";

export type { AtEstimate, DataMethod, DataMethodKind, DataMethodSpec } from "./types.js";
export { covariateIndex, degreesOfFreedom, exogenousIndex } from "./common.js";

const METHODS: Record<MissingMethod, DataMethodSpec> = {
  listwise: completeData,
  fiml: fullInformation,
  pairwise: ordinalWls, // refused without ordered variables (options.ts)
};

/** The method of a fit: ordinal weighted least squares when anything is ordered, else by the missing-data option. */
export function dataMethodFor(missing: MissingMethod, opts?: Pick<ResolvedOptions, "ordinal">): DataMethodSpec {
  if (opts?.ordinal) return ordinalWls;
  return METHODS[missing];
}
