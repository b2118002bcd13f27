/**
 * The study a replication reports, as one library call: screening of the items, reliability and
 * validity of each construct, the measurement, second-order and structural models, chi-square
 * difference tests between them, and the hypotheses table. The result is plain data (written
 * as results.json by `isrs analyze`); its shape is documented in docs/internals.md.
 */
import { buildDataSet, covarianceN, parseNumber, type DataTable, type DroppedRow } from "../sem/data/index.js";
import { fitModel, type FitInput, type FittedModel as EngineFit } from "../sem/fit-model.js";
import { toFitResult } from "../sem/views.js";
import type { FitResult, ParameterEstimate } from "../sem/results.js";
import type { ResponseExclusion } from "../instrument/index.js";
import { InputError, type Warning } from "../sem/messages.js";
import { parseModel, type ModelSyntax } from "../sem/syntax/index.js";
import { checkDesign, designItems, designModels, type StudyDesign } from "./design.js";
import { describeItem, type ItemDescriptives } from "./descriptives.js";
import { hypothesesTable, type HypothesisRow } from "./hypotheses.js";
import { chisqDifferenceTest, type Lrt, type ModelFit } from "./lrt.js";
import { cov2cor, modelMatrices } from "./matrices.js";
import { multivariateScreening, OUTLIER_ALPHA, type Mardia, type MahalanobisRow } from "./multivariate.js";
import {
  cronbachAlpha,
  omegaAve,
  reliabilityFlags,
  secondOrderReliability,
  type Alpha,
  type SecondOrderReliability,
} from "./reliability.js";
import { standardizedInference } from "./standardized.js";
import { fornellLarcker, htmt, type FornellLarcker, type Htmt } from "./validity.js";

export interface StudyInput {
  design: StudyDesign;
  data: DataTable;
  /** "ML" (default) or a robust estimator the engine offers */
  estimator?: string;
  /** extra missing-value codes besides "" and NA */
  na?: string[];
  /** missing-data method of every model fit: "listwise" (default) or "fiml" (and its synonyms) */
  missing?: string;
  /** a structural model to fit instead of the one generated from the design (`--model FILE`) */
  structural?: { syntax: ModelSyntax; text: string };
  /** how the responses were loaded against an instrument (instrument/responses.ts), reported as is */
  responses?: ResponsesNote;
}

export interface ResponsesNote {
  /** "isrs-v1 1.0.0" */
  instrument: string;
  /** reverse-keyed items recoded (min + max - x) before the analysis */
  recoded: string[];
  /** every value, row or column the loader left out, with the reason */
  excluded: ResponseExclusion[];
}

export type ModelName = "measurement" | "second.order" | "structural";

export interface FittedModel {
  name: ModelName;
  /** lavaan syntax that was fitted */
  syntax: string;
  converged: boolean;
  estimator: string;
  /** how missing answers were handled in the fit */
  missing: "listwise" | "fiml" | "pairwise";
  nobs: number;
  npar: number;
  /** every fitMeasures() name the engine computes */
  fit: Record<string, number>;
  /** parameterEstimates(fit, standardized = TRUE) rows */
  parameters: ParameterEstimate[];
  /** lavInspect(fit, "r2"): 1 - std.all residual variance of each endogenous variable */
  r2: Record<string, number>;
  warnings: Warning[];
}

export interface ConstructReliability {
  construct: string;
  items: string[];
  /** psych::alpha */
  alpha: Alpha;
  /** semTools::compRelSEM (measurement model) */
  omega: number;
  /** semTools::AVE (measurement model) */
  ave: number;
  /** values below the usual cut-offs (reliability.ts RELIABILITY_CUTOFFS), e.g. "AVE < 0.50" */
  flags: string[];
}

export interface StudyResults {
  estimator: string;
  design: StudyDesign;
  data: {
    file: string;
    /** data rows in the file */
    rows: number;
    /** rows complete on every item: the sample of the models, alpha, HTMT, Mardia */
    complete: number;
    /** rows left out (listwise deletion), with the items missing in each */
    dropped: DroppedRow[];
    /** present when the responses were loaded against an instrument */
    responses?: ResponsesNote;
  };
  screening: {
    items: ItemDescriptives[];
    mardia: Mardia;
    mahalanobis: { alpha: number; df: number; outliers: number; rows: MahalanobisRow[] };
  };
  reliability: ConstructReliability[];
  secondOrder: SecondOrderReliability[];
  validity: { fornellLarcker: FornellLarcker; htmt: Htmt };
  models: FittedModel[];
  comparison: Lrt | null;
  hypotheses: HypothesisRow[];
}

/**
 * Items with their available values (psych::describe works item by item). Called after
 * buildDataSet has accepted every cell of these columns, so a cell is either a missing-value
 * code (the same set: "", "NA" and the trimmed `na` codes) or a number.
 */
function screenItems(data: DataTable, items: string[], na: string[] | undefined): ItemDescriptives[] {
  const codes = new Set(["", "NA", ...(na ?? []).map((c) => c.trim())]);
  return items.map((item) => {
    const col = data.columns.indexOf(item);
    const values: number[] = [];
    for (const cells of data.rows) {
      const cell = cells[col]!;
      if (!codes.has(cell)) values.push(parseNumber(cell, data.decimal)!);
    }
    return describeItem(item, Float64Array.from(values), data.rows.length);
  });
}

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

