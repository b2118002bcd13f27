/**
 * The options shared by `isrs fit` and `isrs bench`, declared once, and their translation into
 * the engine's FitOptions and the data reader's options.
 */
import { Command, Option } from "commander";
import { InputError } from "../../sem/messages.js";
import { GROUP_EQUAL, type GroupEqual } from "../../sem/partable/types.js";
import { ESTIMATORS, ORDINAL_ESTIMATORS, type FitOptionsInput } from "../../sem/options.js";
import type { ReadTableOptions } from "../../sem/data/index.js";

export interface CliFitFlags {
  model: string;
  estimator?: string;
  group?: string;
  groupEqual?: string;
  stdLv?: boolean;
  meanstructure?: boolean;
  growth?: boolean;
  fixedX?: boolean;
  modindices?: boolean;
  missing?: string;
  delimiter?: string;
  decimal?: string;
  na?: string;
  ordered?: string;
  parameterization?: string;
}

/** The fit options; `modindices: false` for commands that never show modification indices (diagram). */
export function addFitOptions(cmd: Command, opts: { modindices?: boolean } = {}): Command {
  cmd
    .requiredOption("-m, --model <file>", "lavaan model syntax file")
    .option(
      "--estimator <name>",
      "estimator: ML, MLM (Satorra-Bentler) or MLR (Huber-White, Yuan-Bentler); with --ordered: WLSMV " +
        "(default), WLSM, WLSMVS, ULSMV, ULSM, ULS, DWLS, WLS",
    )
    .option("--ordered <list>", "ordinal indicators: all, or a comma-separated list of observed variables")
    .addOption(
      new Option("--parameterization <name>", "with --ordered: delta (default) or theta").choices(["delta", "theta"]),
    )
    .option("--group <column>", "column that defines the groups (multi-group analysis)")
    .option(
      "--group-equal <list>",
      `comma-separated parameter kinds held equal across groups: ${GROUP_EQUAL.join(",")}`,
    )
    .option("--std-lv", "identify factors by fixing latent variances to 1 (instead of the first loading)")
    .option("--meanstructure", "add a mean structure (intercepts and latent means)")
    .option("--growth", "growth-model defaults: mean structure, observed intercepts fixed to 0, latent means free")
    .option("--no-fixed-x", "estimate the variances and covariances of exogenous observed covariates");
  if (opts.modindices !== false) cmd.option("--modindices", "compute modification indices");
  return cmd
    .option(
      "--missing <method>",
      "missing data: listwise (default: drop incomplete rows) or fiml (full-information ML; synonyms ml, " +
        "direct); with --ordered: listwise or pairwise",
    )
    .option("--delimiter <char>", "field delimiter of the data file (default: detected)")
    .addOption(new Option("--decimal <mark>", "decimal mark of the data file (default: detected)").choices([".", ","]))
    .option("--na <codes>", 'comma-separated extra missing-value codes (empty cells and "NA" always are)');
}

export function parseGroupEqual(list: string | undefined): GroupEqual[] {
  if (list === undefined || list.trim() === "") return [];
  return list.split(",").map((s) => {
    const k = s.trim();
    if (!(GROUP_EQUAL as readonly string[]).includes(k)) {
      throw new InputError("E_USAGE", `--group-equal: "${k}" is not one of ${GROUP_EQUAL.join(", ")}`);
    }
    return k as GroupEqual;
  });
}

export function toFitOptions(f: CliFitFlags): FitOptionsInput {
  const known: readonly string[] = [...ESTIMATORS, ...ORDINAL_ESTIMATORS];
  if (f.estimator !== undefined && !known.includes(f.estimator.toUpperCase())) {
    throw new InputError("E_USAGE", `--estimator ${f.estimator}: not one of ${known.join(", ")}`);
  }
  return {
    ...(f.estimator !== undefined ? { estimator: f.estimator } : {}),
    ...orderedOptions(f),
    group: f.group,
    groupEqual: parseGroupEqual(f.groupEqual),
    stdLv: f.stdLv === true,
    meanstructure: f.meanstructure === true ? true : undefined,
    growth: f.growth === true,
    fixedX: f.fixedX !== false,
    modindices: f.modindices === true,
    ...(f.missing !== undefined ? { missing: f.missing } : {}),
  };
}

/** --ordered all | LIST and --parameterization as the engine's options. */
export function orderedOptions(f: CliFitFlags): Pick<FitOptionsInput, "ordered" | "parameterization"> {
  const out: Pick<FitOptionsInput, "ordered" | "parameterization"> = {};
  if (f.ordered !== undefined) {
    const names = f.ordered
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    if (names.length === 0) throw new InputError("E_USAGE", "--ordered: give all, or a list of observed variables");
    out.ordered = names.length === 1 && names[0]!.toLowerCase() === "all" ? true : names;
  }
  if (f.parameterization !== undefined) out.parameterization = f.parameterization;
  return out;
}

export function naCodes(f: CliFitFlags): string[] {
  return f.na === undefined
    ? []
    : f.na
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");
}

export function toReadOptions(f: CliFitFlags): ReadTableOptions {
  const out: ReadTableOptions = { na: naCodes(f) };
  if (f.delimiter !== undefined) out.delimiter = f.delimiter === "\\t" ? "\t" : f.delimiter;
  if (f.decimal !== undefined) out.decimal = f.decimal as "." | ",";
  return out;
}
