/**
 * Several respondents of one firm: the firm's mean answer per item, the spread of the answers,
 * and the agreement among respondents on each construct, rwg(j) (James, Demaree & Wolf 1984,
 * "Estimating within-group interrater reliability with and without response bias", J. Appl.
 * Psychol. 69, 85-98, eq. 6): with J items, s̄² the mean of the items' observed variances across
 * respondents (n - 1 divisor) and σ²_EU = (A² - 1) / 12 the variance of a uniform answer on A
 * points (no agreement at all),
 *   rwg(j) = J (1 - s̄²/σ²_EU) / (J (1 - s̄²/σ²_EU) + s̄²/σ²_EU).
 * When s̄² ≥ σ²_EU (more spread than random answers) it is set to 0, as LeBreton & Senter (2008,
 * Organ. Res. Methods 11, 815-852) recommend. Items answered by fewer than two respondents have
 * no variance and are left out of s̄²; with no such item rwg(j) is null.
 * Browser-safe (plain arithmetic).
 */
import { constructsOf, itemsOf, scaleOf } from "../instrument/constructs.js";
import { mean, sd } from "../instrument/norms.js";
import type { Instrument } from "../instrument/schema.js";

export interface ItemSpread {
  item: string;
  construct: string;
  /** the raw answers given (unanswered left out), in respondent order */
  answers: (number | null)[];
  n: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
}

export interface ConstructAgreement {
  construct: string;
  /** items with at least two answers (J) */
  items: number;
  meanVariance: number | null;
  /** σ²_EU of the construct's scale */
  uniformVariance: number;
  rwg: number | null;
}

/** rwg(j) from J, the mean observed item variance and the uniform-null variance (James et al. 1984, eq. 6). */
export function rwgJ(j: number, meanVariance: number, uniformVariance: number): number {
  const ratio = meanVariance / uniformVariance;
  if (ratio >= 1) return 0;
  return (j * (1 - ratio)) / (j * (1 - ratio) + ratio);
}

/** Per item: the raw answers of each respondent (item id -> answer), their mean, SD and range. */
export function itemSpreads(instr: Instrument, respondents: Record<string, number>[]): ItemSpread[] {
  return instr.items.map((it) => {
    const answers = respondents.map((r) => r[it.id] ?? null);
    const xs = answers.filter((x): x is number => x !== null);
    return {
      item: it.id,
      construct: it.construct,
      answers,
      n: xs.length,
      mean: xs.length > 0 ? mean(xs) : null,
      sd: xs.length > 1 ? sd(xs) : null,
      min: xs.length > 0 ? Math.min(...xs) : null,
      max: xs.length > 0 ? Math.max(...xs) : null,
    };
  });
}

/** rwg(j) of every first-order construct (practice areas, then outcomes). */
export function agreement(instr: Instrument, spreads: ItemSpread[]): ConstructAgreement[] {
  return [...constructsOf(instr, "dimension"), ...constructsOf(instr, "outcome")].map((c) => {
    const items = itemsOf(instr, c.id);
    const scale = scaleOf(instr, items[0]!);
    const a = scale.max - scale.min + 1;
    const uniformVariance = (a * a - 1) / 12;
    const variances = items
      .map((it) => spreads.find((s) => s.item === it.id)?.sd ?? null)
      .filter((x): x is number => x !== null)
      .map((x) => x * x);
    const meanVariance = variances.length > 0 ? mean(variances) : null;
    return {
      construct: c.id,
      items: variances.length,
      meanVariance,
      uniformVariance,
      rwg: meanVariance === null ? null : rwgJ(variances.length, meanVariance, uniformVariance),
    };
  });
}
