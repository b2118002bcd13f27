/**
 * A ReportDocument as one self-contained HTML file: inline CSS and inline SVG, no script, no
 * font, image or style sheet from anywhere (a Content-Security-Policy says so to the browser too),
 * readable on screen and printed on A4 (print CSS: page size and margins, no navigation, figures
 * and table rows kept whole). Every string of the document is HTML-escaped here.
 */
import { escapeHtml as h } from "./escape.js";
import type { Block, Cell, FactsBlock, Flag, FigureBlock, ReportDocument, Section, TableBlock } from "./document.js";
import { inlineSvg } from "./svg.js";

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const CSS = `
:root { --ink: #1d2330; --muted: #5b6475; --line: #d8dde6; --accent: #1f3b73; --soft: #f3f6fb; --pass: #1a7f37; \
--fail: #b42318; }
* { box-sizing: border-box; }
html { font-size: 15px; }
body { margin: 0 auto; max-width: 1100px; padding: 28px 32px 48px; color: var(--ink); background: #fff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; \
line-height: 1.45; }
header { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 18px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; color: var(--accent); }
.subtitle { margin: 0 0 10px; color: var(--muted); font-size: 1.05rem; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; font-size: .86rem; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
nav { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; \
margin-bottom: 22px; font-size: .9rem; }
nav ol { margin: 0; padding-left: 20px; columns: 2; }
nav a { color: var(--accent); text-decoration: none; }
section { margin: 0 0 28px; }
h2 { font-size: 1.25rem; color: var(--accent); border-bottom: 1px solid var(--line); padding-bottom: 4px; \
margin: 0 0 12px; }
p { margin: 0 0 10px; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 4px; font-size: .88rem; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: 4px 0 6px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--soft); border-bottom: 2px solid var(--accent); font-weight: 600; }
tbody tr:nth-child(even) { background: #fafbfd; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.pass { color: var(--pass); font-weight: 600; white-space: nowrap; }
.fail { color: var(--fail); font-weight: 600; white-space: nowrap; }
.table-note { font-size: .8rem; color: var(--muted); margin: 2px 0 14px; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 10px; margin: 0 0 14px; \
padding: 0; list-style: none; }
.facts li { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; background: var(--soft); }
.facts .label { display: block; font-size: .78rem; color: var(--muted); text-transform: uppercase; \
letter-spacing: .03em; }
.facts .value { display: block; font-size: 1.25rem; font-weight: 600; overflow-wrap: anywhere; }
figure { margin: 6px 0 18px; border: 1px solid var(--line); border-radius: 6px; padding: 10px; text-align: center; }
figure .figure-svg { max-width: 100%; height: auto; }
figcaption { font-size: .82rem; color: var(--muted); text-align: left; margin-top: 6px; }
footer { border-top: 1px solid var(--line); margin-top: 28px; padding-top: 8px; font-size: .78rem; \
color: var(--muted); }
a { color: var(--accent); }
.alert { border: 2px solid var(--fail); background: #fdecea; color: var(--fail); border-radius: 6px; \
padding: 10px 14px; margin: 0 0 22px; }
.alert ul { margin: 4px 0 0; padding-left: 20px; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@page wide { size: A4 landscape; margin: 14mm 14mm 14mm; }
@media print {
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-after: avoid; }
  figure, .facts, tr { break-inside: avoid; }
  figure { border: none; padding: 0; }
  figure.wide { page: wide; }
  thead { display: table-header-group; }
  tbody tr:nth-child(even) { background: none; }
  a { color: inherit; text-decoration: none; }
}
`;

function flagText(text: string, flag: Flag | undefined): string {
  if (flag === undefined) return h(text);
  return `<span class="${flag}">${flag === "pass" ? "✓" : "✗"} ${h(text)}</span>`;
}

function cellHtml(c: Cell, tag: "td" | "th"): string {
  const cls = c.numeric === true ? ' class="num"' : "";
  const inner =
    c.href === undefined ? flagText(c.text, c.flag) : `<a href="${h(c.href)}">${flagText(c.text, c.flag)}</a>`;
  return `<${tag}${cls}>${inner}</${tag}>`;
}

function tableHtml(t: TableBlock): string {
  const head = t.columns
    .map((c) => `<th${c.numeric === true ? ' class="num"' : ""} scope="col">${h(c.header)}</th>`)
    .join("");
  const body = t.rows
    .map((r) => `<tr>${r.map((c, i) => cellHtml({ numeric: t.columns[i]?.numeric, ...c }, "td")).join("")}</tr>`)
    .join("\n");
  const note = t.note === undefined ? "" : `\n<p class="table-note">${h(t.note)}</p>`;
  return (
    `<table>\n<caption>${h(t.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n` +
    `<tbody>\n${body}\n</tbody>\n</table>${note}`
  );
}

function figureHtml(f: FigureBlock, index: number): string {
  return (
    `<figure${f.wide === true ? ' class="wide"' : ""}>\n${inlineSvg(f.svg, `fig${index}`, f.caption)}\n` +
    `<figcaption>${h(f.caption)}</figcaption>\n</figure>`
  );
}

function factsHtml(f: FactsBlock): string {
  const items = f.items.map(
    (i) => `<li><span class="label">${h(i.label)}</span><span class="value">${flagText(i.value, i.flag)}</span></li>`,
  );
  return `<ul class="facts">\n${items.join("\n")}\n</ul>`;
}

function blockHtml(b: Block, figureIndex: () => number): string {
  switch (b.kind) {
    case "table":
      return tableHtml(b);
    case "figure":
      return figureHtml(b, figureIndex());
    case "facts":
      return factsHtml(b);
    case "text":
      return `<p>${h(b.text)}</p>`;
    case "list": {
      const tag = b.ordered ? "ol" : "ul";
      return `<${tag}>\n${b.items.map((i) => `<li>${h(i)}</li>`).join("\n")}\n</${tag}>`;
    }
  }
}

function sectionHtml(s: Section, figureIndex: () => number): string {
  return (
    `<section ` +
    `id="${h(s.id)}">\n<h2>${h(s.title)}</h2>\n${s.blocks.map((b) => blockHtml(b, figureIndex)).join("\n")}\n</section>`
  );
}

/** The banner of alerts above the contents (nothing when there is none). */
function alertsHtml(alerts: readonly string[]): string {
  if (alerts.length === 0) return "";
  return (
    `<div class="alert" ` +
    `role="alert"><strong>Warning:</strong>\n<ul>${alerts.map((a) => `<li>${h(a)}</li>`).join("")}</ul></div>\n`
  );
}

export function renderHtml(doc: ReportDocument): string {
  let figures = 0;
  const next = (): number => ++figures;
  const meta = doc.meta.map((m) => `<dt>${h(m.label)}</dt><dd>${h(m.value)}</dd>`).join("");
  const toc = doc.sections.map((s) => `<li><a href="#${h(s.id)}">${h(s.title)}</a></li>`).join("");
  const nav = doc.sections.length > 2 ? `<nav aria-label="contents"><ol>${toc}</ol></nav>\n` : "";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${h(doc.title)}</h1>
<p class="subtitle">${h(doc.subtitle)}</p>
<dl class="meta">${meta}</dl>
</header>
${alertsHtml(doc.alerts ?? [])}${nav}${doc.sections.map((s) => sectionHtml(s, next)).join("\n")}
<footer>${h(doc.footer)}</footer>
</body>
</html>
`;
}
