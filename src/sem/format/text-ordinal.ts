/**
 * The fit part of the text summary of a fit to ordinal data (the WLS family), laid out as lavaan
 * 0.6.14's summary(fit, fit.measures = TRUE) for categorical data: Standard and Scaled columns (the
 * scaling factor, and the shift of the scaled-shifted test), the robust CFI/TLI/RMSEA, no
 * likelihoods; standard errors "Robust.sem" (or "Standard"), unstructured h1 information.
 */
import { ORDINAL_ESTIMATORS } from "../options.js";
import { num, render, robustRmseaRows, two, type Row } from "./text-robust.js";

export function isOrdinalEstimator(estimator: string): boolean {
  return (ORDINAL_ESTIMATORS as readonly string[]).includes(estimator);
}

const CORRECTION: Record<string, string> = {
  WLSMV: "simple second-order correction",
  ULSMV: "simple second-order correction",
  WLSM: "Satorra-Bentler correction",
  ULSM: "Satorra-Bentler correction",
  WLSMVS: "Satterthwaite correction",
};

export function ordinalFitSection(f: Record<string, number>, estimator: string): string[] {
  const scaled = f["chisq.scaled"] !== undefined;
  const v = (k: string): string => num(f[k]);
  const int = (x: number | undefined): string => (x === undefined ? "" : Number.isInteger(x) ? String(x) : num(x));
  const pair = (label: string, k: string): Row => two(label, v(k), scaled ? v(`${k}.scaled`) : "");
  const one = (label: string, k: string): Row => two(label, "", v(k));
  const out: Row[] = ["", "Model Test User Model:"];
  if (scaled) out.push(two("", "Standard", "Scaled"));
  out.push(
    two("Test Statistic", v("chisq"), scaled ? v("chisq.scaled") : ""),
    two("Degrees of freedom", int(f.df), scaled ? int(f["df.scaled"]) : ""),
    two("P-value (Chi-square)", v("pvalue"), scaled ? v("pvalue.scaled") : ""),
  );
  if (scaled) out.push(one("Scaling correction factor", "chisq.scaling.factor"));
  if (f["chisq.shift.parameter"] !== undefined) out.push(one("Shift parameter", "chisq.shift.parameter"));
  if (scaled) out.push(`    ${CORRECTION[estimator] ?? ""}`);
  out.push(
    "",
    "Model Test Baseline Model:",
    "",
    two("Test statistic", v("baseline.chisq"), scaled ? v("baseline.chisq.scaled") : ""),
    two("Degrees of freedom", int(f["baseline.df"]), scaled ? int(f["baseline.df.scaled"]) : ""),
    two("P-value", v("baseline.pvalue"), scaled ? v("baseline.pvalue.scaled") : ""),
  );
  if (scaled) out.push(one("Scaling correction factor", "baseline.chisq.scaling.factor"));
  out.push("", "User Model versus Baseline Model:", "", pair("Comparative Fit Index (CFI)", "cfi"));
  out.push(pair("Tucker-Lewis Index (TLI)", "tli"));
  if (f["cfi.robust"] !== undefined)
    out.push(
      "",
      one("Robust Comparative Fit Index (CFI)", "cfi.robust"),
      one("Robust Tucker-Lewis Index (TLI)", "tli.robust"),
    );
  out.push(
    "",
    "Root Mean Square Error of Approximation:",
    "",
    two("RMSEA", v("rmsea"), scaled ? v("rmsea.scaled") : ""),
    two("90 Percent confidence interval - lower", v("rmsea.ci.lower"), scaled ? v("rmsea.ci.lower.scaled") : ""),
    two("90 Percent confidence interval - upper", v("rmsea.ci.upper"), scaled ? v("rmsea.ci.upper.scaled") : ""),
    two("P-value H_0: RMSEA <= 0.050", v("rmsea.pvalue"), scaled ? v("rmsea.pvalue.scaled") : ""),
    two("P-value H_0: RMSEA >= 0.080", v("rmsea.notclose.pvalue"), scaled ? v("rmsea.notclose.pvalue.scaled") : ""),
  );
  if (f["rmsea.robust"] !== undefined) out.push("", ...robustRmseaRows(f));
  out.push(
    "",
    "Standardized Root Mean Square Residual:",
    "",
    two("SRMR", v("srmr"), scaled ? v("srmr") : ""),
    "",
    "Weighted Root Mean Square Residual:",
    "",
    two("WRMR", v("wrmr"), scaled ? v("wrmr") : ""),
  );
  return render(out);
}

/** The "Parameter Estimates" header lines of an ordinal fit (lavaan's wording). */
export function ordinalStandardErrors(estimator: string): [string, string][] {
  const robust = ["WLSMV", "WLSM", "WLSMVS", "ULSMV", "ULSM"].includes(estimator);
  return [
    ["Standard errors", robust ? "Robust.sem" : "Standard"],
    ["Information", "Expected"],
    ["Information saturated (h1) model", "Unstructured"],
  ];
}
