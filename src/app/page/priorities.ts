/**
 * The importance-performance priorities of the norm sample (computed by `isrs app` with the PLS
 * IPMA; src/app/priorities.ts), shown in the diagnostic when the norm data are embedded: a small
 * map of the practices drawn as SVG by our own code (performance 0-100 across, importance up;
 * dashed lines at the median performance and the mean importance), the practice areas' importance
 * and performance, and "what to fix first": the practices performing below the median of all
 * practices, by importance, the firm's own weakest practices marked. Test hooks:
 * data-testid="ipma-point-<item>" / "ipma-area-<dimension>" / "priority-<item>", with
 * data-importance and data-performance holding the numbers as computed.
 */
import type { Instrument } from "../../instrument/schema.js";
import type { AppPriorities } from "../payload.js";
import type { Lang } from "../payload.js";
import { h, s } from "./dom.js";
import { formatNumber, type Strings } from "./strings.js";

export interface PrioritiesContext {
  t: Strings;
  lang: Lang;
  /** the instrument in the page's language */
  instr: Instrument;
  /** the firm's weakest practices (item ids) */
  weakest: ReadonlySet<string>;
  prefix: string;
}

type Practice = AppPriorities["indicators"][number] & { importance: number };

function median(xs: readonly number[]): number {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 === 1 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

/** The practices (items of the first-order dimensions) on the map. */
export function practicesOf(p: AppPriorities, instr: Instrument): Practice[] {
  const dims = new Set(instr.constructs.filter((c) => c.kind === "dimension").map((c) => c.id));
  return p.indicators.filter((x): x is Practice => dims.has(x.construct) && x.importance !== null);
}

/** Below-median-performance practices, most important first. */
export function fixFirst(practices: readonly Practice[]): Practice[] {
  const m = median(practices.map((x) => x.performance));
  return practices.filter((x) => x.performance < m).sort((a, b) => b.importance - a.importance);
}

/** The map's size and margins (left for the importance axis, bottom for the performance axis). */
const W = 560;
const H = 300;
const L = 60;
const B = 40;

/** The map's coordinates: performance on x (rounded out to fives within 0-100), importance on y from 0. */
interface MapFrame {
  X: (v: number) => number;
  Y: (v: number) => number;
  /** the performance ticks, every 5 */
  ticks: number[];
  /** the top of the importance axis */
  y1: number;
}

function mapFrame(practices: readonly Practice[]): MapFrame {
  const perf = practices.map((x) => x.performance);
  const imp = practices.map((x) => x.importance);
  const x0 = Math.max(0, Math.floor(Math.min(...perf) / 5) * 5 - 5);
  const x1 = Math.min(100, Math.ceil(Math.max(...perf) / 5) * 5 + 5);
  const y1 = Math.max(...imp) * 1.15;
  const ticks: number[] = [];
  for (let v = x0; v <= x1; v += 5) ticks.push(v);
  return {
    X: (v) => L + ((v - x0) / (x1 - x0)) * (W - L - 20),
    Y: (v) => H - B - (v / y1) * (H - B - 15),
    ticks,
    y1,
  };
}

function map(practices: readonly Practice[], c: PrioritiesContext): SVGElement {
  const f = mapFrame(practices);
  const { X, Y } = f;
  const mPerf = median(practices.map((x) => x.performance));
  const imp = practices.map((x) => x.importance);
  const mImp = imp.reduce((a, b) => a + b, 0) / imp.length;
  const id = `${c.prefix}ipma-map-t`;
  return s(
    "svg",
    { viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", "aria-labelledby": id, class: "chart ipma-map" },
    s("title", { id }, c.t("ipmaMapTitle")),
    mapAxes(f, c),
    s("line", { x1: X(mPerf), x2: X(mPerf), y1: 15, y2: H - B, class: "i-mid" }),
    s("line", { x1: L, x2: W - 20, y1: Y(mImp), y2: Y(mImp), class: "i-mid" }),
    s("text", { x: (L + W - 20) / 2, y: H - 4, "text-anchor": "middle", class: "c-legend" }, c.t("ipmaPerformance")),
    s(
      "text",
      { x: 14, y: (H - B) / 2, "text-anchor": "middle", class: "c-legend", transform: `rotate(-90 14 ${(H - B) / 2})` },
      c.t("ipmaImportance"),
    ),
    practices.map((p) => mapPoint(p, f, c)),
  );
}

/** The performance grid with its ticks, three importance labels, and the two axis lines. */
function mapAxes({ X, Y, ticks, y1 }: MapFrame, c: PrioritiesContext): SVGElement[] {
  return [
    ...ticks.map((v) =>
      s(
        "g",
        {},
        s("line", { x1: X(v), x2: X(v), y1: 15, y2: H - B, class: "c-grid" }),
        s("text", { x: X(v), y: H - B + 16, "text-anchor": "middle", class: "c-tick" }, String(v)),
      ),
    ),
    ...[0, 0.5, 1].map((f) =>
      s(
        "text",
        { x: L - 6, y: Y((f * y1) / 1.15) + 4, "text-anchor": "end", class: "c-tick" },
        formatNumber(c.lang, (f * y1) / 1.15, 3),
      ),
    ),
    s("line", { x1: L, x2: W - 20, y1: H - B, y2: H - B, class: "c-range" }),
    s("line", { x1: L, x2: L, y1: 15, y2: H - B, class: "c-range" }),
  ];
}

/** A practice on the map, larger and marked when it is one of the firm's weakest. */
function mapPoint(p: Practice, { X, Y }: MapFrame, c: PrioritiesContext): SVGElement {
  const mine = c.weakest.has(p.item);
  return s(
    "g",
    {
      "data-testid": `${c.prefix}ipma-point-${p.item}`,
      "data-importance": String(p.importance),
      "data-performance": String(p.performance),
      "data-weakest": String(mine),
    },
    s("circle", { cx: X(p.performance), cy: Y(p.importance), r: mine ? 6 : 4, class: mine ? "i-mine" : "i-pt" }),
    s("text", { x: X(p.performance) + 7, y: Y(p.importance) + 4, class: "c-tick" }, p.item),
  );
}

function areas(p: AppPriorities, c: PrioritiesContext): HTMLElement {
  const label = (id: string): string => c.instr.constructs.find((k) => k.id === id)?.label ?? id;
  // the practice areas and the factor they form (the outcomes in between are not practices)
  const outcome = new Set(c.instr.constructs.filter((k) => k.kind === "outcome").map((k) => k.id));
  const rows = p.constructs.filter((k) => k.importance !== null && !outcome.has(k.id));
  return h(
    "table",
    { class: "ipma-areas" },
    h("caption", { class: "sr-only" }, c.t("ipmaAreasCaption", { target: label(p.target) })),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, c.t("colArea")),
        h("th", { scope: "col", class: "num" }, c.t("ipmaImportance")),
        h("th", { scope: "col", class: "num" }, c.t("ipmaPerformance")),
      ),
    ),
    h(
      "tbody",
      {},
      rows.map((k) =>
        h(
          "tr",
          {
            "data-testid": `${c.prefix}ipma-area-${k.id}`,
            "data-importance": String(k.importance),
            "data-performance": String(k.performance),
          },
          h("th", { scope: "row" }, label(k.id)),
          h("td", { class: "num" }, formatNumber(c.lang, k.importance!, 3)),
          h("td", { class: "num" }, formatNumber(c.lang, k.performance, 1)),
        ),
      ),
    ),
  );
}

