/**
 * Exit codes, a pure function of the outcome: 0 fitted and admissible; 1 results printed but not
 * converged or not admissible; 2 bad input or usage; 3 an internal error (a bug: please report).
 */
import type { WarningCode } from "../sem/messages.js";
import type { FitResult } from "../sem/results.js";

export const EXIT = { ok: 0, problems: 1, badInput: 2, internal: 3 } as const;

/** Warnings that make a solution inadmissible or untrustworthy (exit code 1). */
const SERIOUS = new Set<WarningCode>([
  "W_NOT_CONVERGED",
  "W_HEYWOOD",
  "W_CORR_GT_1",
  "W_SIGMA_NOT_PD",
  "W_PSI_NOT_PD",
  "W_THETA_NOT_PD",
  "W_NOT_IDENTIFIED",
] satisfies WarningCode[]);

export function exitCodeFor(res: Pick<FitResult, "converged" | "warnings">): 0 | 1 {
  if (!res.converged) return EXIT.problems;
  return res.warnings.some((w) => SERIOUS.has(w.code)) ? EXIT.problems : EXIT.ok;
}
