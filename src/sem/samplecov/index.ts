/** Summary statistics (covariance or correlation matrices, N, means) as the input of a fit. */
import type { DataTable } from "../data/csv.js";
import { InputError } from "../messages.js";
import { cor2cov, parseMatrixText, parseVectorText } from "./parse.js";
import type { MomentsGroup, SampleMoments } from "./moments.js";

export { cor2cov, parseMatrixText, parseVectorText, type NamedMatrix } from "./parse.js";
export { hasMeans, momentStats, momentsDataSet, refuseRawDataOptions } from "./moments.js";
export type { MomentsGroup, SampleMoments } from "./moments.js";

/** One group's files as text: the matrix, and the standard deviations and means when given. */
export interface MomentsText {
  readonly file: string;
  readonly text: string;
  readonly nobs: number;
  readonly label: string;
  readonly sds?: { file: string; text: string };
  readonly mean?: { file: string; text: string };
}

/** One group's moments from its texts (a correlation matrix with sds becomes a covariance matrix). */
export function momentsGroupFromText(g: MomentsText, names?: readonly string[]): MomentsGroup & { names: string[] } {
  let m = parseMatrixText(g.text, g.file, names);
  if (g.sds !== undefined)
    m = cor2cov(m, parseVectorText(g.sds.text, g.sds.file, m.names, "standard deviations"), g.file);
  const mean = g.mean === undefined ? null : parseVectorText(g.mean.text, g.mean.file, m.names, "means");
  return { label: g.label, nobs: g.nobs, cov: m.values, mean, source: g.file, names: m.names };
}

/** The moments of one or more groups; every group's matrix must name the same variables in the same order. */
export function momentsFromText(groups: readonly MomentsText[], names?: readonly string[]): SampleMoments {
  const parsed = groups.map((g) => momentsGroupFromText(g, names));
  const first = parsed[0]!;
  for (const g of parsed.slice(1))
    if (g.names.join("\u0000") !== first.names.join("\u0000"))
      throw new InputError(
        "E_USAGE",
        `${g.source}: its variables (${g.names.join(", ")}) differ from those of ${first.source} ` +
          `(${first.names.join(", ")}); give every group's matrix with the same variables in the same order`,
      );
  return { file: first.source, names: first.names, groups: parsed.map(({ names: _n, ...g }) => g) };
}

/** The empty table that stands for the data of a fit to summary statistics (its columns are the names). */
export function momentsTable(m: SampleMoments): DataTable {
  return { file: m.file, columns: [...m.names], rows: [], lineOf: [], delimiter: ",", decimal: "." };
}
