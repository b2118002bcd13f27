/**
 * CSV text into a table `fit` accepts, with the CLI's rules (delimiter and decimal mark detected,
 * BOM, CRLF, quotes).
 */
import { tableFromText, type DataTable, type ReadTableOptions } from "../sem/data/csv.js";

export interface CsvOptions extends ReadTableOptions {
  /** the name of the data in error messages (default "data.csv") */
  name?: string;
}

/** A table of raw cells; `na` keeps the missing-value codes it was read with, which `fit` then uses too. */
export interface CsvTable extends DataTable {
  readonly na: readonly string[];
}

/** The table in CSV `text`; a problem with the text throws an IsrsInputError naming the line. */
export function csvTable(text: string, options: CsvOptions = {}): CsvTable {
  const { name, ...read } = options;
  return withNa(tableFromText(text, name ?? "data.csv", read), read.na);
}

/**
 * The table with its missing-value codes attached. The table is fresh from the reader, so it is
 * extended in place: a copy would lose its numeric columns, which belong to this object alone.
 */
export function withNa(table: DataTable, na: readonly string[] | undefined): CsvTable {
  return Object.assign(table, { na: [...(na ?? [])] });
}
