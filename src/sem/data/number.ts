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

/** The finite value of a cell, or null when the cell is not a number. */
export function parseNumber(text: string, decimal: DecimalMark): number | null {
  if (!looksNumeric(text, decimal)) return null;
  const value = Number(decimal === "," ? text.replace(",", ".") : text);
  return Number.isFinite(value) ? value : null;
}

/** True when the cell has a decimal comma, e.g. "3,25" (and so cannot be a dot-decimal number). */
export function hasDecimalComma(text: string): boolean {
  return text.includes(",") && COMMA_NUMBER.test(text);
}

/** True when the cell has a decimal point, e.g. "3.25". */
export function hasDecimalPoint(text: string): boolean {
  return text.includes(".") && DOT_NUMBER.test(text);
}
