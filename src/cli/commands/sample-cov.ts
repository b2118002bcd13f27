/**
 * `isrs fit --sample-cov FILE --nobs N [--sds FILE] [--sample-mean FILE] [--names a,b,c]`: summary
 * statistics instead of a data file (lavaan's sample.cov, sample.nobs, sample.mean, cor2cov).
 * Several groups: one file and one N per group, comma-separated, with --group-labels.
 */
import fs from "node:fs";
import type { Command } from "commander";
import { InputError } from "../../sem/messages.js";
import { momentsFromText, type MomentsText, type SampleMoments } from "../../sem/samplecov/index.js";

export interface CliSampleCovFlags {
  sampleCov?: string;
  nobs?: string;
  sds?: string;
  sampleMean?: string;
  names?: string;
  groupLabels?: string;
}

export function addSampleCovOptions(cmd: Command): Command {
  return cmd
    .option("--sample-cov <files>", "fit to a covariance or correlation matrix instead of data (one file per group)")
    .option("--nobs <n>", "with --sample-cov: the number of observations behind each matrix (comma-separated)")
    .option("--sds <files>", "with --sample-cov: standard deviations that turn a correlation matrix into covariances")
    .option("--sample-mean <files>", "with --sample-cov: the sample means (needed for a mean structure)")
    .option("--names <list>", "with --sample-cov: the variable names of a lower-triangle matrix (comma-separated)")
    .option("--group-labels <list>", "with several --sample-cov files: the group labels (comma-separated)");
}

const split = (s: string): string[] => s.split(",").map((x) => x.trim());

function readText(file: string, what: string): string {
  try {
    if (fs.statSync(file).isDirectory()) throw new InputError("E_FILE", `${file}: is a folder, not ${what}`);
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError("E_FILE", `${file}: no such ${what} (or it cannot be read)`);
  }
}

/** One entry per group from a comma-separated flag; a single entry is used for every group only where allowed. */
function perGroup(flag: string, value: string | undefined, k: number): string[] | undefined {
  if (value === undefined) return undefined;
  const list = split(value);
  if (list.length !== k)
    throw new InputError(
      "E_USAGE",
      `--${flag} lists ${list.length} value(s) for ${k} matrix file(s): give one per group`,
    );
  return list;
}

function nobsList(value: string | undefined, k: number): number[] {
  if (value === undefined) throw new InputError("E_USAGE", "--sample-cov needs --nobs N (the number of observations)");
  return perGroup("nobs", value, k)!.map((s) => {
    const n = Number(s);
    if (s === "" || !Number.isInteger(n) || n < 1)
      throw new InputError("E_USAGE", `--nobs ${s}: not a whole number of observations`);
    return n;
  });
}

/** The summary statistics the flags name, or null without --sample-cov (then none of its flags may be given). */
export function loadSampleMoments(flags: CliSampleCovFlags): SampleMoments | null {
  if (flags.sampleCov === undefined) {
    for (const [flag, v] of Object.entries({ nobs: flags.nobs, sds: flags.sds, "sample-mean": flags.sampleMean }))
      if (v !== undefined) throw new InputError("E_USAGE", `--${flag} is only used with --sample-cov FILE`);
    if (flags.names !== undefined) throw new InputError("E_USAGE", "--names is only used with --sample-cov FILE");
    if (flags.groupLabels !== undefined)
      throw new InputError("E_USAGE", "--group-labels is only used with --sample-cov FILE,FILE");
    return null;
  }
  const files = split(flags.sampleCov);
  const k = files.length;
  const nobs = nobsList(flags.nobs, k);
  const sds = perGroup("sds", flags.sds, k);
  const means = perGroup("sample-mean", flags.sampleMean, k);
  const labels = k === 1 ? [""] : (perGroup("group-labels", flags.groupLabels, k) ?? files.map((_, g) => `${g + 1}`));
  if (k === 1 && flags.groupLabels !== undefined)
    throw new InputError("E_USAGE", "--group-labels is used with one --sample-cov file per group (two or more)");
  const groups: MomentsText[] = files.map((file, g) => ({
    file,
    text: readText(file, "covariance matrix file"),
    nobs: nobs[g]!,
    label: labels[g]!,
    ...(sds ? { sds: { file: sds[g]!, text: readText(sds[g]!, "standard deviations file") } } : {}),
    ...(means ? { mean: { file: means[g]!, text: readText(means[g]!, "means file") } } : {}),
  }));
  return momentsFromText(groups, flags.names === undefined ? undefined : split(flags.names));
}

/** The options of `isrs fit` that need rows of data, refused with --sample-cov (one line each). */
export function refuseWithSampleCov(
  dataFile: string | undefined,
  flags: { group?: string; bootstrap?: string; delimiter?: string; decimal?: string; na?: string },
): void {
  if (dataFile !== undefined)
    throw new InputError("E_USAGE", `${dataFile}: give either a data file or --sample-cov, not both`);
  if (flags.group !== undefined)
    throw new InputError("E_USAGE", "--group: with --sample-cov the groups are the matrix files (--group-labels)");
  if (flags.bootstrap !== undefined)
    throw new InputError("E_USAGE", "--bootstrap draws cases from the raw data: it cannot be used with --sample-cov");
  for (const [flag, v] of Object.entries({ delimiter: flags.delimiter, decimal: flags.decimal, na: flags.na }))
    if (v !== undefined) throw new InputError("E_USAGE", `--${flag} applies to a data file, not to --sample-cov`);
}
