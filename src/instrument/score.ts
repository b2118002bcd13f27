/**
 * Scoring firms against a norm sample.
 * - Dimension score: the mean of the firm's answered items of the dimension, after recoding
 *   reverse-keyed items (1-7); null when no item of the dimension is answered.
 * - ISRS index: 100 (sum_d w_d s_d - min) / (max - min), the weighted mean of the dimension
 *   scores mapped from the scale (min..max) to 0-100, with the weights of weights.ts (fitted
 *   second-order loadings, or equal weights with a note). The index is null when a dimension
 *   score is null.
 * - Percentile ranks of each dimension score and of the index against the norm sample's own
 *   scores (mid-rank definition, see norms.ts).
 * - Profile from the norm sample's quartiles of the index (type-7 quantiles): "laggard" below the
 *   first quartile, "recoverer" at or above the third, "follower" in between; so, by
 *   construction, about a quarter of the norm firms are laggards and a quarter recoverers.
 * - Weakest practices: the firm's three lowest-scored practice items (recoded), ties broken by
 *   the larger shortfall from the norm mean of the item, then by the instrument's order; each
 *   with the item's recommendation.
 */
import { InputError } from "../sem/messages.js";
import type { ModelSyntax } from "../sem/syntax/index.js";
import { didYouMean } from "../sem/data/suggest.js";
import { constructsOf } from "./constructs.js";
import {
  dimensionScores,
  isrsIndex,
  itemValues,
  profileOf,
  weakestPractices,
  type FirmScore,
  type Profile,
} from "./firm-score.js";
import { mean, percentileRank, quantileSorted, sd } from "./norms.js";
import type { ResponseExclusion, Responses } from "./responses.js";
import type { Instrument } from "./schema.js";
import { fitWeights, type Weights } from "./weights.js";
import { InstrumentError } from "./messages.js";

export type { Weights } from "./weights.js";
export { weightsFromFit } from "./weights.js";
export {
  PROFILES,
  dimensionScores,
  isrsIndex,
  itemValues,
  profileOf,
  weakestPractices,
  type DimensionScore,
  type FirmScore,
  type Profile,
  type WeakPractice,
} from "./firm-score.js";

