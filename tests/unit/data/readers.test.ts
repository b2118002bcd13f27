/**
 * Every check of the table loader, on both readers of delimited text: the fast reader of plain
 * text (tableFromText when the text has no quote) and csv-parse (tableFromTextByCsvParse, and
 * tableFromText when the text has quotes). Then the numeric columns the fast reader attaches:
 * present for plain text, ignored on a table made from another, dropped when the rows change.
 */
import { describe, expect, it } from "vitest";
import { tableFromText, tableFromTextByCsvParse, type DataTable } from "../../../src/sem/data/csv.js";
import { buildDataSet } from "../../../src/sem/data/dataset.js";
import { numericOf, withNumeric } from "../../../src/sem/data/numeric.js";
import { expectInputError } from "./helpers.js";

const readers = [
  ["the fast reader", tableFromText],
  ["csv-parse", tableFromTextByCsvParse],
] as const;

describe.each(readers)("checks of the table (%s)", (_, read) => {
  const f = "d.csv";
  it("refuses empty text, blank text, and a header without rows", () => {
    expectInputError(() => read("", f), "E_EMPTY", `${f}: the file is empty (0 bytes)`);
    expectInputError(() => read("\ufeff", f), "E_EMPTY", `${f}: the file is empty (0 bytes)`);
    expectInputError(() => read(" \n\t\r\n", f), "E_EMPTY", `${f}: the file is empty (only blank lines)`);
    expectInputError(() => read("a,b\n\n", f), "E_EMPTY", `${f}: the file has a header line but no data rows`);
  });

  it("refuses a ragged row, naming its file line and data row", () => {
    expectInputError(() => read("a,b\n1,2\n\n3\n", f), "E_CSV", `${f}: line 4 (row 2): 1 field, but the header has 2`);
    expectInputError(() => read("a,b\n1,2,3\n", f), "E_CSV", `${f}: line 2 (row 1): 3 fields, but the header has 2`);
  });

  it("refuses an empty or repeated column name", () => {
    expectInputError(() => read("\na, ,c\n1,2,3\n", f), "E_CSV", `${f}: line 2: column 2 of the header has no name`);
    expectInputError(
      () => read("x,y,x\n1,2,3\n", f),
      "E_CSV",
      `${f}: line 1: column name "x" appears twice (columns 1 and 3)`,
    );
  });

  it("refuses a bad delimiter and a decimal mark equal to the delimiter", () => {
    expectInputError(() => read("a\n1\n", f, { delimiter: '"' }), "E_USAGE", `${f}: "\\"" cannot be a delimiter`);
    expectInputError(() => read("a\n1\n", f, { delimiter: "" }), "E_USAGE", `${f}: "" cannot be a delimiter`);
    expectInputError(
      () => read("a;b\n1;2\n", f, { delimiter: ";", decimal: ";" as "," }),
      "E_USAGE",
      `${f}: the decimal mark and the delimiter cannot both be ";"`,
    );
  });

  it("reads a BOM, CRLF and CR line ends, padded cells and blank lines, counting file lines", () => {
    const t = read("\ufeffa , b\r\n 1.5 ,\t2\r\n\r\n  \r-3,NA\r", f);
    expect(t.columns).toEqual(["a", "b"]);
    expect(t.rows).toEqual([
      ["1.5", "2"],
      ["-3", "NA"],
    ]);
    expect(t.lineOf).toEqual([2, 5]);
    expect([t.delimiter, t.decimal]).toEqual([",", "."]);
  });

  it("detects semicolons and decimal commas; tabs; keeps the given delimiter and mark", () => {
    const s = read("x;y\n1,5;2\n-0,25;NA\n3;4,75\n", f);
    expect([s.delimiter, s.decimal]).toEqual([";", ","]);
    expect(buildDataSet(s, { variables: ["x", "y"], missing: "fiml" }).groups[0]!.X).toEqual(
      Float64Array.from([1.5, 2, -0.25, NaN, 3, 4.75]),
    );
    const t = read("x\ty\n1.5\t\n2\t3\n", f);
    expect([t.delimiter, t.decimal, t.rows[0]]).toEqual(["\t", ".", ["1.5", ""]]);
    const p = read("x|y\n1,5|2\n", f, { delimiter: "|", decimal: "," });
    expect([p.delimiter, p.decimal, p.rows[0]]).toEqual(["|", ",", ["1,5", "2"]]);
    // missing-value codes are left out when detecting the mark: "9.5" alone would make it "."
    expect(read("x;y\n1,5;9.5\n2;9.5\n", f, { na: ["9.5"] }).decimal).toBe(",");
  });

  it("reports a non-numeric cell with line, row, column and text, and the other decimal mark", () => {
    const t = read("x,y\n1,2\n\n3,abc\n", f);
    expectInputError(
      () => buildDataSet(t, { variables: ["x", "y"] }),
      "E_NOT_NUMERIC",
      `${f}: line 4 (row 2), column "y": "abc" is not a number`,
    );
    const c = read("x;y\n1,5;2\n3;4.5\n", f);
    expectInputError(
      () => buildDataSet(c, { variables: ["x", "y"] }),
      "E_NOT_NUMERIC",
      `${f}: line 3 (row 2), column "y": "4.5" is not a number (the decimal mark is ",")`,
    );
  });

  it("reads the extra missing-value codes as missing, numeric ones included", () => {
    const t = read("x,y\n1,-99\n2,.\n3,4\n5,6\n7,9\n", f, { na: ["-99", "."] });
    const d = buildDataSet(t, { variables: ["x", "y"], na: ["-99", "."] });
    expect(d.dropped.map((r) => r.row)).toEqual([1, 2]);
    expect(d.groups[0]!.X).toEqual(Float64Array.from([3, 4, 5, 6, 7, 9]));
    // the same table built without the codes: "-99" is a number, "." is not
    expectInputError(
      () => buildDataSet(t, { variables: ["x", "y"] }),
      "E_NOT_NUMERIC",
      `${f}: line 3 (row 2), column "y": "." is not a number`,
    );
  });
});

