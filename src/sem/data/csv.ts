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

export interface DataTable {
  file: string;
  columns: string[];
  /** Raw cells, trimmed; every row has as many cells as there are columns. */
  rows: string[][];
  /** The file line (1-based) on which each row starts. */
  lineOf: number[];
  delimiter: string;
  decimal: DecimalMark;
}

export interface ReadTableOptions {
  delimiter?: string;
  decimal?: DecimalMark;
  /** Missing-value codes; these cells are ignored when detecting the decimal mark. */
  na?: string[];
}

/**
 * The table in `source` (the text of a delimited file); `path` names it in every error line.
 * A BOM is dropped and CRLF/CR line ends are read as "\n".
 */
export function tableFromText(source: string, path: string, options: ReadTableOptions = {}): DataTable {
  const text = normalizeText(source, path);
  const delimiter = options.delimiter ?? detectDelimiter(firstLine(text));
  if (delimiter === "" || /[\n"]/.test(delimiter)) {
    throw new InputError("E_USAGE", `${path}: ${JSON.stringify(delimiter)} cannot be a delimiter`);
  }
  const { records, lines } = parseRecords(text, delimiter, path);
  const columns = checkHeader(records[0] ?? [], lines[0] ?? 1, path);
  const rows = records.slice(1);
  const lineOf = lines.slice(1);
  if (rows.length === 0) {
    throw new InputError("E_EMPTY", `${path}: the file has a header line but no data rows`);
  }
  rows.forEach((row, i) => {
    if (row.length !== columns.length) {
      const fields = `${row.length} field${row.length === 1 ? "" : "s"}`;
      throw new InputError(
        "E_CSV",
        `${path}: line ${lineOf[i]} (row ${i + 1}): ${fields}, but the header has ${columns.length}`,
      );
    }
  });
  const na = new Set(["", "NA", ...(options.na ?? [])]);
  const decimal = options.decimal ?? (delimiter === "," ? "." : detectDecimal(rows, na));
  if (decimal === delimiter) {
    throw new InputError("E_USAGE", `${path}: the decimal mark and the delimiter cannot both be "${delimiter}"`);
  }
  return { file: path, columns, rows, lineOf, delimiter, decimal };
}

/** The text with its BOM removed and line endings normalized to "\n"; blank text is an error. */
function normalizeText(source: string, path: string): string {
  let text = source;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) throw new InputError("E_EMPTY", `${path}: the file is empty (0 bytes)`);
  if (text.trim() === "") throw new InputError("E_EMPTY", `${path}: the file is empty (only blank lines)`);
  return text.replace(/\r\n?/g, "\n");
}

function firstLine(text: string): string {
  return text.split("\n").find((line) => line.trim() !== "") ?? "";
}

interface Parsed {
  records: string[][];
  /** The line on which each record starts. */
  lines: number[];
}

function parseRecords(text: string, delimiter: string, path: string): Parsed {
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

function checkHeader(header: string[], line: number, path: string): string[] {
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === "") {
      throw new InputError("E_CSV", `${path}: line ${line}: column ${i + 1} of the header has no name`);
    }
    const first = seen.get(name);
    if (first !== undefined) {
      throw new InputError(
        "E_CSV",
        `${path}: line ${line}: column name "${name}" appears twice (columns ${first + 1} and ${i + 1})`,
      );
    }
    seen.set(name, i);
  });
  return header;
}
