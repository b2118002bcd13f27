/**
 * The diagnostic as the page shows and prints it, from the ScoreReport that `isrs score` would
 * give for the same answers. Stable hooks for tests: data-testid="isrs-index" (the index, one
 * decimal), "profile" (laggard / follower / recoverer in English; data-value always holds the
 * English name), "score-<dimension id>" (two decimals), "percentile-<dimension id>" (rounded);
 * data-value on each holds the number as computed.
 */
import type { FirmScore, ScoreReport } from "../../instrument/score.js";
import type { Instrument } from "../../instrument/schema.js";
import type { AppPriorities, Lang } from "../payload.js";
import { normChart, type ChartRow } from "./chart.js";
import { h } from "./dom.js";
import { renderPriorities } from "./priorities.js";
import { formatNumber, weightsReason, type StringKey, type Strings } from "./strings.js";

export interface DiagnosticContext {
  t: Strings;
  lang: Lang;
  version: string;
  firmName: string;
  /** prefix of the element ids and test hooks, when the page shows a second diagnostic ("" by default) */
  prefix?: string;
  /** the norm sample's importance-performance map (only when the page embeds the norm data) */
  priorities?: { data: AppPriorities; instr: Instrument } | null;
}

const pct = (x: number | null): string => (x === null ? "–" : String(Math.round(x)));

function value(x: number | null): string | null {
  return x === null ? null : String(x);
}

function headline(f: FirmScore, r: ScoreReport, c: DiagnosticContext): HTMLElement {
  const { t, lang } = c;
  const q = { q1: formatNumber(lang, r.norms.index.q1, 1), q3: formatNumber(lang, r.norms.index.q3, 1) };
  const profile = f.profile;
  return h(
    "div",
    { class: "headline" },
    h(
      "div",
      { class: "card index-card" },
      h("p", { class: "card-label" }, t("indexLabel")),
      h(
        "p",
        { class: "big" },
        h(
          "span",
          { "data-testid": `${c.prefix ?? ""}isrs-index`, "data-value": value(f.index) },
          f.index === null ? "–" : formatNumber(lang, f.index, 1),
        ),
        h("span", { class: "unit" }, ` ${t("outOf100")}`),
      ),
      h("p", { class: "explain" }, t("indexExplain")),
      f.indexPercentile === null
        ? h("p", {}, t("incomplete"))
        : h(
            "p",
            { "data-testid": `${c.prefix ?? ""}index-percentile`, "data-value": value(f.indexPercentile) },
            t("standing", { p: pct(f.indexPercentile), n: r.norms.used }),
          ),
    ),
    h(
      "div",
      { class: `card profile-card profile-${profile ?? "none"}` },
      h("p", { class: "card-label" }, t("profileLabel")),
      h(
        "p",
        { class: "big profile-name" },
        h(
          "span",
          { "data-testid": `${c.prefix ?? ""}profile`, "data-value": profile ?? "" },
          profile === null ? "–" : t(`profile_${profile}` as StringKey),
        ),
      ),
      profile === null ? null : h("p", {}, t(`profileText_${profile}` as StringKey, q)),
    ),
  );
}

function chartRows(f: FirmScore, r: ScoreReport, c: DiagnosticContext): ChartRow[] {
  const rows: ChartRow[] = f.dimensions.map((d, k) => ({
    label: d.label,
    norm: r.norms.dimensions[k]!,
    value: d.score,
    min: 1,
    max: 7,
    text: d.score === null ? "" : formatNumber(c.lang, d.score, 2),
  }));
  rows.push({
    label: c.t("chartIndexRow"),
    norm: r.norms.index,
    value: f.index,
    min: 0,
    max: 100,
    text: f.index === null ? "" : formatNumber(c.lang, f.index, 1),
  });
  return rows;
}

