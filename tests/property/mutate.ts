/**
 * Mutations of the bundled data files and model texts for the property tests: each is a list of
 * small edits, drawn by fast-check, applied in order. CSV edits touch bytes, lines, cells,
 * delimiters, quotes, the BOM, line ends, missing-value codes and the size of the numbers;
 * model edits touch characters, tokens, lines and names, and add statements of the kinds that
 * have broken parsers before.
 */
import fc from "fast-check";

/** Cell values an export or a hostile user may leave in a data file. */
export const CELLS = [
  "",
  "NA",
  "-999",
  ".",
  "N/A",
  "NaN",
  "Inf",
  "-Inf",
  "1e308",
  "-1e308",
  "1e400",
  "1e-320",
  "0x1F",
  "1,5",
  "abc",
  " ",
  '"',
  '""',
  "'",
  "\u001b[2J",
  "\u202eevil",
  "12345678901234567890",
  "-0",
  "+3",
  "3.",
  ".5",
];

/** Tokens inserted into a model text. */
export const TOKENS = [
  "=~",
  "~",
  "~~",
  ":=",
  "==",
  "<",
  ">",
  "*",
  "+",
  "-",
  "1*",
  "NA*",
  "0*",
  "start(0.5)*",
  "c(a,b)*",
  "equal(a)*",
  "(",
  ")",
  "#",
  "\n",
  ";",
  "~ 1",
  "label*",
  "1e400*",
  "-1*",
  "'",
  '"',
  "\u0000",
  "\u202e",
  "\\",
];

/** Whole statements added to a model text. */
export const STATEMENTS = [
  "x1 ~~ x2",
  "visual ~~ 0*textual",
  "x1 ~ 1",
  "f9 =~ x1 + x2 + x3",
  "ghost =~ nonexistent1 + nonexistent2",
  "a := 2*3",
  "visual =~ lab*x1",
  "lab == 1",
  "x2 ~ x1",
  "x1 ~ x2\nx2 ~ x1",
  "speed ~ visual",
  "y1 ~~ y5",
  "ind60 =~ x1\nind60 =~ x1",
  "d1 := d2 + a\nd2 := d1 + b",
  "s := s + a",
  "u := unknownfn(a)",
  "late := later * 2\nlater := a + b",
  "q := a / 0",
  "x1 ~~ -1*x1",
];

export type CsvEdit =
  | { k: "char"; at: number; code: number }
  | { k: "rawByte"; at: number; byte: number }
  | { k: "deleteLine" | "dupLine" | "truncate" | "quoteOpen"; at: number }
  | { k: "swapLines"; a: number; b: number }
  | { k: "cell"; row: number; col: number; value: string }
  | { k: "quoteCell"; row: number; col: number }
  | { k: "delimiter"; to: string }
  | { k: "decimalComma" | "bom" | "crlf" | "cr" | "blankLines" }
  | { k: "scaleColumn"; col: number; factor: number };

export type ModelEdit =
  | { k: "deleteChar"; at: number }
  | { k: "insert"; at: number; token: string }
  | { k: "deleteLine" | "dupLine"; at: number }
  | { k: "rename"; from: number; to: string }
  | { k: "statement"; text: string };

const at = fc.nat({ max: 1_000_000 });

export const csvEdit: fc.Arbitrary<CsvEdit> = fc.oneof(
  fc.record({ k: fc.constant("char" as const), at, code: fc.integer({ min: 0, max: 0x2070 }) }),
  fc.record({ k: fc.constant("rawByte" as const), at, byte: fc.integer({ min: 0x80, max: 0xff }) }),
  fc.record({ k: fc.constantFrom("deleteLine" as const, "dupLine" as const, "truncate" as const), at }),
  fc.record({ k: fc.constant("quoteOpen" as const), at }),
  fc.record({ k: fc.constant("swapLines" as const), a: at, b: at }),
  fc.record({ k: fc.constant("cell" as const), row: at, col: at, value: fc.constantFrom(...CELLS) }),
  fc.record({ k: fc.constant("cell" as const), row: at, col: at, value: fc.string({ maxLength: 6 }) }),
  fc.record({ k: fc.constant("quoteCell" as const), row: at, col: at }),
  fc.record({ k: fc.constant("delimiter" as const), to: fc.constantFrom(";", "\t", "|", " ") }),
  fc.record({
    k: fc.constantFrom("decimalComma" as const, "bom" as const, "crlf" as const, "cr" as const, "blankLines" as const),
  }),
  fc.record({ k: fc.constant("scaleColumn" as const), col: at, factor: fc.constantFrom(-1, 0, 100, 1e4, 1e8, 1e150) }),
);

