/**
 * The table of plain delimited text (see split.ts), read in one pass that also reads every cell as
 * a number: the table's `numeric` columns, so that buildDataSet need not parse the cells again. The
 * cells themselves (strings) are made only when something reads `rows`: a numeric file of 360,000
 * cells then costs no 360,000 long-lived strings. The checks and their order are those of the
 * csv-parse path in csv.ts: header, no data rows, ragged rows, decimal mark against delimiter.
 */
import type { DataTable, NumericColumns, ReadTableOptions } from "./csv.js";
import { hasDecimalComma, hasDecimalPoint, parseNumber, type DecimalMark } from "./number.js";
import { cellsOf, type PlainLines } from "./split.js";
import { checkHeader, checkMarks, checkRowLength, noDataRows } from "./table-checks.js";

export function plainTable(plain: PlainLines, path: string, delimiter: string, options: ReadTableOptions): DataTable {
  const { lines, lineNo } = plain;
  const columns = checkHeader(lines.length > 0 ? cellsOf(lines[0]!, delimiter) : [], lineNo[0] ?? 1, path);
  if (lines.length < 2) throw noDataRows(path);
  const rowLines = lines.slice(1);
  const lineOf = lineNo.slice(1);
  const na = (options.na ?? []).map((code) => code.trim());
  const detect = options.decimal === undefined && delimiter !== ",";
  const first = readNumbers(rowLines, lineOf, columns.length, delimiter, path, {
    decimal: options.decimal ?? ".",
    na,
    detectNa: detect ? new Set(["", "NA", ...(options.na ?? [])]) : null,
  });
  const decimal: DecimalMark =
    options.decimal ?? (detect && first.commas > 0 && first.commas >= first.points ? "," : ".");
  checkMarks(decimal, delimiter, path);
  const values =
    decimal === (options.decimal ?? ".")
      ? first.values
      : readNumbers(rowLines, lineOf, columns.length, delimiter, path, { decimal, na, detectNa: null }).values;
  const table: DataTable = { file: path, columns, rows: [], lineOf, delimiter, decimal };
  lazyRows(table, () => rowLines.map((line) => cellsOf(line, delimiter)));
  const numeric: NumericColumns = { of: table, values, na };
  table.numeric = numeric;
  return table;
}

interface ReadSpec {
  decimal: DecimalMark;
  /** Missing-value codes (trimmed) read as NaN besides "" and "NA". */
  na: string[];
  /** When the decimal mark is to be detected: the codes detectDecimal ignores; else null. */
  detectNa: Set<string> | null;
}

interface Numbers {
  values: (Float64Array | null)[];
  /** Cells with a decimal comma and with a decimal point (counted as detectDecimal does). */
  commas: number;
  points: number;
}

/** Every cell as a number under `spec.decimal` (a column with a cell that is not: null), with the row checks. */
function readNumbers(
  lines: string[],
  lineOf: number[],
  p: number,
  delimiter: string,
  path: string,
  spec: ReadSpec,
): Numbers {
  const n = lines.length;
  const missing = new Set(["", "NA", ...spec.na]);
  const numericCode = spec.na.some((code) => parseNumber(code, ".") !== null || parseNumber(code, ",") !== null);
  const columns: (Float64Array | null)[] = [];
  for (let j = 0; j < p; j++) columns.push(new Float64Array(n));
  let commas = 0;
  let points = 0;
  for (let i = 0; i < n; i++) {
    const cells = cellsOf(lines[i]!, delimiter);
    checkRowLength(cells.length, p, i, lineOf[i]!, path);
    for (let j = 0; j < p; j++) {
      const text = cells[j]!;
      let value = numericCode && missing.has(text) ? NaN : parseNumber(text, spec.decimal);
      if (value === null) value = missing.has(text) ? NaN : null;
      const column = columns[j];
      if (column !== null && column !== undefined) {
        if (value === null) columns[j] = null;
        else column[i] = value;
      }
      if (spec.detectNa !== null && !spec.detectNa.has(text)) {
        if (hasDecimalComma(text)) commas++;
        else if (text.includes(".") && (isNumber(value) || hasDecimalPoint(text))) points++;
      }
    }
  }
  return { values: columns, commas, points };
}

/** A number read from a cell (not null, not NaN for a missing-value code). */
function isNumber(value: number | null): boolean {
  return value !== null && !Number.isNaN(value);
}

/**
 * `table.rows` as an own, enumerable getter that makes the rows once; assigning the property
 * stores the new rows and drops the numeric columns, which no longer describe them.
 */
function lazyRows(table: DataTable, make: () => string[][]): void {
  const store = (rows: string[][]): void => {
    Object.defineProperty(table, "rows", { value: rows, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(table, "rows", {
    enumerable: true,
    configurable: true,
    get(): string[][] {
      const rows = make();
      store(rows);
      return rows;
    },
    set(rows: string[][]): void {
      store(rows);
      delete table.numeric;
    },
  });
}
