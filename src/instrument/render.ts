/**
 * The questionnaire for administering the instrument: Markdown, a self-contained HTML page
 * (inline CSS, no scripts, every text escaped), or an empty CSV template with the expected
 * columns. Respondents see the items grouped by construct under each construct's question, with
 * the scale's anchor labels. The respondents' version (the default) says nothing about scoring;
 * the researcher's version adds notes at the end: which items are reverse-keyed and how answers
 * are recoded, and the response file's layout.
 */
import { constructsOf, itemsOf } from "./constructs.js";
import type { Instrument, Scale } from "./schema.js";

export const RENDER_FORMATS = ["md", "html", "csv"] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];
export const AUDIENCES = ["respondent", "researcher"] as const;
export type Audience = (typeof AUDIENCES)[number];

interface Section {
  id: string;
  label: string;
  stem: string;
  scale: Scale;
  items: { id: string; text: string }[];
}

function sections(instr: Instrument): Section[] {
  const all = [...constructsOf(instr, "dimension"), ...constructsOf(instr, "outcome")];
  return all.map((c) => ({
    id: c.id,
    label: c.label,
    stem: c.stem,
    scale: instr.scales.find((s) => s.id === c.scale)!,
    items: itemsOf(instr, c.id).map((i) => ({ id: i.id, text: i.text })),
  }));
}

function points(scale: Scale): number[] {
  return Array.from({ length: scale.max - scale.min + 1 }, (_, k) => scale.min + k);
}

function anchorLine(scale: Scale): string {
  return scale.anchors.map((a) => `${a.value} = ${a.label}`).join("; ");
}

function researcherNotes(instr: Instrument): string[] {
  const reverse = instr.items.filter((i) => i.reverse).map((i) => i.id);
  return [
    `Instrument ${instr.id} ${instr.version}. ${instr.provenance}`,
    `Reverse-keyed items (recoded as ` +
      `min + max - x before scoring): ` +
      `${reverse.length > 0 ? reverse.join(", ") : "none"}.`,
    `Responses file: a CSV with the column ${instr.idColumn} ` +
      `and one column per item id (\`isrs instrument ` +
      `--format csv\` prints the template).`,
  ];
}

export function renderInstrument(instr: Instrument, format: RenderFormat, audience: Audience = "respondent"): string {
  switch (format) {
    case "md":
      return renderMarkdown(instr, audience);
    case "html":
      return renderHtml(instr, audience);
    case "csv":
      return `${[instr.idColumn, ...instr.items.map((i) => i.id)].join(",")}\n`;
  }
}

/** Markdown table cells: pipes escaped, line breaks flattened. */
function mdCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

function renderMarkdown(instr: Instrument, audience: Audience): string {
  const out = [`# ${instr.title}`, "", `Firm identifier (${instr.idColumn}): ____________________`, ""];
  sections(instr).forEach((s, k) => {
    out.push(`## ${k + 1}. ${s.label}`, "", s.stem, "", `Scale: ${anchorLine(s.scale)}.`, "");
    out.push(
      `| item | statement | ${points(s.scale).join(" | ")} |`,
      `|---|---|${points(s.scale)
        .map(() => ":-:")
        .join("|")}|`,
    );
    for (const it of s.items)
      out.push(
        `| ${it.id} | ${mdCell(it.text)} | ${points(s.scale)
          .map(() => "○")
          .join(" | ")} |`,
      );
    out.push("");
  });
  if (audience === "researcher")
    out.push("## Notes for the researcher", "", ...researcherNotes(instr).map((n) => `- ${n}`), "");
  return out.join("\n");
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const CSS =
  'body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;' +
  "max-width:56rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}\n" +
  "h1{font-size:1.5rem}" +
  "h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}\n" +
  "table{border-collapse:collapse;width:100%;margin:.5rem 0}" +
  "th,td{border:1px solid #d0d7de;padding:.35rem .5rem;vertical-align:top}\n" +
  "th{background:#f6f8fa;font-weight:600;font-size:.8rem}td.p{text-align:center;width:2.2rem}" +
  "td.id{color:#57606a;font-size:.8rem;white-space:nowrap}\n" +
  ".scale{color:#57606a;font-size:.9rem}.notes{margin-top:2rem;font-size:.85rem;color:#57606a}\n" +
  "@page{size:A4;margin:18mm}@media print{body{margin:0;max-width:none;font-size:11pt}" +
  "h2{break-after:avoid}tr{break-inside:avoid}}";

function renderHtml(instr: Instrument, audience: Audience): string {
  const e = escapeHtml;
  const body: string[] = [
    `<h1>${e(instr.title)}</h1>`,
    `<p>Firm identifier (${e(instr.idColumn)}): ____________________</p>`,
  ];
  sections(instr).forEach((s, k) => {
    const pts = points(s.scale);
    body.push(
      `<h2>${k + 1}. ${e(s.label)}</h2>`,
      `<p>${e(s.stem)}</p>`,
      `<p class="scale">${e(anchorLine(s.scale))}</p>`,
    );
    body.push(
      `<table><thead><tr><th>item</th><th>statement</th>` +
        `${pts.map((p) => `<th>${p}</th>`).join("")}</tr></thead><tbody>`,
    );
    for (const it of s.items) {
      body.push(
        `<tr><td ` +
          `class="id">${e(it.id)}</td><td>${e(it.text)}</td>${pts.map(() => `<td class="p">○</td>`).join("")}</tr>`,
      );
    }
    body.push("</tbody></table>");
  });
  if (audience === "researcher")
    body.push(
      `<div class="notes"><h2>Notes for the researcher</h2><ul>${researcherNotes(instr)
        .map((n) => `<li>${e(n)}</li>`)
        .join("")}</ul></div>`,
    );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(instr.title)}</title>
<style>${CSS}</style>
</head>
<body>
${body.join("\n")}
</body>
</html>
`;
}
