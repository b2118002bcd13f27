/**
 * The fitted model as the library returns it: views of the engine's result under lavaan's names,
 * and the text and JSON of `isrs fit` (the same formatters the CLI uses).
 */
import { InputError, type Warning } from "../sem/messages.js";
import { formatJson } from "../sem/format/json.js";
import { formatText } from "../sem/format/text.js";
import type { FitResult, ModIndex } from "../sem/results.js";
import { VERSION } from "../version.js";
import type { FitMeasures } from "./measures.js";
import type { FitJson, ParameterRow } from "./types.js";

export class ModelFit {
  readonly #result: FitResult;

  /** @internal made by `fit()` */
  constructor(result: FitResult) {
    this.#result = result;
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

  /** The text `isrs fit` prints: lavaan's summary(fit, fit.measures = TRUE, standardized = TRUE). */
  summary(): string {
    return formatText(this.#result, VERSION);
  }

  /** The object `isrs fit --format json` prints (a fresh copy; non-finite numbers are null). */
  toJSON(): FitJson {
    return JSON.parse(formatJson(this.#result)) as FitJson;
  }
}
