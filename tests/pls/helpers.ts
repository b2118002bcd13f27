/** Loading the seminr 2.3.1 reference cases of tests/fixtures/pls (see its README for provenance). */
import { readFileSync } from "node:fs";
import { tableFromText } from "../../src/sem/data/csv.js";
import { columnsFromTable, preparePlsData } from "../../src/pls/data.js";
import { parsePlsModel } from "../../src/pls/syntax.js";
import type { PlsData, PlsOptions, PlsSpec } from "../../src/pls/types.js";

export const FIXTURES = new URL("../fixtures/pls/", import.meta.url).pathname;

export interface Matrix {
  rows: string[];
  cols: string[];
  values: (number | null)[][];
}

/** seminr.json of a case (fields as written by helpers.R). */
export type SeminrJson = Record<string, unknown> & {
  nobs: number;
  iterations: number;
  paths: { from: string; to: string; estimate: number; f_squared: number }[];
  r_squared: { construct: string; r_squared: number; adj_r_squared: number }[];
  outer: { construct: string; indicator: string; loading: number; weight: number }[];
};

export interface Case {
  spec: PlsSpec;
  data: PlsData;
  ref: SeminrJson;
  options: PlsOptions;
}

export function loadCase(name: string, options: PlsOptions = {}): Case {
  const dir = `${FIXTURES}${name}/`;
  const spec = parsePlsModel(readFileSync(`${dir}model.pls`, "utf8"), `${name}/model.pls`);
  const table = tableFromText(readFileSync(`${dir}data.csv`, "utf8"), `${name}/data.csv`);
  const data = preparePlsData(columnsFromTable(table, spec), spec, options, `${name}/data.csv`);
  const ref = JSON.parse(readFileSync(`${dir}seminr.json`, "utf8")) as SeminrJson;
  return { spec, data, ref, options };
}

/** A matrix entry by row and column name. */
export function cell(m: Matrix, row: string, col: string): number | null {
  const i = m.rows.indexOf(row);
  const j = m.cols.indexOf(col);
  if (i < 0 || j < 0) throw new Error(`no cell ${row}, ${col}`);
  return m.values[i]![j]!;
}

/** |a - b| / max(1, |b|): the tolerance rule of the reference set's README. */
export function relDiff(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(b));
}
