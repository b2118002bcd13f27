/**
 * Chart of a firm's dimension scores against the norm sample: per dimension, the norm's range
 * (thin rule from the lowest to the highest score), interquartile range (band) and median (tick),
 * and the firm's score as a point, on the response scale.
 */
import { CHART_CONFIG, type Chart } from "./render.js";

/** The norm sample's five-number summary of a score. */
export interface NormQuantiles {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

export interface NormPoint {
  dimension: string;
  /** null when the firm has no score on the dimension (no point is drawn) */
  score: number | null;
  norm: NormQuantiles;
}

/** The chart; the spec depends on the scale only, so one compiled spec serves every firm. */
export function normsChartSpec(
  points: readonly NormPoint[],
  scale: { min: number; max: number },
  firmLabel: string,
): Chart {
  const values = points.map((p, i) => ({ dimension: p.dimension, order: i, score: p.score, ...p.norm }));
  const y = { field: "dimension", type: "nominal", sort: null, title: null } as const;
  const q = (field: string, title: string | null = null) => ({
    field,
    type: "quantitative" as const,
    title,
    scale: { domain: [scale.min, scale.max] },
    axis: { tickCount: scale.max - scale.min, format: "d" },
  });
  const spec: Chart["spec"] = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    config: CHART_CONFIG,
    width: 560,
    height: { step: 34 },
    params: [{ name: "firm", value: "" }],
    data: { name: "scores" },
    layer: [
      {
        mark: { type: "rule", color: "#9aa7bd" },
        encoding: { y, x: q("min", "score (norm sample: range, quartiles, median)"), x2: { field: "max" } },
      },
      { mark: { type: "bar", color: "#c9d4e8", height: 14 }, encoding: { y, x: q("q1"), x2: { field: "q3" } } },
      { mark: { type: "tick", color: "#1f3b73", thickness: 2, size: 16 }, encoding: { y, x: q("median") } },
      {
        mark: { type: "point", shape: "diamond", filled: true, size: 140, color: "#d1495b", opacity: 1 },
        encoding: { y, x: q("score"), tooltip: { field: "score", type: "quantitative", format: ".2f" } },
      },
      {
        mark: { type: "text", align: "left", dx: 9, fontSize: 10, color: "#d1495b" },
        encoding: { y, x: q("score"), text: { field: "score", type: "quantitative", format: ".2f" } },
      },
    ],
    title: { text: { expr: "firm" }, fontSize: 12, anchor: "start" },
  };
  return { spec, data: { scores: values }, params: { firm: firmLabel } };
}
