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
import type { DataTable } from "./csv.js";
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
  /** "listwise" (default) drops incomplete rows; "fiml" keeps them and drops only empty rows. */
  missing?: "listwise" | "fiml";
  /** Under "fiml": variables a kept row must observe (fixed.x covariates, as lavaan). */
  required?: string[];
}

export interface Bucket {
  label: string;
  values: number[];
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
  const fiml = options.missing === "fiml";
  const required = new Set(options.required ?? []);
  const groupIndex = options.group === undefined ? -1 : columnIndex(table, options.group, "group variable");
  const na = new Set(["", "NA", ...(options.na ?? []).map((code) => code.trim())]);
  const buckets = new Map<string, Bucket>();
  const dropped: DroppedRow[] = [];
  const observed = new Array<number>(variables.length).fill(0);
  table.rows.forEach((cells, i) => {
    const row = i + 1;
    const line = table.lineOf[i];
    const values = indices.map((column) => cellValue(table, cells, column, row, line, na));
    const missing = variables.filter((_, k) => Number.isNaN(values[k]));
    values.forEach((v, k) => (observed[k] += Number.isNaN(v) ? 0 : 1));
    const groupCell = groupIndex < 0 ? "" : cells[groupIndex];
    if (groupIndex >= 0 && na.has(groupCell)) {
      dropped.push({ row, line, missing: [options.group ?? "", ...missing] });
      return;
    }
    const bucket = buckets.get(groupCell) ?? { label: groupCell, values: [], rowIds: [], dropped: 0 };
    buckets.set(groupCell, bucket);
    const keep =
      missing.length === 0 || (fiml && missing.length < variables.length && !missing.some((v) => required.has(v)));
    if (!keep) {
      bucket.dropped++;
      dropped.push(groupIndex < 0 ? { row, line, missing } : { row, line, group: groupCell, missing });
      return;
    }
    bucket.values.push(...values);
    bucket.rowIds.push(row);
  });
  const empty = variables.find((_, k) => observed[k] === 0);
  if (empty !== undefined && table.rows.length > 0) {
    throw new InputError(
      "E_ALL_MISSING",
      `${table.file}: model variable "${empty}" is missing in every row; drop it from the model or check the column`,
    );
  }
  refuseHugeValues(table, [...buckets.values()], variables);
  const grouped = groupIndex >= 0;
  const groups = [...buckets.values()].map((bucket) =>
    fiml
      ? checkedIncompleteGroup(table.file, bucket, variables, grouped)
      : checkedGroup(table.file, bucket, variables, grouped),
  );
  return { file: table.file, variables: [...variables], groups, dropped, nTotalRows: table.rows.length };
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

/** The cell's number, NaN when missing; throws E_NOT_NUMERIC when it is neither. */
function cellValue(
  table: DataTable,
  cells: string[],
  column: number,
  row: number,
  line: number,
  na: Set<string>,
): number {
  const text = cells[column];
  if (na.has(text)) return NaN;
  const value = parseNumber(text, table.decimal);
  if (value !== null) return value;
  const other = table.decimal === "," ? "." : ",";
  const hint = looksNumeric(text, other) ? ` (the decimal mark is "${table.decimal}")` : "";
  const where = `${table.file}: line ${line} (row ${row}), column "${table.columns[column]}"`;
  throw new InputError("E_NOT_NUMERIC", `${where}: "${text}" is not a number${hint}`);
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
  const X = Float64Array.from(bucket.values);
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
