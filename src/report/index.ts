/**
 * isrs/report (Node): the study and firm reports as files (HTML, Markdown, JSON, SVG), path
 * diagrams and charts. A study report: `runStudy` (src/analysis) on a design and a data table,
 * then `studyReport`; firm reports: `scoreFirms` (isrs/instrument), `firmViewsFromScore`, then
 * `buildFirmReport` or `buildBatch`. Every function returns files as { name, content }; writing
 * them is the caller's (the CLI writes each to a temporary file and renames it).
 */
import type { StudyResults } from "../analysis/study.js";
import type { ReportFile } from "./document.js";
import { studyViewFromAnalysis, type FromAnalysisMeta } from "./from-analysis.js";
import { buildStudyReport } from "./study.js";

export { runStudy } from "../analysis/study.js";
export type { StudyInput, StudyResults } from "../analysis/study.js";
export { designFromInstrument, designFromSyntax, designModels, checkDesign } from "../analysis/design.js";
export type { StudyDesign, Construct, SecondOrderFactor, Hypothesis } from "../analysis/design.js";
export { studyViewFromAnalysis } from "./from-analysis.js";
export type { FromAnalysisMeta } from "./from-analysis.js";
export { buildStudyReport } from "./study.js";
export type { StudyView } from "./study-view.js";
export { firmViewsFromScore } from "./from-score.js";
export { buildFirmReport, buildBatch } from "./firm.js";
export type { FirmView, BatchOptions } from "./firm.js";
export { renderHtml } from "./html.js";
export { renderMarkdown } from "./markdown.js";
export type { ReportDocument, ReportFile, ReportBundle } from "./document.js";
export { graphFromFit, graphFromTable } from "./diagram/graph.js";
export type { DiagramGraph, DiagramNode, DiagramEdge } from "./diagram/graph.js";
export { toDot } from "./diagram/dot.js";
export { renderDiagram, dotToSvg } from "./diagram/render.js";
export type { RenderedDiagram } from "./diagram/render.js";
export { chartToSvg } from "./charts/render.js";
export type { Chart } from "./charts/render.js";
export { safeFileName } from "./escape.js";

/** The files of the study report of an analysis: report.html, report.md, results.json, diagram.svg, … */
export async function studyReport(results: StudyResults, meta: FromAnalysisMeta): Promise<ReportFile[]> {
  return (await buildStudyReport(studyViewFromAnalysis(results, meta))).files;
}
