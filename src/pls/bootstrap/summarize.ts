/**
 * The bootstrap tables of a run (seminr 2.3.1's summary(boot) columns): for each statistic, the
 * full-sample estimate, the mean and standard deviation of the used resamples, t = estimate / sd
 * and the percentile interval (quantile.ts); the resamples that were not used are counted by
 * reason, never dropped silently.
 */
import type { RunResult } from "./chunk.js";
import { summarizeReplicates } from "./quantile.js";
import type { BootKey, BootTable } from "./replicate.js";

export interface BootStatistic {
  /** paths, total effects: from → to; loadings, weights: construct → indicator; HTMT: the two constructs */
  a: string;
  b: string;
  original: number;
  mean: number;
  sd: number;
  t: number | null;
  lower: number;
  upper: number;
}

export interface DrawCounts {
  requested: number;
  successful: number;
  failed: number;
  reasons: { reason: string; count: number }[];
}

export function drawCounts(run: RunResult): DrawCounts {
  const reasons = new Map<string, number>();
  let failed = 0;
  for (let b = 0; b < run.count; b++) {
    if (run.used[b] === 1) continue;
    failed++;
    reasons.set(run.reasons[b]!, (reasons.get(run.reasons[b]!) ?? 0) + 1);
  }
  return {
    requested: run.count,
    successful: run.count - failed,
    failed,
    reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((x, y) => y.count - x.count),
  };
}

export type BootTables = Record<BootTable, BootStatistic[]>;

export function summarizeRun(
  run: RunResult,
  keys: readonly BootKey[],
  original: Float64Array,
  level: number,
): BootTables {
  const used: number[] = [];
  for (let b = 0; b < run.count; b++) if (run.used[b] === 1) used.push(b);
  const tables: BootTables = { paths: [], loadings: [], weights: [], totalEffects: [], htmt: [] };
  const col = new Float64Array(used.length);
  keys.forEach((k, j) => {
    used.forEach((b, i) => (col[i] = run.values[b * run.q + j]!));
    const s = summarizeReplicates(original[j]!, col, level);
    tables[k.table].push({ a: k.a, b: k.b, original: original[j]!, ...s });
  });
  return tables;
}
