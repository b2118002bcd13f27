/**
 * Chart of standardized loadings (std.all): one bar per indicator, grouped and coloured by factor,
 * with a dashed rule at 0.708, the loading whose square explains half the indicator's variance
 * (Hair, Hult, Ringle & Sarstedt 2017, ch. 4: indicator reliability).
 */
import { CHART_CONFIG, type Chart } from "./render.js";

export interface LoadingPoint {
  factor: string;
  indicator: string;
  std: number;
}

export const LOADING_THRESHOLD = 0.708;

export function loadingsChartSpec(points: readonly LoadingPoint[]): Chart {
  const values = points.map((p, i) => ({
    factor: p.factor,
    indicator: p.indicator,
    std: Math.round(p.std * 1000) / 1000,
    order: i,
  }));
  const xMax = Math.max(1, ...values.map((v) => v.std));
  const xMin = Math.min(0, ...values.map((v) => v.std));
  const y = { field: "indicator", type: "nominal", sort: null, title: null } as const;
  const x = {
    field: "std",
    type: "quantitative" as const,
    title: "standardized loading (std.all)",
    scale: { domain: [xMin, xMax] },
  };
  const spec: Chart["spec"] = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    config: CHART_CONFIG,
    width: 560,
    height: { step: 16 },
    data: { name: "loadings" },
    layer: [
      {
        mark: { type: "bar", height: { band: 0.75 } },
        encoding: {
          y,
          x,
          color: { field: "factor", type: "nominal", title: "factor", sort: null, scale: { scheme: "tableau10" } },
        },
      },
      {
        mark: { type: "text", align: "left", dx: 3, fontSize: 10 },
        encoding: { y, x, text: { field: "std", type: "quantitative", format: ".2f" } },
      },
      {
        data: { values: [{ t: LOADING_THRESHOLD }] },
        mark: { type: "rule", strokeDash: [4, 3], color: "#b22222" },
        encoding: { x: { field: "t", type: "quantitative" } },
      },
    ],
  };
  return { spec, data: { loadings: values } };
}
