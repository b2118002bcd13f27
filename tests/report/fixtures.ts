/** Fits used by the report tests (the lavaan reference cases' data and models). */
import fs from "node:fs";
import { readTable } from "../../src/sem/data/read-file.js";
import { fitModel } from "../../src/sem/fit-model.js";
import type { FitResult } from "../../src/sem/results.js";
import { parseModel } from "../../src/sem/syntax/index.js";
import { toFitResult } from "../../src/sem/views.js";

export const CASES = "tests/parity/lavaan-0.6.14";

export interface LavaanRef {
  fit: Record<string, number>;
  parameters: { lhs: string; op: string; rhs: string; est: number; pvalue: number | null; "std.all": number }[];
}

export function lavaanRef(name: string): LavaanRef {
  return JSON.parse(fs.readFileSync(`${CASES}/${name}/lavaan.json`, "utf8")) as LavaanRef;
}

/** Fits a reference case with the case's grouping variable (lavaan.json options.group), if any. */
export function fitCase(name: string): Promise<FitResult> {
  const model = `${CASES}/${name}/model.lav`;
  const { options } = JSON.parse(fs.readFileSync(`${CASES}/${name}/lavaan.json`, "utf8")) as {
    options?: { group?: string };
  };
  const group = options?.group;
  return fitModel({
    syntax: parseModel(fs.readFileSync(model, "utf8"), { file: model }),
    data: readTable(`${CASES}/${name}/data.csv`, {}),
    options: group === undefined ? {} : { group },
  }).then(toFitResult);
}

export function modelText(name: string): string {
  return fs.readFileSync(`${CASES}/${name}/model.lav`, "utf8");
}
