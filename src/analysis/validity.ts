/**
 * Discriminant validity between first-order constructs.
 * - Fornell-Larcker (Fornell & Larcker 1981): sqrt(AVE) of each construct should exceed its
 *   correlations with every other construct (latent correlations of the measurement model,
 *   lavInspect(fit, "cor.lv")).
 * - HTMT (Henseler, Ringle & Sarstedt 2015, eq. 6): the mean heterotrait-heteromethod item
 *   correlation over the geometric mean of the two mean monotrait-heteromethod correlations,
 *   on absolute item correlations. semTools 0.5.6's htmt() default is HTMT2 (Roemer, Schuberth
 *   & Henseler 2021): the same ratio with geometric instead of arithmetic means of the
 *   correlations; both are given, `htmt` being semTools' default and `htmt.arithmetic` the 2015
 *   original. Flags: above 0.85 (strict) and 0.90 (liberal) suggest a lack of discriminant validity.
 */
import { cov2cor } from "./matrices.js";

export const HTMT_STRICT = 0.85;
export const HTMT_LIBERAL = 0.9;

export interface NamedMatrix {
  names: string[];
  values: number[][];
}

export interface FornellLarcker extends NamedMatrix {
  /** diagonal: sqrt(AVE); off-diagonal: latent correlations */
  violations: { a: string; b: string; correlation: number; sqrtAve: number }[];
}

export function fornellLarcker(names: string[], ave: number[], corLv: number[][]): FornellLarcker {
  const values = names.map((_, i) => names.map((_, j) => (i === j ? Math.sqrt(ave[i]!) : corLv[i]![j]!)));
  const violations: FornellLarcker["violations"] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const r = Math.abs(corLv[i]![j]!);
      const sqrtAve = Math.min(values[i]![i]!, values[j]![j]!);
      if (r > sqrtAve) violations.push({ a: names[i]!, b: names[j]!, correlation: corLv[i]![j]!, sqrtAve });
    }
  }
  return { names, values, violations };
}

export interface HtmtFlag {
  a: string;
  b: string;
  value: number;
  /** "above 0.90" (liberal criterion failed) or "above 0.85" (strict criterion failed) */
  flag: "above 0.90" | "above 0.85";
}

export interface Htmt {
  /** semTools::htmt() default (htmt2 = TRUE): geometric means */
  htmt: NamedMatrix;
  /** semTools::htmt(htmt2 = FALSE): Henseler et al.'s (2015) arithmetic means */
  "htmt.arithmetic": NamedMatrix;
  /** pairs above the thresholds, by the `htmt` (default) matrix */
  flags: HtmtFlag[];
  /**
   * the item correlations the ratios are taken of: Pearson, or (ordered items) the polychoric ones,
   * as semTools::htmt(model, data, ordered = items) takes them from lavCor
   */
  correlations?: "pearson" | "polychoric";
}

type Mean = (xs: number[]) => number;
const arithmetic: Mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
const geometric: Mean = (xs) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

function ratios(R: number[][], blocks: number[][], mean: Mean): number[][] {
  const between = (a: number[], b: number[], same: boolean): number[] =>
    a.flatMap((i) => b.filter((j) => !same || i !== j).map((j) => Math.abs(R[i]![j]!)));
  const within = blocks.map((b) => mean(between(b, b, true)));
  return blocks.map((a, i) =>
    blocks.map((b, j) => (i === j ? 1 : mean(between(a, b, false)) / Math.sqrt(within[i]! * within[j]!))),
  );
}

/** HTMT from the item covariance (any divisor) and each construct's item indices. */
export function htmt(names: string[], blocks: number[][], cov: number[][]): Htmt {
  const R = cov2cor(cov);
  const geo = ratios(R, blocks, geometric);
  const flags: HtmtFlag[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const v = geo[i]![j]!;
      if (v > HTMT_LIBERAL) flags.push({ a: names[i]!, b: names[j]!, value: v, flag: "above 0.90" });
      else if (v > HTMT_STRICT) flags.push({ a: names[i]!, b: names[j]!, value: v, flag: "above 0.85" });
    }
  }
  return { htmt: { names, values: geo }, "htmt.arithmetic": { names, values: ratios(R, blocks, arithmetic) }, flags };
}
