/**
 * Values too large for the estimator. Double precision holds magnitudes up to about 1.8e308, and
 * the fit works with squares and fourth powers of the data's scale: sums of squares (S), S⁻¹ and
 * the information ½ tr(Σ⁻¹ Σ_a Σ⁻¹ Σ_b), whose entries for a variance of size σ² are of order
 * 1/σ⁴. A cell of 1e308 overflows the sum of squares (S = ∞), and a column scaled by 1e150 makes
 * 1/σ⁴ underflow to 0. Values are therefore accepted up to MAX_MAGNITUDE = 1e75 in magnitude
 * (variances up to about 1e150, information entries down to about 1e-300); beyond it the first
 * such cell is named, with the column's largest value, so that the user can rescale the variable.
 */
import { InputError } from "../messages.js";
import type { DataTable } from "./csv.js";

export const MAX_MAGNITUDE = 1e75;

/** Throws E_NOT_NUMERIC naming the first cell whose magnitude exceeds MAX_MAGNITUDE. */
export function refuseHugeValues(
  table: DataTable,
  buckets: readonly { values: ArrayLike<number>; rowIds: ArrayLike<number> }[],
  variables: readonly string[],
): void {
  const p = variables.length;
  for (let j = 0; j < p; j++) {
    let first: { row: number; value: number } | null = null;
    let largest = 0;
    for (const b of buckets) {
      for (let i = 0; i < b.rowIds.length; i++) {
        const row = b.rowIds[i]!;
        const x = Math.abs(b.values[i * p + j]!);
        if (!(x > MAX_MAGNITUDE)) continue;
        if (first === null || row < first.row) first = { row, value: b.values[i * p + j]! };
        largest = Math.max(largest, x);
      }
    }
    if (first === null) continue;
    const { row, value } = first as { row: number; value: number };
    const where = `${table.file}: line ${table.lineOf[row - 1]} (row ${row}), column "${variables[j]}"`;
    const overflow = value * value === Infinity ? `its square overflows double precision (above 1.8e308)` : "";
    const why = overflow || `the column reaches ${largest.toExponential(2)}`;
    throw new InputError(
      "E_NOT_NUMERIC",
      `${where}: ${value.toExponential(2)} is too large to fit (${why}; values must stay below 1e75 in magnitude, ` +
        "since the fit squares them): rescale the variable (divide it by a power of 10) or correct the cell",
    );
  }
}
