/**
 * Tolerances of the analysis parity tests (see tolerances.test.ts for one rejection each):
 * - data statistics in closed form (descriptives, Mardia, Mahalanobis, alpha, HTMT): 1e-8
 *   relative to max(1e-6, |ref|): the same arithmetic as R, rounding differences only;
 * - p-values: 1e-6 relative to |ref| (tails far below 1e-300 underflow to 0 in both);
 * - quantities built on estimates (omega, AVE, second-order reliability, latent correlations,
 *   standardized paths): the engine's estimate tolerance, 1e-4 relative to max(1, |ref|);
 * - chi-square differences: the engine's fit-measure tolerance, 1e-3 relative to max(0.1, |ref|),
 *   and their p-values 1e-3 relative to |ref|.
 */
import type { Tol } from "../../parity/compare.js";
export { agrees, TOL } from "../../parity/compare.js";

export const ATOL = {
  closed: { rel: 1e-8, floor: 1e-6 },
  pvalue: { rel: 1e-6, floor: 1e-300 },
  lrtP: { rel: 1e-3, floor: 1e-300 },
} as const satisfies Record<string, Tol>;
