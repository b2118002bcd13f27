/**
 * Delimited text into a table of raw (trimmed) cells. Every problem with the text itself (empty,
 * ragged, badly quoted, bad header) becomes one InputError line naming the file and the line.
 * No Node built-ins here: the browser bundle parses text given to it (`tableFromText`); reading a
 * file is `read-file.ts`.
 */
import { parse } from "csv-parse/sync";
import { InputError } from "../messages.js";
import { detectDecimal, detectDelimiter } from "./detect.js";
import type { DecimalMark } from "./number.js";
import { plainTable } from "./plain-table.js";
import { plainLines } from "./split.js";
import { checkHeader, checkMarks, checkRowLength, noDataRows } from "./table-checks.js";
import { refuseMatrixInput } from "./matrix-input.js";

export interface DataTable {
  file: string;
  columns: string[];
  /**
   * Raw cells, trimmed; every row has as many cells as there are columns. A table read by the fast
   * reader of plain text makes them on first use (an own, enumerable getter: spreading the table
   * or cloning it reads them), and assigning `rows` replaces them and drops `numeric`.
   */
  rows: string[][];
  /** The file line (1-based) on which each row starts: one per row (buildDataSet counts the rows by it). */
  lineOf: number[];
  delimiter: string;
  decimal: DecimalMark;
  /**
   * Optional, for speed: the columns already read as numbers (see NumericColumns). buildDataSet
   * takes a model variable's values from here when they are given, and parses `rows` otherwise.
   */
  numeric?: NumericColumns;
}

/**
 * A table's columns as numbers, made when the table is read (or built from numbers) so that
 * buildDataSet need not parse the cells. It must agree with the table's cells: column j, row i
 * holds NaN when the cell is "", "NA" or one of `na`, else `parseNumber(rows[i][j], decimal)`; a
 * column with a cell that is neither is null. It belongs to one table object (`of`, set by
 * `withNumeric` in numeric.ts): a table made from another by spreading (`{ ...table, rows }`, as
 * the bootstrap and the instrument layer do) is another object, and its copy of the field is
 * ignored; assigning a fast-read table's `rows` drops it. Cells changed in place are not seen.
 */
export interface NumericColumns {
  /** The table these values were read for; on any other table they are ignored. */
  readonly of: DataTable;
  /** Per column, in the order of `columns` (all of them): the values (NaN for a missing-value code), or null. */
  readonly values: ReadonlyArray<Float64Array | null>;
  /** Missing-value codes read as NaN besides "" and "NA" (trimmed). */
  readonly na: readonly string[];
}

export interface ReadTableOptions {
  delimiter?: string;
  decimal?: DecimalMark;
  /** Missing-value codes; these cells are ignored when detecting the decimal mark. */
  na?: string[];
}

/**
 * The table in `source` (the text of a delimited file); `path` names it in every error line.
 * A BOM is dropped and CRLF/CR line ends are read as "\n". Plain text (a one-character delimiter,
 * no quote but whole-cell quotes such as `"Pasteur"`) is read by the fast reader (split.ts,
 * plain-table.ts), which also reads the numbers; other text by csv-parse.
 */
export function tableFromText(source: string, path: string, options: ReadTableOptions = {}): DataTable {
  try {
    return tableWith(source, path, options, true);
  } catch (error) {
    if (error instanceof InputError && UNNAMED_FIRST.test(error.message)) refuseUnnamedMatrix(source, path, options);
    throw error;
  }
}

const UNNAMED_FIRST = /: column 1 of the header has no name$/;

/**
 * R's `write.csv(cov(d))` leaves the row-name column's header empty, which the header check
 * refuses before the matrix detection (matrix-input.ts) could say what the file is: with that
 * cell named, a file that is a covariance or correlation matrix gets the matrix's own line.
 */
function refuseUnnamedMatrix(source: string, path: string, options: ReadTableOptions): void {
  const start = source.search(/\S/);
  if (start < 0) return;
  const named = source.startsWith('""', start)
    ? `${source.slice(0, start)}"(row names)"${source.slice(start + 2)}`
    : `${source.slice(0, start)}(row names)${source.slice(start)}`;
  let table: DataTable;
  try {
    table = tableWith(named, path, options, true);
  } catch {
    return;
  }
  refuseMatrixInput(table);
}