describe("which reader reads the text", () => {
  it("reads plain text with the fast reader (numeric columns attached) and quoted text with csv-parse", () => {
    const plain = tableFromText("x,g\n1.5,a\n2,NA\n", "d.csv");
    const numeric = numericOf(plain);
    expect(numeric?.values[0]).toEqual(Float64Array.from([1.5, 2]));
    expect(numeric?.values[1]).toBeNull(); // "a" is not a number
    // a quote inside a cell, a doubled quote, a quoted delimiter: csv-parse reads the whole file
    for (const text of ['x,g\n1.5,"a,b"\n2,NA\n', 'x,g\n1.5,"a""b"\n2,NA\n']) {
      expect(numericOf(tableFromText(text, "d.csv"))).toBeNull();
    }
    expect(() => tableFromText('x,g\n1.5,"a"b\n2,NA\n', "d.csv")).toThrow(/closing quote is followed by text/);
    expect(() => tableFromText('x,g\n1.5,a"b\n2,NA\n', "d.csv")).toThrow(/line 2: a quote appears inside/);
  });

  it("reads simple whole-cell quotes (header and data, padded) with the fast reader, as csv-parse does", () => {
    // csv-parse with trim: space, tab and form feed outside the quotes go; white space inside is kept, then trimmed
    const text = '"x", "g" ,"y"\n"1.5",\t"a" ,2\n 2 ,"NA",\f" 3 "\f\n""," b\u00a0",""\n';
    const fast = tableFromText(text, "d.csv");
    const numeric = numericOf(fast);
    expect(numeric?.values[0]).toEqual(Float64Array.from([1.5, 2, NaN]));
    expect(numeric?.values[1]).toBeNull(); // "a" and "b" are not numbers
    expect(numeric?.values[2]).toEqual(Float64Array.from([2, 3, NaN]));
    expect(fast.columns).toEqual(["x", "g", "y"]);
    expect(fast.rows).toEqual([
      ["1.5", "a", "2"],
      ["2", "NA", "3"],
      ["", "b", ""],
    ]);
    const reference = tableFromTextByCsvParse(text, "d.csv");
    expect({ ...fast, numeric: undefined }).toEqual({ ...reference, numeric: undefined });
    // padding csv-parse does not trim before a quote (vertical tab, no-break space) is an error in both
    for (const pad of ["\v", "\u00a0"]) {
      const bad = `x,g\n1,${pad}"a"\n`;
      expect(() => tableFromText(bad, "d.csv")).toThrow(/quote appears inside an unquoted field/);
    }
  });
});

