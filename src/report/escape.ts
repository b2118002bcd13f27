/**
 * Escaping for every place a value from the data (firm ids, column names, labels, file names)
 * ends up: HTML text and attributes, Markdown table cells, DOT quoted strings. Renderers call
 * these on every data value; nothing from a CSV reaches a report unescaped, and no control or
 * bidirectional-override character reaches it as such.
 */

const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Control characters (C0 but tab and line breaks, DEL, C1) and Unicode's bidirectional
 * embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069; UAX #9): no data value may
 * reorder the text around it (an id holding U+202E would print the rest of its line backwards)
 * or carry a character XML forbids (SVG). Shown as visible escapes, `\u202e`, `\x1b`.
 */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** A data value with its control and bidi-override characters shown as escapes (see CONTROLS). */
export function showControls(s: string): string {
  return s.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** Text or attribute value inside HTML or SVG: & < > " ' replaced by entities, controls shown (showControls). */
export function escapeHtml(s: string): string {
  return showControls(s).replace(/[&<>"']/g, (c) => HTML[c]!);
}

/**
 * A Markdown table cell or inline text. Markdown renderers pass raw HTML through, and a tag, a
 * comment, a declaration or an autolink starts with "<" and a letter, "/", "!" or "?"
 * (CommonMark 0.31, 6.6 and 6.5): such a "<" becomes &lt; ("< .001" stays as it reads), and "&"
 * becomes &amp; where it would start an entity; the characters of inline syntax (emphasis, code,
 * links, tables, strike-through) are backslash-escaped; line breaks become spaces (a table row is
 * one line).
 */
export function escapeMarkdown(s: string): string {
  return showControls(s)
    .replace(/&(?=#?\w+;)/g, "&amp;")
    .replace(/<(?=[A-Za-z/!?])/g, "&lt;")
    .replace(/[\\`*_{}[\]|~]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, " ");
}

/** Markdown text that starts a line (a paragraph): as escapeMarkdown, and headings, lists and rules neutralised. */
export function escapeMarkdownLine(s: string): string {
  return escapeMarkdown(s)
    .replace(/^(\s*)([#+\-=!>])/, "$1\\$2")
    .replace(/^(\s*)(\d+)\./, "$1$2\\.");
}

/**
 * The inside of a DOT double-quoted string used as an id or a label. Backslash starts Graphviz's
 * label escapes (\n, \N, \G, \l), so it is doubled; a double quote is escaped; a line break becomes
 * the centred-line escape \n. Graphviz itself escapes & < > when it writes SVG text.
 */
export function escapeDot(s: string): string {
  return showControls(s)
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * A DOT label: as escapeDot, and & written as &amp;, because Graphviz passes entities in labels
 * through to the SVG (a label "&lt;" would show as "<"); text then shows exactly as given.
 */
export function escapeDotLabel(s: string): string {
  return escapeDot(s.replace(/&/g, "&amp;"));
}

/** A file-name-safe form of an id (firm ids become folder names): only [A-Za-z0-9._-], never "." or "..". */
export function safeFileName(id: string): string {
  const s = id
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^\.+/, "_")
    .slice(0, 80);
  return s === "" ? "_" : s;
}
