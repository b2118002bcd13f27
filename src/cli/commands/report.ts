/**
 * `isrs report DATA --model MODEL [--out DIR] [fit options]`: fits the model and writes the study
 * report into DIR (report.html, report.md, results.json, diagram.svg, diagram.dot, loadings.svg).
 */
import path from "node:path";
import type { Command } from "commander";
import { InputError } from "../../sem/messages.js";
import { studyViewFromFit } from "../../report/from-fit.js";
import { buildStudyReport } from "../../report/study.js";
import { exitCodeFor } from "../exit-codes.js";
import { writeReportFiles } from "../write-report.js";
import { addFitOptions, type CliFitFlags } from "./fit-options.js";
import { loadAndFit, type CommandContext } from "./fit.js";

export const DEFAULT_REPORT_DIR = path.join("reports", "study");

export function registerReport(program: Command, ctx: CommandContext): void {
  const cmd = program.command("report").description("write the study report (HTML, Markdown, JSON, path diagram) into a folder").argument("[data]", "CSV data file");
  addFitOptions(cmd)
    .option("-o, --out <dir>", "folder to write the report into (created if missing; other files in it are kept)", DEFAULT_REPORT_DIR)
    .option("--title <text>", "title of the report", "Study report")
    .action(async (dataFile: string | undefined, flags: CliFitFlags & { out: string; title: string }) => {
      if (dataFile === undefined) throw new InputError("E_USAGE", "isrs report: give the data file (DATA.csv)");
      const fit = await loadAndFit(dataFile, flags);
      const view = studyViewFromFit(fit, { title: flags.title, dataFile, modelFile: flags.model, version: ctx.version });
      const bundle = await buildStudyReport(view);
      const written = writeReportFiles(flags.out, bundle.files);
      ctx.stdout(`wrote ${written.join(", ")}\n`);
      ctx.setExit(exitCodeFor(fit));
    });
}
