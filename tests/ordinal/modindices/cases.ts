/**
 * The ordinal modification-index cases: lavaan 0.6.14's modindices(fit, sort. = FALSE), every
 * column, dumped by tests/fixtures/ordinal-modindices/make.R from the shared data and models
 * (/work/shared/reference/ord-*), and our fit of the same data with the same options.
 */
import fs from "node:fs";
import path from "node:path";
import { readTable } from "../../../src/sem/data/read-file.js";
import { fitModel, type FittedModel } from "../../../src/sem/fit-model.js";
import type { FitOptionsInput } from "../../../src/sem/options.js";
import { parseModel } from "../../../src/sem/syntax/index.js";

export const SHARED = "/work/shared/reference";
export const FIXTURES = path.resolve(__dirname, "../../fixtures/ordinal-modindices");

export interface MiRef {
  case: string;
  data: string;
  options: Record<string, unknown>;
  modindices: { lhs: string; op: string; rhs: string; group: number; [col: string]: string | number | null }[];
}

export const MI_CASES = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -5))
  .sort();

export function readMiRef(name: string): MiRef {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), "utf8")) as MiRef;
}

/** our option name of each lavaan argument the cases use */
const OPTION_NAMES: Record<string, string> = {
  ordered: "ordered",
  estimator: "estimator",
  group: "group",
  "group.equal": "groupEqual",
  parameterization: "parameterization",
};

export async function fitMiCase(name: string): Promise<{ fitted: FittedModel; ref: MiRef }> {
  const ref = readMiRef(name);
  const dir = path.join(SHARED, ref.data);
  const fitted = await fitModel({
    syntax: parseModel(fs.readFileSync(path.join(dir, "model.lav"), "utf8"), { file: "model.lav" }),
    data: readTable(path.join(dir, "data.csv")),
    options: { ...optionsOf(name, ref.options), modindices: true },
  });
  return { fitted, ref };
}

/** Our fit options for a lavaan call's arguments (cfa(..., ordered = TRUE, group = "school", ...)). */
export function optionsOf(name: string, lavaanArgs: Record<string, unknown>): FitOptionsInput {
  const options: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(lavaanArgs)) {
    if (OPTION_NAMES[k] === undefined) throw new Error(`${name}: lavaan argument ${k} not mapped`);
    options[OPTION_NAMES[k]] = k === "group.equal" && !Array.isArray(v) ? [v] : v;
  }
  return options as FitOptionsInput;
}
