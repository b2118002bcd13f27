/**
 * A Monte Carlo replication fitted from its rows (not its moments): the robust estimators (MLM,
 * MLR: a sandwich covariance, which needs the casewise data) and FIML for incomplete data go
 * through the pipeline's own preparation, optimizer and robust path (fit-model.ts prepareFit,
 * estimate/optimize.ts, the data method's robust()), leaving out the views a replication does not
 * need (standardized values, fit measures beyond what robust() makes).
 * Missing cells are drawn completely at random (MCAR): each cell of the data set independently
 * with probability `rate`, from a generator of its own seeded per replication, so that the data
 * themselves are the same as without missing values.
 */
import { prepareFit } from "../sem/fit-model.js";
import { optimize } from "../sem/estimate/optimize.js";
import { vcovFromInformation } from "../sem/inference/vcov.js";
import { normalTwoSidedP } from "../sem/distributions/index.js";
import { withNumeric } from "../sem/data/numeric.js";
import type { DataTable } from "../sem/data/csv.js";
import type { ModelSyntax } from "../sem/syntax/index.js";
import type { Estimator } from "../sem/options.js";
import { createRng } from "../instrument/rng.js";

/** Sets each cell of X (row-major n × p) to NaN with probability `rate`, drawing from `seed`'s generator. */
export function dropCompletelyAtRandom(X: Float64Array, rate: number, seed: number): void {
  if (rate <= 0) return;
  const rng = createRng(seed);
  for (let i = 0; i < X.length; i++) if (rng.uniform() < rate) X[i] = Number.NaN;
}

/** A data table over X's columns: its numbers given directly (cells made only if something reads them). */
function tableOf(names: readonly string[], X: Float64Array, n: number): DataTable {
  const p = names.length;
  const values = names.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) values[j]![i] = X[i * p + j]!;
  const table = {
    file: "replication",
    columns: [...names],
    lineOf: Array.from({ length: n }, (_, i) => i + 2),
    delimiter: ",",
    decimal: ".",
  } as Omit<DataTable, "rows"> as DataTable;
  Object.defineProperty(table, "rows", {
    enumerable: true,
    get: () => Array.from({ length: n }, (_, i) => values.map((v) => (Number.isNaN(v[i]!) ? "" : String(v[i]!)))),
  });
  return withNumeric(table, values);
}

export interface RowsFitOptions {
  readonly estimator: Estimator;
  /** FIML (incomplete rows kept) rather than complete data */
  readonly fiml: boolean;
}

/**
 * The model fitted to the rows of X; per parameter of `keys` ("lhs op rhs", the order of the
 * reported parameters) est, se and the two-sided z-test p (NaN when not available). Parameters
 * of this fit that are not in `keys` (the intercepts FIML adds) are left out.
 */
export function fitRows(
  syntax: ModelSyntax,
  names: readonly string[],
  X: Float64Array,
  n: number,
  keys: readonly string[],
  options: RowsFitOptions,
) {
  const q = keys.length;
  const est = new Float64Array(q).fill(Number.NaN);
  const se = new Float64Array(q).fill(Number.NaN);
  const pv = new Float64Array(q).fill(Number.NaN);
  const prep = prepareFit({
    syntax,
    data: tableOf(names, X, n),
    options: { estimator: options.estimator, missing: options.fiml ? "fiml" : "listwise" },
  });
  const starts = prep.method.starts(prep.prob, prep.start.theta);
  const opt = optimize(prep.prob, starts.first);
  if (!opt.converged || !Number.isFinite(opt.evaluation.f))
    return { est, se, p: pv, converged: false, admissible: false };
  const information = prep.method.information(prep.prob, opt.evaluation, opt.theta);
  const at = { prob: prep.prob, theta: opt.theta, evaluation: opt.evaluation, information };
  const robust = prep.method.robust(at, prep.opts);
  const nfree = prep.table.nfree;
  const vc = robust?.vcov ?? vcovFromInformation(information, nfree, prep.stats.ntotal);
  const position = new Map(keys.map((k, j) => [k, j]));
  for (const r of prep.table.rows) {
    const j = r.free > 0 ? position.get(`${r.lhs} ${r.op} ${r.rhs}`) : undefined;
    if (j === undefined) continue;
    est[j] = opt.theta[r.free - 1]!;
    if (vc.ok) {
      se[j] = Math.sqrt(vc.vcov[(r.free - 1) * nfree + (r.free - 1)]!);
      pv[j] = normalTwoSidedP(est[j]! / se[j]!);
    }
  }
  const heywood = prep.table.rows.some(
    (r) => r.free > 0 && r.op === "~~" && r.lhs === r.rhs && opt.theta[r.free - 1]! < 0,
  );
  return { est, se, p: pv, converged: true, admissible: vc.ok && !heywood };
}
