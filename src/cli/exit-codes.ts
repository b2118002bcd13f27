/**
 * Exit codes, a pure function of the outcome: 0 fitted and admissible; 1 results printed but not
 * converged or not admissible; 2 bad input or usage; 3 an internal error (a bug: please report).
 */
import { isSeriousWarning } from "../sem/messages.js";
import type { FitResult } from "../sem/results.js";

export const EXIT = { ok: 0, problems: 1, badInput: 2, internal: 3 } as const;

export function exitCodeFor(res: Pick<FitResult, "converged" | "warnings">): 0 | 1 {
  if (!res.converged) return EXIT.problems;
  return res.warnings.some((w) => isSeriousWarning(w.code)) ? EXIT.problems : EXIT.ok;
}
