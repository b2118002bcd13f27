/**
 * One PLS bootstrap resample, as seminr 2.3.1's bootstrap_model draws and estimates it: n rows
 * drawn with replacement from the raw data (before missing-value handling), missing values
 * handled again within the resample, the whole model re-estimated from scratch (PLSc corrections
 * and both stages of higher-order constructs included), and the statistics kept: path
 * coefficients, loadings, weights, total effects and HTMT, in the order of the run's keys (taken
 * from the full-sample estimate). A resample whose estimation fails (a constant indicator in the
 * resample, collinear mode B items, weights that do not converge) is not used and its reason is
 * kept, to be counted.
 *
 * Plain data in, plain data out: a context is built from structured-cloneable data, so worker
 * threads build the same one (pool.ts), and a resample's result depends only on (seed, b).
 */
import { preparePlsData } from "../data.js";
import { estimatePls } from "../estimate.js";
import type { PlsData, PlsEstimate, PlsOptions, PlsSpec } from "../types.js";
import { plsResampleRows } from "./resample.js";

export type BootTable = "paths" | "loadings" | "weights" | "totalEffects" | "htmt";

/** One bootstrapped statistic: a table and the pair it belongs to. */
export interface BootKey {
  table: BootTable;
  /** paths and total effects: from; loadings and weights: the construct; HTMT: the first construct */
  a: string;
  /** paths and total effects: to; loadings and weights: the indicator; HTMT: the second construct */
  b: string;
}

/** HTMT pairs of an estimate on its data (the quality layer's plsHtmt). */
export type HtmtOf = (est: PlsEstimate, data: PlsData) => readonly { lhs: string; rhs: string; est: number }[];

/** Everything a thread needs to run resamples (structured-cloneable). */
export interface PlsBootContextData {
  spec: PlsSpec;
  options: PlsOptions;
  /** raw values (NaN missing) of the model's indicators, all input rows */
  raw: Record<string, Float64Array>;
  nRows: number;
  seed: number;
  keys: BootKey[];
  /** explicit resamples (0-based rows), used instead of the seeded draws (to re-run another program's resamples) */
  resamples?: Int32Array[];
}

export interface ReplicateOutcome {
  values: Float64Array | null;
  /** why the resample is not used ("" when it is) */
  reason: string;
}

/** The statistics of `keys` from an estimate (NaN for a pair the estimate lacks). */
export function statistics(
  est: PlsEstimate,
  data: PlsData,
  keys: readonly BootKey[],
  htmt: HtmtOf | null,
): Float64Array {
  const pos = new Map(est.constructs.map((c, i) => [c, i]));
  const outer = new Map(est.allOuter.map((o) => [`${o.construct}\u0000${o.indicator}`, o]));
  const ht = keys.some((k) => k.table === "htmt") && htmt !== null ? htmt(est, data) : [];
  const htMap = new Map(ht.map((h) => [`${h.lhs}\u0000${h.rhs}`, h.est]));
  const out = new Float64Array(keys.length);
  keys.forEach((k, i) => {
    const pair = `${k.a}\u0000${k.b}`;
    let v: number | undefined;
    if (k.table === "paths") v = est.pathMatrix[pos.get(k.a)!]?.[pos.get(k.b)!];
    else if (k.table === "totalEffects") v = est.totalEffects[pos.get(k.a)!]?.[pos.get(k.b)!];
    else if (k.table === "loadings") v = outer.get(pair)?.loading;
    else if (k.table === "weights") v = outer.get(pair)?.weight;
    else v = htMap.get(pair);
    out[i] = v ?? NaN;
  });
  return out;
}

/**
 * The keys of a run from the full-sample estimate: every path, construct-item pair, non-zero total
 * effect and HTMT pair.
 */
export function bootKeys(est: PlsEstimate, data: PlsData, htmt: HtmtOf | null): BootKey[] {
  const keys: BootKey[] = est.pathCoefficients.map((p) => ({ table: "paths", a: p.from, b: p.to }));
  for (const o of est.allOuter) keys.push({ table: "loadings", a: o.construct, b: o.indicator });
  for (const o of est.allOuter) keys.push({ table: "weights", a: o.construct, b: o.indicator });
  est.constructs.forEach((from, i) =>
    est.constructs.forEach((to, j) => {
      if (est.totalEffects[i]![j]! !== 0) keys.push({ table: "totalEffects", a: from, b: to });
    }),
  );
  if (htmt !== null) for (const h of htmt(est, data)) keys.push({ table: "htmt", a: h.lhs, b: h.rhs });
  return keys;
}

export class PlsReplicator {
  readonly data: PlsBootContextData;
  private readonly items: string[];
  private readonly htmt: HtmtOf | null;

  constructor(data: PlsBootContextData, htmt: HtmtOf | null) {
    this.data = data;
    this.items = Object.keys(data.raw);
    this.htmt = htmt;
  }

  /** The 0-based input rows of resample b. */
  rows(b: number): Int32Array {
    const given = this.data.resamples;
    if (given !== undefined) return given[b]!;
    return plsResampleRows(this.data.seed, b, this.data.nRows);
  }

  run(b: number): ReplicateOutcome {
    const rows = this.rows(b);
    const cols: Record<string, Float64Array> = {};
    for (const it of this.items) {
      const src = this.data.raw[it]!;
      const col = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) col[i] = src[rows[i]!]!;
      cols[it] = col;
    }
    try {
      const d = preparePlsData(cols, this.data.spec, this.data.options, "bootstrap resample");
      const est = estimatePls(d, this.data.spec, this.data.options, "bootstrap resample");
      if (!est.converged || (est.firstStage !== undefined && !est.firstStage.converged))
        return { values: null, reason: "the weights did not converge" };
      const values = statistics(est, d, this.data.keys, this.htmt);
      if (values.some((v) => !Number.isFinite(v))) return { values: null, reason: "an estimate is not finite" };
      return { values, reason: "" };
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return { values: null, reason: msg.replace(/^bootstrap resample: /, "") };
    }
  }
}