describe("numeric columns", () => {
  const text = "x,y\n1,2\n3,5\n4,4\n7,1\n";

  it("are ignored on a table made from another by spreading (new rows, same lineOf)", () => {
    const t = tableFromText(text, "d.csv");
    const doubled: DataTable = { ...t, rows: t.rows.map((row) => row.map((c) => String(2 * Number(c)))) };
    expect(doubled.numeric).toBeDefined(); // the spread copies the field, whose `of` is the first table
    expect(numericOf(doubled)).toBeNull();
    expect(buildDataSet(doubled, { variables: ["x"] }).groups[0]!.X).toEqual(Float64Array.from([2, 6, 8, 14]));
  });

  it("are ignored on a structured clone (a worker's copy), which gets the cells", () => {
    const t = tableFromText(text, "d.csv");
    const copy = structuredClone(t);
    expect(copy.rows).toEqual(t.rows);
    expect(numericOf(copy)).toBeNull();
    expect(buildDataSet(copy, { variables: ["x", "y"] })).toEqual(buildDataSet(t, { variables: ["x", "y"] }));
  });

  it("are dropped when the rows are assigned, and survive JSON.stringify without a cycle", () => {
    const t = tableFromText(text, "d.csv");
    expect(JSON.parse(JSON.stringify(t)).rows).toEqual(t.rows);
    t.rows = t.rows.map((row) => ["0", row[1]!]);
    expect(t.numeric).toBeUndefined();
    expectInputError(
      () => buildDataSet(t, { variables: ["x", "y"] }),
      "E_CONSTANT",
      `d.csv: variable "x" is constant (every complete row is 0)`,
    );
  });

  it("are used by buildDataSet when attached with withNumeric, unless a missing-value code disagrees", () => {
    // numbers that differ from the cells show which source buildDataSet read
    const t = tableFromTextByCsvParse(text, "d.csv");
    withNumeric(t, [Float64Array.from([10, 30, 40, 70]), null]);
    expect(buildDataSet(t, { variables: ["x"] }).groups[0]!.X).toEqual(Float64Array.from([10, 30, 40, 70]));
    // "3" as a missing-value code reads as a number: the cells are parsed instead
    expect(buildDataSet(t, { variables: ["x"], na: ["3"] }).groups[0]!.X).toEqual(Float64Array.from([1, 4, 7]));
    // codes the columns read as missing must all be codes of the data set
    withNumeric(t, [Float64Array.from([10, 30, 40, 70]), null], ["x"]);
    expect(buildDataSet(t, { variables: ["x"] }).groups[0]!.X).toEqual(Float64Array.from([1, 3, 4, 7]));
    expect(buildDataSet(t, { variables: ["x"], na: ["x"] }).groups[0]!.X).toEqual(Float64Array.from([10, 30, 40, 70]));
  });
});

describe("building the data set from a fast-read table", () => {
  it("never makes the string cells of a wholly numeric file (the checks count rows by lineOf)", () => {
    // 4 rows of 3 variables: a square-ish shape, so the covariance-matrix check runs its row count
    const text = "a,b,c\n1,2,3\n4,5,7\n2,1,0\n3,3,1\n";
    const table = tableFromText(text, "t.csv");
    const own = Object.getOwnPropertyDescriptor(table, "rows")!;
    expect(own.get).toBeTypeOf("function"); // the fast reader's lazy cells
    let reads = 0;
    Object.defineProperty(table, "rows", {
      get: () => (reads++, own.get!.call(table)),
      enumerable: true,
      configurable: true,
    });
    const data = buildDataSet(table, { variables: ["a", "b", "c"] });
    expect(data.groups[0]!.n).toBe(4);
    expect(reads).toBe(0);
  });
});
