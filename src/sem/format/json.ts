/**
 * The JSON contract of `isrs fit --format json`: exactly one object with converged, iterations,
 * nobs, npar, fit (lavaan's fitMeasures names), parameters (parameterEstimates columns, group
 * 1-based in every row), modindices when asked, and warnings; plus the rows excluded from the
 * data, the missing-data method when it is full-information ML (with the number of missing-data
 * patterns per group), and how defaulted options were resolved. Non-finite numbers become null.
 */
import type { FitResult } from "../results.js";
import { terminalJson } from "./terminal.js";

export function toJsonObject(res: FitResult): Record<string, unknown> {
  return {
    converged: res.converged,
    iterations: res.iterations,
    estimator: res.estimator,
    nobs: res.nobs.length === 1 ? res.nobs[0] : res.nobs,
    groups: res.groupLabels.length > 1 ? res.groupLabels : undefined,
    npar: res.npar,
    fit: res.fit,
    parameters: res.parameters.map((r) => ({ ...r, group: r.group === 0 ? 1 : r.group })),
    modindices: res.modindices,
    warnings: res.warnings,
    excluded: { count: res.dropped.length, rows: res.dropped },
    missing: res.missing === "fiml" ? { method: "fiml", patterns: res.missingPatterns } : undefined,
    options: res.resolutions,
    bootstrap: res.bootstrap,
  };
}

export function formatJson(res: FitResult): string {
  const json = JSON.stringify(
    toJsonObject(res),
    (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v),
    2,
  );
  // the same JSON value, with the controls a terminal would act on written as \uXXXX
  return `${terminalJson(json)}\n`;
}