/**
 * `tableFromText` with every text read by csv-parse, the fast reader of plain text left out: the
 * reference the property tests compare the fast reader with.
 */
export function tableFromTextByCsvParse(source: string, path: string, options: ReadTableOptions = {}): DataTable {
  return tableWith(source, path, options, false);
}

function tableWith(source: string, path: string, options: ReadTableOptions, fast: boolean): DataTable {
  const text = normalizeText(source, path);
  const delimiter = options.delimiter ?? detectDelimiter(firstLine(text));
  if (delimiter === "" || /[\n"]/.test(delimiter)) {
    throw new InputError("E_USAGE", `${path}: ${JSON.stringify(delimiter)} cannot be a delimiter`);
  }
  const plain = fast ? plainLines(text, delimiter) : null;
  if (plain !== null) return plainTable(plain, path, delimiter, options);
  const { records, lines } = parseRecords(text, delimiter, path);
  const columns = checkHeader(records[0] ?? [], lines[0] ?? 1, path);
  const rows = records.slice(1);
  const lineOf = lines.slice(1);
  if (rows.length === 0) throw noDataRows(path);
  for (let i = 0; i < rows.length; i++) checkRowLength(rows[i]!.length, columns.length, i, lineOf[i]!, path);
  const na = new Set(["", "NA", ...(options.na ?? [])]);
  const decimal = options.decimal ?? (delimiter === "," ? "." : detectDecimal(rows, na));
  checkMarks(decimal, delimiter, path);
  return { file: path, columns, rows, lineOf, delimiter, decimal };
}

/** The text with its BOM removed and line endings normalized to "\n"; blank text is an error. */
function normalizeText(source: string, path: string): string {
  let text = source;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) throw new InputError("E_EMPTY", `${path}: the file is empty (0 bytes)`);
  if (text.trim() === "") throw new InputError("E_EMPTY", `${path}: the file is empty (only blank lines)`);
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/** The first line that is not blank (white space only), or "". */
function firstLine(text: string): string {
  for (let start = 0; start < text.length;) {
    const end = text.indexOf("\n", start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (line.trim() !== "") return line;
    if (end < 0) break;
    start = end + 1;
  }
  return "";
}

interface Records {
  records: string[][];
  /** The line on which each record starts. */
  lines: number[];
}

function parseRecords(text: string, delimiter: string, path: string): Records {
  const lines: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      on_record: (record: string[], context) => {
        const breaks = record.reduce((sum, cell) => sum + cell.split("\n").length - 1, 0);
        lines.push(context.lines - breaks);
        return record;
      },
    });
  } catch (error) {
    throw csvError(text, path, error);
  }
  return { records: records.map((record) => record.map((cell) => cell.trim())), lines };
}

/** Rewrite a csv-parse error into one line naming the file line. */
function csvError(text: string, path: string, error: unknown): InputError {
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  const line = error instanceof Error && "lines" in error ? Number(error.lines) : NaN;
  const where = Number.isFinite(line) ? `line ${line}: ` : "";
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return new InputError("E_CSV", `${path}: line ${unclosedQuoteLine(text)}: a quoted field is never closed`);
    case "CSV_INVALID_CLOSING_QUOTE":
      return new InputError("E_CSV", `${path}: ${where}a closing quote is followed by text before the next delimiter`);
    case "INVALID_OPENING_QUOTE":
      return new InputError("E_CSV", `${path}: ${where}a quote appears inside an unquoted field`);
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return new InputError("E_CSV", `${path}: ${where}${message}`);
    }
  }
}

/** The line on which the last quote left open starts. */
function unclosedQuoteLine(text: string): number {
  let line = 1;
  let openedAt = 1;
  let inQuotes = false;
  for (const ch of text) {
    if (ch === "\n") line++;
    else if (ch === '"') {
      inQuotes = !inQuotes;
      if (inQuotes) openedAt = line;
    }
  }
  return openedAt;
}
