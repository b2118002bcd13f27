/**
 * Output of `isrs analyze`: the text summary (tables a replication reports, in the order of a
 * paper) and the JSON document results.json (the StudyResults object plus the tool's name and
 * version; non-finite numbers become null; shape documented in docs/internals.md).
 */
import type { StudyResults } from "../../analysis/study.js";
import { HTMT_LIBERAL, HTMT_STRICT } from "../../analysis/validity.js";
import { modelSample } from "../../report/from-analysis.js";
import { terminalJson, terminalSafe, terminalText } from "../../sem/format/terminal.js";

export function formatAnalysisJson(res: StudyResults, version: string): string {
  const doc = { tool: { name: "isrs", version, command: "analyze" }, ...res };
  const finite = (_k: string, v: unknown): unknown => (typeof v === "number" && !Number.isFinite(v) ? null : v);
  return `${terminalJson(JSON.stringify(doc, finite, 2))}\n`;
}

function num(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "NA";
  return x.toFixed(digits);
}

function pval(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return "NA";
  return p < 0.001 ? "<0.001" : p.toFixed(3);
}

/** Columns `left` (the first by default) left-aligned, the others right-aligned. */
function table(head: string[], cells: string[][], left: readonly number[] = [0]): string[] {
  const rows = cells.map((r) => r.map(terminalSafe));
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const fmt = (r: string[]): string =>
    "  " +
    r
      .map((c, j) => (left.includes(j) ? c.padEnd(widths[j]!) : c.padStart(widths[j]!)))
      .join("  ")
      .trimEnd();
  return [fmt(head), ...rows.map(fmt)];
}

function matrixTable(m: { names: string[]; values: number[][] }, lowerOnly: boolean): string[] {
  return table(
    ["", ...m.names],
    m.names.map((a, i) => [a, ...m.names.map((_, j) => (lowerOnly && j > i ? "" : num(m.values[i]![j])))]),
  );
}

/** How the responses were loaded against the instrument: recoded items and anything left out. */
function responsesLines(res: StudyResults): string[] {
  const r = res.data.responses;
  if (r === undefined) return [];
  const out = [
    `  instrument ${r.instrument}; ` +
      `reverse-keyed items recoded: ` +
      `${r.recoded.length > 0 ? r.recoded.join(", ") : "none"}`,
  ];
  for (const x of r.excluded) {
    const where = [x.row !== undefined ? `row ${x.row}` : "", x.column !== undefined ? `column "${x.column}"` : ""]
      .filter((w) => w !== "")
      .join(", ");
    out.push(`  excluded ${where}: ${x.reason}`);
  }
  return out;
}

/** What happened to the incomplete rows. */
function keptBy(missing: string | undefined): string {
  if (missing === "fiml") return "kept by the models (FIML), left out of alpha, HTMT and Mardia";
  if (missing === "pairwise")
    return "kept by the models and the polychoric correlations (pairwise), left out of alpha and Mardia";
  return "left out (listwise)";
}

function screening(res: StudyResults): string[] {
  const s = res.screening;
  const m = s.mardia;
  const out = [
    "Sample",
    `  ${res.data.file}: ${res.data.rows} rows, ${res.data.complete} complete on every item` +
      (res.data.dropped.length > 0
        ? `; ${res.data.dropped.length} incomplete, ` +
          keptBy(res.models[0]?.missing) +
          `: rows ${res.data.dropped
            .slice(0, 10)
            .map((d) => d.row)
            .join(", ")}${res.data.dropped.length > 10 ? ", ..." : ""}`
        : ""),
    ...responsesLines(res),
    "",
    "Item descriptives (psych::describe, type 3; missing = share of rows)",
    ...table(
      ["item", "n", "mean", "sd", "skew", "kurtosis", "missing"],
      s.items.map((d) => [d.item, String(d.n), num(d.mean), num(d.sd), num(d.skew), num(d.kurtosis), num(d.missing)]),
    ),
    "",
    "Multivariate normality (Mardia)",
    `  skewness b1p = ${num(m.b1p)}, chi-square = ${num(m.skew, 2)} on ${m.df} df, p = ${pval(m["p.skew"])}`,
    `  kurtosis b2p = ${num(m.b2p)}, z = ${num(m.kurtosis)}, p = ${pval(m["p.kurt"])}`,
    "",
    `Mahalanobis outliers (chi-square on ` +
      `${s.mahalanobis.df} df, p < ${s.mahalanobis.alpha}): ` +
      `${s.mahalanobis.outliers === 0 ? "none" : s.mahalanobis.outliers}`,
  ];
  const flagged = s.mahalanobis.rows
    .filter((r) => r.outlier)
    .sort((a, b) => b.d2 - a.d2)
    .slice(0, 10);
  if (flagged.length > 0)
    out.push(
      ...table(
        ["row", "d2", "p"],
        flagged.map((r) => [String(r.row), num(r.d2, 2), pval(r.pvalue)]),
      ),
    );
  return out;
}

