/**
 * `isrs power` in Monte Carlo mode (Node: worker threads): the free parameters of the model and
 * their population values, every replication (pool.ts), the rows per sample size and parameter
 * (montecarlo.ts summarize) and a power curve over N as a vega-lite specification.
 */
import { summarize, trueValues, type MonteCarloRow, type MonteCarloSpec } from "./montecarlo.js";
import { defaultPowerWorkers, runReplications } from "./pool.js";
import { InputError } from "../sem/messages.js";

export interface MonteCarloResult {
  readonly mode: "montecarlo";
  readonly reps: number;
  readonly seed: number;
  readonly alpha: number;
  readonly data: "continuous" | "categories";
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
    threads,
    rows,
    chart: powerCurve(rows, opts.focus),
  };
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
