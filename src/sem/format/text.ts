/**
 * Text output that reads like lavaan's summary(fit, fit.measures = TRUE, standardized = TRUE):
 * the test statistics, the fit indices, then the parameter estimates by section, per group.
 */
import type { FitResult, ModIndex, ParameterEstimate } from "../results.js";
import { bootstrapSection, bootstrapSeLines } from "./bootstrap.js";
import { robustFitSection, robustStandardErrors } from "./text-robust.js";
import { isOrdinalEstimator, ordinalFitSection, ordinalStandardErrors } from "./text-ordinal.js";
import { columnWidth, columnWidths, leftCell, rightCells } from "./columns.js";
import { terminalSafe, terminalText } from "./terminal.js";

const W = 54; // label column width

export function line(label: string, value: string): string {
  return `  ${leftCell(label, W - 2)}${value.padStart(12)}`;
}

export function num(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "";
  return x.toFixed(digits);
}

function header(res: FitResult, version: string): string[] {
  const status = res.converged
    ? `ended normally after ${res.iterations} iterations`
    : `did NOT converge after ${res.iterations} iterations`;
  const out = [
    `isrs ${version} ${status}`,
    "",
    line("Estimator", res.estimator),
    line("Optimization method", "FISHER"),
    line("Number of model parameters", String(res.fit.npar)),
  ];
  if (res.npar !== res.fit.npar) out.push(line("Number of equality constraints", String(res.npar - res.fit.npar!)));
  out.push("");
  if (res.groupLabels.length > 1) {
    out.push("  Number of observations per group:");
    res.groupLabels.forEach((g, i) => out.push(line(`  ${terminalSafe(g)}`, String(res.nobs[i]))));
  } else {
    out.push(line("Number of observations", String(res.nobs[0])));
  }
  if (res.missingPatterns !== undefined) {
    out.push(line("Missing data", "FIML"));
    res.missingPatterns.forEach((k, i) =>
      out.push(
        line(
          `Number of missing patterns${res.groupLabels.length > 1 ? ` (${terminalSafe(res.groupLabels[i]!)})` : ""}`,
          String(k),
        ),
      ),
    );
  }
  if (res.dropped.length > 0) {
    const fimlWhy =
      res.exogenous.length > 0
        ? "missing on every model variable or a fixed.x covariate"
        : "missing on every model variable";
    const why = res.missing === "fiml" ? `Rows dropped (${fimlWhy})` : "Rows dropped (missing values, listwise)";
    out.push(line(why, String(res.dropped.length)));
  }
  return out;
}

function fitSection(f: Record<string, number>): string[] {
  const v = (k: string, d = 3): string => num(f[k], d);
  return [
    ...testSections(f),
    "",
    "Loglikelihood and Information Criteria:",
    "",
    line("Loglikelihood user model (H0)", v("logl")),
    line("Loglikelihood unrestricted model (H1)", v("unrestricted.logl")),
    "",
    line("Akaike (AIC)", v("aic")),
    line("Bayesian (BIC)", v("bic")),
    line("Sample-size adjusted Bayesian (SABIC)", v("bic2")),
    ...rmseaSection(f),
    "",
    "Standardized Root Mean Square Residual:",
    "",
    line("SRMR", v("srmr")),
  ];
}

/** The user and baseline model tests and the comparative indices (with FIML's robust ones). */
function testSections(f: Record<string, number>): string[] {
  const v = (k: string, d = 3): string => num(f[k], d);
  return [
    "",
    "Model Test User Model:",
    "",
    line("Test statistic", v("chisq")),
    line("Degrees of freedom", String(f.df)),
    line("P-value (Chi-square)", v("pvalue")),
    "",
    "Model Test Baseline Model:",
    "",
    line("Test statistic", v("baseline.chisq")),
    line("Degrees of freedom", String(f["baseline.df"])),
    line("P-value", v("baseline.pvalue")),
    "",
    "User Model versus Baseline Model:",
    "",
    line("Comparative Fit Index (CFI)", v("cfi")),
    line("Tucker-Lewis Index (TLI)", v("tli")),
    // full-information ML: lavaan adds its FIML-corrected robust indices
    ...(f["cfi.robust"] !== undefined
      ? [
          "",
          line("Robust Comparative Fit Index (CFI)", v("cfi.robust")),
          line("Robust Tucker-Lewis Index (TLI)", v("tli.robust")),
        ]
      : []),
  ];
}

