/**
 * Summary statistics as the data of a fit (lavaan's `sample.cov`, `sample.mean`, `sample.nobs`):
 * per group a covariance matrix taken as unbiased (N − 1 divisor), its N and optionally the means.
 * The pipeline gets a DataSet without rows (each group's `n` is its N) and the complete-data method
 * takes the h1 moments from here (momentStats) instead of computing them from rows.
 *
 * lavaan's `sample.cov.rescale` (the default with the normal likelihood): S = cov · (N − 1)/N,
 * because its discrepancy and chi-square (N · F_ML) are those of the N-divisor matrix of raw data
 * (lav_samplestats_from_moments). With rows of raw data the same numbers follow, so a fit to
 * cov() of a data set equals the fit to the data.
 */
import type { DataSet } from "../data/dataset.js";
import { spdInverse } from "../linalg/dense.js";
import { InputError } from "../messages.js";
import type { GroupStats, SampleStats } from "../samplestats/index.js";

export interface MomentsGroup {
  /** group label ("" for one group) */
  readonly label: string;
  readonly nobs: number;
  /** row-major p × p in the order of `SampleMoments.names`, N − 1 divisor */
  readonly cov: Float64Array;
  /** means in the order of `names`, or null (no mean structure) */
  readonly mean: Float64Array | null;
  /** where the matrix came from, for messages (a file name, or "cov[1]") */
  readonly source: string;
}

export interface SampleMoments {
  /** the name of the input in messages (the first matrix file, or "data") */
  readonly file: string;
  readonly names: readonly string[];
  readonly groups: readonly MomentsGroup[];
  /** multiply by (N − 1)/N (lavaan's sample.cov.rescale; default true) */
  readonly rescale?: boolean;
}

/** The variables of the model in the matrix: every model variable present, every matrix variable used. */
function positions(m: SampleMoments, variables: readonly string[]): number[] {
  const lacking = variables.find((v) => !m.names.includes(v));
  if (lacking !== undefined)
    throw new InputError(
      "E_NO_VARIABLE",
      `${m.file}: model variable "${lacking}" is not in the covariance matrix (${m.names.join(", ")})`,
    );
  const unused = m.names.find((n) => !variables.includes(n));
  if (unused !== undefined)
    throw new InputError(
      "E_NO_VARIABLE",
      `${m.file}: variable "${unused}" of the covariance matrix is not in the model; ` +
        "drop its row and column, or add it to the model",
    );
  return variables.map((v) => m.names.indexOf(v));
}

/** A DataSet without rows (X empty, n = N per group) after checking names, N and each matrix. */
export function momentsDataSet(m: SampleMoments, variables: readonly string[]): DataSet {
  positions(m, variables);
  const p = variables.length;
  const groups = m.groups.map((g) => {
    if (!Number.isInteger(g.nobs) || g.nobs <= p)
      throw new InputError(
        "E_TOO_FEW_ROWS",
        `${g.source}: N = ${g.nobs}${g.label ? ` (group "${g.label}")` : ""} must be a whole number greater than ` +
          `the number of variables (${p})`,
      );
    return { label: g.label, n: g.nobs, X: new Float64Array(0), rowIds: [] as number[] };
  });
  momentStats(m, variables); // symmetric and positive definite, checked before the model is built
  return { file: m.file, variables: [...variables], groups, dropped: [], nTotalRows: 0 };
}

/** The h1 moments per group in the order of `variables`: S = cov · (N − 1)/N, the means if given. */
export function momentStats(m: SampleMoments, variables: readonly string[]): SampleStats {
  const pos = positions(m, variables);
  const p = variables.length;
  const k = m.names.length;
  const groups: GroupStats[] = m.groups.map((g) => {
    const factor = m.rescale === false ? 1 : (g.nobs - 1) / g.nobs;
    const S = new Float64Array(p * p);
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) S[i * p + j] = g.cov[pos[i]! * k + pos[j]!]! * factor;
    for (let i = 0; i < p; i++)
      if (!(S[i * p + i]! > 0))
        throw new InputError(
          "E_NOT_PD",
          `${g.source}: the variance of "${variables[i]}" is ${g.cov[pos[i]! * k + pos[i]!]}, not positive`,
        );
    const inv = spdInverse({ n: p, a: S });
    if (inv === null)
      throw new InputError(
        "E_NOT_PD",
        `${g.source}: the covariance matrix${g.label ? ` of group "${g.label}"` : ""} is not positive definite`,
      );
    const mean = new Float64Array(p);
    if (g.mean !== null) for (let i = 0; i < p; i++) mean[i] = g.mean[pos[i]!]!;
    return { label: g.label, n: g.nobs, p, mean, S, Sinv: inv.inv.a, logDetS: inv.logDet };
  });
  return { groups, ntotal: groups.reduce((a, g) => a + g.n, 0) };
}

/** True when the means were given (then a mean structure can be fitted). */
export function hasMeans(m: SampleMoments): boolean {
  return m.groups.every((g) => g.mean !== null);
}

/**
 * What summary statistics cannot give: the robust estimators and FIML need the rows (lavaan:
 * "estimator MLR requires full data or user-provided NACOV"); a mean structure needs the means.
 */
export function refuseRawDataOptions(
  m: SampleMoments,
  opts: { estimator: string; missing: string; meanstructure?: boolean },
  hasIntercepts: boolean,
): void {
  const why = " needs the raw data (one row per case), not a covariance matrix";
  if (opts.estimator !== "ML")
    throw new InputError("E_USAGE", `${m.file}: estimator ${opts.estimator}${why}: fit with ML, or give the data`);
  if (opts.missing !== "listwise") throw new InputError("E_USAGE", `${m.file}: missing = fiml${why}`);
  if (!hasMeans(m) && (opts.meanstructure === true || hasIntercepts))
    throw new InputError(
      "E_USAGE",
      `${m.file}: a mean structure (intercepts or --meanstructure) needs the sample means: give --sample-mean`,
    );
}