/** Ordered items: ordinal alpha and categorical omega beside psych's alpha of the item scores. */
function ordinalReliability(res: StudyResults): string[] {
  return [
    "",
    "Reliability and convergent validity, ordered items (semTools compRelSEM and AVE of the WLSMV measurement",
    "  model: ordinal alpha = alpha of the polychoric correlations, Zumbo et al. 2007; categorical omega,",
    "  Green & Yang 2009; AVE on the latent-response scale; alpha: psych, on the item scores)",
    ...table(
      ["construct", "items", "ordinal alpha", "categorical omega", "AVE", "alpha", "below the usual cut-offs"],
      res.reliability.map((r) => [
        r.construct,
        String(r.items.length),
        num(r.ordinal?.ordinalAlpha),
        num(r.ordinal?.categoricalOmega ?? r.omega),
        num(r.ave),
        num(r.alpha.raw_alpha),
        r.flags.join(", "),
      ]),
      [0, 6],
    ),
  ];
}

function reliability(res: StudyResults): string[] {
  const ordinal = res.ordered.length > 0;
  const out = ordinal
    ? ordinalReliability(res)
    : [
        "",
        "Reliability and convergent validity (alpha: psych; omega, AVE: semTools, measurement model)",
        ...table(
          ["construct", "items", "alpha", "std.alpha", "omega", "AVE", "below the usual cut-offs"],
          res.reliability.map((r) => [
            r.construct,
            String(r.items.length),
            num(r.alpha.raw_alpha),
            num(r.alpha["std.alpha"]),
            num(r.omega),
            num(r.ave),
            r.flags.join(", "),
          ]),
          [0, 6],
        ),
      ];
  for (const s of res.secondOrder) {
    out.push(
      "",
      `Second-order factor ${s.factor} (${s.dimensions.join(", ")})`,
      `  ${s.categoricalOmega !== undefined ? "categorical omega" : "omega"} (compRelSEM, higher) = ${num(s.omega)}; ` +
        `omegaL1 = ${num(s.omegaL1)}, omegaL2 = ` +
        `${num(s.omegaL2)}, partialOmegaL1 = ${num(s.partialOmegaL1)}`,
    );
  }
  const v = res.validity;
  out.push(
    "",
    "Fornell-Larcker (diagonal: sqrt(AVE); below: latent correlations)",
    ...matrixTable(v.fornellLarcker, true),
  );
  for (const x of v.fornellLarcker.violations)
    out.push(`  ! ${x.a}-${x.b}: |r| = ${num(Math.abs(x.correlation))} > sqrt(AVE) ${num(x.sqrtAve)}`);
  out.push(
    "",
    `HTMT (semTools::htmt default, geometric means${ordinal ? ", of the polychoric correlations" : ""}; ` +
      `flags above ${HTMT_STRICT.toFixed(2)} and ` +
      `${HTMT_LIBERAL.toFixed(2)})`,
    ...matrixTable(v.htmt.htmt, true),
  );
  for (const f of v.htmt.flags) out.push(`  ! ${f.a}-${f.b}: ${num(f.value)} (${f.flag})`);
  return out;
}

/** Warnings of a model other than the dropped rows, which the Sample section states once. */
function notable(m: StudyResults["models"][number]): StudyResults["models"][number]["warnings"] {
  return m.warnings.filter((w) => w.code !== "W_ROWS_DROPPED");
}

