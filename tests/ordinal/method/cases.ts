/** The ordinal reference cases (shared and unshared) and how they are fitted, on lavaan's or our statistics. */
import fs from "node:fs";
import path from "node:path";
import { readTable } from "../../../src/sem/data/read-file.js";
import { fitModel, type FittedModel } from "../../../src/sem/fit-model.js";
import { setOrdinalStatsSource } from "../../../src/sem/ordinal/method/source.js";
import type { GroupEqual } from "../../../src/sem/partable/types.js";
import { parseModel } from "../../../src/sem/syntax/index.js";
import { dumpSource, readDump } from "./lavaan-stats.js";

const SHARED = "/work/shared/reference";
/** unshared cases made by tests/fixtures/ordinal/method/cases-method.R (theta, pairwise, binary N = 4000, syntax) */
const LOCAL = path.resolve(__dirname, "../../fixtures/ordinal/method/cases");
const caseDirs = (root: string): [string, string][] =>
  fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((d) => d.startsWith("ord-"))
        .sort()
        .map((d) => [d, path.join(root, d)])
    : [];
const DIRS = new Map([...caseDirs(SHARED), ...caseDirs(LOCAL)]);
export const CASES = [...DIRS.keys()];

export interface Ref {
  options: Record<string, unknown>;
  fit: Record<string, number | null>;
  parameters: { lhs: string; op: string; rhs: string; group?: number; [c: string]: unknown }[];
}

export async function fitOrdinalCase(
  name: string,
  stats: "lavaan" | "ours" = "lavaan",
): Promise<{ fitted: FittedModel; ref: Ref }> {
  const dir = DIRS.get(name)!;
  const ref = JSON.parse(fs.readFileSync(path.join(dir, "lavaan.json"), "utf8")) as Ref;
  const o = ref.options;
  const prev = setOrdinalStatsSource(stats === "lavaan" ? dumpSource(readDump(name)) : null);
  try {
    const fitted = await fitModel({
      syntax: parseModel(fs.readFileSync(path.join(dir, "model.lav"), "utf8"), { file: "model.lav" }),
      data: readTable(path.join(dir, "data.csv")),
      options: {
        ordered: o.ordered === true ? true : (o.ordered as string[]),
        estimator: typeof o.estimator === "string" ? o.estimator : undefined,
        group: typeof o.group === "string" ? o.group : undefined,
        groupEqual: (Array.isArray(o["group.equal"]) ? o["group.equal"] : []) as GroupEqual[],
        parameterization: typeof o.parameterization === "string" ? o.parameterization : undefined,
        missing: typeof o.missing === "string" ? o.missing : undefined,
      },
    });
    return { fitted, ref };
  } finally {
    setOrdinalStatsSource(prev);
  }
}
