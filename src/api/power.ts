/**
 * power(): the analytic power computations of `isrs power`, browser-safe.
 *  - RMSEA-based (MacCallum, Browne & Sugawara 1996): `{ df, rmsea0, rmseaA, n }` gives the power,
 *    `{ df, rmsea0, rmseaA, power }` the smallest N (semTools' findRMSEApower / findRMSEAsamplesize);
 *  - one parameter (Satorra & Saris 1985): `{ model, population, test, n }` with `model` and
 *    `population` as lavaan syntax (the population with every value fixed), `n` one or more sizes.
 * Monte Carlo power needs worker threads: `monteCarloPower` from the Node entry.
 */
import { InputError } from "../sem/messages.js";
import { parseModel } from "../sem/syntax/index.js";
import { populationSigma } from "../power/population.js";
import { rmseaPower, rmseaSampleSize, type RmseaPowerResult } from "../power/rmsea.js";
import { parameterPower, parseTestedParameter, type ParameterPowerResult } from "../power/satorra-saris.js";

export type { RmseaPowerResult } from "../power/rmsea.js";
export type { ParameterPowerResult, ParameterPowerRow } from "../power/satorra-saris.js";

export interface RmseaPowerOptions {
  readonly df: number;
  readonly rmsea0: number;
  readonly rmseaA: number;
  /** the sample size (then the power is computed) */
  readonly n?: number;
  /** the power wanted (then the smallest N is computed) */
  readonly power?: number;
  readonly alpha?: number;
  readonly groups?: number;
}

export interface ParameterPowerOptions {
  /** the analysis model, lavaan syntax, with the tested parameter free */
  readonly model: string;
  /** the population model, lavaan syntax with every value fixed */
  readonly population: string;
  /** the parameter, e.g. "B ~ E" */
  readonly test: string;
  readonly n: number | readonly number[];
  readonly alpha?: number;
}

export async function power(options: RmseaPowerOptions): Promise<RmseaPowerResult>;
export async function power(options: ParameterPowerOptions): Promise<ParameterPowerResult>;
export async function power(
  options: RmseaPowerOptions | ParameterPowerOptions,
): Promise<RmseaPowerResult | ParameterPowerResult> {
  if (typeof options !== "object" || options === null)
    throw new InputError("E_USAGE", "power(): give an options object");
  if ("rmsea0" in options) {
    if ((options.n === undefined) === (options.power === undefined))
      throw new InputError("E_USAGE", "power(): give either n (for the power) or power (for the sample size)");
    return options.n !== undefined
      ? rmseaPower({ ...options, n: options.n })
      : rmseaSampleSize({ ...options, power: options.power! });
  }
  if (!("model" in options) || !("population" in options) || !("test" in options))
    throw new InputError(
      "E_USAGE",
      "power(): give { df, rmsea0, rmseaA, n | power } or { model, population, test, n }",
    );
  const ns = typeof options.n === "number" ? [options.n] : [...options.n];
  return parameterPower({
    model: parseModel(options.model, { file: "model" }),
    test: parseTestedParameter(options.test),
    sigma: populationSigma(parseModel(options.population, { file: "population" })),
    n: ns,
    ...(options.alpha !== undefined ? { alpha: options.alpha } : {}),
  });
}
