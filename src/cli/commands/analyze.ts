/**
 * `isrs analyze [DATA] [--instrument FILE] [--model FILE] [--estimator ML|MLR] [--format text|json]
 * [--out DIR]`: the study pipeline of src/analysis/study.ts.
 * - The design: from the instrument (the bundled ISRS one unless --instrument), or, with
 *   --model, read off that lavaan syntax (which is then the structural model fitted).
 * - The data: DATA, or the instrument's bundled dataset when omitted. Loaded against the
 *   instrument (scale checks, reverse-keyed items recoded) unless --model is given with DATA
 *   and no --instrument: then DATA is any CSV with the model's columns.
 * --out DIR writes results.json and summary.txt atomically, creating DIR when needed and
 * leaving its other files alone.
 */
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { designFromInstrument, designFromSyntax, type StudyDesign } from "../../analysis/design.js";
import { runStudy, type ResponsesNote, type StudyResults } from "../../analysis/study.js";
import { bundledDatasetPath, loadInstrument, loadResponses, type Instrument } from "../../instrument/index.js";
import { type DataTable } from "../../sem/data/index.js";
import { readTable } from "../../sem/data/read-file.js";
import { InputError } from "../../sem/messages.js";
import { ESTIMATORS } from "../../sem/options.js";
import { parseModel, type ModelSyntax } from "../../sem/syntax/index.js";
import { exitCodeFor, EXIT } from "../exit-codes.js";
import { formatAnalysisJson, formatAnalysisText } from "../format/analysis.js";
import { checkOutput, readModelFile, writeAtomic, type InputFiles } from "../io.js";
import type { CommandContext } from "./fit.js";
import {
  defaultReportDir,
  reportDirOption,
  shownFile,
  studyReportFiles,
  studyTitle,
  writeAndTell,
} from "../report-output.js";

interface AnalyzeFlags {
  model?: string;
  instrument?: string;
  estimator: string;
  missing?: string;
  format: string;
  out?: string;
  na?: string;
  report?: string | boolean;
}

interface Study {
  design: StudyDesign;
  data: DataTable;
  structural?: { syntax: ModelSyntax; text: string };
  responses?: ResponsesNote;
}

export function resolveStudy(dataFile: string | undefined, flags: AnalyzeFlags): Study {
  const na = splitNa(flags.na);
  const useInstrument = flags.model === undefined || flags.instrument !== undefined || dataFile === undefined;
  let data: DataTable;
  let responses: ResponsesNote | undefined;
  let instr: Instrument | undefined;
  if (useInstrument) {
    instr = loadInstrument(flags.instrument);
    const r = loadResponses(dataFile ?? shownPath(bundledDatasetPath()), instr, { read: { na } });
    data = r.table;
    responses = { instrument: `${instr.id} ${instr.version}`, recoded: r.recoded, excluded: r.excluded };
  } else {
    data = readTable(dataFile!, { na });
  }
  if (flags.model === undefined) return { design: designFromInstrument(instr!), data, responses };
  const text = readModelFile(flags.model);
  const syntax = parseModel(text, { file: flags.model });
  return {
    design: designFromSyntax(syntax, (c) => data.columns.includes(c)),
    data,
    structural: { syntax, text },
    responses,
  };
}

/** A path relative to the working directory when it lies below it (messages and JSON stay short). */
function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

export function splitNa(na: string | undefined): string[] | undefined {
  return na === undefined ? undefined : na.split(",").map((s) => s.trim());
}

/** Exit code: 0 when every model converged to an admissible solution, 1 otherwise. */
export function analysisExitCode(res: StudyResults): number {
  return res.models.some((m) => exitCodeFor(m) !== EXIT.ok) ? EXIT.problems : EXIT.ok;
}

const OUT_FILES = ["results.json", "summary.txt"];

function writeOut(dir: string, json: string, text: string, inputs: InputFiles): void {
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory())
    throw new InputError("E_FILE", `${dir}: exists and is not a folder`);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new InputError(
      "E_FILE",
      `${dir}: cannot create the folder (${(e as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  checkOutput(path.join(dir, "results.json"), inputs);
  checkOutput(path.join(dir, "summary.txt"), inputs);
  writeAtomic(path.join(dir, "results.json"), json);
  writeAtomic(path.join(dir, "summary.txt"), text);
}

export function registerAnalyze(program: Command, ctx: CommandContext): void {
  program
    .command("analyze")
    .description("screening, reliability and validity, measurement / second-order / structural models, hypotheses")
    .argument("[data]", "CSV of responses (default: the instrument's bundled dataset)")
    .option("--instrument <file>", "instrument definition file (default: the bundled ISRS instrument)")
    .option(
      "-m, --model <file>",
      "lavaan syntax of the structural model, instead of the instrument's (the design is read from it)",
    )
    .option("--estimator <name>", `${ESTIMATORS.join(", ")}`, "ML")
    .option(
      "--missing <method>",
      "missing answers in every model fit: listwise (default: drop incomplete rows) or fiml (full-information ML)",
    )
    .option("--format <format>", "text or json on standard output (with --out, both files are written)", "text")
    .option(
      "--out <dir>",
      "write results.json and summary.txt into this folder instead of standard output (created if needed, never wiped)",
    )
    .option("--na <codes>", 'comma-separated extra missing-value codes (empty cells and "NA" always are)')
    .option("--report [dir]", "also write the study report (HTML, Markdown, diagram) into DIR (default: reports/study)")
    .action(async (dataFile: string | undefined, flags: AnalyzeFlags) => {
      if (flags.format !== "text" && flags.format !== "json")
        throw new InputError("E_USAGE", `--format ${flags.format}: use text or json`);
      if (!(ESTIMATORS as readonly string[]).includes(flags.estimator.toUpperCase())) {
        throw new InputError("E_USAGE", `--estimator ${flags.estimator}: use ${ESTIMATORS.join(", ")}`);
      }
      const study = resolveStudy(dataFile, flags);
      const res = await runStudy({
        ...study,
        estimator: flags.estimator,
        missing: flags.missing,
        na: splitNa(flags.na),
      });
      const json = formatAnalysisJson(res, ctx.version);
      const text = formatAnalysisText(res, ctx.version);
      const reportDir = reportDirOption(flags.report, defaultReportDir("study"));
      const meta = {
        title: studyTitle(flags, dataFile),
        dataFile: dataFile ?? shownFile(bundledDatasetPath()),
        model: flags.model ?? res.design.source,
        version: ctx.version,
      };
      const reportFiles = reportDir === undefined ? [] : await studyReportFiles(res, meta);
      const inputs = { "data file": dataFile, "instrument file": flags.instrument, "model file": flags.model };
      // the refusals of --out first, then the report (all or nothing), then --out: one refused writes neither
      if (flags.out !== undefined) for (const f of OUT_FILES) checkOutput(path.join(flags.out, f), inputs);
      if (reportDir !== undefined) writeAndTell(reportDir, reportFiles, ctx.stderr ?? ctx.stdout, inputs);
      if (flags.out !== undefined) writeOut(flags.out, json, text, inputs);
      else ctx.stdout(flags.format === "json" ? json : text);
      ctx.setExit(analysisExitCode(res));
    });
}