interface Fitted {
  model: FittedModel;
  result: FitResult;
  /** the engine's fitted model (θ̂, problem, vcov) the views and the standardized inference come from */
  fitted: EngineFit;
}

async function fitNamed(name: ModelName, syntax: ModelSyntax, text: string, input: StudyInput): Promise<Fitted> {
  const fitInput: FitInput = {
    syntax,
    data: input.data,
    options: { estimator: input.estimator ?? "ML", ...(input.missing !== undefined ? { missing: input.missing } : {}) },
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

/** The hypotheses table, with std.all inference by the delta method (standardized.ts). */
function hypothesesOf(design: StudyDesign, st: Fitted | undefined): HypothesisRow[] {
  if (st === undefined) return [];
  const paths = design.hypotheses.map((h) => ({ lhs: h.outcome, op: "~", rhs: h.predictor }));
  const std = standardizedInference(st.fitted, paths);
  return hypothesesTable(design.hypotheses, st.model.parameters, std);
}

function modelFit(m: FittedModel): ModelFit {
  const f = m.fit;
  const scaling = f["chisq.scaling.factor"];
  return {
    model: m.name,
    chisq: f.chisq!,
    df: f.df!,
    npar: f.npar!,
    aic: f.aic!,
    bic: f.bic!,
    ...(scaling !== undefined ? { scaling } : {}),
  };
}

/** The measurement, second-order (when the design has one) and structural (when it has hypotheses) fits. */
async function fitModels(input: StudyInput): Promise<Fitted[]> {
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

/** Rows and columns of `S` (ordered as `items`) in the order of `names`. */
function subMatrix(S: number[][], items: string[], names: readonly string[]): number[][] {
  const idx = names.map((v) => items.indexOf(v));
  return idx.map((i) => idx.map((j) => S[i]![j]!));
}

/** Alpha, omega, AVE, Fornell-Larcker, HTMT and second-order reliability; S is the items' N-divisor covariance. */
function reliabilityAndValidity(
  design: StudyDesign,
  items: string[],
  S: number[][],
  fits: Fitted[],
): Pick<StudyResults, "reliability" | "secondOrder" | "validity"> {
  const mm = modelMatrices(fits[0]!.result);
  const Smodel = subMatrix(S, items, mm.observed);
  const reliability = design.constructs.map((c): ConstructReliability => {
    const idx = c.items.map((it) => items.indexOf(it));
    const alpha = cronbachAlpha(S, idx);
    const oa = omegaAve(mm, Smodel, c.name);
    return {
      construct: c.name,
      items: c.items,
      alpha,
      ...oa,
      flags: reliabilityFlags(alpha.raw_alpha, oa.omega, oa.ave),
    };
  });
  const names = design.constructs.map((c) => c.name);
  const lvIdx = names.map((n) => mm.latent.indexOf(n));
  const corLv = cov2cor(mm.covLv);
  const fl = fornellLarcker(
    names,
    reliability.map((r) => r.ave),
    lvIdx.map((i) => lvIdx.map((j) => corLv[i]![j]!)),
  );
  const blocks = design.constructs.map((c) => c.items.map((it) => items.indexOf(it)));
  const second = fits.find((f) => f.model.name === "second.order");
  const m2 = second === undefined ? null : modelMatrices(second.result);
  const secondOrder =
    m2 === null
      ? []
      : design.secondOrder.map((s) => secondOrderReliability(m2, subMatrix(S, items, m2.observed), s.name));
  return { reliability, secondOrder, validity: { fornellLarcker: fl, htmt: htmt(names, blocks, S) } };
}

export async function runStudy(input: StudyInput): Promise<StudyResults> {
  const { design } = input;
  checkDesign(design);
  const items = designItems(design);
  const ds = buildDataSet(input.data, { variables: items, na: input.na });
  const g = ds.groups[0]!;
  const p = items.length;
  const screening = screenItems(input.data, items, input.na);
  const multi = multivariateScreening(g.X, g.n, p, g.rowIds);
  if (multi === null)
    throw new InputError(
      "E_NOT_PD",
      `${input.data.file}: the covariance matrix of ` +
        `the items is not positive definite (numerically ` +
        `singular); Mardia's tests and Mahalanobis distances need its inverse`,
    );
  const fits = await fitModels(input);
  // Observed (N-divisor) covariance of the items over the complete rows: lavaan's sampstat.
  const Sflat = covarianceN(g.X, g.n, p);
  const S = Array.from({ length: p }, (_, i) => Array.from(Sflat.subarray(i * p, (i + 1) * p)));
  return {
    estimator: fits[0]!.result.estimator,
    design,
    data: {
      file: input.data.file,
      rows: ds.nTotalRows,
      complete: g.n,
      dropped: ds.dropped,
      ...(input.responses ? { responses: input.responses } : {}),
    },
    screening: {
      items: screening,
      mardia: multi.mardia,
      mahalanobis: {
        alpha: OUTLIER_ALPHA,
        df: p,
        outliers: multi.mahalanobis.filter((r) => r.outlier).length,
        rows: multi.mahalanobis,
      },
    },
    ...reliabilityAndValidity(design, items, S, fits),
    models: fits.map((f) => f.model),
    comparison: fits.length > 1 ? chisqDifferenceTest(fits.map((f) => modelFit(f.model))) : null,
    hypotheses: hypothesesOf(
      design,
      fits.find((f) => f.model.name === "structural"),
    ),
  };
}
