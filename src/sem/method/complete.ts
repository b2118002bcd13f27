/**
 * Complete data (listwise deletion): the sample moments x̄ and S (N divisor) per group, F_ML, the
 * expected information, the complete-data robust corrections (robust/index.ts) and the fit
 * measures of fit/measures.ts.
 */
import { expectedInformation } from "../estimate/info-total.js";
import { baselineChisq } from "../fit/baseline.js";
import { fitMeasures } from "../fit/measures.js";
import { InputError, warning } from "../messages.js";
import { robustEstimation } from "../robust/index.js";
import { groupStats, type SampleStats } from "../samplestats/index.js";
import { momentStats } from "../samplecov/moments.js";
import { covariateIndex, exogenousIndex } from "./common.js";
import type { CreateContext, DataMethod, DataMethodSpec } from "./types.js";

export const completeData: DataMethodSpec = {
  kind: "complete",
  select: ({ data, table }) => ({ data, table }),
  create: createComplete,
};

function createComplete(ctx: CreateContext): DataMethod {
  const { data, table, df, nel } = ctx;
  const p = table.vars.ov.length;
  const moments = ctx.input.moments;
  const stats = moments ? momentStats(moments, data.variables) : sampleStats(data.groups, p, ctx.input.data.file);
  const warnings =
    data.dropped.length > 0
      ? [
          warning(
            "W_ROWS_DROPPED",
            `${data.dropped.length} of ${data.nTotalRows} rows dropped for missing values ` +
              `(listwise deletion); ${stats.ntotal} used`,
          ),
        ]
      : [];
  return {
    kind: "complete",
    data,
    table,
    stats,
    fiml: null,
    missingPatterns: undefined,
    warnings,
    problem: (rep, rowValues) => ({ rep, stats, rowValues }),
    starts: (_prob, start) => ({ first: start, fallbacks: [] }),
    information: (prob, ev) => expectedInformation(prob, ev),
    robust: (at, opts) =>
      opts.estimator === "ML"
        ? null
        : robustEstimation({
            estimator: opts.estimator,
            prob: at.prob,
            theta: at.theta,
            evaluation: at.evaluation,
            information: at.information,
            rows: data.groups,
            exoIndex: exogenousIndex(table),
            covariateIndex: covariateIndex(table),
            chisq: stats.ntotal * at.evaluation.f,
            df,
            nel,
            npar: table.rows.filter((r) => r.free > 0).length,
            baseline: baselineChisq(stats.groups, covariateIndex(table)),
          }),
    fitMeasures: (base) => fitMeasures(base),
    modindicesBasis: (at) => ({ prob: at.prob, evaluation: at.evaluation, info: at.information }),
  };
}

function sampleStats(
  groups: readonly { label: string; X: Float64Array; n: number }[],
  p: number,
  file: string,
): SampleStats {
  const out = groups.map((g) => {
    const st = groupStats(g.label, g.X, g.n, p);
    if (st === null)
      throw new InputError(
        "E_NOT_PD",
        `${file}: the sample covariance matrix${g.label ? ` of group "${g.label}"` : ""} is not positive definite`,
      );
    return st;
  });
  return { groups: out, ntotal: out.reduce((a, g) => a + g.n, 0) };
}
