/**
 * Loading questionnaire responses against an instrument: a CSV with a header, an id column and
 * one column per item. Checked here, with the file line, row and column of each problem: the
 * id column and every item column are present; each answer is a number on its item's scale
 * (an integer from min to max); ids are present and unique. Reverse-keyed items are recoded
 * (min + max - x) so that a higher value always means a stronger practice or a better outcome.
 *
 * With `onInvalid: "error"` (the default) the first problem is an InputError (one line, exit 2).
 * With `onInvalid: "exclude"` a bad answer becomes missing and a row with a missing or repeated
 * id is left out; either way the value or row is listed in `excluded` with the reason. Columns
 * that are not items of the instrument are ignored and listed too: nothing is dropped silently.
 */
import type { DataTable, ReadTableOptions } from "../sem/data/csv.js";
import { parseNumber } from "../sem/data/number.js";
import { didYouMean } from "../sem/data/suggest.js";
import { InputError } from "../sem/messages.js";
import { scaleOf } from "./constructs.js";
import type { Instrument, Item, Scale } from "./schema.js";

export type ExclusionKind = "out-of-scale" | "not-numeric" | "missing-id" | "duplicate-id" | "unknown-column";

export interface ResponseExclusion {
  kind: ExclusionKind;
  /** 1-based data row (absent for a column) */
  row?: number;
  /** file line of the row */
  line?: number;
  column?: string;
  value?: string;
  reason: string;
}

export interface LoadResponsesOptions {
  onInvalid?: "error" | "exclude";
  /** delimiter, decimal mark and extra missing-value codes (as `isrs fit` takes them) */
  read?: ReadTableOptions;
}

export interface Responses {
  file: string;
  /**
   * The id column then every item in the instrument's order; reverse-keyed items recoded;
   * excluded values and missing answers are "" (the engine reads them as missing).
   */
  table: DataTable;
  /** firm ids, in the order of `table.rows` */
  ids: string[];
  /** every excluded value, row or column, with the reason */
  excluded: ResponseExclusion[];
  /** the reverse-keyed items that were recoded */
  recoded: string[];
  /** data rows in the file, before any exclusion */
  nRows: number;
}

/** The same checks on a table already read. */
export function checkResponses(raw: DataTable, instr: Instrument, opts: LoadResponsesOptions = {}): Responses {
  const strict = (opts.onInvalid ?? "error") === "error";
  const na = new Set(["", "NA", ...(opts.read?.na ?? []).map((s) => s.trim())]);
  const idIndex = requiredColumns(raw, instr);
  const itemIndex = instr.items.map((it) => raw.columns.indexOf(it.id));
  const known = new Set([instr.idColumn, ...instr.items.map((i) => i.id)]);
  const excluded: ResponseExclusion[] = raw.columns
    .filter((c) => !known.has(c))
    .map((column) => ({
      kind: "unknown-column",
      column,
      reason: `not an item of instrument ${instr.id} ${instr.version}; ignored`,
    }));
  const ctx: RowContext = {
    raw,
    instr,
    strict,
    na,
    idIndex,
    itemIndex,
    scales: instr.items.map((it) => scaleOf(instr, it)),
    firstRow: new Map(),
    excluded,
  };
  const rows: string[][] = [];
  const lineOf: number[] = [];
  const ids: string[] = [];
  raw.rows.forEach((cells, i) => {
    const out = checkedRow(ctx, cells, i);
    if (out === null) return;
    rows.push(out);
    lineOf.push(raw.lineOf[i]!);
    ids.push(out[0]!);
  });
  const table: DataTable = { ...raw, columns: [instr.idColumn, ...instr.items.map((i) => i.id)], rows, lineOf };
  return {
    file: raw.file,
    table,
    ids,
    excluded,
    recoded: instr.items.filter((i) => i.reverse).map((i) => i.id),
    nRows: raw.rows.length,
  };
}

/** What checking a row needs: the table, the instrument, the rules, and the firm ids seen so far. */
interface RowContext {
  raw: DataTable;
  instr: Instrument;
  strict: boolean;
  na: Set<string>;
  idIndex: number;
  itemIndex: readonly number[];
  scales: readonly Scale[];
  /** firm id -> the row it first appeared in */
  firstRow: Map<string, number>;
  excluded: ResponseExclusion[];
}

