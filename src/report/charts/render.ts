/**
 * vega-lite spec → SVG in Node: compiled with vega-lite, run by a headless vega View with no
 * renderer (no canvas: text widths are vega's estimates) and serialized with view.toSVG(). Data
 * are always values given here; nothing is loaded. Both libraries are imported on first use.
 *
 * A chart is a spec plus the values of its named data sources and parameters, so that one
 * compiled and parsed spec serves every firm of a batch (compiling is most of a chart's time);
 * parsed specs are kept per spec text, a few at a time.
 */
import type { TopLevelSpec } from "vega-lite";
import type { Runtime } from "vega";

/** The look shared by every chart: system sans-serif fonts, no network fonts. */
export const CHART_CONFIG = {
  font: "Helvetica, Arial, sans-serif",
  background: "white",
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, gridColor: "#e5e5e5" },
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 260 },
} as const;

export interface Chart {
  spec: TopLevelSpec;
  /** values of the spec's named data sources (`data: { name }`) */
  data: Record<string, object[]>;
  /** values of the spec's parameters (`params: [{ name }]`) */
  params?: Record<string, unknown>;
}

const parsed = new Map<string, Runtime>();
const KEEP = 16;

async function runtimeOf(spec: TopLevelSpec): Promise<Runtime> {
  const key = JSON.stringify(spec);
  const hit = parsed.get(key);
  if (hit !== undefined) return hit;
  const [vl, vega] = await Promise.all([import("vega-lite"), import("vega")]);
  const runtime = vega.parse(vl.compile(spec).spec);
  if (parsed.size >= KEEP) parsed.delete(parsed.keys().next().value!);
  parsed.set(key, runtime);
  return runtime;
}

export async function chartToSvg(chart: Chart): Promise<string> {
  const vega = await import("vega");
  const view = new vega.View(await runtimeOf(chart.spec), { renderer: "none", logLevel: vega.Error });
  try {
    for (const [name, values] of Object.entries(chart.data)) view.data(name, values);
    for (const [name, value] of Object.entries(chart.params ?? {})) view.signal(name, value);
    await view.runAsync();
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
