/**
 * A ReportDocument as Markdown (GitHub-flavoured tables). Figures point at the SVG files written
 * next to report.md. Every string is escaped for Markdown (escape.ts).
 */
import { escapeMarkdown as m, escapeMarkdownLine } from "./escape.js";
import type { Block, Cell, Flag, ReportDocument, TableBlock } from "./document.js";

function flagged(text: string, flag: Flag | undefined): string {
  return flag === undefined ? m(text) : `${flag === "pass" ? "✓" : "✗"} ${m(text)}`;
}

function cellMd(c: Cell): string {
  const t = flagged(c.text, c.flag);
  return c.href === undefined ? t : `[${t}](${encodeURI(c.href)})`;
}

function tableMd(t: TableBlock): string {
  const head = `| ${t.columns.map((c) => m(c.header)).join(" | ")} |`;
  const rule = `|${t.columns.map((c) => (c.numeric === true ? " ---: " : " --- ")).join("|")}|`;
  const rows = t.rows.map((r) => `| ${r.map(cellMd).join(" | ")} |`);
  const note = t.note === undefined ? "" : `\n\n_${m(t.note)}_`;
  return `**${m(t.caption)}**\n\n${[head, rule, ...rows].join("\n")}${note}`;
}

function blockMd(b: Block): string {
  switch (b.kind) {
    case "table":
      return tableMd(b);
    case "figure":
      return `![${m(b.caption)}](${encodeURI(b.file)})\n\n_${m(b.caption)}_`;
    case "facts":
      return b.items.map((i) => `- **${m(i.label)}:** ${flagged(i.value, i.flag)}`).join("\n");
    case "text":
      return escapeMarkdownLine(b.text);
    case "list":
      return b.items.map((i, k) => `${b.ordered ? `${k + 1}.` : "-"} ${m(i)}`).join("\n");
  }
}

export function renderMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${m(doc.title)}`, "", escapeMarkdownLine(doc.subtitle), ""];
  for (const x of doc.meta) out.push(`- ${m(x.label)}: ${m(x.value)}`);
  for (const a of doc.alerts ?? []) out.push("", `> **Warning:** ${m(a)}`);
  for (const s of doc.sections) {
    out.push("", `## ${m(s.title)}`);
    for (const b of s.blocks) out.push("", blockMd(b));
  }
  out.push("", "---", "", escapeMarkdownLine(doc.footer), "");
  return out.join("\n");
}
