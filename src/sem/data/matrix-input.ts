/**
 * A covariance or correlation matrix saved as a data file (R's `write.csv(cov(d))`, a table
 * copied from a paper) looks like a small data set: k rows whose first column names the other k
 * columns, and a symmetric block of numbers. Fitted as raw data it would be k "cases" of
 * nonsense, so it is refused with one line that says what the file looks like and how to fit it
 * as summary statistics (`isrs fit --sample-cov FILE --nobs N`, src/sem/samplecov).
 */
import { InputError } from "../messages.js";
import type { DataTable } from "./csv.js";
import { parseNumber } from "./number.js";

/**
 * True when the table is square and symmetric with its row names in the first column: the first
 * column lists the other columns' names in order, and cell (i, j) equals cell (j, i) up to the
 * rounding of printed numbers (1e-6 relative to the largest diagonal magnitude).
 */
export function looksLikeMatrix(table: DataTable): boolean {
  const k = table.columns.length - 1;
  // the row count by lineOf (one per row): reading `rows` would build every cell of a fast-read table
  if (k < 2 || table.lineOf.length !== k) return false;
  const names = table.columns.slice(1);
  if (table.rows.some((cells, i) => cells[0] !== names[i])) return false;
  const value = (i: number, j: number): number | null => parseNumber(table.rows[i]![j + 1]!, table.decimal);
  let scale = 0;
  for (let i = 0; i < k; i++) {
    const d = value(i, i);
    if (d === null) return false;
    scale = Math.max(scale, Math.abs(d));
  }
  for (let i = 0; i < k; i++)
    for (let j = 0; j < i; j++) {
      const a = value(i, j);
      const b = value(j, i);
      // a lower or upper triangle with the other half blank is a matrix too
      const blank = (c: string | undefined): boolean => c === "" || c === "NA";
      if (a === null && blank(table.rows[i]![j + 1])) continue;
      if (b === null && blank(table.rows[j]![i + 1])) continue;
      if (a === null || b === null || Math.abs(a - b) > 1e-6 * scale) return false;
    }
  return true;
}

/** Throws an E_CSV error when the data file looks like a covariance or correlation matrix. */
export function refuseMatrixInput(table: DataTable): void {
  if (!looksLikeMatrix(table)) return;
  const k = table.columns.length - 1;
  const unit = table.rows.every((cells, i) => parseNumber(cells[i + 1]!, table.decimal) === 1);
  const what = unit ? "a correlation matrix" : "a covariance matrix";
  throw new InputError(
    "E_CSV",
    `${table.file}: this looks like ${what} (${k} rows ` +
      `named like the ${k} columns, symmetric), not one row ` +
      `per case; ` +
      `to fit it as summary statistics give it as --sample-cov ${table.file} --nobs N` +
      (unit ? " (with --sds FILE for the standard deviations)" : "") +
      " instead of as the data file",
  );
}
