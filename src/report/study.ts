/**
 * The study report: what a replication reports (sample and screening; the measurement model with
 * loadings, reliability and validity; the second-order and structural model; fit indices against
 * their cut-offs; the hypotheses; the path diagram and a chart of standardized loadings). Built on
 * StudyView, the report's own view of the numbers: adapters turn a fit or an analysis into one.
 */
import { chartToSvg } from "./charts/render.js";
import { loadingsChartSpec, LOADING_THRESHOLD } from "./charts/loadings.js";
import { CUTOFFS, cutoffValues, judge, type FitIndices } from "./cutoffs.js";
import { diagramLegend } from "./diagram/graph.js";
import { renderDiagram } from "./diagram/render.js";
import {
  cell,
  num,
  numCell,
  pval,
  type Block,
  type Cell,
  type ReportBundle,
  type ReportDocument,
  type ReportFile,
  type Section,
} from "./document.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import type { ConstructMatrix, LoadingRow, ModelFitView, StudyView } from "./study-view.js";

import {
  mardiaTable,
  name,
  ORDINAL_FIT_NOTE,
  ordinalReliabilityTable,
  outlierBlock,
  secondOrderReliabilityTable,
} from "./study-tables.js";

function loadingTable(v: StudyView, rows: readonly LoadingRow[], caption: string): Block {
  return {
    kind: "table",
    caption,
    columns: [
      { header: "factor" },
      { header: "indicator" },
      { header: "estimate", numeric: true },
      { header: "SE", numeric: true },
      { header: "p", numeric: true },
      { header: "std.all", numeric: true },
    ],
    rows: rows.map((r) => [
      cell(name(v, r.factor)),
      cell(name(v, r.indicator)),
      numCell(r.est),
      numCell(r.se),
      cell(pval(r.pvalue), { numeric: true }),
      { ...numCell(r.std), flag: r.std === null ? undefined : Math.abs(r.std) >= LOADING_THRESHOLD ? "pass" : "fail" },
    ]),
    note:
      `std.all: standardized loading; ✓ at or above ` +
      `${LOADING_THRESHOLD} (Hair et al. 2017). Loadings with ` +
      `no SE are fixed to identify the factor.`,
  };
}

function reliabilityTable(v: StudyView): Block {
  if ((v.ordered ?? []).length > 0) return ordinalReliabilityTable(v);
  return {
    kind: "table",
    caption: "Reliability and convergent validity",
    columns: [
      { header: "construct" },
      { header: "items", numeric: true },
      { header: "Cronbach's α", numeric: true },
      { header: "CR (ω)", numeric: true },
      { header: "AVE", numeric: true },
    ],
    rows: v.reliability.map((r) => [
      cell(name(v, r.construct)),
      cell(String(r.items), { numeric: true }),
      { ...numCell(r.alpha), flag: r.alpha === undefined ? undefined : r.alpha >= 0.7 ? "pass" : "fail" },
      { ...numCell(r.cr), flag: r.cr === undefined ? undefined : r.cr >= 0.7 ? "pass" : "fail" },
      { ...numCell(r.ave), flag: r.ave === undefined ? undefined : r.ave >= 0.5 ? "pass" : "fail" },
    ]),
    note: "✓: α and CR ≥ 0.70 (Nunnally & Bernstein 1994), AVE ≥ 0.50 (Fornell & Larcker 1981).",
  };
}

function matrixTable(
  v: StudyView,
  m: ConstructMatrix,
  caption: string,
  note: string,
  flag: (i: number, j: number, x: number) => Cell["flag"],
): Block {
  return {
    kind: "table",
    caption,
    columns: [{ header: "" }, ...m.constructs.map((c) => ({ header: c, numeric: true }))],
    rows: m.constructs.map((c, i) => [
      cell(name(v, c)),
      ...m.values[i]!.map((x, j) =>
        x === null ? cell("", { numeric: true }) : { ...numCell(x), flag: flag(i, j, x) },
      ),
    ]),
    note,
  };
}