function areasTable(f: FirmScore, r: ScoreReport, c: DiagnosticContext): HTMLElement {
  const { t, lang } = c;
  return h(
    "table",
    { class: "areas" },
    h("caption", { class: "sr-only" }, t("areasTitle")),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, t("colArea")),
        h("th", { scope: "col", class: "num" }, t("colScore")),
        h("th", { scope: "col", class: "num" }, t("colMedian")),
        h("th", { scope: "col", class: "num" }, t("colPercentile")),
        h("th", { scope: "col", class: "num" }, t("colAnswered")),
      ),
    ),
    h(
      "tbody",
      {},
      f.dimensions.map((d, k) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, d.label),
          h(
            "td",
            { class: "num", "data-testid": `${c.prefix ?? ""}score-${d.id}`, "data-value": value(d.score) },
            d.score === null ? "–" : formatNumber(lang, d.score, 2),
          ),
          h("td", { class: "num" }, formatNumber(lang, r.norms.dimensions[k]!.median, 2)),
          h(
            "td",
            { class: "num", "data-testid": `${c.prefix ?? ""}percentile-${d.id}`, "data-value": value(d.percentile) },
            pct(d.percentile),
          ),
          h("td", { class: "num" }, `${d.answered}/${d.items}`),
        ),
      ),
    ),
  );
}

function weakest(f: FirmScore, c: DiagnosticContext): HTMLElement {
  const { t, lang } = c;
  return h(
    "section",
    { class: "weakest", "aria-labelledby": `${c.prefix ?? ""}weakest-h` },
    h("h3", { id: `${c.prefix ?? ""}weakest-h` }, t("weakestTitle")),
    h(
      "ol",
      {},
      f.weakest.map((w) =>
        h(
          "li",
          { "data-testid": `${c.prefix ?? ""}weak-${w.item}` },
          h("p", { class: "w-text" }, `“${w.text}”`),
          h(
            "p",
            { class: "w-facts" },
            t("youAnswered", { a: w.answer }),
            w.reverseKeyed ? t("reverseNote", { s: w.score }) : "",
            w.normMean === null ? "" : ` · ${t("benchmarkMean", { m: formatNumber(lang, w.normMean, 2) })}`,
          ),
          h("p", { class: "w-todo" }, h("strong", {}, `${t("whatToDo")}: `), w.recommendation),
        ),
      ),
    ),
  );
}

function notes(r: ScoreReport, c: DiagnosticContext, labels: Record<string, string>): HTMLElement {
  const { t, lang } = c;
  const w = Object.entries(r.weights.values)
    .map(([d, v]) => `${labels[d] ?? d} ${formatNumber(lang, v, 3)}`)
    .join(", ");
  return h(
    "section",
    { class: "notes", "aria-labelledby": `${c.prefix ?? ""}notes-h` },
    h("h3", { id: `${c.prefix ?? ""}notes-h` }, t("howComputed")),
    h(
      "ul",
      {},
      h(
        "li",
        {},
        r.weights.method === "equal"
          ? t("noteEqualWeights", { why: weightsReason(r.weights.note ?? "", c.lang) })
          : t("noteWeights", { w }),
      ),
      h("li", {}, t("notePercentile")),
      h("li", {}, t("noteBenchmark", { n: r.norms.used, file: r.norms.file })),
      h("li", {}, t("noteLocal", { v: c.version })),
    ),
  );
}

/** The diagnostic of the report's (only) firm. */
export function renderDiagnostic(r: ScoreReport, c: DiagnosticContext): HTMLElement {
  const f = r.firms[0]!;
  const { t } = c;
  const labels = Object.fromEntries(f.dimensions.map((d) => [d.id, d.label]));
  return h(
    "div",
    { class: "diagnostic" },
    h(
      "h2",
      { id: `${c.prefix ?? ""}diag-h`, tabindex: "-1" },
      t("diagnosticFor", { firm: c.firmName || t("unnamedFirm") }),
    ),
    headline(f, r, c),
    h(
      "figure",
      { class: "chart-figure" },
      normChart(chartRows(f, r, c), {
        title: t("chartTitle"),
        desc: t("chartDesc"),
        you: t("chartYou"),
        middle: t("chartMiddle"),
        median: t("chartMedian"),
      }),
      h("figcaption", {}, t("chartDesc")),
    ),
    h("h3", {}, t("areasTitle")),
    areasTable(f, r, c),
    weakest(f, c),
    c.priorities
      ? renderPriorities(c.priorities.data, {
          t,
          lang: c.lang,
          instr: c.priorities.instr,
          weakest: new Set(f.weakest.map((w) => w.item)),
          prefix: c.prefix ?? "",
        })
      : null,
    notes(r, c, labels),
  );
}
