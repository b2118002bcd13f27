/**
 * `isrs score DATA.csv [--firm ID | --all] [--norms NORMS.csv] [--instrument FILE] [--model FILE]
 * [--estimator NAME] [--format text|json] [--out FILE]`: dimension scores, ISRS index, percentiles,
 * profile and weakest practices per firm, against a norm sample (the bundled data by default).
 */
import path from "node:path";
import type { Command } from "commander";
import { bundledDatasetPath, loadResponses, type Responses } from "../../instrument/index.js";
import { scoreFirms } from "../../instrument/score.js";
import { InputError } from "../../sem/messages.js";
import { formatScoreText } from "../format/score-text.js";
import { terminalJson } from "../../sem/format/terminal.js";
import type { CommandContext } from "./fit.js";
import { checkEstimator, orderedFrom, type OrderedFlags } from "./analyze.js";
import { addInstrumentOption, emit, instrumentFrom, modelFrom } from "./instrument-options.js";
import { defaultReportDir, firmReportFiles, reportDirOption, writeAndTell } from "../report-output.js";
import { checkOutput } from "../io.js";

interface ScoreFlags extends OrderedFlags {
  firm?: string;
  all?: boolean;
  norms?: string;
  instrument?: string;
  model?: string;
  estimator?: string;
  missing?: string;
  format: string;
  out?: string;
  report?: string | boolean;
}

export function registerScore(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command("score")
    .description(
      "score firms: dimension scores, ISRS index (0-100), " +
        "percentile ranks, profile and weakest practices " +
        "against a norm sample",
    )
    .argument("<data>", "CSV of responses (firm id column and one column per item)")
    .option("--firm <id>", "score this firm")
    .option("--all", "score every firm in the file")
    .option("--norms <file>", "norm sample (default: the bundled simulated 151-firm dataset)");
  addInstrumentOption(cmd)
    .option(
      "-m, --model <file>",
      "lavaan model fitted to the norm sample for the index weights (default: the instrument's model)",
    )
    .option(
      "--estimator <name>",
      "estimator of that fit: ML (default), MLM, MLR; with ordered items WLSMV or its family",
    )
    .option("--ordered <items>", "fit these items as ordinal in that fit: all, or a comma-separated list")
    .option("--ordinal", "fit the items whose scale the instrument declares ordinal as ordered")
    .option(
      "--missing <method>",
      "missing answers in that fit: listwise (default: drop incomplete norm firms) or fiml (full-information ML)",
    )
    .option("--format <format>", "text or json", "text")
    .option("-o, --out <file>", "write the output to a file instead of standard output")
    .option("--report [dir]", "also write the firm report(s) into DIR (default: reports/firm-ID or reports/firms-DATA)")
    .action((dataFile: string, flags: ScoreFlags) => scoreAction(dataFile, flags, ctx));
}

/** Scores the firm(s) of DATA against the norms and writes the text or JSON (and the reports). */
async function scoreAction(dataFile: string, flags: ScoreFlags, ctx: CommandContext): Promise<void> {
  if (flags.format !== "text" && flags.format !== "json")
    throw new InputError("E_USAGE", `--format ${flags.format}: use text or json`);
  if (flags.firm !== undefined && flags.all === true)
    throw new InputError("E_USAGE", "--firm and --all exclude each other: give one");
  checkEstimator(flags.estimator);
  const instr = instrumentFrom(flags);
  const ordered = orderedFrom(flags, instr);
  const data = loadResponses(dataFile, instr);
  const firm = firmToScore(flags, data, dataFile);
  const norms = loadResponses(flags.norms ?? shownPath(bundledDatasetPath()), instr);
  const syntax = modelFrom(flags, instr);
  const fit = {
    estimator: flags.estimator ?? (ordered !== undefined ? "WLSMV" : "ML"),
    missing: flags.missing,
    ...(ordered !== undefined ? { ordered } : {}),
  };
  const report = await scoreFirms({ instr, data, norms, syntax, ...fit, firm });
  const text =
    flags.format === "json"
      ? `${terminalJson(JSON.stringify(report, null, 2))}\n`
      : formatScoreText(report, firm === "all");
  const reportDir = reportDirOption(flags.report, defaultReportDir(firm === "all" ? "all" : "firm", firm, dataFile));
  const reportFiles =
    reportDir === undefined ? [] : await firmReportFiles(report, instr, firm === "all", ctx, { syntax, norms, ...fit });
  const inputs = { "data file": dataFile, "norms file": flags.norms, "instrument file": flags.instrument };
  const read = { ...inputs, "model file": flags.model };
  if (flags.out !== undefined) checkOutput(flags.out, read);
  if (reportDir !== undefined) writeAndTell(reportDir, reportFiles, ctx.stderr ?? ctx.stdout, read);
  emit(text, flags.out, ctx.stdout, read);
}

/** The firm to score: --firm, "all" with --all, or the only firm of the file. */
function firmToScore(flags: ScoreFlags, data: Responses, dataFile: string): string {
  if (flags.all === true) return "all";
  if (flags.firm !== undefined) return flags.firm;
  if (data.ids.length !== 1)
    throw new InputError(
      "E_USAGE",
      `${dataFile} has ${data.ids.length} firms: name one with --firm ID, or score them all with --all`,
    );
  return data.ids[0]!;
}

/**
 * The bundled file relative to the working directory when it lies under it (shorter, and the same on every machine).
 */
function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}
