/**
 * fit(model, data, options): the model text (or a parsed model), data in any of the accepted forms
 * and the options of `isrs fit`, to a ModelFit. Bad input throws an IsrsInputError with the
 * CLI's one-line message and code.
 */
import { didYouMean } from "../sem/data/suggest.js";
import { InputError } from "../sem/messages.js";
import type { FitOptionsInput } from "../sem/options.js";
import { observedVariables } from "../sem/partable/build.js";
import type { FitResult } from "../sem/results.js";
import { parseModel, type ModelSyntax } from "../sem/syntax/index.js";
import { isDataTable, toDataTable, type DataInput } from "./data.js";
import { runFitted, toFitResult, type FitInput, type FittedModel } from "./engine.js";
import { ModelFit } from "./fitted.js";
import { isSummaryStatistics, toSampleMoments, type SummaryStatistics } from "./moments.js";
import { momentsTable } from "../sem/samplecov/index.js";
import type { FitOptions } from "./types.js";

const FIT_OPTION_KEYS: readonly (keyof FitOptions)[] = [
  "estimator",
  "missing",
  "group",
  "groupEqual",
  "stdLv",
  "meanstructure",
  "growth",
  "fixedX",
  "modindices",
  "na",
  "dataName",
  "ordered",
  "parameterization",
];

/** What an entry adds to a fit: more option names, and a step after the fit (the Node bootstrap). */
export interface FitExtension {
  keys: readonly string[];
  /** why an option is not available from this entry (e.g. `bootstrap` in the browser), by name */
  unavailable?: Readonly<Record<string, string>>;
  after?: (fitted: FittedModel, result: FitResult) => Promise<FitResult>;
}

/** The engine's input for a fit: the parsed model, the data as a table, the options. */
export function fitInput(
  model: string | ModelSyntax,
  data: DataInput | SummaryStatistics,
  options: FitOptions,
): FitInput {
  const syntax = typeof model === "string" ? parseModel(model) : model;
  if (isSummaryStatistics(data)) {
    if (options.group !== undefined)
      throw new InputError(
        "E_USAGE",
        "option group: with summary statistics the groups are the matrices (groupLabels)",
      );
    const moments = toSampleMoments(data, options.dataName ?? "data");
    return { syntax, data: momentsTable(moments), moments, options: fitOptionsOf(options) };
  }
  const tableNa = isDataTable(data) && "na" in data && Array.isArray(data.na) ? (data.na as unknown[]) : [];
  const na = [...(options.na ?? []), ...tableNa].map((code) => String(code));
  const table = toDataTable(data, {
    name: options.dataName ?? "data",
    variables: observedVariables(syntax),
    ...(options.group !== undefined ? { group: options.group } : {}),
    na,
  });
  return { syntax, data: table, options: fitOptionsOf(options), na };
}

function fitOptionsOf(options: FitOptions): FitOptionsInput {
  return {
    estimator: options.estimator,
    group: options.group,
    groupEqual: options.groupEqual === undefined ? undefined : [...options.groupEqual],
    stdLv: options.stdLv,
    meanstructure: options.meanstructure,
    growth: options.growth,
    fixedX: options.fixedX,
    modindices: options.modindices,
    missing: options.missing,
    ...(options.ordered !== undefined ? { ordered: options.ordered === true ? true : [...options.ordered] } : {}),
    ...(options.parameterization !== undefined ? { parameterization: options.parameterization } : {}),
  };
}

/** Throws E_USAGE for an option name this entry does not know. */
export function checkOptionNames(options: object, ext: FitExtension): void {
  const known = [...FIT_OPTION_KEYS, ...ext.keys] as string[];
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const why = ext.unavailable?.[key];
    if (why !== undefined) throw new InputError("E_USAGE", `option ${key}: ${why}`);
    throw new InputError("E_USAGE", `option ${key}: not a fit option${didYouMean(key, known)}`);
  }
}

export async function fitWith(
  model: string | ModelSyntax,
  data: DataInput | SummaryStatistics,
  options: FitOptions,
  ext: FitExtension,
): Promise<ModelFit> {
  if (typeof options !== "object" || options === null) throw new InputError("E_USAGE", "the options must be an object");
  checkOptionNames(options, ext);
  if (isSummaryStatistics(data) && ext.after !== undefined)
    throw new InputError("E_USAGE", "option bootstrap: it draws cases from the raw data, not from a covariance matrix");
  const input = fitInput(model, data, options);
  const fitted = await runFitted(input);
  const result = toFitResult(fitted);
  return new ModelFit(ext.after === undefined ? result : await ext.after(fitted, result), fitted);
}
