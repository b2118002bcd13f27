/**
 * Chart of a firm's dimension scores against the norm sample: per dimension, the norm's 10th-90th
 * percentile range (thin rule), interquartile range (band) and median (tick), and the firm's
 * score as a point, on the response scale.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG } from "./render.js";

export interface NormQuantiles {
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
}

export interface NormPoint {
  dimension: string;
  score: number;
  norm: NormQuantiles;
}

export function normsChartSpec(points: readonly NormPoint[], scale: { min: number; max: number }, firmLabel: string): TopLevelSpec {
  const values = points.map((p, i) => ({ dimension: p.dimension, order: i, score: p.score, ...p.norm }));
  const y = { field: "dimension", type: "nominal", sort: null, title: null } as const;
  const q = (field: string, title: string | null = null) => ({ field, type: "quantitative" as const, title, scale: { domain: [scale.min, scale.max] }, axis: { tickCount: scale.max - scale.min, format: "d" } });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    config: CHART_CONFIG,
    width: 560,
    height: { step: 34 },
    data: { values },
    layer: [
      { mark: { type: "rule", color: "#9aa7bd" }, encoding: { y, x: q("p10", "score (norm: 10th–90th percentile, quartiles, median)"), x2: { field: "p90" } } },
      { mark: { type: "bar", color: "#c9d4e8", height: 14 }, encoding: { y, x: q("p25"), x2: { field: "p75" } } },
      { mark: { type: "tick", color: "#1f3b73", thickness: 2, size: 16 }, encoding: { y, x: q("p50") } },
      {
        mark: { type: "point", shape: "diamond", filled: true, size: 140, color: "#d1495b", opacity: 1 },
        encoding: { y, x: q("score"), tooltip: { field: "score", type: "quantitative", format: ".2f" } },
      },
      { mark: { type: "text", align: "left", dx: 9, fontSize: 10, color: "#d1495b" }, encoding: { y, x: q("score"), text: { field: "score", type: "quantitative", format: ".2f" } } },
    ],
    title: { text: firmLabel, fontSize: 12, anchor: "start" },
  };
}
