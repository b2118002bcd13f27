/**
 * `node bench/reports.js` (after `npm run build`): times the report layer in one process on the
 * bundled ISRS data, the analysis and the scores computed once beforehand: the first study report
 * (loading vega, vega-lite and the Graphviz WebAssembly), then warm runs of the study report
 * (HTML, Markdown, JSON, diagram, chart), of the path diagram alone, of the loadings chart alone,
 * and of the 151 firm reports with their overview (`isrs report --all`), files not written.
 * Prints a Markdown table for the README.
 */
import { fileURLToPath } from "node:url";
import { measure } from "./lib/timing.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { runStudy } = await import(`${ROOT}dist/analysis/study.js`);
const { designFromInstrument } = await import(`${ROOT}dist/analysis/design.js`);
const { loadInstrument, loadResponses, instrumentModelSyntax, bundledDatasetPath } = await import(
  `${ROOT}dist/instrument/index.js`
);
const { scoreFirms } = await import(`${ROOT}dist/instrument/score.js`);
const { parseModel } = await import(`${ROOT}dist/sem/syntax/index.js`);
const { studyViewFromAnalysis } = await import(`${ROOT}dist/report/from-analysis.js`);
const { firmViewsFromScore } = await import(`${ROOT}dist/report/from-score.js`);
const { buildStudyReport } = await import(`${ROOT}dist/report/study.js`);
const { buildBatch } = await import(`${ROOT}dist/report/firm.js`);
const { renderDiagram } = await import(`${ROOT}dist/report/diagram/render.js`);
const { chartToSvg } = await import(`${ROOT}dist/report/charts/render.js`);
const { loadingsChartSpec } = await import(`${ROOT}dist/report/charts/loadings.js`);

const instr = loadInstrument();
const responses = loadResponses(bundledDatasetPath(), instr);
const res = await runStudy({ design: designFromInstrument(instr), data: responses.table });
const view = studyViewFromAnalysis(res, {
  title: "bench",
  dataFile: "data.csv",
  model: "instrument",
  version: "bench",
});
const score = await scoreFirms({
  instr,
  data: responses,
  norms: responses,
  syntax: parseModel(instrumentModelSyntax(instr)),
  firm: "all",
});
const firms = firmViewsFromScore(score, instr, "bench");

const t0 = performance.now();
await buildStudyReport(view);
const coldMs = performance.now() - t0;

const rows = [`| first study report in a process (loads vega, vega-lite, Graphviz WASM) | ${coldMs.toFixed(0)} |`];
const cases = [
  ["study report (HTML, Markdown, JSON, diagram, chart)", () => buildStudyReport(view)],
  ["path diagram (DOT, Graphviz layout, arcs)", () => renderDiagram(view.diagram)],
  [
    "loadings chart (vega-lite → SVG)",
    () =>
      chartToSvg(
        loadingsChartSpec(view.loadings.map((l) => ({ factor: l.factor, indicator: l.indicator, std: l.std }))),
      ),
  ],
  [`${firms.length} firm reports and the overview`, () => buildBatch(firms, { meta: [], provenance: "bench" })],
];
for (const [name, task] of cases) {
  const t = await measure(task, { warmup: 2, warmupBudgetMs: 3000, minRuns: 3, maxRuns: 15, budgetMs: 5000 });
  rows.push(`| ${name} | ${t.medianMs.toFixed(t.medianMs < 100 ? 1 : 0)} |`);
}
console.log(["| step (bundled ISRS data) | median ms |", "|---|---:|", ...rows].join("\n"));
