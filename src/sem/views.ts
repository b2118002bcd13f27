/**
 * Views of a FittedModel under lavaan's names: parameterEstimates(), fitMeasures(), modindices(),
 * and toFitResult(), the record the text and JSON formatters print (`isrs fit`). A view computes
 * nothing that changes the fitted model.
 */
import type { FitMeasures } from "./fit/names.js";
import type { FittedModel } from "./fitted.js";
import { modificationIndices } from "./inference/modindices.js";
import type { FitResult, ModIndex, ParameterEstimate } from "./results.js";

/** lavaan's parameterEstimates(fit, standardized = TRUE) rows. */
export function parameterEstimates(fitted: FittedModel): readonly ParameterEstimate[] {
  return fitted.parameters.estimates;
}

/** lavaan's fitMeasures(fit). */
export function fitMeasures(fitted: FittedModel): FitMeasures {
  return fitted.fit;
}

/** lavaan's modindices(fit): at θ̂ with the expected information (the data method's basis). */
export function modindices(fitted: FittedModel): ModIndex[] {
  const at = { prob: fitted.prob, theta: fitted.theta, evaluation: fitted.evaluation, information: fitted.information };
  if (fitted.method.modindices !== undefined) return fitted.method.modindices(at, fitted.parameters);
  return modificationIndices({
    table: fitted.table,
    ...fitted.method.modindicesBasis(at),
    stdSource: fitted.parameters,
  });
}

/** The record of `isrs fit` (text and JSON); modification indices when the options ask for them. */
export function toFitResult(fitted: FittedModel): FitResult {
  const { opts, table, stats, data, method } = fitted;
  const result: FitResult = {
    converged: fitted.optimization.converged,
    iterations: fitted.optimization.iterations,
    estimator: opts.ordinal?.estimator ?? opts.estimator,
    nobs: stats.groups.map((g) => g.n),
    groupLabels: table.groupLabels,
    npar: table.rows.filter((r) => r.free > 0).length,
    fit: { ...fitted.fit },
    parameters: [...fitted.parameters.estimates],
    warnings: [...fitted.warnings],
    dropped: data.dropped,
    resolutions: opts.resolutions,
    missing: opts.missing,
    ...(method.missingPatterns !== undefined ? { missingPatterns: method.missingPatterns } : {}),
    observed: table.vars.ov,
    latent: table.vars.lv,
    exogenous: table.options.fixedX ? table.vars.ovX : [],
  };
  if (opts.modindices) result.modindices = modindices(fitted);
  return result;
}
