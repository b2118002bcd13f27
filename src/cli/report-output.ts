/**
 * Writing reports from the commands: the firm reports of a score (one firm, or every firm with an
 * overview), the progress bar drawn on standard error when it is a terminal, and the default
 * report folders.
 */
import path from "node:path";
import type { StudyResults } from "../analysis/study.js";
import { loadInstrument, type Instrument, type Responses } from "../instrument/index.js";
import type { ScoreReport } from "../instrument/score.js";
import { fitWeights } from "../instrument/weights.js";
import type { ModelSyntax } from "../sem/syntax/index.js";
import { graphFromFit } from "../report/diagram/graph.js";
import { renderDiagram, type RenderedDiagram } from "../report/diagram/render.js";
import { buildBatch, buildFirmReport } from "../report/firm.js";
import { studyViewFromAnalysis, type FromAnalysisMeta } from "../report/from-analysis.js";
import { firmViewsFromScore } from "../report/from-score.js";
import { safeFileName } from "../report/escape.js";
import type { ReportFile, Section } from "../report/document.js";
import { buildStudyReport } from "../report/study.js";
import type { CommandContext } from "./commands/fit.js";
import { progressBar } from "./progress.js";
import type { InputFiles } from "./io.js";
import { terminalText } from "../sem/format/terminal.js";
import { writeReportFiles } from "./write-report.js";
import type { DataTable } from "../sem/data/csv.js";
import { InputError } from "../sem/messages.js";
import { analyzePls } from "../pls/analyze.js";
import { columnsFromTable } from "../pls/data.js";
import { plsImportancePerformance } from "../pls/ipma/apply.js";
import { applyBootstrap } from "../pls/bootstrap/apply.js";
import { bootstrapPls } from "../pls/bootstrap/index.js";
import { instrumentFinalOutcome, instrumentItemScales, instrumentPlsModel } from "../pls/instrument-model.js";
import { parsePlsModel } from "../pls/syntax.js";
import { plsSection } from "../report/from-pls.js";
import { CHART_CONFIG } from "../report/charts/render.js";
import { constructsOf } from "../instrument/constructs.js";

/**
 * reports/study, reports/firm-<id>, reports/firms-<data>: the reports of every firm of a data file
 * get a folder of their own, named after the file (its name without the extension, or its folder's
 * name for a file called data.csv), so that two batches never share one.
 */
export function defaultReportDir(kind: "study" | "firm" | "all", firm?: string, dataFile?: string): string {
  if (kind === "firm") return path.join("reports", `firm-${safeFileName(firm ?? "")}`);
  if (kind === "study") return path.join("reports", "study");
  if (dataFile === undefined) return path.join("reports", "firms");
  const stem = path.basename(dataFile, path.extname(dataFile));
  const name = stem.toLowerCase() === "data" ? path.basename(path.dirname(path.resolve(dataFile))) : stem;
  return path.join("reports", `firms-${safeFileName(name)}`);
}

/**
 * The progress bar of progress.ts on the command's standard error (a terminal only), through the
 * context so that tests can stand in for a terminal.
 */
function firmProgress(ctx: CommandContext): ((done: number, total: number) => void) | undefined {
  const write = ctx.stderr;
  if (write === undefined) return undefined;
  const stream = {
    isTTY: ctx.stderrIsTTY === true,
    write: (s: string) => (write(s), true),
  } as unknown as NodeJS.WriteStream;
  return progressBar("firms", stream);
}

export interface WeightsModel {
  syntax: ModelSyntax;
  norms: Responses;
  estimator: string;
  missing?: string;
  /** items fitted as ordered (--ordered, --ordinal) */
  ordered?: true | readonly string[];
}

/**
 * The diagram of the model behind the index weights, fitted to the norm sample as score.ts does;
 * none when it cannot be fitted.
 */
async function weightsDiagram(instr: Instrument, m: WeightsModel): Promise<RenderedDiagram | undefined> {
  const { fit } = await fitWeights({ instr, ...m });
  if (fit === null) return undefined;
  const labels = new Map(instr.constructs.map((c) => [c.id, c.label]));
  return renderDiagram(graphFromFit(fit, labels), "index weights");
}

export async function firmReportFiles(
  score: ScoreReport,
  instr: Instrument,
  all: boolean,
  ctx: CommandContext,
  model: WeightsModel,
): Promise<ReportFile[]> {
  const views = firmViewsFromScore(score, instr, ctx.version);
  const diagram = await weightsDiagram(instr, model);
  if (!all) return (await buildFirmReport(views[0]!, diagram)).files;
  const meta = [
    { label: "data", value: score.data.file },
    { label: "norm sample", value: `${score.norms.file} (${score.norms.used} firms)` },
    { label: "instrument", value: `${score.instrument.id} ${score.instrument.version}` },
    { label: "isrs", value: ctx.version },
  ];
  return buildBatch(views, { meta, provenance: views[0]?.provenance ?? "", diagram, onFirm: firmProgress(ctx) });
}

