/**
 * The scores of one firm (see score.ts for the definitions): its dimension scores, the ISRS
 * index from them, its profile against the norm quartiles, and its weakest practices.
 */
import { constructsOf, itemsOf, scaleOf } from "./constructs.js";
import { compareScores, mean } from "./norms.js";
import type { Responses } from "./responses.js";
import type { Instrument } from "./schema.js";

export const PROFILES = ["laggard", "follower", "recoverer"] as const;
export type Profile = (typeof PROFILES)[number];

export interface DimensionScore {
  id: string;
  label: string;
  /** mean of the answered items after recoding, on the scale; null if none answered */
  score: number | null;
  answered: number;
  items: number;
  percentile: number | null;
}

export interface WeakPractice {
  item: string;
  dimension: string;
  text: string;
  /** the firm's answer after recoding (what the dimension score averages) */
  score: number;
  /** the answer the firm gave, before recoding */
  answer: number;
  /** the item is reverse-keyed: score = min + max - answer */
  reverseKeyed: boolean;
  normMean: number | null;
  recommendation: string;
}

export interface FirmScore {
  id: string;
  dimensions: DimensionScore[];
  /** 0-100 */
  index: number | null;
  indexPercentile: number | null;
  profile: Profile | null;
  weakest: WeakPractice[];
}

/** The recoded item values of each row of a response table (null when missing), in instrument order. */
export function itemValues(resp: Responses): (number | null)[][] {
  return resp.table.rows.map((row) => row.slice(1).map((c) => (c === "" ? null : Number(c))));
}

/** Dimension scores of one firm, in the order of the instrument's dimensions. */
export function dimensionScores(
  values: (number | null)[],
  instr: Instrument,
): { id: string; label: string; score: number | null; answered: number; items: number }[] {
  return constructsOf(instr, "dimension").map((d) => {
    const answers = itemsOf(instr, d.id)
      .map((it) => values[instr.items.indexOf(it)] ?? null)
      .filter((x): x is number => x !== null);
    return {
      id: d.id,
      label: d.label,
      score: answers.length > 0 ? mean(answers) : null,
      answered: answers.length,
      items: itemsOf(instr, d.id).length,
    };
  });
}

/** 100 (sum w s / sum w - min) / (max - min); null when a score is null. */
export function isrsIndex(
  scores: (number | null)[],
  weights: number[],
  scale: { min: number; max: number },
): number | null {
  if (scores.some((s) => s === null)) return null;
  const wsum = weights.reduce((a, b) => a + b, 0);
  const m = scores.reduce((a: number, s, k) => a + weights[k]! * s!, 0) / wsum;
  return (100 * (m - scale.min)) / (scale.max - scale.min);
}

/** Below Q1: laggard; at or above Q3: recoverer (ties within TIE_TOLERANCE count as equal). */
export function profileOf(index: number, q1: number, q3: number): Profile {
  return compareScores(index, q1) < 0 ? "laggard" : compareScores(index, q3) >= 0 ? "recoverer" : "follower";
}

/** The three lowest practice items of a firm (recoded), with what to do about them. */
export function weakestPractices(
  values: (number | null)[],
  instr: Instrument,
  normMeans: (number | null)[],
  k = 3,
): WeakPractice[] {
  const dims = new Set(constructsOf(instr, "dimension").map((d) => d.id));
  return instr.items
    .map((it, j) => ({ it, j, v: values[j] ?? null }))
    .filter(
      (x): x is { it: (typeof instr.items)[number]; j: number; v: number } => dims.has(x.it.construct) && x.v !== null,
    )
    .map((x) => ({ ...x, gap: x.v - (normMeans[x.j] ?? x.v) }))
    .sort((a, b) => a.v - b.v || a.gap - b.gap || a.j - b.j)
    .slice(0, k)
    .map((x) => ({
      item: x.it.id,
      dimension: x.it.construct,
      text: x.it.text,
      score: x.v,
      answer: x.it.reverse ? recodedBack(x.v, scaleOf(instr, x.it)) : x.v,
      reverseKeyed: x.it.reverse,
      normMean: normMeans[x.j] ?? null,
      recommendation: x.it.recommendation ?? "",
    }));
}

/** The answer given on a reverse-keyed item from its recoded score (min + max - x is its own inverse). */
const recodedBack = (x: number, sc: { min: number; max: number }): number => sc.min + sc.max - x;
