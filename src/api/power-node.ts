/**
 * monteCarloPower(): Monte Carlo power as `isrs power --reps R` (Node: worker threads). The model
 * and the population are lavaan syntax (the population with every value fixed).
 */
import { InputError } from "../sem/messages.js";
import { normalQuantile } from "../sem/distributions/index.js";
import { parseModel } from "../sem/syntax/index.js";
import { populationSigma } from "../power/population.js";
import { monteCarloPower as run, type MonteCarloResult } from "../power/montecarlo-run.js";

export type { MonteCarloResult } from "../power/montecarlo-run.js";
export type { MonteCarloRow } from "../power/montecarlo.js";

export interface MonteCarloOptions {
  readonly model: string;
  readonly population: string;
  readonly n: number | readonly number[];
  readonly reps: number;
  readonly seed: number;
  readonly alpha?: number;
  /** cut each variable into K equally likely ordered categories (default: continuous) */
  readonly categories?: number;
  /** ML (default), MLM or MLR: MLM and MLR fit each replication from its rows (robust standard errors) */
  readonly estimator?: "ML" | "MLM" | "MLR";
  /** the share of cells set missing completely at random in each replication, fitted by FIML */
  readonly missing?: number;
  /** threads (default: the available cores) */
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export async function monteCarloPower(o: MonteCarloOptions): Promise<MonteCarloResult> {
  if (!Number.isSafeInteger(o.seed) || o.seed < 0)
    throw new InputError("E_USAGE", `seed ${o.seed}: a whole number from 0 to 2^53-1`);
  const pop = populationSigma(parseModel(o.population, { file: "population" }));
  const k = o.categories;
  if (k !== undefined && !(Number.isInteger(k) && k >= 2 && k <= 100))
    throw new InputError("E_USAGE", `categories ${k}: a whole number from 2 to 100`);
  const cuts =
    k === undefined
      ? null
      : pop.names.map(() => Float64Array.from({ length: k - 1 }, (_, j) => normalQuantile((j + 1) / k)));
  parseModel(o.model, { file: "model" }); // a syntax error fails here, before any worker starts
  return run(
    {
      model: o.model,
      modelFile: "model",
      names: pop.names,
      sigma: pop.sigma,
      cuts,
      ns: typeof o.n === "number" ? [o.n] : [...o.n],
      reps: o.reps,
      seed: o.seed,
      alpha: o.alpha ?? 0.05,
      estimator: o.estimator ?? "ML",
      missing: o.missing ?? null,
    },
    {
      ...(o.workers !== undefined ? { workers: o.workers } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    },
  );
}