export function renderPriorities(p: AppPriorities, c: PrioritiesContext): HTMLElement {
  const { t, lang } = c;
  const practices = practicesOf(p, c.instr);
  const first = fixFirst(practices);
  const text = (item: string): string => c.instr.items.find((i) => i.id === item)?.text ?? item;
  const target = c.instr.constructs.find((k) => k.id === p.target)?.label ?? p.target;
  return h(
    "section",
    { class: "priorities", "aria-labelledby": `${c.prefix}ipma-h`, "data-testid": `${c.prefix}priorities` },
    h("h3", { id: `${c.prefix}ipma-h` }, t("ipmaTitle")),
    h("p", {}, t("ipmaIntro", { target })),
    h("figure", { class: "chart-figure" }, map(practices, c), h("figcaption", {}, t("ipmaMapDesc"))),
    areas(p, c),
    h("h4", {}, t("fixFirstTitle")),
    h(
      "ol",
      { class: "fix-first" },
      first.map((x) =>
        h(
          "li",
          {
            "data-testid": `${c.prefix}priority-${x.item}`,
            "data-importance": String(x.importance),
            "data-performance": String(x.performance),
          },
          `“${text(x.item)}” (${x.item}) · `,
          t("fixFacts", { i: formatNumber(lang, x.importance, 3), p: formatNumber(lang, x.performance, 1) }),
          c.weakest.has(x.item) ? h("strong", { class: "weak" }, ` · ${t("alsoYourWeakest")}`) : null,
        ),
      ),
    ),
    h("p", { class: "notes" }, t("ipmaNote", { target })),
  );
}