function pathTable(v: StudyView): Block {
  return {
    kind: "table",
    caption: "Structural paths",
    columns: [
      { header: "path" },
      { header: "B", numeric: true },
      { header: "SE", numeric: true },
      { header: "p", numeric: true },
      { header: "β (std.all)", numeric: true },
    ],
    rows: v.paths.map((p) => [
      cell(`${name(v, p.from)} → ${name(v, p.to)}`),
      numCell(p.est),
      numCell(p.se),
      cell(pval(p.pvalue), { numeric: true }),
      numCell(p.std),
    ]),
    note: "B: unstandardized estimate with its standard error; β: completely standardized estimate.",
  };
}

function fitTable(v: StudyView): Block {
  const idx: { label: string; value: (m: ModelFitView) => string; key?: (typeof CUTOFFS)[number]["key"] }[] = [
    { label: "χ²", value: (x) => num(x.chisq, 2) },
    { label: "df", value: (m) => String(m.df) },
    { label: "p (χ²)", value: (m) => pval(m.pvalue), key: "pvalue" },
    { label: "χ²/df", value: (m) => (m.df > 0 ? num(m.chisq / m.df, 2) : "–"), key: "chisqDf" },
    { label: "CFI", value: (m) => num(m.cfi), key: "cfi" },
    { label: "TLI", value: (m) => num(m.tli), key: "tli" },
    { label: "RMSEA", value: (m) => num(m.rmsea), key: "rmsea" },
    { label: "RMSEA 90% CI", value: (m) => `${num(m.rmseaLower)} – ${num(m.rmseaUpper)}` },
    { label: "SRMR", value: (m) => num(m.srmr), key: "srmr" },
    { label: "AIC", value: (m) => num(m.aic, 1) },
    { label: "BIC", value: (m) => num(m.bic, 1) },
  ];
  const estimators = [...new Set(v.models.map((m) => m.estimator))].join(", ");
  return {
    kind: "table",
    caption: "Fit indices",
    columns: [{ header: "index" }, ...v.models.map((m) => ({ header: m.name, numeric: true })), { header: "cut-off" }],
    rows: idx.map((i) => {
      const c = i.key === undefined ? undefined : CUTOFFS.find((x) => x.key === i.key);
      const cells = v.models.map((m): Cell => ({
        text: i.value(m),
        numeric: true,
        flag: c === undefined ? undefined : judge(cutoffValues(m)[c.key], c),
      }));
      return [
        cell(i.label),
        ...cells,
        cell(c === undefined ? "" : `${c.op === ">=" ? "≥" : "≤"} ${c.value} (${c.source})`),
      ];
    }),
    note:
      `Estimator: ${estimators}. ✓ meets the cut-off, ✗ does not.` +
      ((v.ordered ?? []).length > 0 ? ` ${ORDINAL_FIT_NOTE}` : ""),
  };
}

function sampleSection(v: StudyView): Section {
  const blocks: Block[] = [
    {
      kind: "facts",
      items: [
        { label: "observations used", value: String(v.sample.n) },
        { label: "rows excluded", value: String(v.sample.excluded.length) },
      ],
    },
  ];
  const s = v.screening;
  if (s !== undefined) {
    blocks.push({
      kind: "table",
      caption: "Item descriptives",
      columns: ["item", "n", "mean", "sd", "skewness", "kurtosis", "missing"].map((header, i) => ({
        header,
        numeric: i > 0,
      })),
      rows: s.items.map((r) => [
        cell(name(v, r.item)),
        cell(String(r.n), { numeric: true }),
        numCell(r.mean, 2),
        numCell(r.sd, 2),
        numCell(r.skew, 2),
        numCell(r.kurtosis, 2),
        cell(`${(r.missing * 100).toFixed(1)}%`, { numeric: true }),
      ]),
    });
    if (s.mardia !== undefined) blocks.push(mardiaTable(s.mardia));
    if (s.outliers !== undefined) blocks.push(outlierBlock(s.outliers, s.outlierRule));
  }
  if (v.sample.excluded.length > 0) {
    blocks.push({
      kind: "table",
      caption: "Excluded rows and values",
      columns: [{ header: "row", numeric: true }, { header: "reason" }],
      rows: v.sample.excluded.map((e) => [
        cell(e.row === null ? "–" : String(e.row), { numeric: true }),
        cell(e.reason),
      ]),
    });
  }
  return { id: "sample", title: "Sample and screening", blocks };
}

