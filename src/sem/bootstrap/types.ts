/**
 * What a bootstrap adds to a FitResult (FitResult.bootstrap), with lavaan's names where lavaan
 * has them: the type of bootstrap ("ordinary"), the requested and successful draws (summary():
 * "Number of requested / successful bootstrap draws"), the interval types of parameterEstimates()
 * (boot.ci.type "perc", "bca.simple", "bca") and the Bollen-Stine test as lavaan stores it
 * (fit@test$bollen.stine: stat, df, pvalue, boot.larger, boot.length).
 */
import type { ParameterEstimate } from "../results.js";

/** Replications that were not used, by reason (optimizer message or why the data could not be fitted). */
export interface FailureCount {
  reason: string;
  count: number;
}

export interface DrawCounts {
  /** draws asked for */
  requested: number;
  /** draws that converged and were used */
  successful: number;
  /** requested − successful: did not converge or could not be fitted (never silently dropped) */
  failed: number;
  notConverged: number;
  /** the data of the draw could not be fitted (e.g. a sample covariance matrix that is not positive definite) */
  errors: number;
  reasons: FailureCount[];
}

/**
 * Bootstrap columns of one parameterEstimates() row: the row's key, estimate and bootstrap
 * standard error (divisor B for free parameters, B−1 for := rows, as lavaan), then the intervals.
 */
export interface BootstrapParameter extends Pick<
  ParameterEstimate,
  "lhs" | "op" | "rhs" | "group" | "label" | "est" | "se"
> {
  /** mean of the bootstrap draws (bias = boot.mean − est) */
  "boot.mean": number | null;
  "ci.perc.lower": number | null;
  "ci.perc.upper": number | null;
  "ci.bca.lower": number | null;
  "ci.bca.upper": number | null;
  /**
   * "bca": bias-corrected and accelerated (jackknife acceleration); "bca.simple": bias-corrected only; null: fixed,
   * or not computable
   */
  "bca.type": "bca" | "bca.simple" | null;
  /** jackknife acceleration â used by the BCa interval (0 for bca.simple) */
  acceleration: number | null;
  /** an interval endpoint is the smallest or largest draw: more draws are needed for this level */
  extreme: boolean;
}

export interface BollenStineTest {
  test: "bollen.stine";
  /** the likelihood-ratio statistic of the original data */
  stat: number;
  df: number;
  /** boot.larger / boot.length */
  pvalue: number;
  /** successful draws whose statistic exceeds stat */
  "boot.larger": number;
  /** successful draws */
  "boot.length": number;
  draws: DrawCounts;
}

export interface BootstrapResult {
  /** lavaan's bootstrapLavaan() type: rows resampled with replacement within groups */
  type: "ordinary";
  seed: number;
  /** "given" (--seed) or "random" (drawn because none was given; pass it to repeat the run) */
  seedSource: "given" | "random";
  /** confidence level of the intervals */
  level: number;
  draws: DrawCounts;
  /** successful draws with a negative variance estimate (kept, as lavaan keeps non-admissible solutions) */
  nonadmissible: number;
  /** interval in the parameter rows' ci.lower / ci.upper (lavaan's default boot.ci.type) */
  ciType: "perc";
  /** the jackknife behind the BCa acceleration */
  jackknife: { rows: number; failed: number; used: boolean; note: string };
  /** worker threads that ran the replications (1: this thread) */
  threads: number;
  threadNote: string;
  parameters: BootstrapParameter[];
  test?: BollenStineTest;
}
