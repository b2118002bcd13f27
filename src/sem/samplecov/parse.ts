/**
 * Reading summary statistics from text (browser-safe: the caller reads the file):
 *  - a full symmetric matrix as CSV, names as the header and as the first column (R's
 *    `write.csv` of a matrix with dimnames; the corner cell may be "" or blank), either triangle
 *    may be left blank;
 *  - the lower triangle with the diagonal as whitespace-separated rows (lavaan's `getCov` text),
 *    row i holding i numbers, with the names given separately;
 *  - a vector (standard deviations or means): CSV with a header and rows `name,value` (R's
 *    `write.csv` of a data frame), or whitespace-separated numbers in the order of the names.
 * Every error is one line naming the file, and the row and column where there is one.
 */
import { InputError } from "../messages.js";
import { parseNumber } from "../data/number.js";

export interface NamedMatrix {
  readonly names: string[];
  /** row-major p × p, symmetric */
  readonly values: Float64Array;
}

/** The non-blank lines of a text with their 1-based line numbers (BOM and CR/CRLF removed). */
function lines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .forEach((t, i) => {
      if (t.trim() !== "") out.push({ line: i + 1, text: t });
    });
  return out;
}

function unquote(cell: string): string {
  const t = cell.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : t;
}

/** Cells of a CSV line (comma, semicolon or tab; quotes around whole cells, no delimiter inside). */
function csvCells(line: string, delimiter: string): string[] {
  return line.split(delimiter).map(unquote);
}

function delimiterOf(first: string): string | null {
  for (const d of [",", ";", "\t"]) if (first.includes(d)) return d;
  return null;
}

function numberAt(cell: string, file: string, where: string): number {
  const v = parseNumber(cell, ".");
  if (v === null) throw new InputError("E_NOT_NUMERIC", `${file}: ${where}: "${cell}" is not a number`);
  return v;
}

/**
 * A symmetric matrix from CSV or lower-triangle text. `names` is required for the lower triangle
 * and, for a CSV file, must agree with its header when given.
 */
export function parseMatrixText(text: string, file: string, names?: readonly string[]): NamedMatrix {
  const ls = lines(text);
  if (ls.length === 0) throw new InputError("E_EMPTY", `${file}: the file is empty`);
  const delimiter = delimiterOf(ls[0]!.text);
  if (delimiter !== null) return parseCsvMatrix(ls, delimiter, file, names);
  if (names === undefined)
    throw new InputError(
      "E_USAGE",
      `${file}: a lower-triangle matrix (whitespace-separated rows) needs the variable names: give --names a,b,c`,
    );
  return parseLowerTriangle(ls, file, names);
}

function parseLowerTriangle(ls: { line: number; text: string }[], file: string, names: readonly string[]): NamedMatrix {
  const p = names.length;
  if (ls.length !== p)
    throw new InputError(
      "E_CSV",
      `${file}: ${ls.length} rows of the lower triangle but ${p} names (--names): they must match`,
    );
  const values = new Float64Array(p * p);
  ls.forEach(({ line, text }, i) => {
    const cells = text.trim().split(/\s+/);
    if (cells.length !== i + 1)
      throw new InputError(
        "E_CSV",
        `${file}: line ${line}: row ${i + 1} of a lower triangle has ${i + 1} numbers, not ${cells.length}`,
      );
    cells.forEach((cell, j) => {
      const v = numberAt(cell, file, `line ${line}, row ${i + 1}, column ${j + 1}`);
      values[i * p + j] = v;
      values[j * p + i] = v;
    });
  });
  return { names: [...names], values };
}

function parseCsvMatrix(
  ls: { line: number; text: string }[],
  delimiter: string,
  file: string,
  given?: readonly string[],
): NamedMatrix {
  const header = csvCells(ls[0]!.text, delimiter);
  const names = header.slice(1);
  const p = names.length;
  if (p === 0) throw new InputError("E_CSV", `${file}: line ${ls[0]!.line}: the header names no variable`);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new InputError("E_CSV", `${file}: variable "${twice}" is named twice in the header`);
  if (given !== undefined && (given.length !== p || given.some((n, i) => n !== names[i])))
    throw new InputError("E_USAGE", `${file}: --names ${given.join(",")} differ from the header's ${names.join(",")}`);
  if (ls.length - 1 !== p)
    throw new InputError("E_CSV", `${file}: ${ls.length - 1} rows but ${p} columns: a covariance matrix is square`);
  const cell: (number | null)[] = new Array(p * p).fill(null);
  ls.slice(1).forEach(({ line, text }, i) => {
    const cells = csvCells(text, delimiter);
    if (cells.length !== p + 1)
      throw new InputError("E_CSV", `${file}: line ${line}: ${cells.length} cells, the header has ${p + 1}`);
    if (cells[0] !== names[i])
      throw new InputError(
        "E_CSV",
        `${file}: line ${line}: row ${i + 1} is named "${cells[0]}", but column ${i + 1} is "${names[i]}" ` +
          "(rows and columns must name the same variables in the same order)",
      );
    for (let j = 0; j < p; j++) {
      const c = cells[j + 1]!;
      cell[i * p + j] = c === "" || c === "NA" ? null : numberAt(c, file, `row "${names[i]}", column "${names[j]}"`);
    }
  });
  return { names, values: symmetric(cell, names, file) };
}