function models(res: StudyResults): string[] {
  const f = (m: StudyResults["models"][number], k: string): string => num(m.fit[k]);
  const robust = res.models.some((m) => m.fit["chisq.scaled"] !== undefined);
  const ordinal = res.ordered.length > 0;
  // robust fits: the scaled statistic and lavaan's robust CFI/TLI/RMSEA (Brosseau-Liard & Savalei;
  // for ordered items Savalei 2021's, as lavaan 0.6.14's cfi.robust of a WLSMV fit)
  const sfx = robust ? ".robust" : "";
  const how = ordinal
    ? `; ${res.ordered.length} ordered items: DWLS on polychoric correlations, robust SEs, ` +
      `p of the scaled-shifted statistic, robust CFI, TLI, RMSEA`
    : robust
      ? "; p of the scaled statistic, robust CFI, TLI, RMSEA"
      : "";
  const out = [
    "",
    `Models (estimator ${res.estimator}; ${modelSample(res)}${how})`,
    ...table(
      [
        "model",
        "chisq",
        ...(robust ? ["scaled"] : []),
        "df",
        "p",
        "CFI",
        "TLI",
        "RMSEA",
        "90% CI",
        "SRMR",
        ...(ordinal ? [] : ["AIC", "BIC"]),
        "status",
      ],
      res.models.map((m) => [
        m.name,
        num(m.fit.chisq),
        ...(robust ? [f(m, "chisq.scaled")] : []),
        String(m.fit.df),
        pval(robust ? m.fit["pvalue.scaled"] : m.fit.pvalue),
        f(m, `cfi${sfx}`),
        f(m, `tli${sfx}`),
        f(m, `rmsea${sfx}`),
        `[${f(m, `rmsea.ci.lower${sfx}`)}, ${f(m, `rmsea.ci.upper${sfx}`)}]`,
        f(m, "srmr"),
        ...(ordinal ? [] : [num(m.fit.aic, 1), num(m.fit.bic, 1)]),
        !m.converged ? "NOT converged" : notable(m).length > 0 ? `${notable(m).length} warning(s)` : "ok",
      ]),
    ),
  ];
  for (const m of res.models) for (const w of notable(m)) out.push(`  ${m.name}: ${w.code} ${w.message}`);
  out.push(...comparison(res));
  return out;
}

/** The chi-square difference tests (lavTestLRT). */
function comparison(res: StudyResults): string[] {
  const c = res.comparison;
  if (c === null) return [];
  return [
    "",
    `Chi-square difference tests (lavTestLRT, ${c.method})`,
    ...table(
      ["model", "Df", "Chisq", "Chisq diff", "Df diff", "Pr(>Chisq)"],
      c.rows.map((r) => [
        r.model,
        String(r.Df),
        num(r.Chisq),
        num(r["Chisq diff"]),
        r["Df diff"] === null ? "" : String(r["Df diff"]),
        pval(r["Pr(>Chisq)"]),
      ]),
    ),
    ...(c.method === "satorra.2000"
      ? ["  Chisq holds the standard statistics: the scaled-and-shifted difference is a function of them (as lavaan)"]
      : []),
    ...c.warnings.map((w) => `  ! ${w}`),
  ];
}

function hypotheses(res: StudyResults): string[] {
  if (res.hypotheses.length === 0) return [];
  return [
    "",
    "Hypotheses (structural model; supported: p of est < 0.05 in the hypothesised direction)",
    "  std.all, se.std, p.std: standardizedSolution() (p of std.all / se.std); est, se, p: parameterEstimates()",
    ...table(
      ["", "path", "expected", "std.all", "se.std", "p.std", "est", "se", "p", "supported"],
      res.hypotheses.map((h) => [
        h.id,
        h.path,
        h.expected,
        num(h["std.all"]),
        num(h["se.std"]),
        pval(h["pvalue.std"]),
        num(h.est),
        num(h.se),
        pval(h.pvalue),
        h.supported ? "yes" : h.direction === "opposite" ? "no (opposite sign)" : "no",
      ]),
    ),
  ];
}

export function formatAnalysisText(res: StudyResults, version: string): string {
  const lines = [
    `isrs ${version} analyze: ${res.design.source}`,
    "",
    ...screening(res),
    ...reliability(res),
    ...models(res),
    ...hypotheses(res),
  ];
  return terminalText(lines.join("\n") + "\n");
}
