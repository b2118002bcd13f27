/** Reading the seminr 2.3.1 reference cases copied under tests/fixtures/pls-resample. */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { columnsFromTable, preparePlsData } from "../../../src/pls/data.js";
import { parsePlsModel } from "../../../src/pls/syntax.js";
import type { PlsData, PlsOptions, PlsSpec } from "../../../src/pls/types.js";
import { tableFromText } from "../../../src/sem/data/csv.js";

export const FIXTURES = new URL("../../fixtures/pls-resample/", import.meta.url);

export function fixturePath(file: string): string {
  return new URL(file, FIXTURES).pathname;
}

/** A CSV of numbers (empty cell = NaN) as column names and an n×p row-major matrix. */
export function readNumericCsv(file: string): { columns: string[]; n: number; p: number; X: Float64Array } {
  const lines = readFileSync(fixturePath(file), "utf8").trim().split(/\r?\n/);
  const columns = lines[0]!.split(",").map((s) => s.replace(/"/g, ""));
  const p = columns.length;
  const n = lines.length - 1;
  const X = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const cells = lines[i + 1]!.split(",");
    for (let j = 0; j < p; j++) X[i * p + j] = cells[j] === "" ? NaN : Number(cells[j]);
  }
  return { columns, n, p, X };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function readSeminr(caseName: string): any {
  return JSON.parse(readFileSync(fixturePath(`${caseName}/seminr.json`), "utf8"));
}

/** seminr's 2000 resamples of mobi-boot: 0-based row positions, one Int32Array per resample. */
export function readBootIndices(): Int32Array[] {
  const text = gunzipSync(readFileSync(fixturePath("mobi-boot/boot_indices.csv.gz"))).toString("utf8");
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => Int32Array.from(line.split(",").slice(1), (s) => Number(s) - 1));
}

/** Matrix {rows, cols, values} of seminr.json: the value at (row name, column name). */
export function cell(
  m: { rows: string[]; cols: string[]; values: (number | null)[][] },
  r: string,
  c: string,
): number | null {
  return m.values[m.rows.indexOf(r)]![m.cols.indexOf(c)]!;
}

/** |a − b| ≤ tol · max(1, |b|) */
export function close(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
}

/** A case of tests/fixtures/pls-resample parsed and prepared as `isrs pls` does. */
export function loadResampleCase(name: string, options: PlsOptions = {}): { spec: PlsSpec; data: PlsData } {
  const spec = parsePlsModel(readFileSync(fixturePath(`${name}/model.pls`), "utf8"), `${name}/model.pls`);
  const table = tableFromText(readFileSync(fixturePath(`${name}/data.csv`), "utf8"), `${name}/data.csv`);
  return { spec, data: preparePlsData(columnsFromTable(table, spec), spec, options, `${name}/data.csv`) };
}
