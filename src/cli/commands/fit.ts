/** `isrs fit DATA --model MODEL [options]`: fit a model and print lavaan-style results. */
import type { Command } from "commander";
import { readTable } from "../../sem/data/read-file.js";
import { runFit, runFitted, type FitInput } from "../../api/engine.js";
import { InputError } from "../../sem/messages.js";
import type { FitResult } from "../../sem/results.js";
import { toFitResult } from "../../sem/views.js";
import { parseModel } from "../../sem/syntax/index.js";
import { exitCodeFor } from "../exit-codes.js";
import { formatJson } from "../../sem/format/json.js";
import { formatText } from "../../sem/format/text.js";
import { readModelFile, writeAtomic } from "../io.js";
import { progressBar } from "../progress.js";
import { addBootstrapOptions, toBootstrapOptions, type CliBootstrapFlags } from "./bootstrap-flags.js";
import { addFitOptions, naCodes, toFitOptions, toReadOptions, type CliFitFlags } from "./fit-options.js";
import { addSampleCovOptions, loadSampleMoments, refuseWithSampleCov, type CliSampleCovFlags } from "./sample-cov.js";
import { momentsTable } from "../../sem/samplecov/index.js";

export interface CommandContext {
  version: string;
  stdout: (s: string) => void;
  setExit: (code: number) => void;
  /** standard error, and whether it is a terminal (progress bars are drawn only then) */
  stderr?: (s: string) => void;
  stderrIsTTY?: boolean;
}

/** Reads the model and the data. */
export function loadInput(dataFile: string, flags: CliFitFlags): FitInput {
  const options = toFitOptions(flags);
  const syntax = parseModel(readModelFile(flags.model), { file: flags.model });
  const data = readTable(dataFile, toReadOptions(flags));
  return { syntax, data, options, na: naCodes(flags) };
}

/** Reads the model and the data and fits: shared by `fit` and `bench`. */
export async function loadAndFit(dataFile: string, flags: CliFitFlags): Promise<FitResult> {
  return runFit(loadInput(dataFile, flags));
}

export function registerFit(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command("fit")
    .description("fit a structural equation model by maximum likelihood")
    .argument("[data]", "CSV data file (or --sample-cov with --nobs)");
  addSampleCovOptions(addBootstrapOptions(addFitOptions(cmd)))
    .option("--format <format>", "text or json", "text")
    .option("-o, --out <file>", "write the output to a file instead of standard output")
    .action(async (dataFile: string | undefined, flags: FitCommandFlags) => {
      if (flags.format !== "text" && flags.format !== "json") {
        throw new InputError("E_USAGE", `--format ${flags.format}: use text or json`);
      }
      const input = fitCommandInput(dataFile, flags);
      const boot = toBootstrapOptions(flags);
      const fitted = await runFitted(input);
      let res = toFitResult(fitted);
      if (boot !== null) {
        // loaded only here: the bootstrap's modules (worker threads) are not part of a plain fit
        const { bootstrapModel } = await import("../../sem/bootstrap/index.js");
        res = await bootstrapModel(fitted, { ...boot, onProgress: progressBar("bootstrap") }, res);
      }
      const text = flags.format === "json" ? formatJson(res) : formatText(res, ctx.version);
      if (flags.out !== undefined)
        writeAtomic(flags.out, text, {
          "data file": dataFile,
          "model file": flags.model,
          ...Object.fromEntries(
            (flags.sampleCov ?? "").split(",").map((f, i) => [`matrix file ${i + 1}`, f || undefined]),
          ),
        });
      else ctx.stdout(text);
      ctx.setExit(exitCodeFor(res));
    });
}

type FitCommandFlags = CliFitFlags & CliBootstrapFlags & CliSampleCovFlags & { format: string; out?: string };

/** The data file, or the summary statistics of --sample-cov (refusing what needs rows of data). */
function fitCommandInput(dataFile: string | undefined, flags: FitCommandFlags): FitInput {
  if (flags.sampleCov === undefined) {
    loadSampleMoments(flags); // refuses --nobs, --sds, ... without --sample-cov
    if (dataFile === undefined) throw new InputError("E_USAGE", "give a data file, or --sample-cov FILE with --nobs N");
    return loadInput(dataFile, flags);
  }
  refuseWithSampleCov(dataFile, flags);
  const options = toFitOptions(flags);
  const syntax = parseModel(readModelFile(flags.model), { file: flags.model });
  const moments = loadSampleMoments(flags)!;
  return { syntax, data: momentsTable(moments), moments, options };
}
