/**
 * `isrs report [DATA] [--model MODEL | --instrument FILE] [--out DIR]`: fits the model and writes
 * the study report into DIR (report.html, report.md, results.json, diagram.svg, diagram.dot,
 * loadings.svg). Without --model the data are responses to the instrument (the bundled ISRS
 * instrument unless --instrument), checked and recoded by it, and the instrument's model is fitted;
 * without DATA, the bundled dataset.
 */
import path from "node:path";
import { Option, type Command } from "commander";
import { bundledDatasetPath, instrumentModelSyntax, loadInstrument, loadResponses } from "../../instrument/index.js";
import { readTable } from "../../sem/data/index.js";
import { fitModel } from "../../sem/fit-model.js";
import { parseModel } from "../../sem/syntax/index.js";
import type { FitResult } from "../../sem/results.js";
import { studyViewFromFit } from "../../report/from-fit.js";
import { buildStudyReport, type StudyView } from "../../report/study.js";
import { exitCodeFor } from "../exit-codes.js";
import { readModelFile } from "../io.js";
import { writeReportFiles } from "../write-report.js";
import { naCodes, toFitOptions, toReadOptions, type CliFitFlags } from "./fit-options.js";
import type { CommandContext } from "./fit.js";

export const DEFAULT_REPORT_DIR = path.join("reports", "study");

export interface ReportFlags extends Omit<CliFitFlags, "model"> {
  model?: string;
  instrument?: string;
  out: string;
  title?: string;
}

function fitFlags(f: ReportFlags, model: string): CliFitFlags {
  return { ...f, model };
}

/** A generic model on a generic CSV. */
async function studyFromModel(dataFile: string, f: ReportFlags & { model: string }, version: string): Promise<{ fit: FitResult; view: StudyView }> {
  const flags = fitFlags(f, f.model);
  const syntax = parseModel(readModelFile(f.model), { file: f.model });
  const fit = await fitModel({ syntax, data: readTable(dataFile, toReadOptions(flags)), options: toFitOptions(flags), na: naCodes(flags) });
  const view = studyViewFromFit(fit, { title: f.title ?? "Study report", dataFile, modelFile: f.model, version });
  return { fit, view };
}

/** Responses to an instrument, its model, its construct names as labels. */
async function studyFromInstrument(dataFile: string, f: ReportFlags, version: string): Promise<{ fit: FitResult; view: StudyView }> {
  const instr = loadInstrument(f.instrument);
  const modelName = `instrument ${instr.id} ${instr.version}`;
  const flags = fitFlags(f, modelName);
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

export function registerReport(program: Command, ctx: CommandContext): void {
  program
    .command("report")
    .description("fit the model and write the study report (HTML, Markdown, JSON, path diagram) into a folder")
    .argument("[data]", "CSV data file (default: the bundled ISRS dataset)")
    .option("-m, --model <file>", "lavaan model syntax file (default: the instrument's model, with the data checked against the instrument)")
    .option("--instrument <file>", "instrument definition file (default: the bundled ISRS instrument)")
    .option("-o, --out <dir>", "folder to write the report into (created if missing; other files in it are kept)", DEFAULT_REPORT_DIR)
    .option("--title <text>", "title of the report")
    .option("--estimator <name>", "estimator (ML)", "ML")
    .option("--std-lv", "identify factors by fixing latent variances to 1")
    .option("--delimiter <char>", "field delimiter of the data file (default: detected)")
    .addOption(new Option("--decimal <mark>", "decimal mark of the data file (default: detected)").choices([".", ","]))
    .option("--na <codes>", 'comma-separated extra missing-value codes (empty cells and "NA" always are)')
    .action(async (data: string | undefined, flags: ReportFlags) => {
      const dataFile = data ?? bundledDatasetPath();
      const { fit, view } = flags.model !== undefined
        ? await studyFromModel(dataFile, { ...flags, model: flags.model }, ctx.version)
        : await studyFromInstrument(dataFile, flags, ctx.version);
      const bundle = await buildStudyReport(view);
      const written = writeReportFiles(flags.out, bundle.files);
      ctx.stdout(`wrote ${written.join(", ")}\n`);
      ctx.setExit(exitCodeFor(fit));
    });
}