/**
 * Row i checked: the id then every item's cell (recoded, or "" when missing or excluded), or null
 * when the row is excluded for its id. In strict mode the first problem throws.
 */
function checkedRow(ctx: RowContext, cells: readonly string[], i: number): string[] | null {
  const { raw, instr, strict, na, scales, excluded } = ctx;
  const row = i + 1;
  const line = raw.lineOf[i]!;
  const where = `${raw.file}: line ${line} (row ${row})`;
  const id = cells[ctx.idIndex]!;
  const rowProblem = idProblem(id, na, ctx.firstRow.get(id), raw, instr.idColumn);
  if (rowProblem !== null) {
    if (strict)
      throw new InputError(
        rowProblem.kind === "missing-id" ? "E_CSV" : "E_DUPLICATE_ID",
        `${where}: ${rowProblem.reason}`,
      );
    excluded.push({ ...rowProblem, row, line, column: instr.idColumn, value: id });
    return null;
  }
  ctx.firstRow.set(id, row);
  const out = [id];
  instr.items.forEach((item, k) => {
    const text = cells[ctx.itemIndex[k]!]!;
    if (na.has(text)) return void out.push("");
    const problem = valueProblem(text, scales[k]!, raw);
    if (problem === null)
      return void out.push(String(recode(Number(parseNumber(text, raw.decimal)), item, scales[k]!)));
    if (strict)
      throw new InputError(
        problem.kind === "not-numeric" ? "E_NOT_NUMERIC" : "E_OUT_OF_SCALE",
        `${where}, column "${item.id}": ${problem.reason}`,
      );
    excluded.push({ ...problem, row, line, column: item.id, value: text });
    out.push("");
  });
  return out;
}

/** Reverse-keyed answers mirrored on the scale: x -> min + max - x. */
export function recode(x: number, item: Item, scale: Scale): number {
  return item.reverse ? scale.min + scale.max - x : x;
}

/** The index of the id column; throws when it or any item column is absent. */
function requiredColumns(raw: DataTable, instr: Instrument): number {
  const idIndex = raw.columns.indexOf(instr.idColumn);
  const unknown = raw.columns.filter((c) => c !== instr.idColumn && !instr.items.some((i) => i.id === c));
  if (idIndex < 0) {
    throw new InputError(
      "E_NO_VARIABLE",
      `${raw.file}: the id column "${instr.idColumn}" is missing${didYouMean(instr.idColumn, unknown)}`,
    );
  }
  const missing = instr.items.filter((i) => !raw.columns.includes(i.id)).map((i) => i.id);
  if (missing.length === 1) {
    throw new InputError(
      "E_NO_VARIABLE",
      `${raw.file}: the item column "${missing[0]}" ` +
        `of instrument ${instr.id} ${instr.version} is ` +
        `missing${didYouMean(missing[0]!, unknown)}`,
    );
  }
  if (missing.length > 1) {
    const shown = missing.slice(0, 6).join(", ") + (missing.length > 6 ? `, and ${missing.length - 6} more` : "");
    throw new InputError(
      "E_NO_VARIABLE",
      `${raw.file}: ${missing.length} item columns of instrument ${instr.id} ${instr.version} are missing: ${shown}`,
    );
  }
  return idIndex;
}

function idProblem(
  id: string,
  na: Set<string>,
  seenAt: number | undefined,
  raw: DataTable,
  idColumn: string,
): { kind: ExclusionKind; reason: string } | null {
  if (na.has(id)) return { kind: "missing-id", reason: `the id column "${idColumn}" is empty` };
  if (seenAt === undefined) return null;
  return {
    kind: "duplicate-id",
    reason: `firm id "${id}" already appears on line ${raw.lineOf[seenAt - 1]} (row ${seenAt})`,
  };
}

function valueProblem(text: string, scale: Scale, raw: DataTable): { kind: ExclusionKind; reason: string } | null {
  const x = parseNumber(text, raw.decimal);
  const range = `the scale ${scale.min}..${scale.max}`;
  if (x === null) return { kind: "not-numeric", reason: `"${text}" is not a number (answers are points of ${range})` };
  if (!Number.isInteger(x)) return { kind: "out-of-scale", reason: `${text} is not a point of ${range}` };
  if (x < scale.min || x > scale.max) return { kind: "out-of-scale", reason: `${text} is outside ${range}` };
  return null;
}