/** The RMSEA with its interval and tests (and, under full-information ML, the robust RMSEA). */
function rmseaSection(f: Record<string, number>): string[] {
  const v = (k: string, d = 3): string => num(f[k], d);
  return [
    "",
    "Root Mean Square Error of Approximation:",
    "",
    line("RMSEA", v("rmsea")),
    line("90 Percent confidence interval - lower", v("rmsea.ci.lower")),
    line("90 Percent confidence interval - upper", v("rmsea.ci.upper")),
    line("P-value H_0: RMSEA <= 0.050", v("rmsea.pvalue")),
    line("P-value H_0: RMSEA >= 0.080", v("rmsea.notclose.pvalue")),
    ...(f["rmsea.robust"] !== undefined
      ? [
          "",
          line("Robust RMSEA", v("rmsea.robust")),
          line("90 Percent confidence interval - lower", v("rmsea.ci.lower.robust")),
          line("90 Percent confidence interval - upper", v("rmsea.ci.upper.robust")),
          line("P-value H_0: Robust RMSEA <= 0.050", v("rmsea.pvalue.robust")),
          line("P-value H_0: Robust RMSEA >= 0.080", v("rmsea.notclose.pvalue.robust")),
        ]
      : []),
  ];
}

const SECTIONS: readonly [string, (r: ParameterEstimate, latent: Set<string>) => boolean][] = [
  ["Latent Variables", (r) => r.op === "=~"],
  ["Regressions", (r) => r.op === "~"],
  ["Covariances", (r) => r.op === "~~" && r.lhs !== r.rhs],
  ["Intercepts", (r) => r.op === "~1"],
  ["Thresholds", (r) => r.op === "|"],
  ["Variances", (r) => r.op === "~~" && r.lhs === r.rhs],
  ["Scales y*", (r) => r.op === "~*~"],
];

const HEADS = ["Estimate", "Std.Err", "z-value", "P(>|z|)", "Std.lv", "Std.all"];

/** Widths of the name column and the six number columns, shared by every section and group. */
interface Layout {
  name: number;
  cells: number[];
}

function estimateValues(r: ParameterEstimate): string[] {
  const fixed = r.z === null;
  return [
    num(r.est),
    fixed ? "" : num(r.se),
    fixed ? "" : num(r.z),
    fixed ? "" : num(r.pvalue),
    num(r["std.lv"]),
    num(r["std.all"]),
  ];
}

function labelPart(r: ParameterEstimate): string {
  return r.label !== "" && !r.label.startsWith(".p") ? ` (${terminalSafe(r.label)})` : "";
}

/** Every number column as wide as its widest cell plus a space (at least 9), names at least 22. */
function layoutOf(rows: readonly ParameterEstimate[]): Layout {
  const names = rows.map((r) => `     ${terminalSafe(r.op === "~~" || r.op === "=~" ? r.rhs : r.lhs)}${labelPart(r)}`);
  const lhs = rows.map((r) => `     ${terminalSafe(r.lhs)}${labelPart(r)}`);
  return {
    name: Math.max(columnWidth(names, 22), columnWidth(lhs, 22)),
    cells: columnWidths([HEADS, ...rows.map(estimateValues)], [9, 9, 9, 9, 9, 9]),
  };
}

function rowName(r: ParameterEstimate, latent: Set<string>, indent: string, width: number): string {
  const dot =
    r.op === "~~" && r.lhs === r.rhs && !latent.has(r.lhs) ? "." : r.op === "~1" && !latent.has(r.lhs) ? "." : "";
  const name =
    r.op === "|"
      ? `${r.lhs}|${r.rhs}`
      : r.op === "~~" && r.lhs !== r.rhs
        ? r.rhs
        : r.op === "~1" || r.op === "~~" || r.op === "~*~"
          ? r.lhs
          : r.rhs;
  return leftCell(`${indent}${dot}${terminalSafe(name)}${labelPart(r)}`, width);
}

