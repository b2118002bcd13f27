/**
 * The whole analysis of a PLS model on a data set, shared by `isrs pls` and the library's `pls()`:
 * data preparation, the estimate, the quality criteria and the result object.
 */
import { preparePlsData } from "./data.js";
import { estimatePls } from "./estimate.js";
import { plsQuality, type PlsQuality } from "./quality.js";
import { plsResults, type PlsResults } from "./results.js";
import type { PlsColumns, PlsData, PlsEstimate, PlsOptions, PlsSpec } from "./types.js";

export interface PlsAnalysis {
  readonly spec: PlsSpec;
  readonly data: PlsData;
  readonly estimate: PlsEstimate;
  readonly quality: PlsQuality;
  /** The JSON-ready result object; optional sections (bootstrap, prediction, ipma) are added to it. */
  readonly results: PlsResults;
}

export interface PlsNames {
  /** the model's name in the output (a file name) */
  readonly modelName?: string;
  /** the data's name in messages and output (a file name) */
  readonly dataName?: string;
  /** file line of each data row (0-based row -> line), to list dropped rows by line */
  readonly lineOf?: readonly number[];
}

export function analyzePls(
  spec: PlsSpec,
  columns: PlsColumns,
  options: PlsOptions = {},
  names: PlsNames = {},
): PlsAnalysis {
  const dataName = names.dataName ?? "data";
  const data = preparePlsData(columns, spec, options, dataName);
  const estimate = estimatePls(data, spec, options, dataName);
  const quality = plsQuality(estimate, data, spec, options);
  const results = plsResults({ spec, data, estimate, quality, options, ...names, dataName });
  return { spec, data, estimate, quality, results };
}
