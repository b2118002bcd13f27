/**
 * The data forms the library accepts, turned into the engine's DataTable: an array of records
 * (`{ x1: 4.5, school: "Pasteur" }`), an object of columns (`{ x1: [4.5, …], school: […] }`, number
 * arrays or Float64Array, strings for a group column), or a table read from CSV text (csvTable,
 * readCsv). Missing values are the CLI's: null, undefined, NaN, "" and "NA", plus the `na` codes;
 * a value of a model variable that is none of these and not a number is an IsrsInputError
 * (E_NOT_NUMERIC) naming the record and the variable, e.g. `data[4].x1: "abc" is not a number`.
 * Finite numbers become their shortest round-trip text (String(x)), which the engine reads back
 * to the same double.
 */
import type { DataTable } from "../sem/data/csv.js";
import { parseNumber } from "../sem/data/number.js";
import { InputError } from "../sem/messages.js";

/** One observation: column name → value. Values of columns the model does not use are ignored. */
export type DataRecord = object;

/** A column's values: numbers (NaN missing), strings (a group column, or numbers as text), null/undefined missing. */
export type ColumnValues = ArrayLike<number | string | null | undefined>;

/** Data as columns of equal length. */
export interface DataColumns {
  readonly [column: string]: ColumnValues;
}

/** Everything `fit` accepts as data. */
export type DataInput = readonly DataRecord[] | DataColumns | DataTable;

export interface ToTableOptions {
  /** the name of the data in error messages ("data") */
  name: string;
  /** the model's observed variables (numbers required) */
  variables: readonly string[];
  /** the group column (strings or numbers) */
  group?: string;
  /** missing-value codes besides "" and "NA" */
  na: readonly string[];
}

/** True for a table made by csvTable/readCsv (or the engine's own DataTable). */
export function isDataTable(data: unknown): data is DataTable {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return false;
  const t = data as Partial<Record<keyof DataTable, unknown>>;
  return typeof t.file === "string" && Array.isArray(t.columns) && Array.isArray(t.rows) && Array.isArray(t.lineOf);
}

/** The engine's table of the data, checked cell by cell for the model's variables and the group column. */
export function toDataTable(data: DataInput, options: ToTableOptions): DataTable {
  if (isDataTable(data)) return data;
  if (Array.isArray(data)) return fromRecords(data as readonly DataRecord[], options);
  if (typeof data === "object" && data !== null) return fromColumns(data as DataColumns, options);
  throw new InputError(
    "E_USAGE",
    `${options.name}: expected an array of records, an object of columns or a table from csvTable, not ${kind(data)}`,
  );
}

/** Converts the cells of the model's variables and group column; other columns stay blank. */
class CellWriter {
  private readonly na: Set<string>;
  constructor(private readonly options: ToTableOptions) {
    this.na = new Set(["", "NA", ...options.na.map((c) => c.trim())]);
  }

  /** The role of a column: "variable", "group" or null (not used). */
  role(column: string): "variable" | "group" | null {
    if (column === this.options.group) return "group";
    return this.options.variables.includes(column) ? "variable" : null;
  }

  /** The cell text of `value`; `where` names it in errors (`data[4].x1`). */
  cell(value: unknown, role: "variable" | "group", where: () => string): string {
    if (value === null || value === undefined) return "";
    if (typeof value === "number") {
      if (Number.isNaN(value)) return "";
      if (!Number.isFinite(value)) throw new InputError("E_NOT_NUMERIC", `${where()}: ${value} is not a finite number`);
      return String(value);
    }
    if (typeof value === "string") {
      const text = value.trim();
      if (role === "variable" && !this.na.has(text) && parseNumber(text, ".") === null) {
        throw new InputError("E_NOT_NUMERIC", `${where()}: ${JSON.stringify(value)} is not a number`);
      }
      return text;
    }
    const want = role === "group" ? "a string or a number (a group value)" : "a number";
    throw new InputError("E_NOT_NUMERIC", `${where()}: ${kind(value)} is not ${want}`);
  }
}

function fromRecords(records: readonly DataRecord[], options: ToTableOptions): DataTable {
  const name = options.name;
  if (records.length === 0) throw new InputError("E_EMPTY", `${name}: the array of records is empty`);
  const columns: string[] = [];
  const seen = new Set<string>();
  records.forEach((record, i) => {
    if (typeof record !== "object" || record === null || Array.isArray(record)) {
      throw new InputError(
        "E_USAGE",
        `${name}[${i}]: a record must be an object of column values, not ${kind(record)}`,
      );
    }
    for (const key of Object.keys(record)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  });
  const writer = new CellWriter(options);
  const used = columns.map((c, j) => ({ c, j, role: writer.role(c) })).filter((u) => u.role !== null);
  const rows = records.map((record, i) => {
    const cells = new Array<string>(columns.length).fill("");
    const values = record as Record<string, unknown>;
    for (const { c, j, role } of used) cells[j] = writer.cell(values[c], role!, () => `${name}[${i}]${member(c)}`);
    return cells;
  });
  return plainTable(name, columns, rows);
}

function fromColumns(data: DataColumns, options: ToTableOptions): DataTable {
  const name = options.name;
  const columns = Object.keys(data);
  if (columns.length === 0) throw new InputError("E_EMPTY", `${name}: the object of columns has no columns`);
  const arrays = columns.map((c) => {
    const values: unknown = data[c];
    if (!isArrayLike(values)) {
      throw new InputError("E_USAGE", `${name}${member(c)}: a column must be an array of values, not ${kind(values)}`);
    }
    return values;
  });
  const n = arrays[0]!.length;
  arrays.forEach((values, j) => {
    if (values.length !== n) {
      throw new InputError(
        "E_USAGE",
        `${name}${member(columns[j]!)} has ${values.length} values but ${name}${member(columns[0]!)} has ${n}: ` +
          "columns must have equal lengths",
      );
    }
  });
  if (n === 0) throw new InputError("E_EMPTY", `${name}: the columns have no values`);
  const writer = new CellWriter(options);
  const rows = Array.from({ length: n }, () => new Array<string>(columns.length).fill(""));
  columns.forEach((c, j) => {
    const role = writer.role(c);
    if (role === null) return;
    const values = arrays[j]!;
    for (let i = 0; i < n; i++) rows[i]![j] = writer.cell(values[i], role, () => `${name}${member(c)}[${i}]`);
  });
  return plainTable(name, columns, rows);
}

/** A table whose row r (1-based) is record r − 1; `line` is the row number, there being no file lines. */
function plainTable(name: string, columns: string[], rows: string[][]): DataTable {
  const lineOf = rows.map((_, i) => i + 1);
  return { file: name, columns, rows, lineOf, delimiter: ",", decimal: "." };
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return !(value instanceof DataView);
  return false;
}

/** `.x1`, or `["my var"]` for a name that is not an identifier. */
function member(column: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(column) ? `.${column}` : `[${JSON.stringify(column)}]`;
}

function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean" || typeof value === "bigint") return `${String(value)} (a ${typeof value})`;
  return `a ${typeof value}`;
}
