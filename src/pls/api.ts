/**
 * `pls()` in the library API: a PLS path model estimated as seminr 2.3.1 does, from model text (or
 * parsePlsModel's result) and data in any form `fit()` accepts (records, columns, a csvTable).
 * Browser-safe. Bad input rejects with an IsrsInputError (one line, a code).
 */
import { toDataTable, type DataInput } from "../api/data.js";
import { analyzePls, type PlsAnalysis } from "./analyze.js";
import { columnsFromTable, modelItems } from "./data.js";
import { parsePlsModel } from "./syntax.js";
import type { PlsOptions, PlsSpec } from "./types.js";

export interface PlsApiOptions extends PlsOptions {
  /** Missing-value codes besides null, NaN, "" and "NA" (e.g. ["-99"]). */
  readonly na?: readonly string[];
}

export async function pls(model: string | PlsSpec, data: DataInput, options: PlsApiOptions = {}): Promise<PlsAnalysis> {
  const spec = typeof model === "string" ? parsePlsModel(model, "model") : model;
  const na = options.na ?? [];
  const table = toDataTable(data, { name: "data", variables: modelItems(spec), na });
  const columns = columnsFromTable(table, spec, na);
  return analyzePls(spec, columns, options, { modelName: spec.file, dataName: "data", lineOf: table.lineOf });
}
