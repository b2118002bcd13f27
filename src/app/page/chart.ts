/**
 * The chart of the diagnostic, drawn as SVG by our own code (no chart library in the page): one
 * row per practice area on the 1-7 scale and one for the ISRS index on 0-100; each row shows the
 * norm firms' range (a thin line), their middle half (first to third quartile, a grey bar) and
 * median (a tick), and the firm (a dot with its value).
 */
import type { IndexSummary } from "../../instrument/score.js";
import { s } from "./dom.js";

export interface ChartRow {
  label: string;
  norm: IndexSummary;
  value: number | null;
  /** the axis of the row */
  min: number;
  max: number;
  text: string;
}

export interface ChartLabels {
  title: string;
  desc: string;
  you: string;
  middle: string;
  median: string;
}

const W = 680;
const LABEL_W = 200;
const PLOT_W = 420;
const ROW_H = 46;
const TOP = 34;

function row(r: ChartRow, k: number, extraGap: number, tickLabels: boolean): SVGElement {
  const y = TOP + k * ROW_H + extraGap + 18;
  const x = (v: number): number => LABEL_W + ((v - r.min) / (r.max - r.min)) * PLOT_W;
  const ticks = r.max - r.min <= 10 ? range(r.min, r.max, 1) : range(r.min, r.max, 25);
  return s(
    "g",
    {},
    s("text", { x: LABEL_W - 12, y: y + 4, "text-anchor": "end", class: "c-label" }, r.label),
    ...ticks.map((t) => s("line", { x1: x(t), x2: x(t), y1: y - 16, y2: y + 16, class: "c-grid" })),
    ...(tickLabels
      ? ticks.map((t) => s("text", { x: x(t), y: y + 30, "text-anchor": "middle", class: "c-tick" }, String(t)))
      : []),
    s("line", { x1: x(r.norm.min), x2: x(r.norm.max), y1: y, y2: y, class: "c-range" }),
    s("rect", {
      x: x(r.norm.q1),
      y: y - 8,
      width: Math.max(1, x(r.norm.q3) - x(r.norm.q1)),
      height: 16,
      class: "c-box",
    }),
    s("line", { x1: x(r.norm.median), x2: x(r.norm.median), y1: y - 10, y2: y + 10, class: "c-median" }),
    r.value === null
      ? null
      : s(
          "g",
          {},
          s("circle", { cx: x(r.value), cy: y, r: 7, class: "c-you" }),
          s("text", { x: x(r.value), y: y - 13, "text-anchor": "middle", class: "c-value" }, r.text),
        ),
  );
}

function range(a: number, b: number, step: number): number[] {
  const out: number[] = [];
  for (let v = a; v <= b + 1e-9; v += step) out.push(v);
  return out;
}

let chartSerial = 0;

export function normChart(rows: ChartRow[], labels: ChartLabels): SVGElement {
  const id = `chart${++chartSerial}`;
  const gapAfter = rows.length - 1; // the index row sits a little apart
  const height = TOP + rows.length * ROW_H + 24 + 24;
  const legendY = 14;
  return s(
    "svg",
    {
      viewBox: `0 0 ${W} ${height}`,
      width: "100%",
      role: "img",
      "aria-labelledby": `${id}-t ${id}-d`,
      class: "chart",
    },
    s("title", { id: `${id}-t` }, labels.title),
    s("desc", { id: `${id}-d` }, labels.desc),
    s("circle", { cx: LABEL_W + 6, cy: legendY, r: 6, class: "c-you" }),
    s("text", { x: LABEL_W + 18, y: legendY + 4, class: "c-legend" }, labels.you),
    s("rect", { x: LABEL_W + 110, y: legendY - 7, width: 26, height: 14, class: "c-box" }),
    s("text", { x: LABEL_W + 142, y: legendY + 4, class: "c-legend" }, labels.middle),
    s("line", { x1: LABEL_W + 360, x2: LABEL_W + 360, y1: legendY - 8, y2: legendY + 8, class: "c-median" }),
    s("text", { x: LABEL_W + 368, y: legendY + 4, class: "c-legend" }, labels.median),
    ...rows.map((r, k) => row(r, k, k >= gapAfter ? 24 : 0, k === rows.length - 1 || k === gapAfter - 1)),
  );
}
