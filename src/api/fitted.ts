/**
 * The fitted model as the library returns it: views of the engine's result under lavaan's names,
 * and the text and JSON of `isrs fit` (the same formatters the CLI uses).
 */
import { InputError, type Warning } from "../sem/messages.js";
import { formatJson } from "../sem/format/json.js";
import { formatText } from "../sem/format/text.js";
import type { FittedModel } from "../sem/fitted.js";
import {
  standardizedSolution,
  type StandardizedOptions,
  type StandardizedRow,
} from "../sem/inference/standardized-solution.js";
import type { FitResult, ModIndex } from "../sem/results.js";
import { VERSION } from "../version.js";
import type { FitMeasures } from "./measures.js";
import type { FitJson, ParameterRow } from "./types.js";

export class ModelFit {
  readonly #result: FitResult;
  readonly #fitted: FittedModel;

  /** @internal made by `fit()` */
  constructor(result: FitResult, fitted: FittedModel) {
    this.#result = result;
    this.#fitted = fitted;
  }

  /** whether the optimizer converged */
  get converged(): boolean {
    return this.#result.converged;
  }

  /** warnings (W_* codes): non-convergence, inadmissible estimates, dropped rows, … */
  get warnings(): readonly Warning[] {
    return this.#result.warnings;
  }

  /** observations used, per group */
  get nobs(): readonly number[] {
    return this.#result.nobs;
  }

  /** lavaan's fitMeasures(): every measure by its lavaan name; NaN where lavaan reports NA. */
  fitMeasures(): FitMeasures {
    return { ...this.#result.fit } as unknown as FitMeasures;
  }

  /**
   * lavaan's parameterEstimates(standardized = TRUE) rows: lhs, op, rhs, group (1-based), label,
   * est, se, z, pvalue, ci.lower, ci.upper, std.lv, std.all (null where there is no number).
   */
  parameterEstimates(): ParameterRow[] {
    return this.toJSON().parameters;
  }

  /** lavaan's modindices() rows (mi, epc, sepc.lv, sepc.all); needs the option `modindices: true`. */
  modindices(): ModIndex[] {
    const mi = this.toJSON().modindices;
    if (mi === undefined) {
      throw new InputError("E_USAGE", "modindices(): fit with the option { modindices: true } to compute them");
    }
    return mi;
  }

  /**
   * lavaan's standardizedSolution(fit, type) rows: lhs, op, rhs, group (1-based), label, est.std,
   * se, z, pvalue, ci.lower, ci.upper, with delta-method standard errors from the fit's own
   * covariance matrix of the estimates; `type` "std.all" (default), "std.lv" or "std.nox".
   * Not available for a bootstrap fit (E_USAGE): lavaan would use the bootstrap covariance.
   */
  standardizedSolution(options: StandardizedOptions = {}): StandardizedRow[] {
    if (this.#result.bootstrap !== undefined) {
      throw new InputError(
        "E_USAGE",
        "standardizedSolution(): not available for a bootstrap fit yet; fit without the bootstrap option",
      );
    }
    const type = options.type ?? "std.all";
    if (type !== "std.all" && type !== "std.lv" && type !== "std.nox") {
      throw new InputError("E_USAGE", `standardizedSolution(): type ${String(type)}: use std.all, std.lv or std.nox`);
    }
    const level = options.level ?? 0.95;
    if (!(typeof level === "number" && level > 0 && level < 1)) {
      throw new InputError("E_USAGE", `standardizedSolution(): level ${String(level)}: a number between 0 and 1`);
    }
    return standardizedSolution(this.#fitted, { type, level });
  }

  /** The text `isrs fit` prints: lavaan's summary(fit, fit.measures = TRUE, standardized = TRUE). */
  summary(): string {
    return formatText(this.#result, VERSION);
  }

  /** The object `isrs fit --format json` prints (a fresh copy; non-finite numbers are null). */
  toJSON(): FitJson {
    return JSON.parse(formatJson(this.#result)) as FitJson;
  }
}
