/**
 * The consultant's mode: several respondents of one firm, loaded from the files the page exports
 * (JSON, or CSV rows in the template's columns, many rows per file allowed). A bad file gets the
 * CLI's one-line message. Shows the firm's diagnostic from the mean answer per item (scored by
 * the same code as a single respondent), the agreement among respondents per construct (rwg(j),
 * agreement.ts) and their spread, the items where they disagree most, and exports every
 * respondent as one CSV (ids made unique: a repeated id gets -2, -3, ...).
 */
import { scaleOf } from "../../instrument/constructs.js";
import { checkResponses, recode, type Responses } from "../../instrument/responses.js";
import type { Instrument } from "../../instrument/schema.js";
import { scoreAgainstNorms, type NormSummary } from "../../instrument/score.js";
import { tableFromText } from "../../sem/data/csv.js";
import { itemSpreads, type ItemSpread } from "../agreement.js";
import { localize } from "../localize.js";
import type { Lang } from "../payload.js";
import { answeredCount, csvOf, firmId, type Respondent } from "./answers.js";
import { renderDiagnostic } from "./diagnostic.js";
import { download, h } from "./dom.js";
import type { Strings } from "./strings.js";
import { agreementTable, disagreementTable } from "./team-tables.js";

export interface TeamContext {
  base: Instrument;
  lang: Lang;
  t: Strings;
  norms: NormSummary;
  version: string;
  mine: Respondent;
}

interface Loaded {
  source: string;
  r: Respondent;
}

/** Kept while the page is open (a language switch redraws the tab). */
const team: Loaded[] = [];
const problems: string[] = [];
let redraw: () => void = () => undefined;

/** The respondents of a responses table already checked against the instrument (raw answers restored). */
function fromResponses(resp: Responses, instr: Instrument, source: string): Loaded[] {
  return resp.table.rows.map((row, i) => {
    const answers: Record<string, number> = {};
    instr.items.forEach((it, k) => {
      const cell = row[k + 1]!;
      if (cell !== "") answers[it.id] = recode(Number(cell), it, scaleOf(instr, it));
    });
    return { source, r: { firm: resp.ids[i]!, role: "", answers } };
  });
}