/**
 * The study report's title: the instrument's when the study runs on one (the rules of
 * analyze's resolveStudy: no --model, or --instrument, or no data file), else a plain one.
 */
export function studyTitle(
  flags: { model?: string; instrument?: string; title?: string },
  dataFile: string | undefined,
): string {
  if (flags.title !== undefined) return flags.title;
  const onInstrument = flags.model === undefined || flags.instrument !== undefined || dataFile === undefined;
  return onInstrument ? `${loadInstrument(flags.instrument).title}: study report` : "Study report";
}

/** The study report of an analysis (`isrs report`, `isrs analyze --report`). */
export async function studyReportFiles(
  res: StudyResults,
  meta: FromAnalysisMeta,
  extra?: Parameters<typeof buildStudyReport>[1],
): Promise<ReportFile[]> {
  return (await buildStudyReport(studyViewFromAnalysis(res, meta), extra)).files;
}

/**
 * Writes the files (all or nothing, write-report.ts) and says where: on standard output for
 * `isrs report`, on standard error when a command's own results go to standard output (`--report`
 * on score and analyze). `inputs`: the command's input files, which no report file may replace.
 */
export function writeAndTell(
  dir: string,
  files: readonly ReportFile[],
  tell: (s: string) => void,
  inputs: InputFiles = {},
): void {
  const { written, removed } = writeReportFiles(dir, files, inputs);
  const top = written.filter((f) => path.dirname(f) === path.normalize(dir));
  const rest = written.length - top.length;
  const old = removed > 0 ? `; removed ${removed} files of an earlier report there` : "";
  const where = rest > 0 ? ` and ${rest} files in ${path.join(dir, "firms")}` : "";
  tell(terminalText(`wrote ${top.join(", ")}${where}${old}\n`));
}

/** A data file as shown in a report: relative to the working directory when it lies under it. */
export function shownFile(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

/** `--report [dir]` of score and analyze: the folder given, or the default one. */
export function reportDirOption(value: string | boolean | undefined, fallback: string): string | undefined {
  if (value === undefined || value === false) return undefined;
  return value === true ? fallback : value;
}

/**
 * `isrs report --pls [--ipma TARGET]`: the instrument's model as a PLS path model (mode A
 * composites, the second-order construct in two stages) fitted on the study's responses, whose
 * reverse-keyed items the instrument's loader has recoded; the IPMA of TARGET (default: the final
 * outcome) on the items' scales. The section, `pls` in results.json, and ipma.svg and model.pls
 * (the derived model, to rerun with `isrs pls`) in the folder. `boot`: percentile intervals from
 * that many resamples (`isrs pls --bootstrap N --seed S`'s).
 */
export async function plsReportExtra(
  instr: Instrument,
  data: DataTable,
  dataName: string,
  na: string[],
  ipmaTarget?: string,
  boot?: { draws: number; seed?: number },
): Promise<{ sections: Section[]; json: Record<string, unknown>; files: ReportFile[]; converged: boolean }> {
  const text = instrumentPlsModel(instr);
  const modelName = "model.pls";
  const spec = parsePlsModel(text, modelName);
  const columns = columnsFromTable(data, spec, na);
  const analysis = analyzePls(spec, columns, {}, { modelName, dataName, lineOf: data.lineOf });
  if (boot !== undefined) {
    const b = await bootstrapPls(analysis.data, spec, analysis.estimate, {}, boot);
    applyBootstrap(analysis.results, b);
  }
  const target = ipmaTarget?.trim() ?? instrumentFinalOutcome(instr);
  if (target === undefined) throw new InputError("E_USAGE", "--pls: the instrument has no structural model to map");
  const ipma = plsImportancePerformance(analysis, target, { items: instrumentItemScales(instr) }, CHART_CONFIG);
  const labels = Object.fromEntries(instr.constructs.map((c) => [c.id, c.label]));
  const candidates = constructsOf(instr, "dimension").map((c) => c.id);
  const { section, svg } = await plsSection({ results: analysis.results, ipma, labels, candidates });
  return {
    sections: [section],
    json: { pls: { modelText: text, ...analysis.results } },
    files: [
      { name: "ipma.svg", content: svg },
      { name: modelName, content: text },
    ],
    converged: analysis.results.converged,
  };
}
