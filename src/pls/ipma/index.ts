/**
 * IPMA of an estimated PLS model (compute.ts has the formulas): for a target construct, the
 * importance (unstandardised total effect) and performance (0-100) of every construct with an
 * effect on it, and of their indicators, and the map as a vega-lite chart (chart.ts). The scale
 * ends of the indicators come from the caller (per item, or one scale for all); without them the
 * lowest and highest observed values of the model's indicators are taken, and a warning says so.
 * A higher-order construct (two-stage) is a composite of its dimensions' rescaled scores: each
 * dimension enters the final stage as an indicator with mean = its performance and sd = 1 / U
 * (its rescaled score is (ξ + c) / U for its standardised score ξ), so the same formulas apply; the
 * dimensions are listed as constructs acting through it, and their items at indicator level.
 */
import { InputError } from "../../sem/messages.js";
import type { PlsData, PlsEstimate, PlsSpec } from "../types.js";
import { computeIpma, rescaleBlock, type BlockRescaling, type IpmaResult } from "./compute.js";

export { ipmaChartSpec } from "./chart.js";
export type { IpmaConstruct, IpmaIndicator, IpmaResult } from "./compute.js";

export interface IpmaScales {
  /** one scale for every indicator (both ends needed) */
  min?: number;
  max?: number;
  /** per indicator, taking precedence over min/max (e.g. an instrument's response scales) */
  items?: Readonly<Record<string, { min: number; max: number }>>;
}

