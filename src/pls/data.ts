/**
 * The data a PLS model is estimated on: the model's indicator columns, missing values replaced by
 * the indicator's mean (seminr's mean_replacement) or rows dropped listwise, every replaced cell
 * and dropped row counted. Checks: a column the model names but the data lacks, a column missing
 * everywhere, a constant indicator, too few rows.
 */
import type { DataTable } from "../sem/data/csv.js";
import { numericOf } from "../sem/data/numeric.js";
import { parseNumber } from "../sem/data/number.js";
import { didYouMean } from "../sem/data/suggest.js";
import { InputError } from "../sem/messages.js";
import type { PlsColumns, PlsData, PlsErrorCode, PlsOptions, PlsSpec } from "./types.js";

function err(code: PlsErrorCode, message: string): InputError<PlsErrorCode> {
  return new InputError<PlsErrorCode>(code, message);
}

/** The indicator columns of the model (blocks that are not higher-order), in model order. */
export function modelItems(spec: PlsSpec): string[] {
  return spec.constructs.filter((c) => !c.higherOrder).flatMap((c) => c.indicators);
}

/** The construct and model line of an indicator, for messages. */
function whereItem(spec: PlsSpec, item: string): string {
  const c = spec.constructs.find((x) => !x.higherOrder && x.indicators.includes(item));
  return c === undefined ? "" : ` (block ${c.name}, ${spec.file} line ${c.line})`;
}

/**
 * The model's indicator columns of a table read from CSV (cells "", "NA" and the `na` codes
 * missing). A column the model names that the table lacks, or a cell that is not a number, is an
 * InputError naming the file, the line and the column.
 */
export function columnsFromTable(table: DataTable, spec: PlsSpec, na: readonly string[] = []): PlsColumns {
  const missing = new Set(["", "NA", ...na.map((c) => c.trim())]);
  const numeric = numericOf(table);
  const out: Record<string, Float64Array> = {};
  for (const item of modelItems(spec)) {
    const j = table.columns.indexOf(item);
    if (j < 0)
      throw err(
        "E_NO_VARIABLE",
        `${table.file}: no column ${item}${whereItem(spec, item)}${didYouMean(item, table.columns)}`,
      );
    const ready = numeric !== null && na.length === 0 ? numeric.values[j] : null;
    if (ready !== null && ready !== undefined) {
      out[item] = Float64Array.from(ready);
      continue;
    }
    const col = new Float64Array(table.rows.length);
    table.rows.forEach((row, i) => {
      const cell = row[j] ?? "";
      if (missing.has(cell)) {
        col[i] = NaN;
        return;
      }
      const v = parseNumber(cell, table.decimal);
      if (v === null)
        throw err(
          "E_NOT_NUMERIC",
          `${table.file}:${table.lineOf[i] ?? i + 2}: column ${item}: "${cell}" is not a number`,
        );
      col[i] = v;
    });
    out[item] = col;
  }
  return out;
}

function toFloat(values: ArrayLike<number | null>): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === null || v === undefined || !Number.isFinite(v) ? NaN : v;
  }
  return out;
}

/**
 * The data as estimated. `name` names the data in messages (a file name). Missing values (NaN or
 * null) are replaced by the mean of the indicator's observed values (default, as seminr) or, with
 * `missing: "listwise"`, the rows with any are dropped.
 */
export function preparePlsData(columns: PlsColumns, spec: PlsSpec, options: PlsOptions = {}, name = "data"): PlsData {
  const items = modelItems(spec);
  const raw: Record<string, Float64Array> = {};
  let nAll = -1;
  for (const item of items) {
    const col = columns[item];
    if (col === undefined)
      throw err(
        "E_NO_VARIABLE",
        `${name}: no column ${item}${whereItem(spec, item)}${didYouMean(item, Object.keys(columns))}`,
      );
    if (nAll >= 0 && col.length !== nAll)
      throw err("E_USAGE", `${name}: column ${item} has ${col.length} values, ${items[0]} has ${nAll}`);
    nAll = col.length;
    raw[item] = toFloat(col);
  }
  const method = options.missing ?? "mean";
  const rows: number[] = [];
  const dropped: number[] = [];
  for (let i = 0; i < nAll; i++) {
    if (method === "listwise" && items.some((it) => Number.isNaN(raw[it]![i]!))) dropped.push(i);
    else rows.push(i);
  }
  const n = rows.length;
  const cols: Record<string, Float64Array> = {};
  const imputed: { item: string; count: number; mean: number }[] = [];
  for (const item of items) {
    const r = raw[item]!;
    const col = new Float64Array(n);
    let sum = 0;
    let seen = 0;
    for (let k = 0; k < n; k++) {
      const v = r[rows[k]!]!;
      col[k] = v;
      if (!Number.isNaN(v)) {
        sum += v;
        seen++;
      }
    }
    if (seen === 0) throw err("E_ALL_MISSING", `${name}: column ${item}${whereItem(spec, item)} has no value`);
    if (seen < n) {
      const mean = sum / seen;
      for (let k = 0; k < n; k++) if (Number.isNaN(col[k]!)) col[k] = mean;
      imputed.push({ item, count: n - seen, mean });
    }
    cols[item] = col;
  }
  if (n < 3)
    throw err(
      "E_TOO_FEW_ROWS",
      `${name}: ${n} row${n === 1 ? "" : "s"} to estimate` +
        `${dropped.length > 0 ? ` (${dropped.length} dropped listwise)` : ""}; PLS needs at least 3`,
    );
  for (const item of items) {
    const col = cols[item]!;
    let constant = true;
    for (let k = 1; k < n && constant; k++) if (col[k] !== col[0]) constant = false;
    if (constant) throw err("E_CONSTANT", `${name}: indicator ${item}${whereItem(spec, item)} is constant (${col[0]})`);
  }
  return { n, items, columns: cols, raw, rows, missing: { method, imputed, dropped } };
}
