/**
 * The study report's measurement tables in the page, from the JSON of `isrs analyze --format json`
 * (as `isrs report` shows them): standardized loadings of the measurement model, discriminant
 * validity (Fornell-Larcker: √AVE on the diagonal, correlations below; HTMT ratios below the
 * diagonal) and the per-item screening (n, mean, SD, skewness, kurtosis, range, share missing).
 * Test hooks: data-testid="loading-<factor>-<item>", "fl-<row>-<column>", "htmt-<row>-<column>",
 * "screen-<item>-<statistic>"; data-value holds each number as computed.
 */
import type { Lang } from "../payload.js";
import { h } from "./dom.js";
import { formatNumber } from "./strings.js";
import type { StudyJson, ViewContext } from "./study-view.js";

export function cell(lang: Lang, x: number | null | undefined, digits: number, testid: string): HTMLElement {
  const text = x === null || x === undefined ? "NA" : formatNumber(lang, x, digits);
  return h(
    "td",
    { class: "num", "data-testid": testid, "data-value": x === null || x === undefined ? "" : String(x) },
    text,
  );
}

/** A p-value as the CLI prints it: three decimals, "<0.001" below that. */
export function pvalueCell(lang: Lang, p: number | null, testid: string): HTMLElement {
  const td = cell(lang, p, 3, testid);
  if (p !== null && p < 0.001) td.textContent = lang === "es" ? "<0,001" : "<0.001";
  return td;
}

export function table(caption: string, head: string[], rows: HTMLElement[], left = 1): HTMLElement {
  return h(
    "table",
    {},
    h("caption", { class: "sr-only" }, caption),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        head.map((x, k) => h("th", { scope: "col", class: k >= left ? "num" : null }, x)),
      ),
    ),
    h("tbody", {}, rows),
  );
}

/** Standardized loadings of the first-order constructs (the measurement model). */
export function loadingsTable(study: StudyJson, c: ViewContext): HTMLElement {
  const { t, lang } = c;
  const first = new Set(study.reliability.map((r) => r.construct));
  const model = study.models.find((m) => m.name === "measurement") ?? study.models[0]!;
  const rows = model.parameters.filter((p) => p.op === "=~" && first.has(p.lhs));
  return table(
    t("loadingsTitle"),
    [t("colConstruct"), t("colItem"), t("colEst"), t("colStd"), t("colP")],
    rows.map((p) =>
      h(
        "tr",
        {},
        h("th", { scope: "row" }, p.lhs),
        h("td", {}, p.rhs),
        cell(lang, p.est, 3, `loading-est-${p.lhs}-${p.rhs}`),
        cell(lang, p["std.all"], 3, `loading-${p.lhs}-${p.rhs}`),
        pvalueCell(lang, p.pvalue ?? null, `loading-p-${p.lhs}-${p.rhs}`),
      ),
    ),
    2,
  );
}

/** A lower-triangular construct matrix (with or without its diagonal). */
function matrix(
  caption: string,
  m: { names: string[]; values: number[][] },
  diagonal: boolean,
  hook: string,
  lang: Lang,
): HTMLElement {
  return table(
    caption,
    ["", ...m.names],
    m.names.map((a, i) =>
      h(
        "tr",
        {},
        h("th", { scope: "row" }, a),
        m.names.map((b, j) =>
          j < i || (diagonal && j === i)
            ? cell(lang, m.values[i]![j], 3, `${hook}-${a}-${b}`)
            : h("td", { class: "num" }, ""),
        ),
      ),
    ),
  );
}

export function validityTables(study: StudyJson, c: ViewContext): HTMLElement {
  const { t, lang } = c;
  return h(
    "div",
    {},
    h("h3", {}, t("flTitle")),
    h("p", { class: "explain" }, t("flExplain")),
    matrix(t("flTitle"), study.validity.fornellLarcker, true, "fl", lang),
    h("h3", {}, t("htmtTitle")),
    h("p", { class: "explain" }, t("htmtExplain")),
    matrix(t("htmtTitle"), study.validity.htmt.htmt, false, "htmt", lang),
  );
}

const SCREEN = ["n", "mean", "sd", "skew", "kurtosis", "min", "max", "missing"] as const;

export function itemScreeningTable(study: StudyJson, c: ViewContext): HTMLElement {
  const { t, lang } = c;
  const digits: Record<(typeof SCREEN)[number], number> = {
    n: 0,
    mean: 2,
    sd: 2,
    skew: 2,
    kurtosis: 2,
    min: 0,
    max: 0,
    missing: 3,
  };
  return h(
    "div",
    {},
    h("h3", {}, t("itemScreeningTitle")),
    table(
      t("itemScreeningTitle"),
      [t("colItem"), "n", t("colMean"), t("colSd"), t("colSkew"), t("colKurtosis"), "Min", "Max", t("colMissing")],
      study.screening.items.map((x) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, x.item),
          SCREEN.map((k) => cell(lang, x[k], digits[k], `screen-${x.item}-${k}`)),
        ),
      ),
    ),
  );
}