function observedRange(raw: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of raw)
    if (!Number.isNaN(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return [lo, hi];
}

export function plsIpma(
  spec: PlsSpec,
  data: PlsData,
  est: PlsEstimate,
  target: string,
  scales: IpmaScales = {},
  plsc = false,
): IpmaResult {
  checkIpmaRequest(spec, est, target, scales);
  const ranges = new Map(data.items.map((it) => [it, observedRange(data.raw[it]!)]));
  const warnings: string[] = [];
  const end = scaleEnds(data, scales, ranges, warnings);
  if (plsc)
    warnings.push(
      "IPMA with consistent PLS: the importance uses the corrected paths, the performance the composite scores",
    );
  const lower = lowerOrderRescaling(est, end, warnings);
  const result = computeIpma(finalStageInput(est, target, ranges, end, lower));
  const out = lower.size === 0 ? result : throughHigherOrder(result, est, lower);
  return { ...out, warnings: [...warnings, ...out.warnings] };
}

/** The target must be a construct of the structural model, higher-order ones from the two-stage estimate. */
function checkIpmaRequest(spec: PlsSpec, est: PlsEstimate, target: string, scales: IpmaScales): void {
  if (!est.constructs.includes(target))
    throw new InputError(
      "E_USAGE",
      `--ipma ${target}: not a construct of the structural model (constructs: ${est.constructs.join(", ")})`,
    );
  if (est.firstStage === undefined && spec.constructs.some((c) => c.higherOrder && est.constructs.includes(c.name)))
    throw new InputError(
      "E_USAGE",
      "IPMA: higher-order constructs are mapped from the two-stage estimate, not from repeated indicators",
    );
  if ((scales.min === undefined) !== (scales.max === undefined))
    throw new InputError("E_USAGE", "IPMA: give both scale ends (--scale-min and --scale-max), or neither");
}

type ScaleEnd = (it: string, which: "min" | "max") => number;

/**
 * Each indicator's scale ends: its own, else the one scale given, else (with a warning) the
 * observed range of all the indicators.
 */
function scaleEnds(
  data: PlsData,
  scales: IpmaScales,
  ranges: Map<string, [number, number]>,
  warnings: string[],
): ScaleEnd {
  let globalMin = scales.min;
  let globalMax = scales.max;
  if (globalMin === undefined && data.items.some((it) => scales.items?.[it] === undefined)) {
    globalMin = Math.min(...[...ranges.values()].map((r) => r[0]));
    globalMax = Math.max(...[...ranges.values()].map((r) => r[1]));
    warnings.push(
      `IPMA: no scale ends given; the observed range ${globalMin} to ${globalMax} of the indicators is taken ` +
        "as their scale (give --scale-min and --scale-max)",
    );
  }
  return (it, which) => scales.items?.[it]?.[which] ?? (which === "min" ? globalMin! : globalMax!);
}

/**
 * The final stage's indicator columns: items, and the lower-order constructs' scores of a
 * higher-order block, each on its rescaled 0-100 metric (mean = its performance, sd = 1 / U).
 */
function finalStageInput(
  est: PlsEstimate,
  target: string,
  ranges: Map<string, [number, number]>,
  end: ScaleEnd,
  lower: Map<string, BlockRescaling>,
): Parameters<typeof computeIpma>[0] {
  const items = est.blocks.flatMap((b) => b.indicators);
  const c = est.constructs.length;
  const weights = new Float64Array(items.length * c);
  for (const o of est.outer) weights[items.indexOf(o.indicator) * c + est.constructs.indexOf(o.construct)] = o.weight;
  const column = (real: (x: string) => number, loc: (r: BlockRescaling) => number): Float64Array =>
    Float64Array.from(items, (it) => {
      const r = lower.get(it);
      return r === undefined ? real(it) : loc(r);
    });
  return {
    constructs: est.constructs,
    items,
    blocks: est.constructs.map((k) =>
      est.blocks.find((b) => b.construct === k)!.indicators.map((i) => items.indexOf(i)),
    ),
    weights,
    means: column(
      (x) => est.indicatorMeans[x]!,
      (r) => r.performance,
    ),
    sds: column(
      (x) => est.indicatorSds[x]!,
      (r) => 1 / r.U,
    ),
    observedMin: column(
      (x) => ranges.get(x)![0],
      () => 0,
    ),
    observedMax: column(
      (x) => ranges.get(x)![1],
      () => 100,
    ),
    totalEffects: Float64Array.from(est.totalEffects.flat()),
    scaleMin: column(
      (x) => end(x, "min"),
      () => 0,
    ),
    scaleMax: column(
      (x) => end(x, "max"),
      () => 100,
    ),
    target,
  };
}

/** Each lower-order construct's rescaling from its stage-1 weights and its items. */
function lowerOrderRescaling(
  est: PlsEstimate,
  end: (it: string, w: "min" | "max") => number,
  warnings: string[],
): Map<string, BlockRescaling> {
  const out = new Map<string, BlockRescaling>();
  const fs = est.firstStage;
  if (fs === undefined) return out;
  for (const loc of est.lowerOrder) {
    const block = fs.blocks.find((b) => b.construct === loc)!;
    const its = block.indicators;
    const w = its.map((it) => fs.outer.find((o) => o.construct === loc && o.indicator === it)!.weight);
    const neg = its.filter((_, i) => w[i]! < 0);
    if (neg.length > 0)
      warnings.push(`IPMA: ${loc} has negative outer weights (${neg.join(", ")}): its performance may leave 0-100`);
    const r = rescaleBlock(
      w,
      its.map((it) => fs.indicatorSds[it]!),
      its.map((it) => fs.indicatorMeans[it]!),
      its.map((it) => end(it, "min")),
      its.map((it) => end(it, "max")),
    );
    if (!(r.U > 0)) throw new InputError("E_USAGE", `IPMA: the rescaled weights of ${loc} sum to zero or less: no map`);
    out.set(loc, r);
  }
  return out;
}

/**
 * A higher-order construct's dimensions on the map: a dimension raises its higher-order construct
 * by its rescaled weight per point, so its importance is that weight times the higher-order
 * construct's importance; its items' importance is their rescaled weight within the dimension
 * times the dimension's. The dimensions' rows in the indicator table are replaced by their items.
 */
function throughHigherOrder(r: IpmaResult, est: PlsEstimate, lower: Map<string, BlockRescaling>): IpmaResult {
  const constructs = [...r.constructs];
  const indicators: IpmaResult["indicators"] = [];
  const fs = est.firstStage!;
  const locRow = (loc: string, hoc: string, importance: number | null): void => {
    const resc = lower.get(loc)!;
    constructs.push({ construct: loc, higherOrder: hoc, importance, performance: resc.performance });
    const its = fs.blocks.find((b) => b.construct === loc)!.indicators;
    its.forEach((item, i) =>
      indicators.push({
        item,
        construct: loc,
        rescaledWeight: resc.rescaledWeights[i]!,
        importance: importance === null ? NaN : resc.rescaledWeights[i]! * importance,
        performance: resc.itemPerformance[i]!,
      }),
    );
  };
  for (const row of r.indicators) {
    if (!lower.has(row.item)) indicators.push(row);
    else locRow(row.item, row.construct, row.importance);
  }
  // the target itself a higher-order construct: its dimensions raise it by their rescaled weights
  const target = est.blocks.find((b) => b.construct === r.target)!;
  const hocWeights = target.indicators.filter((it) => lower.has(it));
  if (hocWeights.length > 0) {
    const w = target.indicators.map(
      (it) => est.outer.find((o) => o.construct === r.target && o.indicator === it)!.weight,
    );
    const u = target.indicators.map((it, i) => w[i]! * lower.get(it)!.U);
    const U = u.reduce((a, b) => a + b, 0);
    target.indicators.forEach((it, i) => locRow(it, r.target, u[i]! / U));
  }
  return { ...r, constructs, indicators };
}
