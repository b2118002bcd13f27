/**
 * `isrs report [DATA] [--firm ID | --all] [--model MODEL | --instrument FILE] [--out DIR]`.
 * - Study report (neither --firm nor --all): fits the model and writes report.html, report.md,
 *   results.json, diagram.svg, diagram.dot and loadings.svg into DIR. Without --model the data
 *   are responses to the instrument (the bundled ISRS instrument unless --instrument), checked and
 *   recoded by it, and the instrument's model is fitted.
 * - Firm report (--firm ID) or one per firm with an overview (--all): the firm's scores against the
 *   norm sample (--norms, default the bundled data), as `isrs score` computes them.
 * Without DATA, the bundled dataset.
 */
import { Option, type Command } from "commander";
import { bundledDatasetPath, instrumentModelSyntax, loadInstrument, loadResponses } from "../../instrument/index.js";
import { scoreFirms } from "../../instrument/score.js";
import { readTable } from "../../sem/data/index.js";
import { fitModel } from "../../sem/fit-model.js";
import { InputError } from "../../sem/messages.js";
import { parseModel } from "../../sem/syntax/index.js";
import type { FitResult } from "../../sem/results.js";
import { studyViewFromFit } from "../../report/from-fit.js";
import { buildStudyReport, type StudyView } from "../../report/study.js";
import { exitCodeFor } from "../exit-codes.js";
import { readModelFile } from "../io.js";
import { defaultReportDir, firmReportFiles, shownFile, writeAndTell } from "../report-output.js";
import { naCodes, toFitOptions, toReadOptions, type CliFitFlags } from "./fit-options.js";
import type { CommandContext } from "./fit.js";
import { modelFrom } from "./instrument-options.js";

export interface ReportFlags extends Omit<CliFitFlags, "model"> {
  model?: string;
  instrument?: string;
  out?: string;
  title?: string;
  firm?: string;
  all?: boolean;
  norms?: string;
}

/** A generic model on a generic CSV. */
async function studyFromModel(dataFile: string, f: ReportFlags & { model: string }, version: string): Promise<{ fit: FitResult; view: StudyView }> {
  const flags: CliFitFlags = { ...f, model: f.model };
  const syntax = parseModel(readModelFile(f.model), { file: f.model });
  const fit = await fitModel({ syntax, data: readTable(dataFile, toReadOptions(flags)), options: toFitOptions(flags), na: naCodes(flags) });
  const view = studyViewFromFit(fit, { title: f.title ?? "Study report", dataFile, modelFile: f.model, version });
  return { fit, view };
}

/** Responses to an instrument, its model, its construct names as labels. */
async function studyFromInstrument(dataFile: string, f: ReportFlags, version: string): Promise<{ fit: FitResult; view: StudyView }> {
  const instr = loadInstrument(f.instrument);
  const modelName = `instrument ${instr.id} ${instr.version}`;
  const flags: CliFitFlags = { ...f, model: modelName };
  const responses = loadResponses(dataFile, instr, { read: toReadOptions(flags) });
  const syntax = parseModel(instrumentModelSyntax(instr), { file: modelName });
  const fit = await fitModel({ syntax, data: responses.table, options: toFitOptions(flags), na: naCodes(flags) });
  const labels = Object.fromEntries(instr.constructs.map((c) => [c.id, c.label]));
  const view = studyViewFromFit(fit, { title: f.title ?? `${instr.title}: study report`, dataFile, modelFile: modelName, version, labels });
  const before = responses.excluded.map((e) => ({ row: e.row ?? null, reason: e.reason }));
  view.sample.excluded = [...before, ...view.sample.excluded];
  if (responses.recoded.length > 0) view.meta.push({ label: "reverse-keyed items recoded", value: responses.recoded.join(", ") });
  return { fit, view };
}

async function firmReports(dataFile: string, f: ReportFlags, ctx: CommandContext): Promise<void> {
  if (f.firm !== undefined && f.all === true) throw new InputError("E_USAGE", "--firm and --all exclude each other: give one");
  const instr = loadInstrument(f.instrument);
  const data = loadResponses(dataFile, instr);
  const norms = loadResponses(f.norms ?? shownFile(bundledDatasetPath()), instr);
  const all = f.all === true;
  const score = await scoreFirms({ instr, data, norms, syntax: modelFrom(f, instr), estimator: f.estimator, firm: all ? "all" : f.firm! });
  const files = await firmReportFiles(score, instr, all, ctx);
  writeAndTell(f.out ?? defaultReportDir(all ? "all" : "firm", f.firm), files, ctx.stdout);
}

export function registerReport(program: Command, ctx: CommandContext): void {
  program
    .command("report")
    .description("write the study report, or firm reports, as HTML, Markdown and JSON with the path diagram and charts, into a folder")
    .argument("[data]", "CSV data file (default: the bundled ISRS dataset)")
    .option("--firm <id>", "write the diagnostic report of this firm")
    .option("--all", "write one diagnostic report per firm and an overview")
    .option("--norms <file>", "norm sample for --firm/--all (default: the bundled dataset)")
    .option("-m, --model <file>", "lavaan model syntax file (default: the instrument's model, with the data checked against the instrument)")
    .option("--instrument <file>", "instrument definition file (default: the bundled ISRS instrument)")
    .option("-o, --out <dir>", "folder to write into, created if missing, other files kept (default: reports/study, reports/firm-ID or reports/firms)")
    .option("--title <text>", "title of the study report")
    .option("--estimator <name>", "estimator (ML)", "ML")
    .option("--std-lv", "identify factors by fixing latent variances to 1")
    .option("--delimiter <char>", "field delimiter of the data file (default: detected)")
    .addOption(new Option("--decimal <mark>", "decimal mark of the data file (default: detected)").choices([".", ","]))
    .option("--na <codes>", 'comma-separated extra missing-value codes (empty cells and "NA" always are)')
    .action(async (data: string | undefined, flags: ReportFlags) => {
      const dataFile = data ?? shownFile(bundledDatasetPath());
      if (flags.firm !== undefined || flags.all === true) return firmReports(dataFile, flags, ctx);
      const { fit, view } = flags.model !== undefined
        ? await studyFromModel(dataFile, { ...flags, model: flags.model }, ctx.version)
        : await studyFromInstrument(dataFile, flags, ctx.version);
      const bundle = await buildStudyReport(view);
      writeAndTell(flags.out ?? defaultReportDir("study"), bundle.files, ctx.stdout);
      ctx.setExit(exitCodeFor(fit));
    });
}