async function measurementSection(v: StudyView, figures: { loadings?: string }): Promise<Section> {
  const blocks: Block[] = [loadingTable(v, v.loadings, "Standardized loadings of the first-order factors")];
  if (figures.loadings !== undefined)
    blocks.push({
      kind: "figure",
      caption: "Standardized loadings (dashed line: 0.708)",
      svg: figures.loadings,
      file: "loadings.svg",
    });
  if (v.reliability.length > 0) blocks.push(reliabilityTable(v));
  const fl = v.fornellLarcker;
  if (fl !== undefined) {
    blocks.push(
      matrixTable(
        v,
        fl,
        "Discriminant validity: Fornell-Larcker",
        "Diagonal: √AVE; below: correlations between " +
          "constructs. ✗ where a correlation exceeds the " +
          "√AVE of either construct (Fornell & Larcker 1981).",
        (i, j, x) =>
          i !== j && Math.abs(x) > Math.min(fl.values[i]![i] ?? Infinity, fl.values[j]![j] ?? Infinity)
            ? "fail"
            : undefined,
      ),
    );
  }
  if (v.htmt !== undefined) {
    blocks.push(
      matrixTable(
        v,
        v.htmt,
        `Discriminant validity: HTMT ratios${(v.ordered ?? []).length > 0 ? " (polychoric correlations)" : ""}`,
        "✗ above 0.85 (strict; 0.90 liberal), Henseler, Ringle & Sarstedt (2015).",
        (i, j, x) => (i !== j && x > 0.85 ? "fail" : undefined),
      ),
    );
  }
  return { id: "measurement", title: "Measurement model", blocks };
}

function structuralSection(v: StudyView): Section | undefined {
  const blocks: Block[] = [];
  if (v.secondOrder.length > 0) blocks.push(loadingTable(v, v.secondOrder, "Second-order loadings"));
  if (v.secondOrderReliability.length > 0) blocks.push(secondOrderReliabilityTable(v));
  if (v.paths.length > 0) blocks.push(pathTable(v));
  if (v.r2.length > 0) {
    blocks.push({
      kind: "table",
      caption: "Explained variance",
      columns: [{ header: "variable" }, { header: "R²", numeric: true }],
      rows: v.r2.map((r) => [cell(name(v, r.variable)), numCell(r.r2)]),
    });
  }
  return blocks.length === 0 ? undefined : { id: "structural", title: "Second-order and structural model", blocks };
}

function fitSection(v: StudyView): Section {
  const blocks: Block[] = [fitTable(v)];
  if (v.comparisons.length > 0) {
    blocks.push({
      kind: "table",
      caption: "Chi-square difference tests",
      columns: [
        { header: "models" },
        { header: "Δχ²", numeric: true },
        { header: "Δdf", numeric: true },
        { header: "p", numeric: true },
      ],
      rows: v.comparisons.map((c) => [
        cell(`${c.a} vs ${c.b}`),
        numCell(c.dchisq, 2),
        cell(String(c.ddf), { numeric: true }),
        cell(pval(c.pvalue), { numeric: true }),
      ]),
    });
  }
  return { id: "fit", title: "Model fit", blocks };
}

