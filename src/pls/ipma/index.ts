/**
 * IPMA of an estimated PLS model (compute.ts has the formulas): for a target construct, the
 * importance (unstandardised total effect) and performance (0-100) of every construct with an
 * effect on it, and of their indicators, and the map as a vega-lite chart (chart.ts). The scale
 * ends of the indicators come from the caller (per item, or one scale for all); without them the
 * lowest and highest observed values of the model's indicators are taken, and a warning says so.
 */
import { InputError } from "../../sem/messages.js";
import type { PlsData, PlsEstimate, PlsSpec } from "../types.js";
import { computeIpma, type IpmaResult } from "./compute.js";

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
  if (spec.constructs.some((c) => c.higherOrder))
    throw new InputError("E_USAGE", "IPMA: the model has higher-order constructs, which the map does not cover");
  if (!est.constructs.includes(target))
    throw new InputError(
      "E_USAGE",
      `--ipma ${target}: not a construct of the structural model (constructs: ${est.constructs.join(", ")})`,
    );
  if ((scales.min === undefined) !== (scales.max === undefined))
    throw new InputError("E_USAGE", "IPMA: give both scale ends (--scale-min and --scale-max), or neither");
  const items = data.items;
  const c = est.constructs.length;
  const p = items.length;
  const weights = new Float64Array(p * c);
  for (const o of est.outer) weights[items.indexOf(o.indicator) * c + est.constructs.indexOf(o.construct)] = o.weight;
  const ranges = items.map((it) => observedRange(data.raw[it]!));
  const warnings: string[] = [];
  let globalMin = scales.min;
  let globalMax = scales.max;
  const unscaled = items.filter((it) => scales.items?.[it] === undefined);
  if (globalMin === undefined && unscaled.length > 0) {
    globalMin = Math.min(...ranges.map((r) => r[0]));
    globalMax = Math.max(...ranges.map((r) => r[1]));
    warnings.push(
      `IPMA: no scale ends given; the observed range ${globalMin} to ${globalMax} of the indicators is taken ` +
        "as their scale (give --scale-min and --scale-max)",
    );
  }
  const end = (it: string, which: "min" | "max"): number =>
    scales.items?.[it]?.[which] ?? (which === "min" ? globalMin! : globalMax!);
  if (plsc)
    warnings.push(
      "IPMA with consistent PLS: the importance uses the corrected paths, the performance the composite scores",
    );
  const result = computeIpma({
    constructs: est.constructs,
    items,
    blocks: est.constructs.map((k) =>
      est.blocks.find((b) => b.construct === k)!.indicators.map((i) => items.indexOf(i)),
    ),
    weights,
    means: Float64Array.from(items, (it) => est.indicatorMeans[it]!),
    sds: Float64Array.from(items, (it) => est.indicatorSds[it]!),
    observedMin: Float64Array.from(ranges, (r) => r[0]),
    observedMax: Float64Array.from(ranges, (r) => r[1]),
    totalEffects: Float64Array.from(est.totalEffects.flat()),
    scaleMin: Float64Array.from(items, (it) => end(it, "min")),
    scaleMax: Float64Array.from(items, (it) => end(it, "max")),
    target,
  });
  return { ...result, warnings: [...warnings, ...result.warnings] };
}
