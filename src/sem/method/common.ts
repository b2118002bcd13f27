/** Pieces both data methods use: the fixed.x covariates' positions and degrees of freedom. */
import type { ParameterTable } from "../partable/types.js";

/** Positions of the observed covariates (ovX) in the model's variable order. */
export function covariateIndex(table: ParameterTable): number[] {
  return table.vars.ovX.map((v) => table.vars.ov.indexOf(v));
}

/** The covariates whose moments are fixed at their sample values: ovX under fixed.x, else none. */
export function exogenousIndex(table: ParameterTable): number[] {
  return table.options.fixedX ? covariateIndex(table) : [];
}

/**
 * Sample moments and degrees of freedom; fixed.x moments count on neither side of df (lavaan).
 * `nel` leaves the fixed.x moments out, `nelAll` (the GFI family's count) keeps them.
 */
export function degreesOfFreedom(table: ParameterTable): { nel: number; nelAll: number; df: number } {
  const moments = (k: number): number => ((k * (k + 1)) / 2 + (table.options.meanstructure ? k : 0)) * table.ngroups;
  const nelAll = table.nmoments ?? moments(table.vars.ov.length);
  const nel = nelAll - moments(table.options.fixedX ? table.vars.ovX.length : 0);
  return { nel, nelAll, df: nel - table.nfree };
}
