/**
 * The fast reader of plain delimited text: no quote anywhere, a one-character delimiter. Such text
 * has no field that spans lines and no delimiter inside a field, so its records are its lines and
 * its fields are the pieces between delimiters; the native `split` makes them far faster than a
 * general parser. It gives exactly the records and lines csv-parse gives with the options of
 * `parseRecords` in csv.ts (relax_column_count, skip_empty_lines, trim), then JavaScript's trim:
 * - a line is skipped when it has no delimiter and only the characters csv-parse trims
 *   (space, tab, form feed), the empty line included;
 * - a field is trimmed of JavaScript's white space (csv-parse trims space, tab, form feed, CR and
 *   LF, all of which JavaScript's trim removes too, so trimming once with it gives the same cells);
 * - the line number is the line of the text (1-based) the record is on.
 * Text the fast reader does not take (a quote, a surrogate code unit, which csv-parse's UTF-8
 * round trip may change, or an unusual delimiter) gives null, and csv-parse reads it.
 * The property test tests/property/csv-fast-path.test.ts checks the equivalence on random text.
 */

/** The lines of plain text that hold a record, and their line numbers (1-based). */
export interface PlainLines {
  lines: string[];
  lineNo: number[];
}

const QUOTE = 0x22;
const SPACE = 0x20;
const TAB = 0x09;
const FORM_FEED = 0x0c;
const SURROGATE = /[\uD800-\uDFFF]/;

/** The record lines of `text` (line ends already "\n"), or null when the text needs the general parser. */
export function plainLines(text: string, delimiter: string): PlainLines | null {
  if (delimiter.length !== 1) return null;
  const d = delimiter.charCodeAt(0);
  if (d === QUOTE || d === 0x0a || d === 0x0d || (d >= 0xd800 && d <= 0xdfff)) return null;
  if (text.indexOf('"') >= 0 || SURROGATE.test(text)) return null;
  const all = text.split("\n");
  const lines: string[] = [];
  const lineNo: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    if (blankLine(line, d)) continue;
    lines.push(line);
    lineNo.push(i + 1);
  }
  return { lines, lineNo };
}

/** The trimmed cells of one record line of plain text. */
export function cellsOf(line: string, delimiter: string): string[] {
  const cells = line.split(delimiter);
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k]!;
    if (mayBePadded(cell.charCodeAt(0)) || mayBePadded(cell.charCodeAt(cell.length - 1))) cells[k] = cell.trim();
  }
  return cells;
}

/**
 * True when the character may be white space JavaScript's trim removes: those are the controls
 * TAB to CR, the space, and characters from U+00A0 up (no-break space, U+FEFF, the other Unicode
 * spaces, the line and paragraph separators). NaN (the end of an empty field) is not.
 */
function mayBePadded(c: number): boolean {
  return c <= 0x20 || c >= 0xa0;
}

/** True when csv-parse skips the line: no delimiter and nothing but space, tab and form feed. */
function blankLine(line: string, delimiter: number): boolean {
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c === delimiter || (c !== SPACE && c !== TAB && c !== FORM_FEED)) return false;
  }
  return true;
}
