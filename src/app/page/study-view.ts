/**
 * The analysis results in the page, from the JSON of `isrs analyze --format json`: model fit
 * (χ², df, p, CFI, TLI, RMSEA, SRMR), hypotheses, reliability and convergent validity, the
 * second-order factor, data screening, and a path diagram of the structural model drawn as SVG by
 * our own code (columns by the order of the paths; no Graphviz in the page). data-value holds each
 * number as computed.
 */
import type { ItemDescriptives } from "../../analysis/descriptives.js";
import type { Instrument } from "../../instrument/schema.js";
import type { Lang } from "../payload.js";
import { h, s } from "./dom.js";
import { formatNumber, type Strings } from "./strings.js";
import { cell, itemScreeningTable, loadingsTable, pvalueCell, table, validityTables } from "./study-tables.js";

interface ParamRow {
  lhs: string;
  op: string;
  rhs: string;
  "std.all"?: number | null;
  est?: number;
  pvalue?: number | null;
}

export interface StudyJson {
  data: { file: string; rows: number; complete: number; dropped: unknown[] };
  models: {
    name: string;
    converged: boolean;
    nobs: number;
    fit: Record<string, number | null>;
    parameters: ParamRow[];
  }[];
  hypotheses: {
    id: string;
    path: string;
    "std.all": number | null;
    pvalue: number | null;
    expected: string;
    supported: boolean;
  }[];
  reliability: { construct: string; items: string[]; alpha: { raw_alpha: number }; omega: number; ave: number }[];
  secondOrder: { factor: string; omegaL1: number; omegaL2: number; partialOmegaL1: number }[];
  screening: { mardia: { "p.skew": number; "p.kurt": number } | null; items: ItemDescriptives[] };
  validity: {
    fornellLarcker: { names: string[]; values: number[][] };
    htmt: { htmt: { names: string[]; values: number[][] } };
  };
}

export interface ViewContext {
  base: Instrument;
  lang: Lang;
  t: Strings;
}

const FIT = ["chisq", "df", "pvalue", "cfi", "tli", "rmsea", "srmr"] as const;
const FIT_HEAD: Record<(typeof FIT)[number], string> = {
  chisq: "χ²",
  df: "df",
  pvalue: "p",
  cfi: "CFI",
  tli: "TLI",
  rmsea: "RMSEA",
  srmr: "SRMR",
};

function fitTable(study: StudyJson, c: ViewContext): HTMLElement {
  return table(
    c.t("fitTitle"),
    [c.t("colModel"), ...FIT.map((m) => (m === "df" ? c.t("colDf") : FIT_HEAD[m]))],
    study.models.map((m) =>
      h(
        "tr",
        {},
        h("th", { scope: "row" }, m.name),
        FIT.map((k) =>
          k === "pvalue"
            ? pvalueCell(c.lang, m.fit[k] ?? null, `fit-${m.name}-${k}`)
            : cell(c.lang, m.fit[k], k === "df" ? 0 : 3, `fit-${m.name}-${k}`),
        ),
      ),
    ),
  );
}

function hypothesesTable(study: StudyJson, c: ViewContext): HTMLElement {
  const { t, lang } = c;
  return table(
    t("hypTitle"),
    [t("colHyp"), t("colPath"), t("colBeta"), t("colP"), t("colSupported")],
    study.hypotheses.map((x) =>
      h(
        "tr",
        { "data-testid": `hyp-${x.id}`, "data-supported": String(x.supported) },
        h("th", { scope: "row" }, x.id),
        h("td", {}, x.path),
        cell(lang, x["std.all"], 3, `hyp-${x.id}-std`),
        pvalueCell(lang, x.pvalue, `hyp-${x.id}-p`),
        h("td", { class: "num" }, x.supported ? t("yes") : t("no")),
      ),
    ),
    2,
  );
}

function reliabilityTable(study: StudyJson, c: ViewContext): HTMLElement {
  const { t, lang } = c;
  return table(
    t("reliabilityTitle"),
    [t("colConstruct"), "α", "ω", "AVE"],
    study.reliability.map((r) =>
      h(
        "tr",
        {},
        h("th", { scope: "row" }, r.construct),
        cell(lang, r.alpha.raw_alpha, 3, `alpha-${r.construct}`),
        cell(lang, r.omega, 3, `omega-${r.construct}`),
        cell(lang, r.ave, 3, `ave-${r.construct}`),
      ),
    ),
  );
}

interface Node {
  id: string;
  col: number;
  x: number;
  y: number;
}

