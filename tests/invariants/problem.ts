/**
 * The reference cases, and the ML Problem built from one exactly as fitModel builds it
 * (src/sem/fit-model.ts: data set, options, parameter table, sample statistics,
 * representation, start values), so that the estimator's pieces can be probed one by one.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type DataTable } from "../../src/sem/data/index.js";
import { readTable } from "../../src/sem/data/read-file.js";
import type { Problem } from "../../src/sem/estimate/ml.js";
import { prepareFit } from "../../src/sem/fit-model.js";
import type { FitOptionsInput } from "../../src/sem/options.js";
import type { ParameterTable } from "../../src/sem/partable/types.js";
import { parseModel, type ModelSyntax } from "../../src/sem/syntax/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "parity", "lavaan-0.6.14");

export interface RefParameter {
  lhs: string;
  op: string;
  rhs: string;
  group?: number;
  label?: string;
  est: number;
  se: number | null;
  z: number | null;
}

export interface Reference {
  fun: string;
  /** lavaan's options; an empty R list arrives as [] */
  options: Record<string, unknown> | unknown[];
  npar: number;
  nobs: number | number[];
  fit: Record<string, number>;
  parameters: RefParameter[];
}

export interface Case {
  readonly name: string;
  readonly syntax: ModelSyntax;
  readonly data: DataTable;
  readonly ref: Reference;
  /** lavaan's std.lv / group / group.equal in isrs's option names */
  readonly options: FitOptionsInput;
}

export function loadCase(name: string): Case {
  const dir = join(root, name);
  const file = join(dir, "model.lav");
  const ref = JSON.parse(readFileSync(join(dir, "lavaan.json"), "utf8")) as Reference;
  const o = Array.isArray(ref.options) ? {} : ref.options;
  const options: FitOptionsInput = {};
  if (o["std.lv"] === true) options.stdLv = true;
  if (typeof o.group === "string") options.group = o.group;
  const ge = o["group.equal"];
  if (ge !== undefined) options.groupEqual = (Array.isArray(ge) ? ge : [ge]) as FitOptionsInput["groupEqual"];
  return {
    name,
    syntax: parseModel(readFileSync(file, "utf8"), { file }),
    data: readTable(join(dir, "data.csv")),
    ref,
    options,
  };
}

export interface Built {
  readonly table: ParameterTable;
  readonly prob: Problem;
  readonly start: Float64Array;
}

/** The steps of fitModel before estimation (prepareFit). */
export function buildProblem(c: Case, extra: FitOptionsInput = {}): Built {
  const prep = prepareFit({ syntax: c.syntax, data: c.data, options: { ...c.options, ...extra } });
  return { table: prep.table, prob: prep.prob, start: prep.start.theta };
}
