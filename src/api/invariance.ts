/**
 * invariance(model, data, options): measurement invariance across the groups of `options.group`,
 * as `isrs invariance` (src/invariance): the steps fitted and compared, the score tests of the
 * first step that fails, the partial search, and the latent variances and means compared. Bad
 * input rejects with an IsrsInputError carrying the CLI's one line. Browser-safe.
 */
import { didYouMean } from "../sem/data/suggest.js";
import { InputError } from "../sem/messages.js";
import type { ModelSyntax } from "../sem/syntax/index.js";
import {
  formatInvarianceText,
  parseCriterion,
  parsePartial,
  parseSteps,
  runInvariance,
  type Criterion,
  type InvarianceResult,
  type StepName,
} from "../invariance/index.js";
import { VERSION } from "../version.js";
import type { DataInput } from "./data.js";
import { fitInput } from "./fit.js";
import type { FitOptions } from "./types.js";

export interface InvarianceOptions extends Pick<
  FitOptions,
  "estimator" | "missing" | "na" | "dataName" | "ordered" | "parameterization"
> {
  /** the column that splits the rows into groups (required) */
  group: string;
  /** the steps, in order (default all four: configural, metric, scalar, strict) */
  steps?: readonly StepName[];
  /** "cfi" (ΔCFI ≤ −0.01 fails; default), "chisq" (difference test p < .05 fails) or "both" */
  criterion?: Criterion;
  /** "auto" (free constraints by score tests; default), "none", or the parameters to free (["x3~1"]) */
  partial?: "auto" | "none" | readonly string[];
}

/** The result of `invariance()`: the JSON object of `isrs invariance --format json`, with its text. */
export type Invariance = InvarianceResult & {
  /** the text `isrs invariance` prints */
  summary(): string;
  /** the object `isrs invariance --format json` prints */
  toJSON(): InvarianceResult;
};

const KEYS = [
  "estimator",
  "missing",
  "na",
  "dataName",
  "group",
  "steps",
  "criterion",
  "partial",
  "ordered",
  "parameterization",
];

export async function invariance(
  model: string | ModelSyntax,
  data: DataInput,
  options: InvarianceOptions,
): Promise<Invariance> {
  if (typeof options !== "object" || options === null)
    throw new InputError("E_USAGE", "the options must be an object with at least { group }");
  for (const key of Object.keys(options))
    if (!KEYS.includes(key))
      throw new InputError("E_USAGE", `option ${key}: not an invariance option${didYouMean(key, KEYS)}`);
  if (typeof options.group !== "string" || options.group === "")
    throw new InputError("E_USAGE", "option group: the column that defines the groups is required");
  const settings = {
    steps: parseSteps(options.steps),
    criterion: parseCriterion(options.criterion),
    partial: parsePartial(options.partial),
  };
  const { group, estimator, missing, na, dataName, ordered, parameterization } = options;
  const input = fitInput(model, data, { group, estimator, missing, na, dataName, ordered, parameterization });
  const result = await runInvariance(input, settings);
  const copy = (): InvarianceResult => JSON.parse(JSON.stringify(result)) as InvarianceResult;
  return Object.assign(copy(), {
    summary: () => formatInvarianceText(result, VERSION),
    toJSON: copy,
  });
}
