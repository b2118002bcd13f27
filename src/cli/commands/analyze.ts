/**
 * `isrs analyze [DATA] [--instrument FILE] [--model FILE] [--estimator ML|MLR] [--format text|json]
 * [--out DIR]`: the study pipeline of src/analysis/study.ts.
 * - The design: from the instrument (the bundled ISRS one unless --instrument), or, with
 *   --model, read off that lavaan syntax (which is then the structural model fitted).
 * - The data: DATA, or the instrument's bundled dataset when omitted. Loaded against the
 *   instrument (scale checks, reverse-keyed items recoded) unless --model is given with DATA
 *   and no --instrument: then DATA is any CSV with the model's columns.
 * - Ordered items: `--ordered all | LIST`, or `--ordinal` (the items whose scale the instrument
 *   declares ordinal); the models are then fitted by WLSMV (lavaan's default for ordered items).
 * --out DIR writes results.json and summary.txt atomically, creating DIR when needed and
 * leaving its other files alone.
 */
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import {
  designFromInstrument,
  designFromSyntax,
  designItems,
  ordinalItemsOf,
  type StudyDesign,
} from "../../analysis/design.js";
import { runStudy, type ResponsesNote, type StudyResults } from "../../analysis/study.js";
import { bundledDatasetPath, loadInstrument, loadResponses, type Instrument } from "../../instrument/index.js";
import { type DataTable } from "../../sem/data/index.js";
import { readTable } from "../../sem/data/read-file.js";
import { InputError } from "../../sem/messages.js";
import { ALL_ESTIMATORS } from "../../sem/options.js";
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

interface AnalyzeFlags extends OrderedFlags {
  model?: string;
  instrument?: string;
  estimator?: string;
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
  /** the items to fit as ordered (--ordered, --ordinal); absent: none */
  ordered?: true | string[];
}

/** `--ordered all | LIST` and `--ordinal`, shared by analyze, report and score. */
export interface OrderedFlags {
  ordered?: string;
  ordinal?: boolean;
}

/**
 * The ordered items the flags ask for: true (`--ordered all`), the listed names, the items of the
 * instrument's ordinal scales (`--ordinal`), or undefined. Bad usage is one line (E_USAGE).
 */
export function orderedFrom(flags: OrderedFlags, instr: Instrument | undefined): true | string[] | undefined {
  if (flags.ordinal === true && flags.ordered !== undefined)
    throw new InputError("E_USAGE", "--ordinal and --ordered exclude each other: give one");
  if (flags.ordered !== undefined) {
    const names = flags.ordered
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    if (names.length === 0) throw new InputError("E_USAGE", "--ordered: give all, or a comma-separated list of items");
    return names.length === 1 && names[0]!.toLowerCase() === "all" ? true : names;
  }
  if (flags.ordinal !== true) return undefined;
  if (instr === undefined)
    throw new InputError(
      "E_USAGE",
      "--ordinal takes the ordinal items from the instrument: give --instrument, or name the items with --ordered",
    );
  const items = ordinalItemsOf(instr);
  if (items.length === 0)
    throw new InputError(
      "E_USAGE",
      `--ordinal: instrument ${instr.id} declares no scale ordinal (add "ordinal": true to a scale); ` +
        "to treat every item as ordinal use --ordered all",
    );
  return items;
}

/** The estimators of the study commands: ML's family, and with ordered items WLSMV's (checked by the engine). */
export function checkEstimator(estimator: string | undefined): void {
  if (estimator !== undefined && !(ALL_ESTIMATORS as readonly string[]).includes(estimator.toUpperCase()))
    throw new InputError("E_USAGE", `--estimator ${estimator}: use ${ALL_ESTIMATORS.join(", ")}`);
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
  const asked = orderedFrom(flags, instr);
  if (flags.model === undefined) {
    const design = designFromInstrument(instr!);
    return { design, data, responses, ...orderedOf(asked, design, flags) };
  }
  const text = readModelFile(flags.model);
  const syntax = parseModel(text, { file: flags.model });
  const design = designFromSyntax(syntax, (c) => data.columns.includes(c));
  return { design, data, structural: { syntax, text }, responses, ...orderedOf(asked, design, flags) };
}

/** `--ordinal` keeps the instrument's ordinal items that the design uses; `--ordered` is checked by runStudy. */
function orderedOf(asked: true | string[] | undefined, design: StudyDesign, flags: OrderedFlags) {
  if (asked === undefined) return {};
  if (asked === true || flags.ordinal !== true) return { ordered: asked };
  const items = new Set(designItems(design));
  return { ordered: asked.filter((v) => items.has(v)) };
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
    .option("--estimator <name>", "ML (default), MLM, MLR; with ordered items WLSMV (their default) or its family")
    .option("--ordered <items>", "fit these items as ordinal (ordered categories): all, or a comma-separated list")
    .option("--ordinal", "fit the items whose scale the instrument declares ordinal as ordered")
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
      checkEstimator(flags.estimator);
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