function parameterSection(rows: readonly ParameterEstimate[], latent: Set<string>, layout: Layout): string[] {
  const out: string[] = [];
  const head = `${"".padEnd(layout.name)}${rightCells(HEADS, layout.cells)}`;
  for (const [title, test] of SECTIONS) {
    const sel = rows.filter((r) => test(r, latent));
    if (sel.length === 0) continue;
    out.push("", `${title}:`, head);
    const grouped = title === "Intercepts" || title === "Variances" || title === "Thresholds" || title === "Scales y*";
    let current = "";
    for (const r of sel) {
      if (!grouped && r.lhs !== current) {
        current = r.lhs;
        out.push(`  ${terminalSafe(r.lhs)} ${r.op}`);
      }
      out.push(
        `${rowName(r, latent, grouped ? "   " : "    ", layout.name)}${rightCells(estimateValues(r), layout.cells)}`,
      );
    }
  }
  return out;
}

function definedSection(rows: readonly ParameterEstimate[], layout: Layout): string[] {
  const defs = rows.filter((r) => r.op === ":=");
  if (defs.length === 0) return [];
  const lines = defs.map(
    (r) => `${leftCell(`    ${terminalSafe(r.lhs)}`, layout.name)}${rightCells(estimateValues(r), layout.cells)}`,
  );
  return ["", "Defined Parameters:", ...lines];
}

function modindexSection(mi: readonly ModIndex[] | undefined, multi: boolean): string[] {
  if (mi === undefined) return [];
  const top = [...mi].sort((a, b) => b.mi - a.mi).slice(0, 20);
  const heads = ["mi", "epc", "sepc.lv", "sepc.all"];
  const values = top.map((m) => [m.mi, m.epc, m["sepc.lv"], m["sepc.all"]].map((x) => num(x)));
  const widths = columnWidths([heads, ...values], [9, 9, 9, 9]);
  const out = [
    "",
    `Modification Indices (largest ${top.length} of ${mi.length}):`,
    `${"".padEnd(30)}${rightCells(heads, widths)}`,
  ];
  top.forEach((m, k) => {
    const name = terminalSafe(`${m.lhs} ${m.op} ${m.rhs}${multi ? ` [g${m.group}]` : ""}`);
    out.push(`  ${name.slice(0, 28).padEnd(28)}${rightCells(values[k]!, widths)}`);
  });
  return out;
}

export function formatText(res: FitResult, version: string): string {
  const latent = new Set(res.latent);
  const robust = res.fit["chisq.scaled"] !== undefined;
  const plainSe: [string, string][] =
    res.missing === "fiml"
      ? [
          ["Standard errors", "Standard"],
          ["Information", "Observed"],
          ["Observed information based on", "Hessian"],
        ]
      : [
          ["Standard errors", "Standard"],
          ["Information", "Expected"],
          ["Information saturated (h1) model", "Structured"],
        ];
  const ordinal = isOrdinalEstimator(res.estimator);
  const seLines: [string, string][] = ordinal
    ? ordinalStandardErrors(res.estimator)
    : robust
      ? robustStandardErrors(res.estimator)
      : plainSe;
  const seText = res.bootstrap ? bootstrapSeLines(res.bootstrap) : seLines.map(([k, v]) => line(k, v));
  const out = [
    ...header(res, version),
    ...(ordinal
      ? ordinalFitSection(res.fit, res.estimator)
      : robust
        ? robustFitSection(res.fit, res.estimator)
        : fitSection(res.fit)),
    "",
    "Parameter Estimates:",
    "",
    ...seText,
  ];
  const multi = res.groupLabels.length > 1;
  const layout = layoutOf(res.parameters);
  res.groupLabels.forEach((label, i) => {
    if (multi) out.push("", "", `Group ${i + 1} [${terminalSafe(label)}]:`);
    out.push(
      ...parameterSection(
        res.parameters.filter((r) => r.group === i + 1),
        latent,
        layout,
      ),
    );
  });
  out.push(...definedSection(res.parameters, layout), ...modindexSection(res.modindices, multi));
  if (res.bootstrap) out.push(...bootstrapSection(res.bootstrap, multi));
  if (res.warnings.length > 0) out.push("", "Warnings:", ...res.warnings.map((w) => `  [${w.code}] ${w.message}`));
  return terminalText(`${out.join("\n")}\n`);
}