/** Columns: dimensions of a second-order factor first, the factor next, each outcome after its predictors. */
function layout(instr: Instrument): Node[] {
  const col = new Map<string, number>();
  const second = instr.constructs.filter((c) => c.kind === "second-order");
  for (const f of second) {
    if (f.kind !== "second-order") continue;
    for (const d of f.dimensions) col.set(d, 0);
    col.set(f.id, 1);
  }
  for (const c of instr.constructs) if (!col.has(c.id) && c.kind !== "dimension") col.set(c.id, 1);
  for (const c of instr.constructs) if (!col.has(c.id)) col.set(c.id, 0);
  for (let pass = 0; pass < instr.constructs.length; pass++)
    for (const r of instr.model.regressions) {
      const need = 1 + Math.max(...r.predictors.map((p) => col.get(p) ?? 0));
      if ((col.get(r.outcome) ?? 0) < need) col.set(r.outcome, need);
    }
  const cols = [...new Set(col.values())].sort((a, b) => a - b);
  const nodes: Node[] = [];
  for (const k of cols) {
    const ids = [...col.entries()].filter(([, v]) => v === k).map(([id]) => id);
    ids.forEach((id, i) =>
      nodes.push({ id, col: k, x: 90 + cols.indexOf(k) * 230, y: (i + 0.5) * (300 / ids.length) + 20 }),
    );
  }
  return nodes;
}

/** An arrow from ellipse edge to ellipse edge (radii 80 × 28), the head just outside the target, with its label. */
function arrow(from: Node, to: Node, label: string): SVGElement {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy);
  const ux = dx / len;
  const uy = dy / len;
  const r = (u: number, v: number): number => 1 / Math.sqrt((u / 80) ** 2 + (v / 28) ** 2);
  const x1 = from.x + ux * r(ux, uy);
  const y1 = from.y + uy * r(ux, uy);
  const x2 = to.x - ux * (r(ux, uy) + 3);
  const y2 = to.y - uy * (r(ux, uy) + 3);
  const mx = (x1 + x2) / 2;
  const my = (y1 + y2) / 2;
  return s(
    "g",
    {},
    s("line", { x1, y1, x2, y2, class: "d-edge", "marker-end": "url(#isrs-arrow)" }),
    s("rect", { x: mx - 19, y: my - 9, width: 38, height: 16, class: "d-label-bg" }),
    s("text", { x: mx, y: my + 3, "text-anchor": "middle", class: "d-label" }, label),
  );
}

function diagram(study: StudyJson, c: ViewContext): SVGElement {
  const model = study.models.find((m) => m.name === "structural") ?? study.models[study.models.length - 1]!;
  const nodes = layout(c.base);
  const at = new Map(nodes.map((n) => [n.id, n]));
  const edges = model.parameters.filter(
    (p) => (p.op === "~" || (p.op === "=~" && at.has(p.rhs))) && at.has(p.lhs) && at.has(p.rhs),
  );
  const width = Math.max(...nodes.map((n) => n.x)) + 100;
  // a construct's label when it fits in its ellipse, else its id
  const label = (id: string): string => {
    const l = c.base.constructs.find((x) => x.id === id)?.label ?? id;
    return l.length <= 22 ? l : id;
  };
  return s(
    "svg",
    { viewBox: `0 0 ${width} 340`, width: "100%", role: "img", "aria-labelledby": "diagram-t", class: "diagram" },
    s("title", { id: "diagram-t" }, c.t("diagramTitle")),
    s(
      "defs",
      {},
      s(
        "marker",
        { id: "isrs-arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto" },
        s("path", { d: "M0,0L10,5L0,10z", class: "d-head" }),
      ),
    ),
    edges.map((p) => {
      const [from, to] = p.op === "=~" ? [at.get(p.lhs)!, at.get(p.rhs)!] : [at.get(p.rhs)!, at.get(p.lhs)!];
      const v = p["std.all"];
      return arrow(from, to, v === null || v === undefined ? "" : formatNumber(c.lang, v, 2));
    }),
    nodes.map((n) =>
      s(
        "g",
        {},
        s("ellipse", { cx: n.x, cy: n.y, rx: 80, ry: 28, class: "d-node" }),
        s("text", { x: n.x, y: n.y + 4, "text-anchor": "middle", class: "d-text" }, label(n.id)),
      ),
    ),
  );
}

export function renderStudy(study: StudyJson, c: ViewContext): HTMLElement {
  const { t, lang } = c;
  const m = study.screening.mardia;
  return h(
    "div",
    { class: "study" },
    h("h3", {}, t("fitTitle")),
    fitTable(study, c),
    h("h3", {}, t("hypTitle")),
    hypothesesTable(study, c),
    h("h3", {}, t("diagramTitle")),
    h("figure", { class: "chart-figure" }, diagram(study, c)),
    h("h3", {}, t("loadingsTitle")),
    loadingsTable(study, c),
    h("h3", {}, t("reliabilityTitle")),
    reliabilityTable(study, c),
    validityTables(study, c),
    study.secondOrder.map((x) =>
      h(
        "p",
        {},
        `${x.factor}: ωL1 ${formatNumber(lang, x.omegaL1, 3)}, ωL2 ${formatNumber(lang, x.omegaL2, 3)}, ` +
          `ω partial L1 ${formatNumber(lang, x.partialOmegaL1, 3)}`,
      ),
    ),
    h("h3", {}, t("screeningTitle")),
    h(
      "p",
      {},
      `N = ${study.data.rows}; complete rows ${study.data.complete}` +
        (m === null
          ? ""
          : `; Mardia p (skew) ${formatNumber(lang, m["p.skew"], 4)}, ` +
            `p (kurtosis) ${formatNumber(lang, m["p.kurt"], 4)}`),
    ),
    itemScreeningTable(study, c),
  );
}