export const modelEdit: fc.Arbitrary<ModelEdit> = fc.oneof(
  fc.record({ k: fc.constant("deleteChar" as const), at }),
  fc.record({ k: fc.constant("insert" as const), at, token: fc.constantFrom(...TOKENS) }),
  fc.record({ k: fc.constantFrom("deleteLine" as const, "dupLine" as const), at }),
  fc.record({ k: fc.constant("rename" as const), from: at, to: fc.constantFrom("x1", "y1", "visual", "nope", "NA") }),
  fc.record({ k: fc.constant("statement" as const), text: fc.constantFrom(...STATEMENTS) }),
);

function splitLines(text: string): string[] {
  return text.split("\n");
}

/** A line removed, or repeated after itself. */
function lineEdit(lines: string[], k: "deleteLine" | "dupLine", at: number): string {
  const i = at % lines.length;
  lines.splice(i, k === "deleteLine" ? 1 : 0, ...(k === "dupLine" ? [lines[i]!] : []));
  return lines.join("\n");
}

function editCells(text: string, row: number, col: number, f: (cell: string) => string): string {
  const lines = splitLines(text);
  const r = row % lines.length;
  const cells = lines[r]!.split(",");
  const c = col % cells.length;
  cells[c] = f(cells[c]!);
  lines[r] = cells.join(",");
  return lines.join("\n");
}

function scaleColumn(text: string, col: number, factor: number): string {
  const lines = splitLines(text);
  return lines
    .map((l, i) => {
      if (i === 0) return l;
      const cells = l.split(",");
      const c = col % Math.max(1, cells.length);
      const x = Number(cells[c]);
      if (cells[c] !== undefined && cells[c] !== "" && Number.isFinite(x)) cells[c] = String(x * factor);
      return cells.join(",");
    })
    .join("\n");
}

/** The text edits of one CSV edit; rawByte edits are applied to the bytes afterwards (applyCsv). */
function applyCsvText(text: string, e: CsvEdit): string {
  const lines = splitLines(text);
  const n = Math.max(1, text.length);
  switch (e.k) {
    case "char":
      return text.slice(0, e.at % n) + String.fromCharCode(e.code) + text.slice((e.at % n) + 1);
    case "rawByte":
      return text;
    case "deleteLine":
    case "dupLine":
      return lineEdit(lines, e.k, e.at);
    case "truncate":
      return text.slice(0, e.at % n);
    case "quoteOpen":
      return `${text.slice(0, e.at % n)}"${text.slice(e.at % n)}`;
    case "swapLines": {
      const a = e.a % lines.length;
      const b = e.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join("\n");
    }
    case "cell":
      return editCells(text, e.row, e.col, () => e.value);
    case "quoteCell":
      return editCells(text, e.row, e.col, (c) => `"${c}"`);
    case "delimiter":
      return text.replace(/,/g, e.to);
    case "decimalComma":
      return text.replace(/,/g, ";").replace(/(\d)\.(\d)/g, "$1,$2");
    case "bom":
      return `\uFEFF${text}`;
    case "crlf":
      return text.replace(/\n/g, "\r\n");
    case "cr":
      return text.replace(/\n/g, "\r");
    case "blankLines":
      return text.replace(/\n/g, "\n\n");
    case "scaleColumn":
      return scaleColumn(text, e.col, e.factor);
  }
}

/** The bytes of a mutated CSV file. */
export function applyCsv(text: string, edits: readonly CsvEdit[]): Buffer {
  const out = edits.reduce(applyCsvText, text);
  const bytes = Buffer.from(out, "utf8");
  for (const e of edits) if (e.k === "rawByte" && bytes.length > 0) bytes[e.at % bytes.length] = e.byte;
  return bytes;
}

const NAME = /[A-Za-z_][A-Za-z0-9_.]*/g;

function applyModelEdit(text: string, e: ModelEdit): string {
  const lines = splitLines(text);
  const n = Math.max(1, text.length);
  switch (e.k) {
    case "deleteChar":
      return text.slice(0, e.at % n) + text.slice((e.at % n) + 1);
    case "insert":
      return `${text.slice(0, e.at % n)}${e.token}${text.slice(e.at % n)}`;
    case "deleteLine":
    case "dupLine":
      return lineEdit(lines, e.k, e.at);
    case "rename": {
      const names = [...new Set(text.match(NAME) ?? [])];
      if (names.length === 0) return text;
      const from = names[e.from % names.length]!;
      return text.replace(new RegExp(`\\b${from.replace(/\./g, "\\.")}\\b`, "g"), e.to);
    }
    case "statement":
      return `${text}\n${e.text}\n`;
  }
}

export function applyModel(text: string, edits: readonly ModelEdit[]): string {
  return edits.reduce(applyModelEdit, text);
}
