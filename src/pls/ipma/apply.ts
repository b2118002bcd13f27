/**
 * The importance-performance map of an analysis (the library's entry and `isrs pls --ipma`),
 * written into the result object as `ipma` with its vega-lite chart (data inlined). Browser-safe.
 */
import type { PlsAnalysis } from "../analyze.js";
import { ipmaChartSpec } from "./chart.js";
import type { IpmaResult } from "./compute.js";
import { plsIpma, type IpmaScales } from "./index.js";

/** `chartConfig`: the look of the chart in `ipma.chart` (vega-lite config; default none). */
export function plsImportancePerformance(
  analysis: PlsAnalysis,
  target: string,
  scales: IpmaScales = {},
  chartConfig: object = {},
): IpmaResult {
  const r = analysis.results;
  const ipma = plsIpma(analysis.spec, analysis.data, analysis.estimate, target, scales, r.settings.plsc);
  const chart = ipmaChartSpec(ipma, "construct", chartConfig);
  r.ipma = {
    target: ipma.target,
    constructs: ipma.constructs,
    indicators: ipma.indicators,
    chart: { ...chart.spec, data: { values: chart.data.ipma } },
  };
  for (const m of ipma.warnings) r.warnings.push({ code: "W_PLS_IPMA", message: m });
  return ipma;
}
