/**
 * The fit part of the text summary for the robust estimators (MLM, MLR), laid out as lavaan
 * 0.6.14's summary(fit, fit.measures = TRUE): a "Standard" and a "Scaled" column, the scaling
 * correction factors, and the robust CFI/TLI/RMSEA below the scaled ones.
 */
import { columnWidths, leftCell, rightCells } from "./columns.js";

const W = 46;

export function num(x: number | undefined, digits = 3): string {
  return x === undefined || !Number.isFinite(x) ? "" : x.toFixed(digits);
}

/** A line of text, or a row of the two-column table: label, Standard, Scaled. */
export type Row = string | [string, string, string];

export function two(label: string, standard: string, scaled: string): Row {
  return [label, standard, scaled];
}

/** The rows laid out with the Standard and Scaled columns as wide as their widest number needs. */
export function render(rows: readonly Row[]): string[] {
  const cells = rows.filter((r): r is [string, string, string] => typeof r !== "string").map((r) => [r[1], r[2]]);
  const widths = columnWidths(cells, [10, 12]);
  return rows.map((r) => (typeof r === "string" ? r : `  ${leftCell(r[0], W - 2)}${rightCells([r[1], r[2]], widths)}`));
}

/** Rows of the two-column table from the fit measures: one column, both, or counts. */
function rowMakers(f: Record<string, number>) {
  const v = (k: string, d = 3): string => num(f[k], d);
  return {
    pair: (label: string, k: string, ks: string, d = 3): Row => two(label, v(k, d), v(ks, d)),
    one: (label: string, k: string, d = 3): Row => two(label, "", v(k, d)),
    int: (x: number | undefined): string => (x === undefined ? "" : String(x)),
  };
}

export function robustFitSection(f: Record<string, number>, estimator: string): string[] {
  const { pair } = rowMakers(f);
  return render([
    ...robustTestRows(f, estimator),
    ...robustLikelihoodRows(f),
    "",
    "Root Mean Square Error of Approximation:",
    "",
    pair("RMSEA", "rmsea", "rmsea.scaled"),
    pair("90 Percent confidence interval - lower", "rmsea.ci.lower", "rmsea.ci.lower.scaled"),
    pair("90 Percent confidence interval - upper", "rmsea.ci.upper", "rmsea.ci.upper.scaled"),
    pair("P-value H_0: RMSEA <= 0.050", "rmsea.pvalue", "rmsea.pvalue.scaled"),
    pair("P-value H_0: RMSEA >= 0.080", "rmsea.notclose.pvalue", "rmsea.notclose.pvalue.scaled"),
    "",
    ...robustRmseaRows(f),
    "",
    "Standardized Root Mean Square Residual:",
    "",
    pair("SRMR", "srmr", "srmr"),
  ]);
}

/** The user and baseline model tests (standard and scaled, with the scaling factors) and the comparative indices. */
function robustTestRows(f: Record<string, number>, estimator: string): Row[] {
  const { pair, one, int } = rowMakers(f);
  const correction = estimator === "MLM" ? "Satorra-Bentler correction" : "Yuan-Bentler correction (Mplus variant)";
  return [
    "",
    "Model Test User Model:",
    two("", "Standard", "Scaled"),
    pair("Test Statistic", "chisq", "chisq.scaled"),
    two("Degrees of freedom", int(f.df), int(f["df.scaled"])),
    pair("P-value (Chi-square)", "pvalue", "pvalue.scaled"),
    one("Scaling correction factor", "chisq.scaling.factor"),
    `    ${correction}`,
    "",
    "Model Test Baseline Model:",
    "",
    pair("Test statistic", "baseline.chisq", "baseline.chisq.scaled"),
    two("Degrees of freedom", int(f["baseline.df"]), int(f["baseline.df.scaled"])),
    pair("P-value", "baseline.pvalue", "baseline.pvalue.scaled"),
    one("Scaling correction factor", "baseline.chisq.scaling.factor"),
    "",
    "User Model versus Baseline Model:",
    "",
    pair("Comparative Fit Index (CFI)", "cfi", "cfi.scaled"),
    pair("Tucker-Lewis Index (TLI)", "tli", "tli.scaled"),
    "",
    one("Robust Comparative Fit Index (CFI)", "cfi.robust"),
    one("Robust Tucker-Lewis Index (TLI)", "tli.robust"),
  ];
}

/** The loglikelihoods (with MLR's scaling factors) and the information criteria. */
function robustLikelihoodRows(f: Record<string, number>): Row[] {
  const { pair, one } = rowMakers(f);
  const out: Row[] = [
    "",
    "Loglikelihood and Information Criteria:",
    "",
    pair("Loglikelihood user model (H0)", "logl", "logl"),
  ];
  if (f["scaling.factor.h0"] !== undefined)
    out.push(one("Scaling correction factor", "scaling.factor.h0"), "      for the MLR correction");
  out.push(pair("Loglikelihood unrestricted model (H1)", "unrestricted.logl", "unrestricted.logl"));
  if (f["scaling.factor.h1"] !== undefined)
    out.push(one("Scaling correction factor", "scaling.factor.h1"), "      for the MLR correction");
  out.push(
    "",
    pair("Akaike (AIC)", "aic", "aic"),
    pair("Bayesian (BIC)", "bic", "bic"),
    pair("Sample-size adjusted Bayesian (SABIC)", "bic2", "bic2"),
  );
  return out;
}

/** The robust RMSEA rows (Scaled column only). */
export function robustRmseaRows(f: Record<string, number>): Row[] {
  const one = (label: string, k: string): Row => two(label, "", num(f[k]));
  return [
    one("Robust RMSEA", "rmsea.robust"),
    one("90 Percent confidence interval - lower", "rmsea.ci.lower.robust"),
    one("90 Percent confidence interval - upper", "rmsea.ci.upper.robust"),
    one("P-value H_0: Robust RMSEA <= 0.050", "rmsea.pvalue.robust"),
    one("P-value H_0: Robust RMSEA >= 0.080", "rmsea.notclose.pvalue.robust"),
  ];
}

/** The "Parameter Estimates" header lines (lavaan's wording) for a robust estimator. */
export function robustStandardErrors(estimator: string): [string, string][] {
  return estimator === "MLM"
    ? [
        ["Standard errors", "Robust.sem"],
        ["Information", "Expected"],
        ["Information saturated (h1) model", "Structured"],
      ]
    : [
        ["Standard errors", "Sandwich"],
        ["Information bread", "Observed"],
        ["Observed information based on", "Hessian"],
      ];
}
