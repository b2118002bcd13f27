/**
 * The one place the library calls the engine's pipeline: model and data in, the fit result out.
 * Everything the public API returns is a view of what this returns.
 */
import { fitModel, type FitInput } from "../sem/fit-model.js";
import type { FitResult } from "../sem/results.js";

export type { FitInput } from "../sem/fit-model.js";

export async function runFit(input: FitInput): Promise<FitResult> {
  return fitModel(input);
}