function hypothesesSection(v: StudyView): Section | undefined {
  if (v.hypotheses.length === 0) return undefined;
  return {
    id: "hypotheses",
    title: "Hypotheses",
    blocks: [
      {
        kind: "table",
        caption: "Hypotheses",
        columns: [
          { header: "" },
          { header: "path" },
          { header: "expected" },
          { header: "β", numeric: true },
          { header: "SE(β)", numeric: true },
          { header: "p(β)", numeric: true },
          { header: "b", numeric: true },
          { header: "SE", numeric: true },
          { header: "p", numeric: true },
          { header: "result" },
        ],
        rows: v.hypotheses.map((h) => [
          cell(h.id),
          cell(`${name(v, h.from)} → ${name(v, h.to)}`),
          cell(h.expected ?? "–"),
          numCell(h.std),
          numCell(h.seStd),
          cell(pval(h.pvalueStd), { numeric: true }),
          numCell(h.est),
          numCell(h.se),
          cell(pval(h.pvalue), { numeric: true }),
          cell(h.supported ? "supported" : "not supported", { flag: h.supported ? "pass" : "fail" }),
        ]),
        note: v.hypothesisRule,
      },
    ],
  };
}

function summaryFacts(v: StudyView): Block {
  const main = v.models[v.models.length - 1];
  const items: { label: string; value: string; flag?: Cell["flag"] }[] = [
    { label: "observations", value: String(v.sample.n) },
  ];
  if (main !== undefined) {
    for (const key of ["cfi", "rmsea", "srmr"] as const) {
      const c = CUTOFFS.find((x) => x.key === key)!;
      items.push({
        label: `${key.toUpperCase()} (${main.name} model)`,
        value: num(main[key]),
        flag: judge(main[key], c),
      });
    }
  }
  if (v.hypotheses.length > 0)
    items.push({
      label: "hypotheses supported",
      value: `${v.hypotheses.filter((h) => h.supported).length} of ${v.hypotheses.length}`,
    });
  return { kind: "facts", items };
}

/** The study report's document and files (report.html, report.md, results.json, diagram.svg/.dot, loadings.svg). */
export async function buildStudyReport(
  v: StudyView,
  extra: { sections: Section[]; json?: Record<string, unknown>; files?: ReportFile[] } = { sections: [] },
): Promise<ReportBundle> {
  const points = v.loadings
    .filter((l) => l.std !== null)
    .map((l) => ({ factor: v.labels[l.factor] ?? l.factor, indicator: l.indicator, std: l.std! }));
  const loadings = points.length > 0 ? await chartToSvg(loadingsChartSpec(points)) : undefined;
  const diagram = await renderDiagram(v.diagram, v.title);
  const figure: Block = {
    kind: "figure",
    caption:
      `Path diagram with standardized estimates ` +
      `(std.all; *** p < .001, ** p < .01, * p < .05; ` +
      `${diagramLegend(v.diagram)})`,
    svg: diagram.svg,
    file: "diagram.svg",
    wide: true,
  };
  const sections: Section[] = [
    { id: "summary", title: "Summary and path diagram", blocks: [summaryFacts(v), figure] },
    sampleSection(v),
    await measurementSection(v, { loadings }),
  ];
  const structural = structuralSection(v);
  if (structural !== undefined) sections.push(structural);
  sections.push(fitSection(v));
  const hyp = hypothesesSection(v);
  if (hyp !== undefined) sections.push(hyp);
  sections.push(...extra.sections);
  if (v.warnings.length > 0)
    sections.push({ id: "warnings", title: "Warnings", blocks: [{ kind: "list", ordered: false, items: v.warnings }] });
  const document: ReportDocument = {
    title: v.title,
    subtitle: v.subtitle,
    meta: v.meta,
    alerts: v.problems,
    sections,
    footer: v.provenance,
  };
  const files: ReportBundle["files"] = [
    { name: "report.html", content: renderHtml(document) },
    { name: "report.md", content: renderMarkdown(document) },
    { name: "results.json", content: `${JSON.stringify({ kind: "study", ...v, ...extra.json }, null, 2)}\n` },
    { name: "diagram.svg", content: diagram.svg },
    { name: "diagram.dot", content: diagram.dot },
  ];
  if (loadings !== undefined) files.push({ name: "loadings.svg", content: loadings });
  files.push(...(extra.files ?? []));
  return { document, files };
}