/**
 * The symmetric matrix from cells where either triangle may be blank; both given must agree to
 * 1e-6 of the largest diagonal magnitude (printed numbers rounded), and their mean is taken.
 */
function symmetric(cell: (number | null)[], names: string[], file: string): Float64Array {
  const p = names.length;
  let scale = 0;
  for (let i = 0; i < p; i++) {
    const d = cell[i * p + i];
    if (d === null || d === undefined)
      throw new InputError("E_CSV", `${file}: row "${names[i]}", column "${names[i]}": the diagonal cell is blank`);
    scale = Math.max(scale, Math.abs(d));
  }
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) {
      const a = cell[i * p + j]!;
      const b = cell[j * p + i]!;
      let v: number;
      if (a === null && b === null)
        throw new InputError(
          "E_CSV",
          `${file}: row "${names[i]}", column "${names[j]}": blank in both triangles of the matrix`,
        );
      else if (a === null) v = b;
      else if (b === null) v = a;
      else if (Math.abs(a - b) > 1e-6 * scale)
        throw new InputError(
          "E_NOT_PD",
          `${file}: the matrix is not symmetric: row "${names[i]}", column "${names[j]}" is ${a} but ` +
            `row "${names[j]}", column "${names[i]}" is ${b}`,
        );
      else v = (a + b) / 2;
      out[i * p + j] = v;
      out[j * p + i] = v;
    }
  return out;
}

/**
 * A named vector (standard deviations, means): CSV `name,value` rows under a header, or
 * whitespace-separated numbers in the order of `names`. Returned in the order of `names`.
 */
export function parseVectorText(text: string, file: string, names: readonly string[], what: string): Float64Array {
  const ls = lines(text);
  if (ls.length === 0) throw new InputError("E_EMPTY", `${file}: the file is empty`);
  const delimiter = delimiterOf(ls[0]!.text);
  const out = new Float64Array(names.length).fill(Number.NaN);
  if (delimiter === null) {
    const cells = ls.flatMap((l) =>
      l.text
        .trim()
        .split(/\s+/)
        .map((c) => ({ c, line: l.line })),
    );
    if (cells.length !== names.length)
      throw new InputError("E_CSV", `${file}: ${cells.length} ${what} for ${names.length} variables`);
    cells.forEach(({ c, line }, k) => (out[k] = numberAt(c, file, `line ${line}, ${what} of "${names[k]}"`)));
    return out;
  }
  for (const { line, text: t } of ls.slice(1)) {
    const cells = csvCells(t, delimiter);
    if (cells.length < 2) throw new InputError("E_CSV", `${file}: line ${line}: expected a name and a value`);
    const k = names.indexOf(cells[0]!);
    if (k < 0)
      throw new InputError("E_NO_VARIABLE", `${file}: line ${line}: "${cells[0]}" is not a variable of the matrix`);
    out[k] = numberAt(cells[cells.length - 1]!, file, `line ${line}, column ${cells.length}`);
  }
  const lacking = names.findIndex((_, k) => Number.isNaN(out[k]!));
  if (lacking >= 0) throw new InputError("E_NO_VARIABLE", `${file}: no ${what} for "${names[lacking]}"`);
  return out;
}

/**
 * lavaan's cor2cov: the covariance matrix D R D from a correlation matrix R and standard
 * deviations D. R must have a unit diagonal; every sd must be positive.
 */
export function cor2cov(R: NamedMatrix, sds: Float64Array, file: string): NamedMatrix {
  const p = R.names.length;
  for (let i = 0; i < p; i++) {
    if (Math.abs(R.values[i * p + i]! - 1) > 1e-8)
      throw new InputError(
        "E_USAGE",
        `${file}: --sds given but this is not a correlation matrix: row "${R.names[i]}", column ` +
          `"${R.names[i]}" is ${R.values[i * p + i]}, not 1`,
      );
    if (!(sds[i]! > 0))
      throw new InputError("E_USAGE", `${file}: the standard deviation of "${R.names[i]}" is ${sds[i]}, not positive`);
  }
  const values = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) values[i * p + j] = sds[i]! * R.values[i * p + j]! * sds[j]!;
  return { names: R.names, values };
}
