/**
 * From a table of raw cells to the numeric data a model is fitted to: the model's observed
 * variables, split by group, rows with missing values removed (listwise), and checked for
 * what would make the sample covariance matrix unusable.
 */
import { refuseMatrixInput } from "./matrix-input.js";
import { refuseHugeValues } from "./magnitude.js";
import { InputError } from "../messages.js";
import { findCollinear } from "./collinear.js";
import { checkedIncompleteGroup } from "./coverage.js";
import type { DataTable, NumericColumns } from "./csv.js";
import { numericOf } from "./numeric.js";
import { looksNumeric, parseNumber } from "./number.js";
import { didYouMean } from "./suggest.js";

export interface DataSetGroup {
  /** The group column's raw value; "" when the data are not grouped. */
  label: string;
  n: number;
  /**
   * Row-major n x p, columns in the order of `variables`: complete rows only under listwise
   * deletion; under FIML incomplete rows too, with NaN for the missing cells.
   */
  X: Float64Array;
  /** 1-based data row numbers kept. */
  rowIds: number[];
}

export interface DroppedRow {
  /** 1-based data row number. */
  row: number;
  /** File line on which the row starts. */
  line: number;
  /** The row's group, when grouped and the group value is present. */
  group?: string;
  /** The variables missing in this row (the group column first when it is the one missing). */
  missing: string[];
}

export interface DataSet {
  file: string;
  variables: string[];
  /** In order of first appearance in the file. */
  groups: DataSetGroup[];
  dropped: DroppedRow[];
  nTotalRows: number;
}

export interface BuildDataSetOptions {
  /** The observed variables the model uses, in this order. */
  variables: string[];
  /** The column that splits the rows into groups. */
  group?: string;
  /** Missing-value codes in addition to "" and "NA". */
  na?: string[];
  /**
   * "listwise" (default) drops incomplete rows; "fiml" keeps them and drops only empty rows;
   * "pairwise" keeps rows as "fiml" does (pairwise deletion uses every row that observes a
   * variable: listwise checks here would refuse data with few complete rows before the ordinal
   * method sees them).
   */
  missing?: "listwise" | "fiml" | "pairwise";
  /** Under "fiml": variables a kept row must observe (fixed.x covariates, as lavaan). */
  required?: string[];
}

export interface Bucket {
  label: string;
  /** Row-major, the kept rows' values in the order of `rowIds`. */
  values: ArrayLike<number>;
  rowIds: number[];
  dropped: number;
}

export function buildDataSet(table: DataTable, options: BuildDataSetOptions): DataSet {
  const { variables } = options;
  refuseMatrixInput(table);
  if (variables.length === 0) throw new InputError("E_NO_VARIABLE", `${table.file}: no model variables were given`);
  const indices = variables.map((name) => columnIndex(table, name, "model variable"));
  const repeated = variables.find((name, i) => variables.indexOf(name) !== i);
  if (repeated !== undefined)
    throw new InputError("E_USAGE", `${table.file}: model variable "${repeated}" is listed twice`);
  const groupIndex = options.group === undefined ? -1 : columnIndex(table, options.group, "group variable");
  const na = new Set(["", "NA", ...(options.na ?? []).map((code) => code.trim())]);
  const columns = columnValues(table, indices, na);
  const nRows = table.lineOf.length; // as many as rows, which a table may make only when read
  const { buckets, dropped, observed } = splitRows(table, columns, variables, groupIndex, na, options);
  const empty = variables.find((_, k) => observed[k] === 0);
  if (empty !== undefined && nRows > 0) {
    throw new InputError(
      "E_ALL_MISSING",
      `${table.file}: model variable "${empty}" is missing in every row; drop it from the model or check the column`,
    );
  }
  refuseHugeValues(table, buckets, variables);
  const grouped = groupIndex >= 0;
  const fiml = options.missing === "fiml" || options.missing === "pairwise";
  const groups = buckets.map((bucket) =>
    fiml
      ? checkedIncompleteGroup(table.file, bucket, variables, grouped)
      : checkedGroup(table.file, bucket, variables, grouped),
  );
  return { file: table.file, variables: [...variables], groups, dropped, nTotalRows: nRows };
}

