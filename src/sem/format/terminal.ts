/**
 * Values from the data in text meant for a terminal (firm ids, column names, group labels, file
 * names, cell text quoted by a message): control characters are shown escaped, so that a value can
 * neither move the cursor, clear the screen, set the window title (ESC sequences, C1 controls such
 * as CSI U+009B) nor reorder the line it is printed in (Unicode's bidirectional embeddings,
 * overrides, isolates and marks, ECMA-48 and UAX #9). Shown as `\x1b`, `\u202e`: visible and
 * unambiguous, and the line keeps its columns.
 */

/**
 * C0 controls, DEL, C1 controls, the bidi marks (ALM, LRM, RLM), embeddings, overrides, isolates
 * and the line and paragraph separators.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
/** The same, without the line feed and the tab of the text's own layout. */
const CONTROL_IN_TEXT =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

function escaped(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** One value (a table cell, a name): every control character escaped, line breaks and tabs too. */
export function terminalSafe(s: string): string {
  return s.replace(CONTROL, escaped);
}

/** A whole text of lines: as terminalSafe, keeping its line feeds and tabs. */
export function terminalText(s: string): string {
  return s.replace(CONTROL_IN_TEXT, escaped);
}

/**
 * JSON text for a terminal: JSON.stringify already writes C0 controls as \u001b; the others above
 * (DEL, C1, bidi controls) are written as \uXXXX too. The JSON value is unchanged.
 */
export function terminalJson(json: string): string {
  return json.replace(CONTROL_IN_TEXT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
