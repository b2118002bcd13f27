/**
 * vega-lite spec → SVG in Node: compiled with vega-lite, run by a headless vega View with no
 * renderer (no canvas: text widths are vega's estimates) and serialized with view.toSVG().
 * Data are always inline values; nothing is loaded. Both libraries are imported on first use.
 */
import type { TopLevelSpec } from "vega-lite";

/** The look shared by every chart: system sans-serif fonts, no network fonts. */
export const CHART_CONFIG = {
  font: "Helvetica, Arial, sans-serif",
  background: "white",
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, gridColor: "#e5e5e5" },
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 260 },
} as const;

export async function chartToSvg(spec: TopLevelSpec): Promise<string> {
  const [vl, vega] = await Promise.all([import("vega-lite"), import("vega")]);
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none", logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