interface SplitRows {
  /** In order of first appearance. */
  buckets: Bucket[];
  dropped: DroppedRow[];
  /** Per variable, the number of rows that observe it. */
  observed: Int32Array;
}

/** The rows by group, each kept or dropped for its missing values (listwise, or FIML's rule). */
function splitRows(
  table: DataTable,
  columns: Float64Array[],
  variables: string[],
  groupIndex: number,
  na: Set<string>,
  options: BuildDataSetOptions,
): SplitRows {
  const p = variables.length;
  const fiml = options.missing === "fiml" || options.missing === "pairwise";
  const required = variables.map((v) => (options.required ?? []).includes(v));
  const byLabel = new Map<string, Bucket & { kept: number[] }>();
  const dropped: DroppedRow[] = [];
  const observed = new Int32Array(p);
  const nRows = table.lineOf.length;
  const rows = groupIndex < 0 ? [] : table.rows;
  for (let i = 0; i < nRows; i++) {
    let nMissing = 0;
    let missingRequired = false;
    for (let k = 0; k < p; k++) {
      if (Number.isNaN(columns[k]![i]!)) {
        nMissing++;
        if (required[k]) missingRequired = true;
      } else observed[k]!++;
    }
    const row = i + 1;
    const line = table.lineOf[i]!;
    const missing = () => variables.filter((_, k) => Number.isNaN(columns[k]![i]!));
    const groupCell = groupIndex < 0 ? "" : rows[i]![groupIndex]!;
    if (groupIndex >= 0 && na.has(groupCell)) {
      dropped.push({ row, line, missing: [options.group ?? "", ...missing()] });
      continue;
    }
    let bucket = byLabel.get(groupCell);
    if (bucket === undefined) {
      bucket = { label: groupCell, values: [], rowIds: [], dropped: 0, kept: [] };
      byLabel.set(groupCell, bucket);
    }
    if (nMissing === 0 || (fiml && nMissing < p && !missingRequired)) {
      bucket.kept.push(i);
      bucket.rowIds.push(row);
    } else {
      bucket.dropped++;
      dropped.push(
        groupIndex < 0 ? { row, line, missing: missing() } : { row, line, group: groupCell, missing: missing() },
      );
    }
  }
  const buckets = [...byLabel.values()].map(({ kept, ...bucket }) => ({ ...bucket, values: rowMajor(columns, kept) }));
  return { buckets, dropped, observed };
}

/** The kept rows (0-based indices) of the columns as one row-major array. */
function rowMajor(columns: Float64Array[], kept: number[]): Float64Array {
  const p = columns.length;
  const X = new Float64Array(kept.length * p);
  for (let k = 0; k < p; k++) {
    const column = columns[k]!;
    for (let r = 0; r < kept.length; r++) X[r * p + k] = column[kept[r]!]!;
  }
  return X;
}

/**
 * Each model variable's column as numbers (NaN for a missing-value code): from the table's numeric
 * columns when they can be used (see `usableNumeric`), else parsed from the cells. The first cell,
 * row by row, that is neither throws E_NOT_NUMERIC (only parsed columns can have one). When no
 * missing-value code reads as a number, a cell is parsed first and looked up among the codes only
 * when it is not a number (the same outcome, without hashing every cell).
 */
function columnValues(table: DataTable, indices: number[], na: Set<string>): Float64Array[] {
  const numeric = usableNumeric(table, na);
  const n = table.lineOf.length;
  const columns = indices.map((j) => numeric?.values[j] ?? new Float64Array(n));
  const parse = indices.flatMap((j, k) => (numeric?.values[j] ? [] : [k]));
  if (parse.length === 0) return columns;
  const { rows, decimal } = table;
  const numericCode = [...na].some((code) => parseNumber(code, decimal) !== null);
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i]!;
    for (const k of parse) {
      const text = cells[indices[k]!]!;
      let value: number | null;
      if (numericCode) value = na.has(text) ? NaN : parseNumber(text, decimal);
      else value = parseNumber(text, decimal) ?? (na.has(text) ? NaN : null);
      if (value === null) throw notNumeric(table, i, indices[k]!);
      columns[k]![i] = value;
    }
  }
  return columns;
}

