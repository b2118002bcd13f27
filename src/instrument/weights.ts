/**
 * The weights of the ISRS index: the standardized loadings (lavaan's std.all) of the dimensions
 * on the second-order factor, fitted by the engine to the norm sample and normalised to sum to 1.
 * Equal weights, with a note saying why, when the instrument has no second-order factor, the
 * model has no positive loading for a dimension, the fit did not converge or has any warning
 * besides rows dropped for missing answers, or the norm data cannot carry the model (too few
 * complete rows, a constant or collinear item). A bad model or option stays the user's error.
 */
import { fitModel, type FittedModel } from "../sem/fit-model.js";
import { InputError, type InputErrorCode } from "../sem/messages.js";
import type { FitResult } from "../sem/results.js";
import type { ModelSyntax } from "../sem/syntax/index.js";
import { toFitResult } from "../sem/views.js";
import { constructsOf, secondOrderOf } from "./constructs.js";
import type { Responses } from "./responses.js";
import type { Instrument } from "./schema.js";

export interface Weights {
  method: "second-order loadings" | "equal";
  /** normalised weight of each dimension (sum 1) */
  values: Record<string, number>;
  /** the fitted standardized loadings (std.all) the weights come from; null for equal weights */
  loadings: Record<string, number> | null;
  estimator: string;
  /** the norm firms the weights were fitted on, and how missing answers were handled (fitted weights only) */
  nobs?: number;
  missing?: "listwise" | "fiml";
  note: string | null;
}

/** What the weights read of a fit: whether it converged, its warnings and its standardized rows. */
export type WeightsSource = Pick<FitResult, "converged" | "warnings" | "parameters">;

/** The weights' view of a fitted model (no modification indices or other outputs are computed). */
export function weightsSource(fitted: FittedModel): WeightsSource {
  return {
    converged: fitted.optimization.converged,
    warnings: [...fitted.warnings],
    parameters: fitted.parameters.estimates,
  };
}

/** Weights from a fit: std.all of each dimension on the second-order factor, normalised. */
export function weightsFromFit(fit: WeightsSource | null, instr: Instrument, estimator: string): Weights {
  const dims = constructsOf(instr, "dimension").map((d) => d.id);
  const equal = (note: string): Weights => ({
    method: "equal",
    values: Object.fromEntries(dims.map((d) => [d, 1 / dims.length])),
    loadings: null,
    estimator,
    note,
  });
  const second = secondOrderOf(instr)[0];
  if (second === undefined) return equal("the instrument has no second-order factor: equal weights");
  if (fit === null) return equal("no model was fitted: equal weights");
  const problems = fit.warnings.filter((w) => w.code !== "W_ROWS_DROPPED");
  if (!fit.converged || problems.length > 0) {
    const why = fit.converged ? problems.map((w) => w.code).join(", ") : "the fit did not converge";
    return equal(`the fitted model is not usable for weights (${why}): equal weights`);
  }
  const loadings: Record<string, number> = {};
  for (const d of dims) {
    const row = fit.parameters.find((p) => p.op === "=~" && p.lhs === second.id && p.rhs === d);
    const v = row?.["std.all"];
    if (v === undefined || v === null || !(v > 0)) {
      return equal(`the model has no positive loading ${second.id} =~ ${d}: equal weights`);
    }
    loadings[d] = v;
  }
  const total = Object.values(loadings).reduce((a, b) => a + b, 0);
  return {
    method: "second-order loadings",
    values: Object.fromEntries(dims.map((d) => [d, loadings[d]! / total])),
    loadings,
    estimator,
    note: null,
  };
}

/** Errors of fitting that come from the norm data rather than from the model or the options. */
const NORM_DATA_PROBLEMS = new Set<InputErrorCode>(["E_TOO_FEW_ROWS", "E_NOT_PD", "E_CONSTANT"]);

/** Fits the model (the instrument's or a user's) to the norm sample and derives the weights. */
export async function fitWeights(input: {
  instr: Instrument;
  syntax: ModelSyntax;
  norms: Responses;
  estimator: string;
  /** missing-data method of the fit ("listwise" by default, or "fiml") */
  missing?: string;
  /** items fitted as ordered (lavaan's `ordered =`) */
  ordered?: true | readonly string[];
}): Promise<{ fit: FitResult | null; weights: Weights }> {
  const { instr, estimator } = input;
  try {
    const options = {
      estimator,
      ...(input.missing !== undefined ? { missing: input.missing } : {}),
      ...(input.ordered !== undefined
        ? { ordered: input.ordered === true ? (true as const) : [...input.ordered] }
        : {}),
    };
    const fitted = await fitModel({ syntax: input.syntax, data: input.norms.table, options });
    return { fit: toFitResult(fitted), weights: weightsFromFit(weightsSource(fitted), instr, estimator) };
  } catch (e) {
    if (!(e instanceof InputError) || !NORM_DATA_PROBLEMS.has(e.code)) throw e;
    const weights = {
      ...weightsFromFit(null, instr, estimator),
      note: `the model cannot be fitted to the norm sample (${e.message}): equal weights`,
    };
    return { fit: null, weights };
  }
}
