/** The checks of a table's shape shared by both readers of delimited text (csv.ts, plain-table.ts). */
import { InputError } from "../messages.js";

/** The header's names: none empty, none twice. */
export function checkHeader(header: string[], line: number, path: string): string[] {
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === "") {
      throw new InputError("E_CSV", `${path}: line ${line}: column ${i + 1} of the header has no name`);
    }
    const first = seen.get(name);
    if (first !== undefined) {
      throw new InputError(
        "E_CSV",
        `${path}: line ${line}: column name "${name}" appears twice (columns ${first + 1} and ${i + 1})`,
      );
    }
    seen.set(name, i);
  });
  return header;
}

export function noDataRows(path: string): InputError {
  return new InputError("E_EMPTY", `${path}: the file has a header line but no data rows`);
}

/** Data row i + 1 (on file line `line`) must have as many fields as the header. */
export function checkRowLength(fields: number, columns: number, i: number, line: number, path: string): void {
  if (fields === columns) return;
  const count = `${fields} field${fields === 1 ? "" : "s"}`;
  throw new InputError("E_CSV", `${path}: line ${line} (row ${i + 1}): ${count}, but the header has ${columns}`);
}

export function checkMarks(decimal: string, delimiter: string, path: string): void {
  if (decimal === delimiter) {
    throw new InputError("E_USAGE", `${path}: the decimal mark and the delimiter cannot both be "${delimiter}"`);
  }
}
