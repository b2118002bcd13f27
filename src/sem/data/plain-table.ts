/**
 * The table of plain delimited text (see split.ts), read in one pass that also reads every cell as
 * a number: the table's `numeric` columns, so that buildDataSet need not parse the cells again. The
 * cells themselves (strings) are made only when something reads `rows`: a numeric file of 360,000
 * cells then costs no 360,000 long-lived strings. The checks and their order are those of the
 * csv-parse path in csv.ts: header, no data rows, ragged rows, decimal mark against delimiter.
 */
import type { DataTable, ReadTableOptions } from "./csv.js";
import { withNumeric } from "./numeric.js";
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
  const fixed = options.decimal ?? (delimiter === "," ? "." : null);
  const detectNa = fixed === null ? new Set(["", "NA", ...(options.na ?? [])]) : null;
  const read = readNumbers(rowLines, lineOf, columns.length, delimiter, path, { decimal: fixed, na, detectNa });
  const decimal: DecimalMark = fixed ?? (read.commas > 0 && read.commas >= read.points ? "," : ".");
  checkMarks(decimal, delimiter, path);
  // a column with a cell written with the other mark is not wholly numeric under this one
  const other = decimal === "." ? read.commaUsed : read.pointUsed;
  const values = read.values.map((column, j) => (other[j] === 1 ? null : column));
  const table: DataTable = { file: path, columns, rows: [], lineOf, delimiter, decimal };
  lazyRows(table, () => rowLines.map((line) => cellsOf(line, delimiter)));
  return withNumeric(table, values, na);
}

interface ReadSpec {
  /** The decimal mark, or null when it is to be detected (then each cell is read with the mark it has). */
  decimal: DecimalMark | null;
  /** Missing-value codes (trimmed) read as NaN besides "" and "NA". */
  na: string[];
  /** When the decimal mark is to be detected: the codes detectDecimal ignores; else null. */
  detectNa: Set<string> | null;
}

interface Numbers {
  values: (Float64Array | null)[];
  /** Per column, 1 when a cell read as a number has a decimal comma / a decimal point (mark detected). */
  commaUsed: Uint8Array;
  pointUsed: Uint8Array;
  /** Cells with a decimal comma and with a decimal point (counted as detectDecimal does). */
  commas: number;
  points: number;
}

/**
 * Every cell as a number (a column with a cell that is not: null), with the row checks. When the
 * mark is to be detected, a cell with a comma is read with the decimal comma and any other with the
 * point: a number has at most one of the two, and a cell with neither reads the same with both, so
 * the values under the mark finally detected are these, in the columns where no cell used the other.
 */
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
  const commaUsed = new Uint8Array(p);
  const pointUsed = new Uint8Array(p);
  const detectNa = spec.detectNa;
  let commas = 0;
  let points = 0;
  for (let i = 0; i < n; i++) {
    const cells = cellsOf(lines[i]!, delimiter);
    checkRowLength(cells.length, p, i, lineOf[i]!, path);
    for (let j = 0; j < p; j++) {
      const text = cells[j]!;
      const comma = spec.decimal === null && text.includes(",");
      const mark = spec.decimal ?? (comma ? "," : ".");
      let value = numericCode && missing.has(text) ? NaN : parseNumber(text, mark);
      if (value === null) value = missing.has(text) ? NaN : null;
      const column = columns[j];
      if (column !== null && column !== undefined) {
        if (value === null) columns[j] = null;
        else column[i] = value;
      }
      if (detectNa === null || detectNa.has(text)) continue;
      if (comma) {
        if (isNumber(value) || hasDecimalComma(text)) {
          commas++;
          commaUsed[j] = 1;
        }
      } else if (text.includes(".") && (isNumber(value) || hasDecimalPoint(text))) {
        points++;
        pointUsed[j] = 1;
      }
    }
  }
  return { values: columns, commaUsed, pointUsed, commas, points };
}

/** A number read from a cell (not null, not NaN for a missing-value code). */
function isNumber(value: number | null): boolean {
  return value !== null && !Number.isNaN(value);
}

/**
 * `table.rows` as an own, enumerable accessor that makes the rows on first use; assigning the
 * property stores the new rows and drops the numeric columns, which no longer describe them.
 */
function lazyRows(table: DataTable, make: () => string[][]): void {
  let rows: string[][] | null = null;
  Object.defineProperty(table, "rows", {
    enumerable: true,
    configurable: true,
    get(): string[][] {
      rows ??= make();
      return rows;
    },
    set(value: string[][]): void {
      rows = value;
      delete table.numeric;
    },
  });
}
