/**
 * Number parsing for data cells: plain decimal notation with an optional sign and
 * exponent, using either "." or "," as the decimal separator. Thousands separators,
 * hexadecimal, "Inf" and "NaN" are not numbers here.
 */

export type DecimalMark = "." | ",";

const DOT_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_NUMBER = /^[+-]?(?:\d+(?:,\d*)?|,\d+)(?:[eE][+-]?\d+)?$/;

/** True when the cell is written like a number with the given decimal mark. */
export function looksNumeric(text: string, decimal: DecimalMark): boolean {
  return (decimal === "," ? COMMA_NUMBER : DOT_NUMBER).test(text);
}

/**
 * The finite value of a cell, or null when the cell is not a number: the value of `Number()` on
 * the cell (its decimal comma made a point) when the cell matches the pattern above.
 *
 * Without a regular expression, for speed: `Number()` reads exactly the pattern's language plus
 * surrounding white space, "" and white space alone, "Infinity" with a sign or not, and the
 * unsigned literals 0x…, 0o…, 0b… (ECMAScript StringToNumber). A cell that starts with a sign,
 * a digit or a point, ends with a digit or a point and has no radix letter second is none of these
 * extras, and an infinite value is refused anyway. With a decimal comma, a cell with a point is
 * not a number and the one comma the pattern allows becomes a point.
 * tests/property/csv-fast-path.test.ts checks it against the pattern on random cells.
 */
export function parseNumber(text: string, decimal: DecimalMark): number | null {
  let plain = text;
  if (decimal === ",") {
    if (text.includes(".")) return null;
    if (text.includes(",")) plain = text.replace(",", ".");
  }
  const n = plain.length;
  if (n === 0 || !startsNumber(plain.charCodeAt(0)) || !endsNumber(plain.charCodeAt(n - 1))) return null;
  if (n > 1 && isRadixLetter(plain.charCodeAt(1))) return null;
  const value = Number(plain);
  return Number.isFinite(value) ? value : null;
}

/** A digit, a sign or a point. */
function startsNumber(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
}

/** A digit or a point. */
function endsNumber(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e;
}

/** x, o or b in either case (0x1F, 0o17, 0b11). */
function isRadixLetter(c: number): boolean {
  const lower = c | 0x20;
  return lower === 0x78 || lower === 0x6f || lower === 0x62;
}

/** True when the cell has a decimal comma, e.g. "3,25" (and so cannot be a dot-decimal number). */
export function hasDecimalComma(text: string): boolean {
  return text.includes(",") && COMMA_NUMBER.test(text);
}

/** True when the cell has a decimal point, e.g. "3.25". */
export function hasDecimalPoint(text: string): boolean {
  return text.includes(".") && DOT_NUMBER.test(text);
}
