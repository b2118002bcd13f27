/**
 * One respondent's answers and how they leave the page: kept in localStorage (per instrument id
 * and version), written as the CSV row of the questionnaire template (`isrs instrument --format
 * csv`: the id column then every item, raw answers, empty when unanswered), and scored from that
 * very row by the engine's CSV reader, the instrument layer's checks and `isrs score`'s scoring.
 */
import { tableFromText } from "../../sem/data/csv.js";
import { checkResponses } from "../../instrument/responses.js";
import { scoreAgainstNorms, type NormSummary, type ScoreReport } from "../../instrument/score.js";
import type { Instrument } from "../../instrument/schema.js";
import type { Lang } from "../payload.js";

export interface Respondent {
  firm: string;
  role: string;
  /** item id -> scale point */
  answers: Record<string, number>;
}

export interface Saved extends Respondent {
  lang?: Lang;
}

export function storageKey(instr: Instrument): string {
  return `isrs-app/${instr.id}/${instr.version}`;
}

export function loadSaved(instr: Instrument): Saved {
  const empty: Saved = { firm: "", role: "", answers: {} };
  try {
    const raw = localStorage.getItem(storageKey(instr));
    if (raw === null) return empty;
    const v = JSON.parse(raw) as Partial<Saved>;
    const answers: Record<string, number> = {};
    for (const it of instr.items) {
      const a = v.answers?.[it.id];
      if (typeof a === "number" && Number.isInteger(a)) answers[it.id] = a;
    }
    return {
      firm: typeof v.firm === "string" ? v.firm : "",
      role: typeof v.role === "string" ? v.role : "",
      answers,
      ...(v.lang === "en" || v.lang === "es" ? { lang: v.lang } : {}),
    };
  } catch {
    return empty;
  }
}

export function save(instr: Instrument, saved: Saved): void {
  try {
    localStorage.setItem(storageKey(instr), JSON.stringify(saved));
  } catch {
    // storage full or disabled (a private window): the page still works, without keeping answers
  }
}

/** A CSV cell: quoted when it holds a delimiter, a quote or a line break. */
export function csvCell(text: string): string {
  return /[",;\t\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The firm id written in the id column: the firm's name, or "firm" when none was given. */
export function firmId(r: Respondent): string {
  const name = r.firm.trim().replace(/\s+/g, " ");
  return name === "" ? "firm" : name;
}

export function csvHeader(instr: Instrument): string {
  return [instr.idColumn, ...instr.items.map((i) => i.id)].join(",");
}

export function csvRow(instr: Instrument, r: Respondent, id = firmId(r)): string {
  return [csvCell(id), ...instr.items.map((i) => (r.answers[i.id] === undefined ? "" : String(r.answers[i.id])))].join(
    ",",
  );
}

/** The CSV of the questionnaire template with one row per respondent. */
export function csvOf(instr: Instrument, rows: { r: Respondent; id?: string }[]): string {
  return `${[csvHeader(instr), ...rows.map((x) => csvRow(instr, x.r, x.id))].join("\n")}\n`;
}

/** The diagnostic of one respondent: their CSV row scored as `isrs score` scores it. */
export function diagnose(instr: Instrument, norms: NormSummary, r: Respondent): ScoreReport {
  const responses = checkResponses(tableFromText(csvOf(instr, [{ r }]), "this page"), instr);
  return scoreAgainstNorms(instr, responses, norms, responses.ids[0]!);
}

export function answeredCount(instr: Instrument, r: Respondent): number {
  return instr.items.filter((i) => r.answers[i.id] !== undefined).length;
}
