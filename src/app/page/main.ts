/**
 * The self-assessment page's script (bundled by esbuild into dist/app/page.js and inlined by
 * `isrs app`). It reads the payload (instrument, norm summary), restores the saved answers and
 * draws four tabs: the questionnaire, the diagnostic, the consultant's team view and the CSV
 * analysis. Scores come from src/instrument's own code (see answers.ts).
 */
import { localize } from "../localize.js";
import { LANGS, PAYLOAD_ID, type AppPayload, type Lang } from "../payload.js";
import { answeredCount, csvOf, diagnose, firmId, loadSaved, save, type Saved } from "./answers.js";
import type { ScoreReport } from "../../instrument/score.js";
import { renderDiagnostic } from "./diagnostic.js";
import { download, h, safeName } from "./dom.js";
import { renderQuestionnaire } from "./questionnaire.js";
import { stringsFor, type StringKey, type Strings } from "./strings.js";
import { renderTeam } from "./team.js";
import { renderAnalyse } from "./analyse.js";

const payload = JSON.parse(document.getElementById(PAYLOAD_ID)!.textContent!) as AppPayload;
const base = payload.instrument;
const state: Saved = loadSaved(base);
let lang: Lang = state.lang ?? payload.lang;
const TABS = ["questionnaire", "diagnostic", "team", "analyse"] as const;
type Tab = (typeof TABS)[number];
let tab: Tab = "questionnaire";
const TAB_LABEL: Record<Tab, StringKey> = {
  questionnaire: "tabQuestionnaire",
  diagnostic: "tabDiagnostic",
  team: "tabTeam",
  analyse: "tabAnalyse",
};
const panels = new Map<Tab, HTMLElement>();

function persist(): void {
  save(base, { ...state, lang });
}

function progressText(t: Strings): string {
  return t("progress", { n: answeredCount(base, state), total: base.items.length });
}

function updateProgress(t: Strings): void {
  const bar = document.getElementById("progress-bar") as HTMLProgressElement | null;
  const text = document.getElementById("progress-text");
  if (bar !== null) bar.value = answeredCount(base, state);
  if (text !== null) text.textContent = progressText(t);
}

function progress(t: Strings): HTMLElement {
  return h(
    "div",
    { class: "progress no-print" },
    h("progress", {
      id: "progress-bar",
      max: base.items.length,
      value: answeredCount(base, state),
      "aria-labelledby": "progress-text",
    }),
    h("span", { id: "progress-text", role: "status" }, progressText(t)),
  );
}

function questionnairePanel(t: Strings): HTMLElement {
  const instr = localize(base, lang);
  const onChange = (): void => {
    persist();
    updateProgress(t);
  };
  return h(
    "div",
    {},
    h("p", { class: "intro" }, t("intro")),
    ...renderQuestionnaire(instr, state, t, onChange),
    h(
      "div",
      { class: "actions" },
      h(
        "button",
        {
          type: "button",
          class: "primary",
          "data-testid": "show-diagnostic",
          onclick: () => select("diagnostic", true),
        },
        t("showDiagnostic"),
      ),
      h(
        "button",
        {
          type: "button",
          onclick: () => {
            if (!confirm(t("confirmClear"))) return;
            state.answers = {};
            persist();
            render();
          },
        },
        t("clearAnswers"),
      ),
    ),
  );
}

function diagnosticPanel(t: Strings): HTMLElement {
  if (answeredCount(base, state) === 0) return h("p", { class: "empty" }, t("noAnswers"));
  const instr = localize(base, lang);
  const report = diagnose(instr, payload.norms, state);
  return h(
    "div",
    {},
    renderDiagnostic(report, {
      t,
      lang,
      version: payload.version,
      firmName: state.firm.trim(),
      priorities: payload.priorities ? { data: payload.priorities, instr } : null,
    }),
    exportButtons(t, report),
    h("p", { class: "hint no-print" }, t("exportsHint")),
  );
}

/** The JSON export: the instrument, the firm, its answers (also as CSV) and the diagnostic. */
function diagnosticJson(report: ScoreReport): string {
  return `${JSON.stringify(
    {
      instrument: { id: base.id, version: base.version },
      firm: state.firm,
      role: state.role,
      lang,
      answers: Object.fromEntries(base.items.map((i) => [i.id, state.answers[i.id] ?? null])),
      csv: csvOf(base, [{ r: state }]),
      diagnostic: report,
    },
    null,
    2,
  )}\n`;
}

