/**
 * The adapter from a Monte Carlo power analysis (src/power, `isrs power --reps`) to a section of
 * the study report: the power curve of the structural paths over N (the result's vega-lite chart,
 * drawn as `isrs power --chart` draws it), a table of power, bias and coverage per path and N, and
 * the answer to "how many firms do I need": the smallest N of the grid whose power for the first
 * structural path reaches 80%. The only file of src/report that reads the power result.
 */
import type { MonteCarloResult } from "../power/montecarlo-run.js";
import type { MonteCarloRow } from "../power/montecarlo.js";
import { powerCurveSvg } from "./charts/power.js";
import { cell, numCell, type Cell, type ReportFile, type Section } from "./document.js";

export const POWER_TARGET = 0.8;

export interface PowerAbout {
  /** where the population and the model come from, e.g. "the instrument's population model (isrs-kibs 1.0)" */
  readonly population: string;
}

const arrow = (r: MonteCarloRow): string => `${r.rhs} → ${r.lhs}`;
/** lavaan's notation, as the chart's legend and `isrs power` print the parameter */
const label = (r: MonteCarloRow): string => `${r.lhs} ${r.op} ${r.rhs}`;

/** The rows shown: the regressions (structural paths), or the loadings of a model without any. */
function shownRows(rows: readonly MonteCarloRow[]): MonteCarloRow[] {
  const paths = rows.filter((r) => r.op === "~");
  return paths.length > 0 ? paths : rows.filter((r) => r.op === "=~");
}

/** "How many firms do I need": the smallest N of the grid with power ≥ 80% for the path, said in a sentence. */
export function sampleSizeAnswer(rows: readonly MonteCarloRow[], path: MonteCarloRow, alpha: number): string {
  const curve = rows
    .filter((r) => r.lhs === path.lhs && r.op === path.op && r.rhs === path.rhs)
    .sort((a, b) => a.n - b.n);
  const name = arrow(path);
  const lavaan = `${path.lhs} ~ ${path.rhs}; α = ${alpha}`;
  const enough = curve.find((r) => r.power >= POWER_TARGET);
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const target = `${(100 * POWER_TARGET).toFixed(0)}%`;
  if (enough === undefined) {
    const last = curve[curve.length - 1]!;
    return (
      `None of the sample sizes reaches ${target} power to detect ${name} (${lavaan}): the largest, N = ${last.n}, ` +
      `gives ${pct(last.power)}; more firms are needed than this grid holds.`
    );
  }
  const below = curve.filter((r) => r.n < enough.n).pop();
  if (below === undefined)
    return (
      `Already the smallest sample size of the grid, N = ${enough.n} firms, gives ${pct(enough.power)} power ` +
      `to detect ${name} (${lavaan}); fewer firms may suffice (a grid of smaller N would tell).`
    );
  return (
    `To detect ${name} (${lavaan}) with at least ${target} power, N = ${enough.n} firms are needed on this ` +
    `grid: power ${pct(enough.power)} at N = ${enough.n}, ${pct(below.power)} at N = ${below.n}.`
  );
}

function tableRows(rows: readonly MonteCarloRow[]): Cell[][] {
  return [...rows]
    .sort((a, b) => label(a).localeCompare(label(b)) || a.n - b.n)
    .map((r) => [
      cell(label(r)),
      numCell(r.n, 0),
      numCell(r.power),
      numCell(r.population),
      numCell(r.bias),
      numCell(r.coverage),
      numCell(r.converged),
    ]);
}

/** The section, its JSON (the whole power result, with the chart spec) and the chart's file. */
export async function powerSection(
  res: MonteCarloResult,
  about: PowerAbout,
): Promise<{ sections: Section[]; json: Record<string, unknown>; files: ReportFile[] }> {
  const shown = shownRows(res.rows);
  const svg = await powerCurveSvg(res.chart);
  const ns = [...new Set(res.rows.map((r) => r.n))].sort((a, b) => a - b);
  const method =
    `Monte Carlo power (as simsem): ${res.reps} data sets per sample size (N = ${ns.join(", ")}) drawn from ` +
    `${about.population}, multivariate normal; the model fitted to each by ML, and a path's power is the ` +
    `share of converged replications whose z test has p < ${res.alpha} (seed ${res.seed}; the same numbers as ` +
    `isrs power --instrument --n ${ns.join(",")} --reps ${res.reps} --seed ${res.seed}).`;
  const section: Section = {
    id: "power",
    title: "Power and sample size",
    blocks: [
      { kind: "text", text: method },
      {
        kind: "text",
        text: shown.length > 0 ? sampleSizeAnswer(res.rows, shown[0]!, res.alpha) : "The model has no paths.",
      },
      {
        kind: "figure",
        caption: `Power over N (dashed: ${(100 * POWER_TARGET).toFixed(0)}%)`,
        svg,
        file: "power.svg",
      },
      {
        kind: "table",
        caption: "Power per path and sample size",
        columns: [
          { header: "Path" },
          { header: "N", numeric: true },
          { header: "Power", numeric: true },
          { header: "Population value", numeric: true },
          { header: "Bias", numeric: true },
          { header: "95% CI coverage", numeric: true },
          { header: "Converged", numeric: true },
        ],
        rows: tableRows(shown),
      },
    ],
  };
  return { sections: [section], json: { power: res }, files: [{ name: "power.svg", content: svg }] };
}