/** The respondents in one file; a bad file throws the CLI's one-line message. */
export function parseRespondents(name: string, text: string, instr: Instrument): Loaded[] {
  if (/\.json$/i.test(name) || text.trimStart().startsWith("{")) {
    let v: { firm?: unknown; role?: unknown; answers?: unknown };
    try {
      v = JSON.parse(text) as typeof v;
    } catch (e) {
      throw new Error(`${name}: not valid JSON (${(e as Error).message})`);
    }
    if (typeof v.answers !== "object" || v.answers === null)
      throw new Error(`${name}: no "answers" object (export the answers as JSON from the questionnaire)`);
    const raw = v.answers as Record<string, unknown>;
    const r: Respondent = {
      firm: typeof v.firm === "string" ? v.firm : "",
      role: typeof v.role === "string" ? v.role : "",
      answers: {},
    };
    // the same checks as a CSV row: written as one, read by the CLI's reader and checks
    const cells = Object.fromEntries(
      instr.items.map((it) => [it.id, raw[it.id] === null || raw[it.id] === undefined ? "" : String(raw[it.id])]),
    );
    const csv = `${instr.idColumn},${instr.items.map((i) => i.id).join(",")}\nx,${instr.items
      .map((i) => (/[",\n]/.test(cells[i.id]!) ? `"${cells[i.id]!.replace(/"/g, '""')}"` : cells[i.id]))
      .join(",")}\n`;
    const [one] = fromResponses(checkResponses(tableFromText(csv, name), instr), instr, name);
    return [{ source: name, r: { ...r, answers: one!.r.answers } }];
  }
  return fromResponses(checkResponses(tableFromText(text, name), instr), instr, name);
}

async function addFiles(files: FileList | File[], instr: Instrument): Promise<void> {
  problems.length = 0;
  for (const f of Array.from(files)) {
    try {
      team.push(...parseRespondents(f.name, await f.text(), instr));
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  redraw();
}

/** Unique ids for the combined CSV: a repeated id gets -2, -3, ... */
function uniqueIds(rows: Loaded[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((x) => {
    const id = firmId(x.r);
    const k = (seen.get(id) ?? 0) + 1;
    seen.set(id, k);
    return k === 1 ? id : `${id}-${k}`;
  });
}

/** The firm's mean answers as a one-row Responses (recoded means), scored by scoreAgainstNorms. */
function aggregateResponses(instr: Instrument, spreads: ItemSpread[], id: string): Responses {
  const row = [
    id,
    ...instr.items.map((it, k) => {
      const m = spreads[k]!.mean;
      return m === null ? "" : String(recode(m, it, scaleOf(instr, it)));
    }),
  ];
  const table = {
    file: "respondents' mean",
    columns: [instr.idColumn, ...instr.items.map((i) => i.id)],
    rows: [row],
    lineOf: [2],
    delimiter: ",",
    decimal: "." as const,
  };
  return { file: table.file, table, ids: [id], excluded: [], recoded: [], nRows: 1 };
}

function results(c: TeamContext): HTMLElement[] {
  const { t, lang } = c;
  const instr = localize(c.base, lang);
  const spreads = itemSpreads(
    instr,
    team.map((x) => x.r.answers),
  );
  const ids = uniqueIds(team);
  const firmName = team[0]!.r.firm.trim();
  const out: HTMLElement[] = [
    h("p", { role: "status", "data-testid": "team-count" }, t("teamLoaded", { n: team.length })),
    h(
      "ul",
      { class: "respondents" },
      team.map((x, k) => h("li", {}, `${ids[k]}${x.r.role !== "" ? ` (${x.r.role})` : ""} — ${x.source}`)),
    ),
  ];
  const agg = aggregateResponses(instr, spreads, firmId(team[0]!.r));
  const report = scoreAgainstNorms(instr, agg, c.norms, agg.ids[0]!);
  out.push(
    h("h3", {}, t("teamAggregate")),
    h(
      "div",
      { class: "team-diagnostic" },
      renderDiagnostic(report, { t, lang, version: c.version, firmName, prefix: "team-" }),
    ),
  );
  out.push(h("h3", {}, t("teamAgreement")));
  if (team.length < 2) out.push(h("p", {}, t("teamNeedTwo")));
  else
    out.push(
      agreementTable(instr, spreads, c),
      h("p", { class: "hint" }, t("rwgNote")),
      h("h3", {}, t("teamDisagree")),
      disagreementTable(instr, spreads, c),
    );
  out.push(exportButton(c, ids));
  return out;
}

/** The button that downloads every respondent's answers as one CSV (with the ids shown). */
function exportButton(c: TeamContext, ids: readonly string[]): HTMLElement {
  return h(
    "div",
    { class: "actions" },
    h(
      "button",
      {
        type: "button",
        class: "primary",
        "data-testid": "team-export",
        onclick: () =>
          download(
            "respondents.csv",
            csvOf(
              c.base,
              team.map((x, k) => ({ r: x.r, id: ids[k]! })),
            ),
            "text/csv",
          ),
      },
      c.t("teamExport"),
    ),
  );
}

export function renderTeam(c: TeamContext): HTMLElement {
  const { t } = c;
  const root = h("div", { class: "team" });
  const drop = dropZone(c);
  const body = h("div", { "aria-live": "polite" });
  redraw = () => {
    const errs = problems.map((p) => h("p", { class: "error", role: "alert", "data-testid": "team-error" }, p));
    body.replaceChildren(...errs, ...(team.length === 0 ? [h("p", {}, t("teamNone"))] : results(c)));
  };
  redraw();
  return h("div", {}, h("h2", {}, t("teamTitle")), h("p", {}, t("teamIntro")), drop, teamButtons(c), root, body);
}

/** The file input and the area files can be dropped on: respondents' CSV or JSON answers. */
function dropZone(c: TeamContext): HTMLElement {
  const { t } = c;
  const input = h("input", {
    id: "team-files",
    type: "file",
    multiple: true,
    accept: ".csv,.json,text/csv,application/json",
    "data-testid": "team-files",
    onchange: (e: Event) => void addFiles((e.target as HTMLInputElement).files ?? [], c.base),
  });
  return h(
    "div",
    {
      class: "drop",
      ondragover: (e: Event) => e.preventDefault(),
      ondrop: (e: Event) => {
        e.preventDefault();
        void addFiles((e as DragEvent).dataTransfer?.files ?? [], c.base);
      },
    },
    h("label", { for: "team-files" }, `${t("teamFiles")}: `),
    input,
  );
}

/** Adding this browser's own answers to the team, and clearing the team. */
function teamButtons(c: TeamContext): HTMLElement {
  const { t } = c;
  return h(
    "div",
    { class: "actions" },
    h(
      "button",
      {
        type: "button",
        disabled: answeredCount(c.base, c.mine) === 0,
        onclick: () => {
          team.push({ source: "this browser", r: { ...c.mine, answers: { ...c.mine.answers } } });
          redraw();
        },
      },
      t("teamAddMine"),
    ),
    h(
      "button",
      {
        type: "button",
        onclick: () => {
          team.length = 0;
          problems.length = 0;
          redraw();
        },
      },
      t("teamClear"),
    ),
  );
}