/**
 * The table's numeric columns when they give what parsing the cells with these missing-value codes
 * gives: every code they read as missing is one of `na`, and every other code of `na` does not
 * read as a number (a cell equal to it is then not a number, and its column is null).
 */
function usableNumeric(table: DataTable, na: Set<string>): NumericColumns | null {
  const numeric = numericOf(table);
  if (numeric === null || numeric.values.some((v) => v !== null && v.length !== table.lineOf.length)) return null;
  const known = new Set(["", "NA", ...numeric.na]);
  if (numeric.na.some((code) => !na.has(code))) return null;
  for (const code of na) if (!known.has(code) && parseNumber(code, table.decimal) !== null) return null;
  return numeric;
}

function columnIndex(table: DataTable, name: string, role: string): number {
  const index = table.columns.indexOf(name);
  if (index >= 0) return index;
  const hint = didYouMean(name, table.columns);
  const shown = table.columns
    .slice(0, 8)
    .map((c) => `"${c}"`)
    .join(", ");
  const more = table.columns.length > 8 ? `, and ${table.columns.length - 8} more` : "";
  const suffix = hint !== "" ? hint : ` (the columns are ${shown}${more})`;
  throw new InputError("E_NO_VARIABLE", `${table.file}: ${role} "${name}" is not a column of the data${suffix}`);
}

/** E_NOT_NUMERIC for the cell of data row i + 1 in `column`, with a hint when it uses the other decimal mark. */
function notNumeric(table: DataTable, i: number, column: number): InputError {
  const text = table.rows[i]![column]!;
  const other = table.decimal === "," ? "." : ",";
  const hint = looksNumeric(text, other) ? ` (the decimal mark is "${table.decimal}")` : "";
  const where = `${table.file}: line ${table.lineOf[i]} (row ${i + 1}), column "${table.columns[column]}"`;
  return new InputError("E_NOT_NUMERIC", `${where}: "${text}" is not a number${hint}`);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The group's data, after checking it has enough rows, no constant variable, no collinearity. */
function checkedGroup(file: string, bucket: Bucket, variables: string[], grouped: boolean): DataSetGroup {
  const p = variables.length;
  const n = bucket.rowIds.length;
  const inGroup = grouped ? ` in group "${bucket.label}"` : "";
  if (n <= p) {
    const rows = `only ${plural(n, "complete row")} for ${plural(p, "variable")}${inGroup}`;
    const why = `${plural(bucket.dropped, "row")} dropped for missing values`;
    throw new InputError("E_TOO_FEW_ROWS", `${file}: ${rows} (${why}); more complete rows than variables are needed`);
  }
  const X = bucket.values instanceof Float64Array ? bucket.values : Float64Array.from(bucket.values);
  variables.forEach((name, j) => {
    const first = X[j];
    for (let i = 1; i < n; i++) if (X[i * p + j] !== first) return;
    throw new InputError(
      "E_CONSTANT",
      `${file}: variable "${name}" is constant (every complete row is ${first})${inGroup}`,
    );
  });
  const involved = findCollinear(X, n, p, variables);
  if (involved !== null) {
    const last = involved[involved.length - 1];
    const others = involved
      .slice(0, -1)
      .map((name) => `"${name}"`)
      .join(", ");
    const why =
      involved.length === 1
        ? `"${last}" has zero variance`
        : involved.length === 2
          ? `"${last}" is a linear function of ${others} (perfectly correlated); drop one of them`
          : `"${last}" is a linear combination of ${others} (collinear); drop one of them`;
    throw new InputError(
      "E_NOT_PD",
      `${file}: the sample covariance matrix${inGroup} is not positive definite: ${why}`,
    );
  }
  return { label: bucket.label, n, X, rowIds: bucket.rowIds };
}
