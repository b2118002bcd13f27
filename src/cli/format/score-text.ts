/** `isrs score` as text: one block per firm (`--firm`), or an overview table (`--all`). */
import type { FirmScore, ScoreReport } from "../../instrument/score.js";
import { columnWidth, leftCell, rightCells } from "../../sem/format/columns.js";
import { terminalSafe as t, terminalText } from "../../sem/format/terminal.js";

/** Widths of the score, answered and percentile columns of a firm's block. */
const W = [12, 10, 12];
const f1 = (x: number | null): string => (x === null ? "–" : x.toFixed(1));
const f2 = (x: number | null): string => (x === null ? "–" : x.toFixed(2));
const pct = (x: number | null): string => (x === null ? "–" : String(Math.round(x)));

function header(r: ScoreReport): string[] {
  const w = Object.entries(r.weights.values)
    .map(([d, v]) => `${d} ${v.toFixed(3)}`)
    .join(", ");
  const how =
    r.weights.method === "equal" ? "equal" : `${r.weights.estimator} second-order loadings (std.all), normalised`;
  const s = r.norms.index;
  return [
    `ISRS scores (instrument ${r.instrument.id} ${r.instrument.version})`,
    `  data:     ${t(r.data.file)} (${r.data.firms} firms)`,
    `  norms:    ${t(r.norms.file)} (${r.norms.used} firms; ` +
      `index quartiles ${f1(s.q1)} / ${f1(s.median)} / ${f1(s.q3)})`,
    `  weights:  ${how}: ${w}`,
    `  pct rank: percentile rank, the % of the ${r.norms.used} ` +
      `norm firms below (ties count half): 1 lowest, ` +
      `99 highest`,
    `  profiles: laggard below ${f1(s.q1)}; follower ${f1(s.q1)} up to ${f1(s.q3)}; recoverer from ${f1(s.q3)}`,
  ];
}

function firmBlock(f: FirmScore, normSize: number): string[] {
  const out = [
    "",
    `Firm ${t(f.id)}`,
    "",
    `  ${"dimension".padEnd(24)}${"score (1-7)".padStart(12)}${"answered".padStart(10)}${"pct rank".padStart(12)}`,
  ];
  for (const d of f.dimensions) {
    out.push(
      `  ${leftCell(t(d.label), 24)}${rightCells([f2(d.score), `${d.answered}/${d.items}`, pct(d.percentile)], W)}`,
    );
  }
  out.push(`  ${"ISRS index (0-100)".padEnd(24)}${rightCells([f1(f.index), "", pct(f.indexPercentile)], W)}`);
  if (f.indexPercentile !== null)
    out.push(`  Standing: ahead of ${pct(f.indexPercentile)}% of the ${normSize} norm firms on the ISRS index`);
  out.push("", `  Profile: ${f.profile ?? "– (no index)"}`, "", "  Weakest practices:");
  f.weakest.forEach((w, k) => {
    const norm = w.normMean === null ? "" : `, norm mean ${w.normMean.toFixed(2)}`;
    out.push(
      `  ${k + 1}. ${t(w.item)} (${t(w.dimension)}${w.reverseKeyed ? ", reverse-keyed" : ""}): ` +
        `answered ${w.answer}${w.reverseKeyed ? `, counts as ${w.score}` : ""}${norm}`,
      `     "${t(w.text)}"`,
      `     What to do: ${t(w.recommendation)}`,
    );
  });
  return out;
}

function overview(r: ScoreReport): string[] {
  const dims = r.firms[0]?.dimensions.map((d) => t(d.id)) ?? [];
  const ids = r.firms.map((f) => t(f.id));
  const idw = columnWidth(ids, 5) + 1;
  const dw = columnWidth(dims, 11);
  const out = [
    "",
    `${"firm".padEnd(idw)}${dims.map((d) => d.padStart(dw)).join("")}${rightCells(["index", "pct rank"], [8, 10])}` +
      `  ${"profile".padEnd(10)}weakest`,
  ];
  r.firms.forEach((f, k) => {
    out.push(
      `${ids[k]!.padEnd(idw)}${f.dimensions.map((d) => f2(d.score).padStart(dw)).join("")}` +
        `${rightCells([f1(f.index), pct(f.indexPercentile)], [8, 10])}` +
        `  ${(f.profile ?? "–").padEnd(10)}${f.weakest.map((w) => t(w.item)).join(", ")}`,
    );
  });
  return out;
}

export function formatScoreText(r: ScoreReport, all: boolean): string {
  const lines = [...header(r), ...(all ? overview(r) : r.firms.flatMap((f) => firmBlock(f, r.norms.used)))];
  const excluded = [...r.excluded, ...r.norms.excluded];
  if (r.notes.length > 0 || excluded.length > 0) lines.push("", "Notes:");
  for (const n of r.notes) lines.push(`  - ${t(n)}`);
  for (const e of excluded)
    lines.push(
      `  - excluded: ${t(e.column ?? "")}${e.row !== undefined ? ` row ${e.row} (line ${e.line})` : ""}: ` +
        t(e.reason),
    );
  return terminalText(`${lines.join("\n")}\n`);
}
