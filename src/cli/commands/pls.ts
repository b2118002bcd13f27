/**
 * `isrs pls DATA --model MODEL.pls [--scheme path|factorial|centroid] [--plsc]
 * [--missing mean|listwise] [--hoc two-stage|repeated] [--format text|json] [--out FILE]`:
 * a PLS path model estimated as seminr 2.3.1 does. The resampling flags (bootstrap, PLSpredict, IPMA) attach through
 * `PLS_EXTENSIONS`: each adds its options to the command and a section to the results.
 */
import { Option, type Command } from "commander";
import { readTable } from "../../sem/data/read-file.js";
import { InputError } from "../../sem/messages.js";
import { analyzePls, type PlsAnalysis } from "../../pls/analyze.js";
import { columnsFromTable } from "../../pls/data.js";
import { formatPlsText } from "../../pls/format.js";
import { plsJson } from "../../pls/results.js";
import { parsePlsModel } from "../../pls/syntax.js";
import type { PlsOptions, PlsScheme, PlsMissing } from "../../pls/types.js";
import { EXIT } from "../exit-codes.js";
import { readModelFile, writeAtomic } from "../io.js";
import { naCodes, toReadOptions, type CliFitFlags } from "./fit-options.js";
import type { CommandContext } from "./fit.js";
import { plsResampling, resamplingText } from "./pls-extras.js";

export interface CliPlsFlags {
  model: string;
  scheme: string;
  plsc?: boolean;
  missing: string;
  hoc: string;
  format: string;
  out?: string;
  delimiter?: string;
  decimal?: string;
  na?: string;
  /** flags of the extensions (bootstrap, predict, ipma) */
  [flag: string]: unknown;
}

/**
 * A part of the analysis that runs after the estimate (bootstrap, PLSpredict, IPMA): it declares
 * its options and, when its flags ask for it, adds its section to `analysis.results`.
 */
export interface PlsExtension {
  addOptions(cmd: Command): Command;
  run(analysis: PlsAnalysis, flags: CliPlsFlags, ctx: CommandContext): Promise<void> | void;
}

/** The extensions, in the order they run: bootstrap, PLSpredict and IPMA (pls-extras.ts). */
export const PLS_EXTENSIONS: PlsExtension[] = [plsResampling];

export function toPlsOptions(flags: CliPlsFlags): PlsOptions {
  if (!["path", "factorial", "centroid"].includes(flags.scheme))
    throw new InputError("E_USAGE", `--scheme ${flags.scheme}: use path, factorial or centroid`);
  if (flags.missing !== "mean" && flags.missing !== "listwise")
    throw new InputError("E_USAGE", `--missing ${flags.missing}: use mean or listwise`);
  if (flags.hoc !== "two-stage" && flags.hoc !== "repeated")
    throw new InputError("E_USAGE", `--hoc ${flags.hoc}: use two-stage or repeated`);
  return {
    scheme: flags.scheme as PlsScheme,
    plsc: flags.plsc === true,
    missing: flags.missing as PlsMissing,
    hocMethod: flags.hoc,
  };
}

/** Reads the model and the data and runs the analysis (extensions not included). */
export function loadAndAnalyzePls(dataFile: string, flags: CliPlsFlags): PlsAnalysis {
  const options = toPlsOptions(flags);
  const spec = parsePlsModel(readModelFile(flags.model), flags.model);
  const readFlags = flags as unknown as CliFitFlags;
  const table = readTable(dataFile, toReadOptions(readFlags));
  const columns = columnsFromTable(table, spec, naCodes(readFlags));
  return analyzePls(spec, columns, options, { modelName: flags.model, dataName: dataFile, lineOf: table.lineOf });
}

export function registerPls(program: Command, ctx: CommandContext): void {
  let cmd = program
    .command("pls")
    .description("estimate a PLS path model (partial least squares SEM) with seminr's numbers")
    .argument("<data>", "CSV data file")
    .requiredOption("-m, --model <file>", "PLS model file (=~ mode A, <~ mode B, ~ paths)")
    .addOption(new Option("--scheme <scheme>", "inner weighting scheme: path, factorial or centroid").default("path"))
    .option("--plsc", "consistent PLS: every '=~' construct a common factor (Dijkstra-Henseler)")
    .addOption(
      new Option("--missing <how>", "missing values: mean (replaced by the item mean) or listwise").default("mean"),
    )
    .addOption(
      new Option("--hoc <method>", "higher-order constructs: two-stage (as seminr) or repeated indicators").default(
        "two-stage",
      ),
    )
    .option("--delimiter <char>", "field delimiter of the data file (default: detected)")
    .addOption(new Option("--decimal <mark>", "decimal mark of the data file (default: detected)").choices([".", ","]))
    .option("--na <codes>", 'comma-separated extra missing-value codes (empty cells and "NA" always are)')
    .option("--format <format>", "text or json", "text")
    .option("-o, --out <file>", "write the output to a file instead of standard output");
  for (const ext of PLS_EXTENSIONS) cmd = ext.addOptions(cmd);
  cmd.action(async (dataFile: string, flags: CliPlsFlags) => {
    if (flags.format !== "text" && flags.format !== "json")
      throw new InputError("E_USAGE", `--format ${flags.format}: use text or json`);
    const analysis = loadAndAnalyzePls(dataFile, flags);
    for (const ext of PLS_EXTENSIONS) await ext.run(analysis, flags, ctx);
    const r = analysis.results;
    const text = flags.format === "json" ? plsJson(r) : formatPlsText(r, ctx.version) + resamplingText(r);
    if (flags.out !== undefined) writeAtomic(flags.out, text, { "data file": dataFile, "model file": flags.model });
    else ctx.stdout(text);
    ctx.setExit(r.converged ? EXIT.ok : EXIT.problems);
  });
}
