/**
 * The Monte Carlo power curve (the vega-lite spec of `isrs power`'s JSON "chart", power over N)
 * drawn to SVG as the reports draw their charts: `isrs power --chart` and the power section of the
 * study report.
 */
import { chartToSvg, CHART_CONFIG, type Chart } from "./render.js";

export async function powerCurveSvg(spec: object): Promise<string> {
  const full = { ...spec, config: CHART_CONFIG, width: 480, height: 300 };
  return chartToSvg({ spec: full as Chart["spec"], data: {} });
}