/** Print, and download the answers as CSV or everything as JSON. */
function exportButtons(t: Strings, report: ScoreReport): HTMLElement {
  const firm = firmId(state);
  const name = safeName(state.firm, "firm");
  return h(
    "div",
    { class: "actions no-print" },
    h(
      "button",
      { type: "button", class: "primary", "data-testid": "print", onclick: () => window.print() },
      t("print"),
    ),
    h(
      "button",
      {
        type: "button",
        "data-testid": "export-csv",
        onclick: () => download(`${name}.csv`, csvOf(base, [{ r: state, id: firm }]), "text/csv"),
      },
      t("exportCsv"),
    ),
    h(
      "button",
      {
        type: "button",
        "data-testid": "export-json",
        onclick: () => download(`${name}.json`, diagnosticJson(report), "application/json"),
      },
      t("exportJson"),
    ),
  );
}

function panelContent(which: Tab, t: Strings): HTMLElement {
  switch (which) {
    case "questionnaire":
      return questionnairePanel(t);
    case "diagnostic":
      return diagnosticPanel(t);
    case "team":
      return renderTeam({ base, lang, t, norms: payload.norms, version: payload.version, mine: state });
    case "analyse":
      return renderAnalyse({ base, lang, t, version: payload.version, normData: payload.normData });
  }
}

/** Shows a tab; `focus` moves the keyboard focus to its heading (after a button press). */
function select(which: Tab, focus = false): void {
  tab = which;
  const t = stringsFor(lang);
  for (const k of TABS) {
    const button = document.getElementById(`tab-${k}`)!;
    button.setAttribute("aria-selected", String(k === which));
    button.tabIndex = k === which ? 0 : -1;
    panels.get(k)!.hidden = k !== which;
  }
  if (which === "diagnostic") {
    const p = panels.get("diagnostic")!;
    p.replaceChildren(panelContent("diagnostic", t));
    if (focus) (document.getElementById("diag-h") ?? p).focus();
  }
  if (focus && which !== "diagnostic") document.getElementById(`tab-${which}`)!.focus();
  window.scrollTo(0, 0);
}

function tabKeys(e: KeyboardEvent): void {
  const k = TABS.indexOf(tab);
  const next =
    e.key === "ArrowRight" ? (k + 1) % TABS.length : e.key === "ArrowLeft" ? (k + TABS.length - 1) % TABS.length : -1;
  const to = e.key === "Home" ? 0 : e.key === "End" ? TABS.length - 1 : next;
  if (to < 0) return;
  e.preventDefault();
  select(TABS[to]!);
  document.getElementById(`tab-${TABS[to]}`)!.focus();
}

function header(t: Strings): HTMLElement {
  const select_ = h(
    "select",
    {
      id: "lang",
      onchange: (e: Event) => {
        lang = (e.target as HTMLSelectElement).value as Lang;
        persist();
        render();
        document.getElementById("lang")?.focus();
      },
    },
    LANGS.map((l) => h("option", { value: l, selected: l === lang }, l === "en" ? "English" : "Español")),
  );
  return h(
    "header",
    { class: "top" },
    h("h1", {}, t("appTitle")),
    h("p", { class: "subtitle" }, localize(base, lang).title),
    h("div", { class: "lang no-print" }, h("label", { for: "lang" }, `${t("language")} `), select_),
  );
}

function render(): void {
  const t = stringsFor(lang);
  document.documentElement.lang = lang;
  document.title = t("appTitle");
  panels.clear();
  const tablist = h(
    "div",
    { role: "tablist", "aria-label": t("tabsLabel"), class: "tabs no-print", onkeydown: tabKeys as (e: Event) => void },
    TABS.map((k) =>
      h(
        "button",
        {
          type: "button",
          role: "tab",
          id: `tab-${k}`,
          "aria-controls": `panel-${k}`,
          "aria-selected": String(k === tab),
          tabindex: k === tab ? 0 : -1,
          onclick: () => select(k),
        },
        t(TAB_LABEL[k]),
      ),
    ),
  );
  const main = h("main", {}, tablist);
  for (const k of TABS) {
    const p = h("section", { role: "tabpanel", id: `panel-${k}`, "aria-labelledby": `tab-${k}`, hidden: k !== tab });
    if (k !== "diagnostic" || tab === "diagnostic") p.append(panelContent(k, t));
    panels.set(k, p);
    main.append(p);
  }
  const app = document.getElementById("app")!;
  app.replaceChildren(header(t), progress(t), main, h("footer", {}, t("footer", { v: payload.version })));
}

render();
// when the page became usable, in ms since navigation start (read by bench/app.js)
document.body.dataset.readyAt = performance.now().toFixed(1);
document.body.dataset.ready = "true";
