/** Attaching a table's numeric columns (NumericColumns in csv.ts) and finding them again. */
import type { DataTable, NumericColumns } from "./csv.js";

/**
 * The table with its numeric columns attached. `numeric.of` (the table itself) is not enumerable:
 * JSON.stringify meets no cycle. A table spread from this one keeps `of` pointing here, and a
 * structured clone (a worker's copy) has no `of`: on both the columns are ignored and the cells
 * are parsed instead.
 */
export function withNumeric(
  table: DataTable,
  values: ReadonlyArray<Float64Array | null>,
  na: readonly string[] = [],
): DataTable {
  const numeric = { values, na } as Omit<NumericColumns, "of">;
  Object.defineProperty(numeric, "of", { value: table, enumerable: false });
  table.numeric = numeric as NumericColumns;
  return table;
}

/** The table's numeric columns when they were made for this very table object, else null. */
export function numericOf(table: DataTable): NumericColumns | null {
  const numeric = table.numeric;
  return numeric !== undefined && numeric.of === table && numeric.values.length === table.columns.length
    ? numeric
    : null;
}
