/**
 * `isrs power` in Monte Carlo mode (Node: worker threads): the free parameters of the model and
 * their population values, every replication (pool.ts), the rows per sample size and parameter
 * (montecarlo.ts summarize) and a power curve over N as a vega-lite specification.
 */
import { summarize, trueValues, type MonteCarloRow, type MonteCarloSpec } from "./montecarlo.js";
import { defaultPowerWorkers, runReplications } from "./pool.js";
import { InputError } from "../sem/messages.js";
import { ESTIMATORS } from "../sem/options.js";

export interface MonteCarloResult {
  readonly mode: "montecarlo";
  readonly reps: number;
  readonly seed: number;
  readonly alpha: number;
  readonly data: "continuous" | "categories";
  readonly estimator: "ML" | "MLM" | "MLR";
  /** missing cells: their mechanism, share and the method they were fitted by (null: complete data) */
  readonly missing: { readonly mechanism: "MCAR"; readonly rate: number; readonly method: "fiml" } | null;
  readonly threads: number;
  readonly rows: MonteCarloRow[];
  /** vega-lite: power against N, one line per parameter shown */
  readonly chart: object;
}

export const MAX_REPS = 100_000;

export async function monteCarloPower(
  spec: MonteCarloSpec,
  opts: { workers?: number; onProgress?: (done: number, total: number) => void; focus?: string[] } = {},
): Promise<MonteCarloResult> {
  if (!(Number.isInteger(spec.reps) && spec.reps >= 2 && spec.reps <= MAX_REPS))
    throw new InputError("E_USAGE", `--reps ${spec.reps}: a whole number of replications from 2 to ${MAX_REPS}`);
  for (const n of spec.ns)
    if (!(Number.isInteger(n) && n > spec.names.length))
      throw new InputError(
        "E_USAGE",
        `--n ${n}: each sample size must be a whole number above the number of variables (${spec.names.length})`,
      );
  checkEstimatorAndMissing(spec);
  const { params, theta } = await trueValues(spec);
  const { results, threads } = await runReplications(spec, params.length, {
    workers: opts.workers ?? defaultPowerWorkers(),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const rows = spec.ns.flatMap((n, k) => summarize(n, params, theta, results[k]!, spec.alpha));
  return {
    mode: "montecarlo",
    reps: spec.reps,
    seed: spec.seed,
    alpha: spec.alpha,
    data: spec.cuts === null ? "continuous" : "categories",
    estimator: spec.estimator ?? "ML",
    missing: spec.missing == null ? null : { mechanism: "MCAR", rate: spec.missing, method: "fiml" },
    threads,
    rows,
    chart: powerCurve(rows, opts.focus),
  };
}

/** The missing share is a proportion in [0, 0.9); MLM needs complete data (as lavaan: MLR with FIML). */
function checkEstimatorAndMissing(spec: MonteCarloSpec): void {
  const estimator = spec.estimator ?? "ML";
  if (!(ESTIMATORS as readonly string[]).includes(estimator))
    throw new InputError("E_USAGE", `--estimator ${String(estimator)}: use ML, MLM or MLR`);
  const rate = spec.missing ?? null;
  if (rate === null) return;
  if (!(Number.isFinite(rate) && rate >= 0 && rate < 0.9))
    throw new InputError("E_USAGE", `--missing ${rate}: the share of missing cells must be at least 0 and below 0.9`);
  if (estimator === "MLM")
    throw new InputError(
      "E_USAGE",
      "--estimator MLM needs complete data: with --missing use --estimator MLR (or ML), fitted by FIML",
    );
}

/** A vega-lite line chart of power over N for the regressions (or the parameters in `focus`). */
export function powerCurve(rows: readonly MonteCarloRow[], focus?: readonly string[]): object {
  const label = (r: MonteCarloRow): string => `${r.lhs} ${r.op} ${r.rhs}`;
  const chosen = rows.filter((r) => (focus && focus.length > 0 ? focus.includes(label(r)) : r.op === "~"));
  const shown = chosen.length > 0 ? chosen : rows.filter((r) => r.op === "=~");
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: "Monte Carlo power by sample size",
    data: { values: shown.map((r) => ({ n: r.n, parameter: label(r), power: r.power })) },
    layer: [
      {
        mark: { type: "line", point: true },
        encoding: {
          x: { field: "n", type: "quantitative", title: "N" },
          y: { field: "power", type: "quantitative", title: "power", scale: { domain: [0, 1] } },
          color: { field: "parameter", type: "nominal" },
        },
      },
      { mark: { type: "rule", strokeDash: [4, 4] }, encoding: { y: { datum: 0.8 } } },
    ],
  };
}
