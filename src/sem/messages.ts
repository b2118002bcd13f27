/**
 * Messages: every warning and input error the engine raises carries a code, so that
 * documentation (docs/messages.md) and tests can refer to it. Deep code never prints:
 * it throws an InputError (bad input, exit code 2) or collects Warning objects into the result.
 */

/**
 * Codes of the engine's input errors: the model or the data cannot be fitted as given. Layers
 * built on the engine declare their own codes (src/instrument/messages.ts, src/analysis/messages.ts)
 * and raise them through the same InputError class, so that every caller treats them alike.
 */
export type InputErrorCode =
  | "E_FILE" // missing, unreadable, a directory
  | "E_EMPTY" // empty file or header only
  | "E_CSV" // ragged row, duplicate column names, malformed quoting
  | "E_NOT_NUMERIC" // a non-numeric cell in a variable the model uses
  | "E_NO_VARIABLE" // a model variable absent from the data
  | "E_SYNTAX" // model syntax error
  | "E_MODEL" // a model that cannot be built (unknown label, under-identified, ...)
  | "E_CONSTANT" // a constant column
  | "E_TOO_FEW_ROWS" // fewer complete rows than variables
  | "E_NOT_PD" // non-positive-definite sample covariance
  | "E_ALL_MISSING" // a model variable missing in every row (of the file or of a group)
  | "E_COVERAGE" // missing-data patterns leave a variance or covariance unidentified (FIML)
  | "E_USAGE"; // an option value that cannot be used (bad command-line or API usage)

/** Codes of warnings: the fit exists but something about it deserves attention. */
export type WarningCode =
  | "W_NOT_CONVERGED"
  | "W_HEYWOOD" // negative variance estimate
  | "W_CORR_GT_1" // standardized covariance beyond +-1
  | "W_SIGMA_NOT_PD" // model-implied covariance not positive definite
  | "W_PSI_NOT_PD" // latent covariance matrix not positive definite
  | "W_THETA_NOT_PD" // residual covariance matrix not positive definite
  | "W_NOT_IDENTIFIED" // information matrix singular
  | "W_ROWS_DROPPED" // rows excluded (listwise deletion, or empty rows under FIML)
  | "W_EM_NOT_CONVERGED" // the EM algorithm of the unrestricted model (FIML) hit its iteration limit
  | "W_BOOTSTRAP_FAILED" // bootstrap draws that failed or did not converge (counted, not used)
  | "W_VARIANCE_RATIO" // observed variances more than 1000 times apart (lavaan's warning)
  | "W_LARGE_VARIANCE" // an observed variance above 1e6 (lavaan's warning)
  | "W_ROBUST_SKIPPED" // FIML with too many variables for the FIML-corrected robust indices (not computed)
  | "W_DEFINED_NOT_FINITE" // a defined parameter (:=) whose value is infinite or NaN (division by zero, ...)
  | "W_DUPLICATE_ELEMENT" // a model element written twice with the same modifiers (the repeat is ignored)
  | "W_POLYCHORIC_NOT_PD"; // the matrix of polychoric / polyserial correlations is not positive definite

/** A bad-input error: one clear line, exit code 2. `C` is the engine's codes, or a layer's own. */
export class InputError<C extends string = InputErrorCode> extends Error {
  readonly code: C;
  constructor(code: C, message: string) {
    super(message);
    this.name = "InputError";
    this.code = code;
  }
}

/** A warning collected into a result. `parameter` names the parameter row when there is one. */
export interface Warning {
  readonly code: WarningCode;
  readonly message: string;
  readonly parameter?: string;
}

export function warning(code: WarningCode, message: string, parameter?: string): Warning {
  return parameter === undefined ? { code, message } : { code, message, parameter };
}

/**
 * Warnings that make a solution inadmissible or untrustworthy: not converged, a Heywood case, a
 * correlation beyond ±1, a non-positive-definite Σ̂/Ψ̂/Θ̂, parameters not identified. The CLI
 * exits 1 on them; the reports put them in a banner.
 */
const SERIOUS_WARNINGS: ReadonlySet<WarningCode> = new Set<WarningCode>([
  "W_NOT_CONVERGED",
  "W_HEYWOOD",
  "W_CORR_GT_1",
  "W_SIGMA_NOT_PD",
  "W_PSI_NOT_PD",
  "W_THETA_NOT_PD",
  "W_NOT_IDENTIFIED",
]);

export function isSeriousWarning(code: WarningCode): boolean {
  return SERIOUS_WARNINGS.has(code);
}
