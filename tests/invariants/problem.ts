/**
 * The reference cases, and the ML Problem built from one exactly as fitModel builds it
 * (src/sem/fit-model.ts: data set, options, parameter table, sample statistics,
 * representation, start values), so that the estimator's pieces can be probed one by one.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildDataSet, readTable, type DataTable } from "../../src/sem/data/index.js";
import type { Problem } from "../../src/sem/estimate/ml.js";
import { startValues } from "../../src/sem/estimate/start.js";
import { buildRepresentation } from "../../src/sem/model/representation.js";
import { FitOptionsSchema, resolveOptions, type FitOptionsInput } from "../../src/sem/options.js";
import { buildParameterTable, hasIntercepts, observedVariables } from "../../src/sem/partable/build.js";
import type { ParameterTable } from "../../src/sem/partable/types.js";
import { groupStats, type SampleStats } from "../../src/sem/samplestats/index.js";
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
  return { name, syntax: parseModel(readFileSync(file, "utf8"), { file }), data: readTable(join(dir, "data.csv")), ref, options };
}

export interface Built {
  readonly table: ParameterTable;
  readonly prob: Problem;
  readonly start: Float64Array;
}

/** The lines of fitModel up to `optimize(prob, start.theta)`. */
export function buildProblem(c: Case, extra: FitOptionsInput = {}): Built {
  const opts0 = FitOptionsSchema.parse({ ...c.options, ...extra });
  const ov = observedVariables(c.syntax);
  const data = buildDataSet(c.data, { variables: ov, group: opts0.group, missing: "listwise" });
  const groupLabels = data.groups.map((g) => g.label);
  const opts = resolveOptions(opts0, { ngroups: groupLabels.length, hasIntercepts: hasIntercepts(c.syntax) });
  const table = buildParameterTable({
    syntax: c.syntax,
    options: { stdLv: opts.stdLv, meanstructure: opts.meanstructure, growth: opts.growth, fixedX: opts.fixedX, groupEqual: opts.groupEqual },
    groupLabels,
  });
  const groups = data.groups.map((g) => {
    const st = groupStats(g.label, g.X, g.n, ov.length);
    if (st === null) throw new Error(`${c.name}: S is not positive definite`);
    return st;
  });
  const stats: SampleStats = { groups, ntotal: groups.reduce((a, g) => a + g.n, 0) };
  const rep = buildRepresentation(table);
  const start = startValues(table, stats);
  return { table, prob: { rep, stats, rowValues: start.rowValues }, start: start.theta };
}
