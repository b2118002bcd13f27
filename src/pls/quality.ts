/**
 * Quality criteria of an estimated PLS model, as seminr 2.3.1's summary() computes them:
 * - Cronbach's alpha, standardised, from the item correlations (1 for one item);
 * - rhoC = (Σl)² / ((Σl)² + Σ(1 - l²)) and AVE = mean(l²) from the loadings (Hair et al., primer);
 * - rhoA (Dijkstra & Henseler 2015), from the estimate;
 * - HTMT (Henseler, Ringle & Sarstedt 2015): mean absolute heterotrait item correlation over the
 *   geometric mean of the two mean absolute monotrait ones (a single item counts 1);
 * - Fornell-Larcker: sqrt(AVE) on the diagonal, score correlations below;
 * - cross-loadings: correlations of every item with every construct score;
 * - item VIFs (an item on the other items of its block) and antecedent VIFs (from the score
 *   correlations; none for a single antecedent);
 * - AIC/BIC per endogenous construct with SSE = (1 - R²)(n - 1) var(score) from the uncorrected
 *   scores: AIC = 2(p + 1) + n log(SSE/n), BIC = n log(SSE/n) + (p + 1) log n;
 * - f² = (R²_with - R²_without) / (1 - R²_with), R²_without from re-estimating the model without
 *   the path (0 when it was the outcome's only one).
 */
import { estimatePls } from "./estimate.js";
import { correlation, correlationMatrix, inverse, sub } from "./linalg.js";
import type { PlsData, PlsEstimate, PlsOptions, PlsSpec } from "./types.js";

export interface PlsReliability {
  readonly construct: string;
  readonly alpha: number;
  readonly rhoC: number;
  readonly rhoA: number;
  readonly AVE: number;
}

export interface PlsPair {
  readonly lhs: string;
  readonly rhs: string;
  readonly est: number;
}

export interface PlsDescriptive {
  readonly name: string;
  readonly n: number;
  readonly missing: number;
  readonly mean: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly sd: number;
  /** m4 / m2² (not excess), moments with denominator n */
  readonly kurtosis: number;
  /** m3 / m2^1.5 */
  readonly skewness: number;
}

export interface PlsQuality {
  /** Constructs assessed: the structural model's, then the lower-order ones. */
  readonly constructs: readonly string[];
  readonly reliability: readonly PlsReliability[];
  /** One row per pair of constructs (lhs before rhs in `constructs`). */
  readonly htmt: readonly PlsPair[];
  /** sqrt(AVE) on the diagonal, score correlations below, null above; over `constructs`. */
  readonly fornellLarcker: readonly (readonly (number | null)[])[];
  /** Items (rows) by constructs (columns). */
  readonly crossLoadings: { readonly items: readonly string[]; readonly values: readonly (readonly number[])[] };
  readonly vifItems: readonly { readonly construct: string; readonly item: string; readonly vif: number }[];
  /** One row per path; null for an outcome with a single antecedent. */
  readonly vifAntecedents: readonly { readonly lhs: string; readonly rhs: string; readonly vif: number | null }[];
  /** One row per path (lhs outcome, rhs predictor); empty when skipped. */
  readonly fsquared: readonly PlsPair[];
  readonly itCriteria: readonly { readonly construct: string; readonly AIC: number; readonly BIC: number }[];
  readonly itemDescriptives: readonly PlsDescriptive[];
  readonly constructDescriptives: readonly PlsDescriptive[];
}

/** A column of the estimation data: an indicator, or a lower-order construct's stage-1 score. */
function columnOf(est: PlsEstimate, data: PlsData, name: string): Float64Array {
  return data.columns[name] ?? est.allScores[name]!;
}

function assessedConstructs(est: PlsEstimate): string[] {
  return [...est.constructs, ...est.lowerOrder];
}

/** HTMT of every pair of assessed constructs. */
export function plsHtmt(est: PlsEstimate, data: PlsData): PlsPair[] {
  const names = assessedConstructs(est);
  const items = names.map((c) => est.allBlocks.find((b) => b.construct === c)!.indicators);
  const cols = items.map((its) => its.map((it) => columnOf(est, data, it)));
  const mono = cols.map((cs) => {
    if (cs.length === 1) return 1;
    let s = 0;
    for (let a = 0; a < cs.length; a++)
      for (let b = a + 1; b < cs.length; b++) s += Math.abs(correlation(cs[a]!, cs[b]!));
    return (2 * s) / (cs.length * (cs.length - 1));
  });
  const out: PlsPair[] = [];
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) {
      let s = 0;
      for (const x of cols[i]!) for (const y of cols[j]!) s += Math.abs(correlation(x, y));
      const hetero = s / (cols[i]!.length * cols[j]!.length);
      out.push({ lhs: names[i]!, rhs: names[j]!, est: hetero / Math.sqrt(mono[i]! * mono[j]!) });
    }
  return out;
}

function reliabilityOf(est: PlsEstimate, data: PlsData, construct: string): PlsReliability {
  const block = est.allBlocks.find((b) => b.construct === construct)!;
  const k = block.indicators.length;
  const l = est.allOuter.filter((r) => r.construct === construct).map((r) => r.loading);
  const rhoA = est.rhoA[construct] ?? est.firstStage!.rhoA[construct]!;
  if (k === 1) return { construct, alpha: 1, rhoC: 1, rhoA, AVE: 1 };
  const R = correlationMatrix(block.indicators.map((it) => columnOf(est, data, it)));
  const total = R.reduce((s, r) => s + r.reduce((t, v) => t + v, 0), 0);
  const alpha = (k / (k - 1)) * (1 - k / total);
  const sl = l.reduce((s, v) => s + v, 0);
  const err = l.reduce((s, v) => s + (1 - v * v), 0);
  const AVE = l.reduce((s, v) => s + v * v, 0) / l.length;
  return { construct, alpha, rhoC: (sl * sl) / (sl * sl + err), rhoA, AVE };
}

