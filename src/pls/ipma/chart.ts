/**
 * The importance-performance map (Ringle & Sarstedt 2016, Fig. 1): one point per antecedent of
 * the target, importance (unstandardised total effect) across, performance (0-100) up, with
 * dashed rules at the mean importance and the mean performance that cut it into the four
 * quadrants; the lower right one (important, performing below average) is where to act first.
 */
import type { Chart } from "../../report/charts/render.js";
import type { IpmaResult } from "./compute.js";

/**
 * The map's vega-lite spec and data. `config` is the chart look (the report's CHART_CONFIG from
 * report/charts/render.ts, passed in so that this module stays free of the rendering code).
 */
export function ipmaChartSpec(
  ipma: IpmaResult,
  level: "construct" | "indicator" = "construct",
  config: object = {},
): Chart {
  const points =
    level === "construct"
      ? ipma.constructs
          .filter((c) => c.importance !== null)
          .map((c) => ({
            name: c.construct,
            group: c.construct,
            importance: c.importance!,
            performance: c.performance,
          }))
      : ipma.indicators.map((i) => ({
          name: i.item,
          group: i.construct,
          importance: i.importance,
          performance: i.performance,
        }));
  const values = points.map((p) => ({
    ...p,
    importance: Math.round(p.importance * 10000) / 10000,
    performance: Math.round(p.performance * 100) / 100,
  }));
  const mean = (f: (v: (typeof values)[number]) => number): number =>
    values.length === 0 ? 0 : values.reduce((a, v) => a + f(v), 0) / values.length;
  const x = {
    field: "importance",
    type: "quantitative",
    title: `importance (total effect on ${ipma.target})`,
  } as const;
  const y = {
    field: "performance",
    type: "quantitative" as const,
    title: "performance (0-100)",
    scale: { domain: [0, 100] },
  };
  const spec: Chart["spec"] = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    config,
    width: 480,
    height: 320,
    data: { name: "ipma" },
    layer: [
      {
        mark: { type: "point", filled: true, size: 70 },
        encoding: {
          x,
          y,
          color: {
            field: "group",
            type: "nominal",
            title: "construct",
            scale: { scheme: "tableau10" },
          },
          tooltip: [{ field: "name" }, { field: "importance" }, { field: "performance" }],
        },
      },
      { mark: { type: "text", align: "left", dx: 6, fontSize: 10 }, encoding: { x, y, text: { field: "name" } } },
      {
        data: { values: [{ m: mean((v) => v.importance) }] },
        mark: { type: "rule", strokeDash: [4, 3], color: "#888" },
        encoding: { x: { field: "m", type: "quantitative" } },
      },
      {
        data: { values: [{ m: mean((v) => v.performance) }] },
        mark: { type: "rule", strokeDash: [4, 3], color: "#888" },
        encoding: { y: { field: "m", type: "quantitative" } },
      },
    ],
  };
  return { spec, data: { ipma: values } };
}
