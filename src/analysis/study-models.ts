/**
 * The models of a study: the measurement, second-order and structural fits of a design (each a
 * FittedModel of the engine with its FitResult view and the summary kept in results.json), the
 * rows the difference tests compare, and the hypotheses table of the structural fit.
 */
import { fitModel, type FitInput, type FittedModel as EngineFit } from "../sem/fit-model.js";
import type { FitResult } from "../sem/results.js";
import { parseModel, type ModelSyntax } from "../sem/syntax/index.js";
import { toFitResult } from "../sem/views.js";
import { InputError } from "../sem/messages.js";
import { designItems, designModels, type StudyDesign } from "./design.js";
import { hypothesesTable, type HypothesisRow } from "./hypotheses.js";
import type { ModelFit } from "./lrt.js";
import { standardizedInference } from "./standardized.js";
import type { FittedModel, ModelName, StudyInput } from "./study-types.js";

function r2Of(fit: FitResult): Record<string, number> {
  const endogenous = new Set(
    fit.parameters
      .filter((r) => (r.op === "=~" || r.op === "~") && r.group === 1)
      .map((r) => (r.op === "=~" ? r.rhs : r.lhs)),
  );
  const out: Record<string, number> = {};
  for (const r of fit.parameters) {
    if (r.op === "~~" && r.lhs === r.rhs && r.group === 1 && endogenous.has(r.lhs) && r["std.all"] !== null)
      out[r.lhs] = 1 - r["std.all"];
  }
  return out;
}

export interface Fitted {
  model: FittedModel;
  result: FitResult;
  /** the engine's fitted model (θ̂, problem, vcov) the views and the standardized inference come from */
  fitted: EngineFit;
}

async function fitNamed(name: ModelName, syntax: ModelSyntax, text: string, input: StudyInput): Promise<Fitted> {
  const fitInput: FitInput = {
    syntax,
    data: input.data,
    options: {
      ...fitEstimator(input),
      ...(input.missing !== undefined ? { missing: input.missing } : {}),
    },
    na: input.na,
  };
  const fitted = await fitModel(fitInput);
  const result = toFitResult(fitted);
  const model: FittedModel = {
    name,
    syntax: text,
    converged: result.converged,
    estimator: result.estimator,
    missing: result.missing ?? "listwise",
    nobs: result.nobs[0]!,
    npar: result.npar,
    fit: result.fit,
    parameters: result.parameters,
    r2: r2Of(result),
    warnings: result.warnings,
  };
  return { model, result, fitted };
}

/** The estimator and ordered items of every fit: ML by default, lavaan's WLSMV when items are ordered. */
function fitEstimator(input: StudyInput): { estimator?: string; ordered?: string[] } {
  const ordered = input.ordered === true ? designItems(input.design) : [...(input.ordered ?? [])];
  if (ordered.length === 0) return { estimator: input.estimator ?? "ML" };
  return { ...(input.estimator !== undefined ? { estimator: input.estimator } : {}), ordered };
}

/**
 * The items to fit as ordered: every item of the design (true), the listed ones, or none; a listed
 * name that is not an item of the design is one line (E_USAGE).
 */
export function orderedItems(design: StudyDesign, ordered: StudyInput["ordered"]): string[] {
  const items = designItems(design);
  if (ordered === undefined) return [];
  if (ordered === true) return items;
  for (const v of ordered)
    if (!items.includes(v))
      throw new InputError(
        "E_USAGE",
        `ordered items: '${v}' is not an item of the design (${design.source}: ${items.join(", ")})`,
      );
  return items.filter((v) => ordered.includes(v));
}

/** The hypotheses table, with std.all inference by the delta method (standardized.ts). */
export function hypothesesOf(design: StudyDesign, st: Fitted | undefined): HypothesisRow[] {
  if (st === undefined) return [];
  const paths = design.hypotheses.map((h) => ({ lhs: h.outcome, op: "~", rhs: h.predictor }));
  const std = standardizedInference(st.fitted, paths);
  return hypothesesTable(design.hypotheses, st.model.parameters, std);
}

export function modelFit(m: FittedModel): ModelFit {
  const f = m.fit;
  const scaling = f["chisq.scaling.factor"];
  return {
    model: m.name,
    chisq: f.chisq!,
    df: f.df!,
    npar: f.npar!,
    aic: f.aic ?? NaN,
    bic: f.bic ?? NaN,
    ...(scaling !== undefined ? { scaling } : {}),
  };
}

/** The measurement, second-order (when the design has one) and structural (when it has hypotheses) fits. */
export async function fitModels(input: StudyInput): Promise<Fitted[]> {
  const { design } = input;
  const texts = designModels(design);
  const parsed = (text: string, kind: string) => ({
    syntax: parseModel(text, { file: `${design.source} (${kind} model)` }),
    text,
  });
  const plan: [ModelName, { syntax: ModelSyntax; text: string } | null][] = [
    ["measurement", parsed(texts.measurement, "measurement")],
    ["second.order", texts.secondOrder === null ? null : parsed(texts.secondOrder, "second-order")],
    [
      "structural",
      design.hypotheses.length === 0
        ? null
        : (input.structural ?? (texts.structural === null ? null : parsed(texts.structural, "structural"))),
    ],
  ];
  const fits: Fitted[] = [];
  for (const [name, m] of plan) if (m !== null) fits.push(await fitNamed(name, m.syntax, m.text, input));
  return fits;
}