export interface IndexSummary {
  mean: number;
  sd: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** The norm sample's distribution of one dimension's scores (over the firms with a score). */
export interface DimensionNorm extends IndexSummary {
  id: string;
  label: string;
  n: number;
}

export interface ScoreReport {
  instrument: { id: string; version: string };
  data: { file: string; rows: number; firms: number };
  norms: {
    file: string;
    rows: number;
    firms: number;
    used: number;
    index: IndexSummary;
    dimensions: DimensionNorm[];
    excluded: ResponseExclusion[];
  };
  weights: Weights;
  /** what `percentile` and `indexPercentile` mean */
  percentileRule: string;
  profiles: { name: Profile; rule: string; from: number | null; to: number | null }[];
  firms: FirmScore[];
  excluded: ResponseExclusion[];
  notes: string[];
}

/** What a percentile rank is, said in every score output. */
export const PERCENTILE_RULE =
  "percentile rank: the percentage of the norm firms " +
  "scoring below the firm, ties counting half (1 = lowest, " +
  "99 = highest)";

export interface ScoreInput {
  instr: Instrument;
  data: Responses;
  norms: Responses;
  weights: Weights;
  /** a firm id, or "all" */
  firm: string;
}

/**
 * What scoring needs of the norm sample, with no firm's answers: the sorted ISRS index and
 * dimension scores of the norm firms (for percentile ranks), the item means (for the weakest
 * practices' shortfalls), the weights, and the counts. Plain data (JSON round-trips it), so a
 * page can score against it without the norm file.
 */
export interface NormSummary {
  instrument: { id: string; version: string };
  file: string;
  rows: number;
  firms: number;
  excluded: ResponseExclusion[];
  weights: Weights;
  /** ISRS index of every norm firm with a score on every dimension, ascending */
  index: number[];
  /** per dimension (instrument order), the scores of the norm firms with one, ascending */
  dimensions: number[][];
  /** per item (instrument order), the mean recoded answer of the norm firms (null: nobody answered) */
  itemMeans: (number | null)[];
}

/** The norm sample's summary (E_EMPTY when fewer than 2 norm firms have an index). */
export function normSummary(instr: Instrument, norms: Responses, weights: Weights): NormSummary {
  const dims = constructsOf(instr, "dimension");
  const scale = instr.scales.find((s) => s.id === dims[0]?.scale)!;
  const w = dims.map((d) => weights.values[d.id]!);
  const normValues = itemValues(norms);
  const normDims = normValues.map((v) => dimensionScores(v, instr));
  const index = normDims
    .map((ds) =>
      isrsIndex(
        ds.map((d) => d.score),
        w,
        scale,
      ),
    )
    .filter((x): x is number => x !== null)
    .sort((a, b) => a - b);
  if (index.length < 2) {
    throw new InputError(
      "E_EMPTY",
      `${norms.file}: the norm sample has ${index.length} ` +
        `firm(s) with a score on every dimension; at ` +
        `least 2 are needed`,
    );
  }
  const dimensions = dims.map((_, k) =>
    normDims
      .map((ds) => ds[k]!.score)
      .filter((x): x is number => x !== null)
      .sort((a, b) => a - b),
  );
  const itemMeans = instr.items.map((_, j) => {
    const xs = normValues.map((v) => v[j] ?? null).filter((x): x is number => x !== null);
    return xs.length > 0 ? mean(xs) : null;
  });
  return {
    instrument: { id: instr.id, version: instr.version },
    file: norms.file,
    rows: norms.nRows,
    firms: norms.ids.length,
    excluded: norms.excluded,
    weights,
    index,
    dimensions,
    itemMeans,
  };
}

/** Everything `isrs score` reports, from loaded data and norms and the weights. */
export function scoreReport(input: ScoreInput): ScoreReport {
  return scoreAgainstNorms(input.instr, input.data, normSummary(input.instr, input.norms, input.weights), input.firm);
}

/** The score report of the firm (an id, or "all") of `data` against a norm summary. */
export function scoreAgainstNorms(instr: Instrument, data: Responses, norms: NormSummary, firm: string): ScoreReport {
  const weights = norms.weights;
  const dims = constructsOf(instr, "dimension");
  const summary = summarise(norms.index);
  const values = itemValues(data);
  const firms = selectRows(data, firm).map((r) => firmScore(instr, data.ids[r]!, values[r]!, norms, summary));
  return {
    instrument: { id: instr.id, version: instr.version },
    data: { file: data.file, rows: data.nRows, firms: data.ids.length },
    norms: {
      file: norms.file,
      rows: norms.rows,
      firms: norms.firms,
      used: norms.index.length,
      index: summary,
      dimensions: dims.map((d, k) => ({
        id: d.id,
        label: d.label,
        n: norms.dimensions[k]!.length,
        ...summarise(norms.dimensions[k]!),
      })),
      excluded: norms.excluded,
    },
    weights,
    percentileRule: PERCENTILE_RULE,
    profiles: [
      { name: "laggard", rule: "index below the norm sample's first quartile", from: null, to: summary.q1 },
      { name: "follower", rule: "index from the first quartile up to the third", from: summary.q1, to: summary.q3 },
      { name: "recoverer", rule: "index at or above the norm sample's third quartile", from: summary.q3, to: null },
    ],
    firms,
    excluded: data.excluded,
    notes: scoreNotes(firms, norms),
  };
}

/** One firm's scores, percentile ranks, profile and weakest practices against the norms. */
function firmScore(
  instr: Instrument,
  id: string,
  values: (number | null)[],
  norms: NormSummary,
  summary: IndexSummary,
): FirmScore {
  const dims = constructsOf(instr, "dimension");
  const scale = instr.scales.find((s) => s.id === dims[0]?.scale)!;
  const w = dims.map((d) => norms.weights.values[d.id]!);
  const ds = dimensionScores(values, instr);
  const index = isrsIndex(
    ds.map((d) => d.score),
    w,
    scale,
  );
  return {
    id,
    dimensions: ds.map((d, k) => ({
      ...d,
      percentile: d.score === null ? null : percentileRank(d.score, norms.dimensions[k]!),
    })),
    index,
    indexPercentile: index === null ? null : percentileRank(index, norms.index),
    profile: index === null ? null : profileOf(index, summary.q1, summary.q3),
    weakest: weakestPractices(values, instr, norms.itemMeans),
  };
}

/** The notes of a score report: the weights' note, the firms without an index, the norm firms left out. */
function scoreNotes(firms: readonly FirmScore[], norms: NormSummary): string[] {
  const notes: string[] = [];
  if (norms.weights.note !== null) notes.push(norms.weights.note);
  const unscored = firms.filter((f) => f.index === null).map((f) => f.id);
  if (unscored.length > 0) notes.push(`no ISRS index for ${unscored.join(", ")}: a dimension has no answered item`);
  if (norms.index.length < norms.firms)
    notes.push(
      `${norms.firms - norms.index.length} norm firm(s) ` +
        `left out of the index distribution: a dimension ` +
        `has no answered item`,
    );
  return notes;
}

/** Mean, sd, minimum, type-7 quartiles and maximum of an ascending-sorted, non-empty sample. */
function summarise(sorted: number[]): IndexSummary {
  return {
    mean: mean(sorted),
    sd: sd(sorted),
    min: sorted[0]!,
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
    max: sorted[sorted.length - 1]!,
  };
}

/** The rows to score: all, or the one with this id (E_NO_FIRM when there is none). */
function selectRows(data: Responses, firm: string): number[] {
  if (firm === "all") return data.ids.map((_, i) => i);
  const i = data.ids.indexOf(firm);
  if (i < 0)
    throw new InstrumentError("E_NO_FIRM", `${data.file}: no firm with id "${firm}"${didYouMean(firm, data.ids)}`);
  return [i];
}

export interface ScoreFirmsInput {
  instr: Instrument;
  data: Responses;
  norms: Responses;
  /** the model fitted to the norm sample for the weights */
  syntax: ModelSyntax;
  /** passed to the engine as is ("ML" by default) */
  estimator?: string;
  /** missing-data method of that fit: "listwise" (default) or "fiml" */
  missing?: string;
  /** items fitted as ordered in that fit (lavaan's `ordered =`; the estimator then defaults to WLSMV) */
  ordered?: true | readonly string[];
  firm: string;
}

/** Fits the model to the norm sample, derives the weights, and scores. */
export async function scoreFirms(input: ScoreFirmsInput): Promise<ScoreReport> {
  const estimator = input.estimator ?? (input.ordered !== undefined ? "WLSMV" : "ML");
  selectRows(input.data, input.firm); // a wrong firm id fails before the fit
  const { fit, weights } = await fitWeights({
    instr: input.instr,
    syntax: input.syntax,
    norms: input.norms,
    estimator,
    ...(input.missing !== undefined ? { missing: input.missing } : {}),
    ...(input.ordered !== undefined ? { ordered: input.ordered } : {}),
  });
  const report = scoreReport({ ...input, weights });
  if (fit !== null && weights.method !== "equal") {
    const used = fit.nobs.reduce((a, b) => a + b, 0);
    const of = input.norms.ids.length;
    const fiml = fit.missing === "fiml";
    const how = fiml
      ? "by full-information ML: every answer used"
      : `${fit.dropped.length} with a missing answer left out, listwise; ` +
        `--missing ${input.ordered !== undefined ? "pairwise" : "fiml"} uses them`;
    report.notes.push(`weights fitted on ${used} of ${of} norm firms (${how})`);
    report.weights = { ...report.weights, nobs: used, missing: fiml ? "fiml" : "listwise" };
  }
  return report;
}
