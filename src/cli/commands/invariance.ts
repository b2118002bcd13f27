/**
 * `isrs invariance DATA --model M --group COL [--estimator ML|MLM|MLR|WLSMV|...] [--missing fiml]
 * [--ordered all|LIST] [--parameterization delta|theta]
 * [--steps configural,metric,scalar,strict] [--criterion cfi|chisq|both] [--partial auto|none|LIST]
 * [--format text|json] [--out FILE]`: measurement invariance across the groups (src/invariance).
 */
import type { Command } from "commander";
import { readTable } from "../../sem/data/read-file.js";
import { InputError } from "../../sem/messages.js";
import { parseModel } from "../../sem/syntax/index.js";
import { ALL_ESTIMATORS } from "../../sem/options.js";
import {
  formatInvarianceJson,
  formatInvarianceText,
  parseCriterion,
  parsePartial,
  parseSteps,
  runInvariance,
  type InvarianceResult,
} from "../../invariance/index.js";
import { readModelFile, writeAtomic } from "../io.js";
import { EXIT, exitCodeFor } from "../exit-codes.js";
import type { CommandContext } from "./fit.js";
import { naCodes, orderedOptions, toReadOptions, type CliFitFlags } from "./fit-options.js";

interface InvarianceFlags extends Pick<
  CliFitFlags,
  "model" | "estimator" | "missing" | "delimiter" | "decimal" | "na"
> {
  /** ML unless items are ordered (then lavaan's WLSMV) */
  estimator?: string;
  group: string;
  ordered?: string;
  parameterization?: string;
  steps?: string;
  criterion?: string;
  partial?: string;
  format: string;
  out?: string;
}

export function registerInvariance(program: Command, ctx: CommandContext): void {
  program
    .command("invariance")
    .description("measurement invariance across groups: configural, metric, scalar and strict models compared")
    .argument("<data>", "CSV data file")
    .requiredOption("-m, --model <file>", "lavaan model syntax file")
    .requiredOption("--group <column>", "column that defines the groups")
    .option(
      "--estimator <name>",
      "estimator: ML (default), MLM (Satorra-Bentler) or MLR (Huber-White, Yuan-Bentler); " +
        "with --ordered: WLSMV (default), WLSM, WLSMVS, ULSMV, ULSM, ULS, DWLS or WLS",
    )
    .option("--missing <method>", "missing data: listwise (default) or fiml (full-information ML)")
    .option("--ordered <items>", "ordinal items: all, or a comma-separated list (thresholds at the scalar step)")
    .option("--parameterization <name>", "with --ordered: delta (default) or theta (needed for the strict step)")
    .option("--steps <list>", "the steps, in order: configural,metric,scalar,strict (default: all four)")
    .option("--criterion <name>", "cfi (ΔCFI ≤ -0.01 fails; default), chisq (difference test p < .05 fails) or both")
    .option(
      "--partial <mode>",
      "auto (free constraints by score tests; default), none, or a list such as x3~1,visual=~x2",
    )
    .option("--format <format>", "text or json", "text")
    .option("-o, --out <file>", "write the output to a file instead of standard output")
    .option("--delimiter <char>", "field delimiter of the data file (default: detected)")
    .option("--decimal <mark>", "decimal mark of the data file (default: detected)")
    .option("--na <codes>", 'comma-separated extra missing-value codes (empty cells and "NA" always are)')
    .action(async (dataFile: string, flags: InvarianceFlags) => {
      if (flags.format !== "text" && flags.format !== "json")
        throw new InputError("E_USAGE", `--format ${flags.format}: use text or json`);
      if (
        flags.estimator !== undefined &&
        !(ALL_ESTIMATORS as readonly string[]).includes(flags.estimator.toUpperCase())
      )
        throw new InputError("E_USAGE", `--estimator ${flags.estimator}: not one of ${ALL_ESTIMATORS.join(", ")}`);
      if (flags.decimal !== undefined && flags.decimal !== "." && flags.decimal !== ",")
        throw new InputError("E_USAGE", `--decimal ${flags.decimal}: use . or ,`);
      const settings = {
        steps: parseSteps(flags.steps),
        criterion: parseCriterion(flags.criterion),
        partial: parsePartial(flags.partial),
      };
      const syntax = parseModel(readModelFile(flags.model), { file: flags.model });
      const data = readTable(dataFile, toReadOptions(flags as CliFitFlags));
      if (
        flags.parameterization !== undefined &&
        flags.parameterization !== "delta" &&
        flags.parameterization !== "theta"
      )
        throw new InputError("E_USAGE", `--parameterization ${flags.parameterization}: use delta or theta`);
      const ordinal = orderedOptions(flags as CliFitFlags);
      const options = {
        ...(flags.estimator !== undefined || ordinal.ordered === undefined
          ? { estimator: flags.estimator ?? "ML" }
          : {}),
        group: flags.group,
        ...(flags.missing !== undefined ? { missing: flags.missing } : {}),
        ...ordinal,
      };
      const res = await runInvariance({ syntax, data, options, na: naCodes(flags as CliFitFlags) }, settings);
      const text = flags.format === "json" ? formatInvarianceJson(res) : formatInvarianceText(res, ctx.version);
      if (flags.out !== undefined) writeAtomic(flags.out, text, { "data file": dataFile, "model file": flags.model });
      else ctx.stdout(text);
      ctx.setExit(exitCode(res));
    });
}

/** 1 when a step's fit did not converge or is inadmissible (as `isrs fit`); else 0. */
function exitCode(res: InvarianceResult): number {
  return Math.max(EXIT.ok, ...res.steps.map((s) => exitCodeFor(s)));
}
