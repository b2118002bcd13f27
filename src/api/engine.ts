/**
 * The one place the library calls the engine's pipeline: model and data in, the fit result out.
 * Everything the public API returns is a view of what this returns.
 */
import { fitModel, type FitInput, type FittedModel } from "../sem/fit-model.js";
import type { FitResult } from "../sem/results.js";
import { toFitResult } from "../sem/views.js";

export type { FitInput, FittedModel } from "../sem/fit-model.js";
export { toFitResult } from "../sem/views.js";

/** The engine's FittedModel (for consumers such as the bootstrap that need θ̂, the problem and vcov). */
export async function runFitted(input: FitInput): Promise<FittedModel> {
  return fitModel(input);
}

/** The fit result (the record of `isrs fit`), a view of the FittedModel. */
export async function runFit(input: FitInput): Promise<FitResult> {
  return toFitResult(await fitModel(input));
}