/** Median of sorted values. */
function median(sorted: Float64Array): number {
  const m = sorted.length;
  return m % 2 === 1 ? sorted[(m - 1) / 2]! : (sorted[m / 2 - 1]! + sorted[m / 2]!) / 2;
}

/** Descriptives of a column's observed (non-NaN) values, as seminr's summary() reports them. */
export function describeColumn(name: string, values: ArrayLike<number>): PlsDescriptive {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) n++;
  const obs = new Float64Array(n);
  for (let i = 0, k = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) obs[k++] = values[i]!;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += obs[i]!;
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = obs[i]! - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const sorted = obs.sort(); // a Float64Array sorts numerically
  return {
    name,
    n,
    missing: values.length - n,
    mean,
    median: median(sorted),
    min: sorted[0]!,
    max: sorted[n - 1]!,
    sd: Math.sqrt(m2 / (n - 1)),
    kurtosis: m4 / n / (m2 / n) ** 2,
    skewness: m3 / n / (m2 / n) ** 1.5,
  };
}

/** f² of every path, re-estimating the model without it (seminr's fSquared). */
export function plsFSquared(est: PlsEstimate, data: PlsData, spec: PlsSpec, options: PlsOptions): PlsPair[] {
  const r2 = (e: PlsEstimate, c: string): number | undefined => e.rsquared.find((r) => r.construct === c)?.r2;
  return spec.paths.map((p) => {
    const withR2 = r2(est, p.to)!;
    let withoutR2 = 0;
    if (est.constructs.length === 2) withoutR2 = 0;
    else if (spec.paths.some((q) => q.to === p.to && q.from !== p.from)) {
      const reduced: PlsSpec = { ...spec, paths: spec.paths.filter((q) => q !== p) };
      withoutR2 = r2(estimatePls(data, reduced, options), p.to) ?? 0;
    }
    return { lhs: p.to, rhs: p.from, est: (withR2 - withoutR2) / (1 - withR2) };
  });
}

function vifs(est: PlsEstimate, data: PlsData, constructs: readonly string[]): PlsQuality["vifItems"] {
  return constructs.flatMap((c) => {
    const its = est.allBlocks.find((b) => b.construct === c)!.indicators;
    if (its.length === 1) return [{ construct: c, item: its[0]!, vif: 1 }];
    const inv = inverse(correlationMatrix(its.map((it) => columnOf(est, data, it))));
    return its.map((it, t) => ({ construct: c, item: it, vif: inv === null ? Infinity : inv[t]![t]! }));
  });
}

function antecedentVifs(est: PlsEstimate): PlsQuality["vifAntecedents"] {
  return est.endogenous.flatMap((y) => {
    const pr = est.paths.filter((p) => p.to === y).map((p) => est.constructs.indexOf(p.from));
    const inv = pr.length > 1 ? inverse(sub(est.scoreCorrelations, pr)) : null;
    return pr.map((i, t) => ({
      lhs: y,
      rhs: est.constructs[i]!,
      vif: pr.length === 1 ? null : inv === null ? Infinity : inv[t]![t]!,
    }));
  });
}

function itCriteria(est: PlsEstimate): PlsQuality["itCriteria"] {
  const n = est.n;
  return est.endogenous.map((y) => {
    const j = est.constructs.indexOf(y);
    const pr = est.paths.filter((p) => p.to === y).map((p) => est.constructs.indexOf(p.from));
    const C = est.scoreCorrelations;
    const inv = inverse(sub(C, [...pr, j]))!;
    const rsq = 1 - 1 / inv[pr.length]![pr.length]!;
    const sc = est.scores[y]!;
    const mean = sc.reduce((s, v) => s + v, 0) / n;
    const variance = sc.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
    const sse = (1 - rsq) * variance * (n - 1);
    const k = pr.length + 1;
    return { construct: y, AIC: 2 * k + n * Math.log(sse / n), BIC: n * Math.log(sse / n) + k * Math.log(n) };
  });
}

/** Every quality criterion of `est` (f² unless options.skipFSquared). */
export function plsQuality(est: PlsEstimate, data: PlsData, spec: PlsSpec, options: PlsOptions = {}): PlsQuality {
  const constructs = assessedConstructs(est);
  const reliability = constructs.map((c) => reliabilityOf(est, data, c));
  const scores = constructs.map((c) => est.allScores[c]!);
  const fornellLarcker = constructs.map((_, i) =>
    constructs.map((_, j) =>
      i === j ? Math.sqrt(reliability[i]!.AVE) : j < i ? correlation(scores[i]!, scores[j]!) : null,
    ),
  );
  const items = [...new Set(est.allBlocks.flatMap((b) => b.indicators))];
  const crossLoadings = {
    items,
    values: items.map((it) => scores.map((s) => correlation(columnOf(est, data, it), s))),
  };
  const rawRows = (x: Float64Array): Float64Array => Float64Array.from(data.rows, (r) => x[r]!);
  return {
    constructs,
    reliability,
    htmt: plsHtmt(est, data),
    fornellLarcker,
    crossLoadings,
    vifItems: vifs(est, data, constructs),
    vifAntecedents: antecedentVifs(est),
    fsquared: options.skipFSquared === true ? [] : plsFSquared(est, data, spec, options),
    itCriteria: itCriteria(est),
    itemDescriptives: data.items.map((it) =>
      describeColumn(it, data.missing.method === "listwise" ? rawRows(data.raw[it]!) : data.raw[it]!),
    ),
    constructDescriptives: est.constructs.map((c) => describeColumn(c, est.scores[c]!)),
  };
}
