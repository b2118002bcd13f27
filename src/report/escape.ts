/**
 * Escaping for every place a value from the data (firm ids, column names, labels, file names)
 * ends up: HTML text and attributes, Markdown table cells, DOT quoted strings. Renderers call
 * these on every data value; nothing from a CSV reaches a report unescaped.
 */

const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or attribute value inside HTML or SVG: & < > " ' replaced by entities. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML[c]!);
}

/**
 * A Markdown table cell or inline text: HTML-escaped (Markdown renderers pass raw HTML through),
 * then the characters that start Markdown syntax backslash-escaped, and line breaks turned into
 * spaces (a table row is one line).
 */
export function escapeMarkdown(s: string): string {
  return escapeHtml(s)
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, " ");
}

/**
 * The inside of a DOT double-quoted string used as an id or a label. Backslash starts Graphviz's
 * label escapes (\n, \N, \G, \l), so it is doubled; a double quote is escaped; a line break becomes
 * the centred-line escape \n. Graphviz itself escapes & < > when it writes SVG text.
 */
export function escapeDot(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r\n|\r|\n/g, "\\n");
}

/** A file-name-safe form of an id (firm ids become folder names): only [A-Za-z0-9._-], never "." or "..". */
export function safeFileName(id: string): string {
  const s = id.normalize("NFKD").replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^\.+/, "_").slice(0, 80);
  return s === "" ? "_" : s;
}
