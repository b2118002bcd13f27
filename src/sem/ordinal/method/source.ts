/**
 * Where the ordinal sample statistics come from: by default the ordinal statistics of
 * ordinal/stats (thresholds, polychoric / polyserial correlations and their asymptotic covariance)
 * on the data set's groups; tests may put lavaan's own statistics in their place.
 */
import type { DataSet } from "../../data/index.js";
import { ordinalStats } from "../stats/index.js";
import type { OrdinalStats, OrdinalVariable } from "../types.js";

export type OrdinalStatsSource = (
  data: DataSet,
  vars: readonly Pick<OrdinalVariable, "name" | "ordered">[],
  missing: "listwise" | "pairwise",
) => OrdinalStats;

/** ordinal/stats on the data set: one column per variable and group, the file's row numbers in messages. */
export const computeOrdinalStats: OrdinalStatsSource = (data, vars, missing) => {
  const p = data.variables.length;
  const col = vars.map((v) => data.variables.indexOf(v.name));
  const columns = data.groups.map((g) =>
    col.map((j) => {
      const out = new Float64Array(g.n);
      for (let r = 0; r < g.n; r++) out[r] = g.X[r * p + j]!;
      return out;
    }),
  );
  return ordinalStats(columns, vars, {
    missing,
    groupLabels: data.groups.map((g) => g.label),
    rowNumbers: data.groups.map((g) => g.rowIds),
    source: data.file,
  });
};

let source: OrdinalStatsSource = computeOrdinalStats;

/** Sets the source of the ordinal sample statistics (null: the default); returns the previous one. */
export function setOrdinalStatsSource(s: OrdinalStatsSource | null): OrdinalStatsSource {
  const prev = source;
  source = s ?? computeOrdinalStats;
  return prev;
}

export function ordinalStatsOf(
  data: DataSet,
  vars: readonly Pick<OrdinalVariable, "name" | "ordered">[],
  missing: "listwise" | "pairwise",
): OrdinalStats {
  return source(data, vars, missing);
}
