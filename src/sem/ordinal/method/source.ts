/**
 * Where the ordinal sample statistics come from: a function of the data set and the variables
 * (thresholds, polychoric / polyserial correlations and their asymptotic covariance,
 * ordinal/types.ts). The weighted least-squares method asks for them through this one entry.
 */
import type { DataSet } from "../../data/index.js";
import { InputError } from "../../messages.js";
import type { OrdinalStats, OrdinalVariable } from "../types.js";

export type OrdinalStatsSource = (data: DataSet, vars: readonly OrdinalVariable[]) => OrdinalStats;

let source: OrdinalStatsSource | null = null;

/** Sets the source of the ordinal sample statistics (returns the previous one). */
export function setOrdinalStatsSource(s: OrdinalStatsSource | null): OrdinalStatsSource | null {
  const prev = source;
  source = s;
  return prev;
}

export function ordinalStatsOf(data: DataSet, vars: readonly OrdinalVariable[]): OrdinalStats {
  if (source === null)
    throw new InputError("E_USAGE", "ordinal sample statistics (polychoric correlations) are not available");
  return source(data, vars);
}
