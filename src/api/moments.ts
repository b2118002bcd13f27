/**
 * Summary statistics as the data of `fit` (lavaan's sample.cov, sample.nobs, sample.mean):
 * `fit(model, { cov, nobs, names })`, with `mean`, `sds` (cov is then a correlation matrix,
 * lavaan's cor2cov) and, for several groups, one matrix, N and mean vector per group with
 * `groupLabels`. Errors name the value, e.g. `cov[1][2]`.
 */
import { InputError } from "../sem/messages.js";
import { cor2cov } from "../sem/samplecov/parse.js";
import type { MomentsGroup, SampleMoments } from "../sem/samplecov/moments.js";

type Matrix = readonly (readonly number[])[];

/** Summary statistics instead of rows of data. */
export interface SummaryStatistics {
  /** a covariance matrix (N − 1 divisor), or one per group */
  readonly cov: Matrix | readonly Matrix[];
  /** the number of observations, or one per group */
  readonly nobs: number | readonly number[];
  /** the variable names of the rows and columns of `cov` */
  readonly names: readonly string[];
  /** the sample means (needed for a mean structure), or one vector per group */
  readonly mean?: readonly number[] | readonly (readonly number[])[];
  /** standard deviations: `cov` is then a correlation matrix (lavaan's cor2cov); or one vector per group */
  readonly sds?: readonly number[] | readonly (readonly number[])[];
  /** group labels, with several groups */
  readonly groupLabels?: readonly string[];
}

/** True for `{ cov, nobs, ... }` (a data object with a `cov` matrix and a numeric `nobs`). */
export function isSummaryStatistics(data: unknown): data is SummaryStatistics {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return false;
  const d = data as { cov?: unknown; nobs?: unknown };
  return (
    Array.isArray(d.cov) && (typeof d.nobs === "number" || (Array.isArray(d.nobs) && typeof d.nobs[0] === "number"))
  );
}

const isMatrixList = (cov: SummaryStatistics["cov"]): cov is readonly Matrix[] => Array.isArray(cov[0]?.[0]);
const isVectorList = (v: readonly unknown[]): v is readonly (readonly number[])[] => Array.isArray(v[0]);

function flat(m: Matrix, p: number, where: string): Float64Array {
  if (!Array.isArray(m) || m.length !== p)
    throw new InputError(
      "E_USAGE",
      `${where}: expected ${p} rows (one per name), not ${Array.isArray(m) ? m.length : typeof m}`,
    );
  const out = new Float64Array(p * p);
  m.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== p)
      throw new InputError("E_USAGE", `${where}[${i}]: expected ${p} numbers (one per name)`);
    row.forEach((x, j) => {
      if (typeof x !== "number" || !Number.isFinite(x))
        throw new InputError("E_NOT_NUMERIC", `${where}[${i}][${j}]: ${String(x)} is not a finite number`);
      out[i * p + j] = x;
    });
  });
  for (let i = 0; i < p; i++)
    for (let j = 0; j < i; j++) {
      const a = out[i * p + j]!,
        b = out[j * p + i]!;
      if (Math.abs(a - b) > 1e-6 * Math.max(Math.abs(out[i * p + i]!), Math.abs(out[j * p + j]!)))
        throw new InputError(
          "E_NOT_PD",
          `${where}: the matrix is not symmetric: [${i}][${j}] is ${a} but [${j}][${i}] is ${b}`,
        );
    }
  return out;
}

function vector(v: readonly number[], p: number, where: string): Float64Array {
  if (!Array.isArray(v) || v.length !== p)
    throw new InputError("E_USAGE", `${where}: expected ${p} numbers (one per name)`);
  v.forEach((x, i) => {
    if (typeof x !== "number" || !Number.isFinite(x))
      throw new InputError("E_NOT_NUMERIC", `${where}[${i}]: ${String(x)} is not a finite number`);
  });
  return Float64Array.from(v);
}

/** The engine's SampleMoments from the API's object; `name` is the data's name in messages. */
export function toSampleMoments(s: SummaryStatistics, name: string): SampleMoments {
  if (!Array.isArray(s.names) || s.names.some((n) => typeof n !== "string"))
    throw new InputError("E_USAGE", `${name}.names: give the variable names of the matrix rows as an array of strings`);
  const p = s.names.length;
  const covs = isMatrixList(s.cov) ? s.cov : [s.cov as Matrix];
  const k = covs.length;
  const multi = isMatrixList(s.cov);
  const perGroup = (v: unknown, isList: boolean, what: string): unknown[] => {
    if (v === undefined) return covs.map(() => undefined);
    if (!multi) return [v];
    if (!isList || (v as readonly unknown[]).length !== k)
      throw new InputError("E_USAGE", `${name}.${what}: give one per group (${k} groups)`);
    return [...(v as readonly unknown[])];
  };
  const nobs = perGroup(s.nobs, Array.isArray(s.nobs), "nobs");
  const means = perGroup(s.mean, s.mean !== undefined && isVectorList(s.mean), "mean");
  const sds = perGroup(s.sds, s.sds !== undefined && isVectorList(s.sds), "sds");
  const labels = s.groupLabels ?? (multi ? covs.map((_, g) => `${g + 1}`) : [""]);
  if (labels.length !== k)
    throw new InputError("E_USAGE", `${name}.groupLabels: ${labels.length} labels for ${k} groups`);
  const groups: MomentsGroup[] = covs.map((m, g) => {
    const where = multi ? `${name}.cov[${g}]` : `${name}.cov`;
    let cov = flat(m, p, where);
    const sd = sds[g];
    if (sd !== undefined)
      cov = cor2cov({ names: [...s.names], values: cov }, vector(sd as number[], p, `${name}.sds`), where).values;
    const mean = means[g];
    return {
      label: String(labels[g]),
      nobs: nobs[g] as number,
      cov,
      mean: mean === undefined ? null : vector(mean as number[], p, `${name}.mean`),
      source: where,
    };
  });
  return { file: name, names: [...s.names], groups };
}
