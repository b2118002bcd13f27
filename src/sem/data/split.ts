/**
 * The fast reader of plain delimited text: a one-character delimiter, and no quote but simple
 * whole-cell quotes: a cell that, once the space, tab and form feed csv-parse trims around it are
 * set aside, starts and ends with a quote and has no other quote inside (so no delimiter, no line
 * break and no doubled quote inside either). Such text
 * has no field that spans lines and no delimiter inside a field, so its records are its lines and
 * its fields are the pieces between delimiters; the native `split` makes them far faster than a
 * general parser. It gives exactly the records and lines csv-parse gives with the options of
 * `parseRecords` in csv.ts (relax_column_count, skip_empty_lines, trim), then JavaScript's trim:
 * - a line is skipped when it has no delimiter and only the characters csv-parse trims
 *   (space, tab, form feed), the empty line included;
 * - a field is trimmed of JavaScript's white space (csv-parse trims space, tab, form feed, CR and
 *   LF, all of which JavaScript's trim removes too, so trimming once with it gives the same cells);
 * - a quoted cell loses its two quotes and is then trimmed with JavaScript's trim (csv-parse keeps
 *   the white space inside the quotes, and parseRecords trims the cell afterwards);
 * - the line number is the line of the text (1-based) the record is on.
 * Found by trying csv-parse (5.x) with `trim: true`: space, tab and form feed outside the quotes are
 * trimmed; any other character there (vertical tab, no-break space, a letter) is an error, and so
 * is a quote elsewhere in a cell; a line holding only `""` is a record of one empty cell.
 * Text the fast reader does not take (any other quote, a surrogate code unit, which csv-parse's UTF-8
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
  if (SURROGATE.test(text)) return null;
  const quoted = text.indexOf('"') >= 0;
  const all = text.split("\n");
  const lines: string[] = [];
  const lineNo: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    if (blankLine(line, d)) continue;
    if (quoted && line.indexOf('"') >= 0 && !simpleQuotes(line, delimiter)) return null;
    lines.push(line);
    lineNo.push(i + 1);
  }
  return { lines, lineNo };
}

/**
 * The trimmed cells of one record line given by plainLines. A cell of such a line that starts with
 * a quote once trimmed is a simple whole-cell quote (plainLines checked it): its inside, trimmed.
 */
export function cellsOf(line: string, delimiter: string): string[] {
  const cells = line.split(delimiter);
  for (let k = 0; k < cells.length; k++) {
    let cell = cells[k]!;
    if (padded(cell)) cell = cell.trim();
    if (cell.charCodeAt(0) === QUOTE) {
      cell = cell.slice(1, -1);
      if (padded(cell)) cell = cell.trim();
    }
    cells[k] = cell;
  }
  return cells;
}

function padded(cell: string): boolean {
  return mayBePadded(cell.charCodeAt(0)) || mayBePadded(cell.charCodeAt(cell.length - 1));
}

/**
 * True when every quote of the line belongs to a simple whole-cell quote: the cell is space, tab
 * or form feed, a quote, text with no quote, a quote, then space, tab or form feed.
 */
function simpleQuotes(line: string, delimiter: string): boolean {
  const cells = line.split(delimiter);
  for (const cell of cells) {
    if (cell.indexOf('"') < 0) continue;
    let start = 0;
    let end = cell.length - 1;
    while (start <= end && isTrimmed(cell.charCodeAt(start))) start++;
    while (end >= start && isTrimmed(cell.charCodeAt(end))) end--;
    if (end <= start || cell.charCodeAt(start) !== QUOTE || cell.charCodeAt(end) !== QUOTE) return false;
    if (cell.indexOf('"', start + 1) !== end) return false;
  }
  return true;
}

/** The characters csv-parse's trim removes around a quoted field (line ends are gone already). */
function isTrimmed(c: number): boolean {
  return c === SPACE || c === TAB || c === FORM_FEED;
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
