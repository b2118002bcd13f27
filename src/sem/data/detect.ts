/**
 * Guessing how a data file is written: its delimiter and its decimal mark.
 */
import { type DecimalMark, hasDecimalComma, hasDecimalPoint } from "./number.js";

/** `;` if the header has semicolons and no commas outside quotes, tab if it has tabs, else `,`. */
export function detectDelimiter(header: string): string {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  for (const ch of header) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (ch === ",") commas++;
    else if (ch === ";") semicolons++;
    else if (ch === "\t") tabs++;
  }
  if (semicolons > 0 && commas === 0) return ";";
  if (tabs > 0) return "\t";
  return ",";
}

/** `,` when numeric-looking cells use a decimal comma at least as often as a decimal point. */
export function detectDecimal(rows: string[][], na: Set<string>): DecimalMark {
  let commas = 0;
  let points = 0;
  for (const row of rows) {
    for (const cell of row) {
      if (na.has(cell)) continue;
      if (hasDecimalComma(cell)) commas++;
      else if (hasDecimalPoint(cell)) points++;
    }
  }
  return commas > 0 && commas >= points ? "," : ".";
}
