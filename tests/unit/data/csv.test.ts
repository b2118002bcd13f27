import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectDelimiter } from "../../../src/sem/data/index.js";
import { readTable } from "../../../src/sem/data/read-file.js";
import { expectInputError, fixture } from "./helpers.js";

describe("readTable: file errors", () => {
  it("reports a missing file", () => {
    const f = fixture("no-such-file.csv");
    expectInputError(() => readTable(f), "E_FILE", `${f}: no such file`);
  });

  it("reports a directory", () => {
    const f = fixture("");
    expectInputError(() => readTable(f), "E_FILE", `${f}: is a directory, not a data file`);
  });

  const root = typeof process.getuid === "function" && process.getuid() === 0;
  it.skipIf(root)("reports an unreadable file", () => {
    const f = join(mkdtempSync(join(tmpdir(), "isrs-data-")), "locked.csv");
    writeFileSync(f, "x1\n1\n");
    chmodSync(f, 0o000);
    expectInputError(() => readTable(f), "E_FILE", `${f}: cannot be read (permission denied)`);
  });

  it("reports an empty file and a file of blank lines", () => {
    const f = fixture("empty.csv");
    expectInputError(() => readTable(f), "E_EMPTY", `${f}: the file is empty (0 bytes)`);
    const g = fixture("blank.csv");
    expectInputError(() => readTable(g), "E_EMPTY", `${g}: the file is empty (only blank lines)`);
  });

  it("reports a header without data rows", () => {
    const f = fixture("header-only.csv");
    expectInputError(() => readTable(f), "E_EMPTY", `${f}: the file has a header line but no data rows`);
  });
});

describe("readTable: malformed tables", () => {
  it("reports a ragged row with its file line and data row", () => {
    const f = fixture("ragged.csv");
    expectInputError(() => readTable(f), "E_CSV", `${f}: line 5 (row 3): 2 fields, but the header has 3`);
  });

  it("reports duplicate column names with both positions", () => {
    const f = fixture("duplicate-columns.csv");
    expectInputError(() => readTable(f), "E_CSV", `${f}: line 1: column name "x1" appears twice (columns 1 and 3)`);
  });

  it("reports an empty column name", () => {
    const f = fixture("empty-column-name.csv");
    expectInputError(() => readTable(f), "E_CSV", `${f}: line 1: column 1 of the header has no name`);
  });

  it("reports a quote that is never closed at the line where it opens", () => {
    const f = fixture("unclosed-quote.csv");
    expectInputError(() => readTable(f), "E_CSV", `${f}: line 2: a quoted field is never closed`);
  });

  it("reports text after a closing quote", () => {
    const f = fixture("bad-closing-quote.csv");
    expectInputError(
      () => readTable(f),
      "E_CSV",
      `${f}: line 3: a closing quote is followed by text before the next delimiter`,
    );
  });

  it("refuses a decimal mark equal to the delimiter", () => {
    const f = fixture("listwise.csv");
    expectInputError(
      () => readTable(f, { decimal: "," }),
      "E_USAGE",
      `${f}: the decimal mark and the delimiter cannot both be ","`,
    );
  });
});

describe("readTable: good files", () => {
  it("reads a file with a UTF-8 BOM and CRLF line endings", () => {
    const t = readTable(fixture("bom-crlf.csv"));
    expect(t.columns).toEqual(["id", "x1", "x2"]);
    expect(t.rows).toEqual([
      ["1", "1.5", "2"],
      ["2", "-3", "4e-1"],
    ]);
    expect(t.lineOf).toEqual([2, 3]);
    expect(t.delimiter).toBe(",");
    expect(t.decimal).toBe(".");
    expect(t.file).toBe(fixture("bom-crlf.csv"));
  });

  it("detects a semicolon delimiter and a decimal comma", () => {
    const t = readTable(fixture("semicolon-comma.csv"));
    expect(t.delimiter).toBe(";");
    expect(t.decimal).toBe(",");
    expect(t.columns).toEqual(["id", "label", "score", "weight"]);
    expect(t.rows[0]).toEqual(["1", "a;b", "3,25", "-1,5e2"]);
  });

  it("detects a tab delimiter and keeps empty cells", () => {
    const t = readTable(fixture("tab.tsv"));
    expect(t.delimiter).toBe("\t");
    expect(t.decimal).toBe(".");
    expect(t.rows).toEqual([
      ["1.5", "", "p q"],
      ["2", "3", "r"],
    ]);
  });

  it("uses an explicit delimiter and decimal mark", () => {
    const t = readTable(fixture("pipe.txt"), { delimiter: "|", decimal: "," });
    expect(t.delimiter).toBe("|");
    expect(t.decimal).toBe(",");
    expect(t.columns).toEqual(["a", "b"]);
    expect(t.rows).toEqual([
      ["1,5", "2"],
      ["3", "4,25"],
    ]);
  });

  it("reads quoted fields: delimiters, line breaks and doubled quotes inside", () => {
    const t = readTable(fixture("quoted.csv"));
    expect(t.columns).toEqual(["id", "name", "x1", "x2"]);
    expect(t.rows).toEqual([
      ["1", "Smith, J.", "1.5", "2.5"],
      ["2", "line\nbreak", "2.5", "3.5"],
      ["3", 'say "hi"', "3.5", "5.5"],
    ]);
    expect(t.lineOf).toEqual([2, 3, 5]);
  });

  it("skips blank lines but keeps counting file lines", () => {
    const t = readTable(fixture("ragged.csv"), { delimiter: ";" });
    expect(t.lineOf).toEqual([2, 4, 5, 6]);
  });
});

describe("detectDelimiter", () => {
  it("prefers a semicolon only when the header has no comma outside quotes", () => {
    expect(detectDelimiter("a;b;c")).toBe(";");
    expect(detectDelimiter('"a,1";b')).toBe(";");
    expect(detectDelimiter("a;b,c")).toBe(",");
    expect(detectDelimiter("a\tb")).toBe("\t");
    expect(detectDelimiter("a")).toBe(",");
  });
});
