import { describe, expect, it } from "vitest";
import { buildDataSet } from "../../../src/sem/data/index.js";
import { readTable } from "../../../src/sem/data/read-file.js";
import { expectInputError, fixture } from "./helpers.js";

const build = (name: string, variables: string[], group?: string, na?: string[]) =>
  buildDataSet(readTable(fixture(name)), { variables, group, na });

describe("buildDataSet: errors", () => {
  it("reports a non-numeric cell with line, row, column and text", () => {
    const f = fixture("non-numeric.csv");
    expectInputError(
      () => build("non-numeric.csv", ["x1", "x2", "x3"]),
      "E_NOT_NUMERIC",
      `${f}: line 3 (row 2), column "x3": "abc" is not a number`,
    );
  });

  it("says which decimal mark is in use when a cell uses the other one", () => {
    const f = fixture("semicolon-comma.csv");
    const table = readTable(f, { delimiter: ";", decimal: "." });
    expectInputError(
      () => buildDataSet(table, { variables: ["score"] }),
      "E_NOT_NUMERIC",
      `${f}: line 2 (row 1), column "score": "3,25" is not a number (the decimal mark is ".")`,
    );
  });

  it("names a model variable that is not a column and suggests close names", () => {
    const f = fixture("names.csv");
    const message = (name: string, hint: string) => `${f}: model variable "${name}" is not a column of the data${hint}`;
    expectInputError(() => build("names.csv", ["x10"]), "E_NO_VARIABLE", message("x10", '; did you mean "x1", "x0"?'));
    expectInputError(() => build("names.csv", ["score"]), "E_NO_VARIABLE", message("score", '; did you mean "Score"?'));
    expectInputError(
      () => build("names.csv", ["zzz"]),
      "E_NO_VARIABLE",
      message("zzz", ' (the columns are "x0", "x1", "Score", "school_type")'),
    );
  });

  it("checks that the group column exists", () => {
    const f = fixture("names.csv");
    expectInputError(
      () => build("names.csv", ["x0"], "school"),
      "E_NO_VARIABLE",
      `${f}: group variable "school" is not a column of the data; did you mean "school_type"?`,
    );
  });

  it("reports a constant variable in a group", () => {
    const f = fixture("constant.csv");
    expectInputError(
      () => build("constant.csv", ["x1", "x2", "x3"], "school"),
      "E_CONSTANT",
      `${f}: variable "x3" is constant (every complete row is 4) in group "Pasteur"`,
    );
  });

  it("reports too few complete rows", () => {
    const f = fixture("too-few-rows.csv");
    expectInputError(
      () => build("too-few-rows.csv", ["x1", "x2", "x3"]),
      "E_TOO_FEW_ROWS",
      `${f}: only 2 complete rows for 3 variables (2 rows ` +
        `dropped for missing values); more complete rows ` +
        `than variables are needed`,
    );
  });

  it("reports collinear variables", () => {
    const f = fixture("collinear.csv");
    expectInputError(
      () => build("collinear.csv", ["x1", "x2", "x3", "x4"]),
      "E_NOT_PD",
      `${f}: the sample covariance matrix is not positive ` +
        `definite: "x3" is a linear combination of "x1", ` +
        `"x2" (collinear); drop one of them`,
    );
  });

  it("says 'linear function' when two variables are perfectly correlated", () => {
    const f = fixture("collinear.csv");
    expectInputError(
      () => build("collinear.csv", ["x1", "x2", "x5"]),
      "E_NOT_PD",
      `${f}: the sample covariance matrix is not positive ` +
        `definite: "x5" is a linear function of "x1" ` +
        `(perfectly correlated); drop one of them`,
    );
  });

  it("treats '.' as a non-number unless it is a missing-value code", () => {
    const f = fixture("na-codes.csv");
    expectInputError(
      () => build("na-codes.csv", ["x1", "x2", "x3"]),
      "E_NOT_NUMERIC",
      `${f}: line 4 (row 3), column "x2": "." is not a number`,
    );
  });
});

describe("buildDataSet: good data", () => {
  it("parses decimal commas exactly", () => {
    const d = build("semicolon-comma.csv", ["score", "weight"]);
    expect(d.groups).toHaveLength(1);
    expect(Array.from(d.groups[0].X)).toEqual([3.25, -150, 4, 0.125, 0.5, 7]);
  });

  it("uses explicit delimiter and decimal options", () => {
    const d = buildDataSet(readTable(fixture("pipe.txt"), { delimiter: "|", decimal: "," }), { variables: ["b"] });
    expect(Array.from(d.groups[0].X)).toEqual([2, 4.25]);
  });

  it("reads numbers from a BOM + CRLF file and from quoted cells", () => {
    expect(Array.from(build("bom-crlf.csv", ["x1"]).groups[0].X)).toEqual([1.5, -3]);
    const q = build("quoted.csv", ["x1", "x2"]);
    expect(Array.from(q.groups[0].X)).toEqual([1.5, 2.5, 2.5, 3.5, 3.5, 5.5]);
  });

  it("treats extra missing-value codes as missing", () => {
    const d = build("na-codes.csv", ["x1", "x2", "x3"], undefined, ["-999", "."]);
    expect(d.groups[0].rowIds).toEqual([1, 6, 7, 8, 9]);
    expect(d.dropped).toEqual([
      { row: 2, line: 3, missing: ["x1"] },
      { row: 3, line: 4, missing: ["x2"] },
      { row: 4, line: 5, missing: ["x1"] },
      { row: 5, line: 6, missing: ["x1"] },
    ]);
  });

  it("drops incomplete rows listwise and lists them", () => {
    const d = build("listwise.csv", ["x1", "x2", "x3"]);
    expect(d.nTotalRows).toBe(8);
    expect(d.variables).toEqual(["x1", "x2", "x3"]);
    expect(d.groups).toHaveLength(1);
    const g = d.groups[0];
    expect(g.label).toBe("");
    expect(g.n).toBe(5);
    expect(g.rowIds).toEqual([1, 4, 5, 7, 8]);
    expect(Array.from(g.X.subarray(0, 6))).toEqual([1.2, 3.1, 0.5, 3.1, 1.9, 2.2]);
    expect(d.dropped).toEqual([
      { row: 2, line: 3, missing: ["x1"] },
      { row: 3, line: 4, missing: ["x2", "x3"] },
      { row: 6, line: 7, missing: ["x3"] },
    ]);
  });

  it("ignores missing values in columns the model does not use", () => {
    const d = build("listwise.csv", ["x1", "x2"]);
    expect(d.groups[0].rowIds).toEqual([1, 4, 5, 6, 7, 8]);
  });

  it("splits groups in order of first appearance and drops rows without a group", () => {
    const d = build("groups.csv", ["x1", "x2"], "school");
    expect(d.groups.map((g) => [g.label, g.n, g.rowIds])).toEqual([
      ["Zeta", 3, [1, 6, 9]],
      ["Alpha", 3, [2, 5, 8]],
    ]);
    expect(Array.from(d.groups[1].X)).toEqual([2, 1, 4, 3.5, 1.5, 4.5]);
    expect(d.dropped).toEqual([
      { row: 3, line: 4, missing: ["school"] },
      { row: 4, line: 5, group: "Zeta", missing: ["x1"] },
      { row: 7, line: 8, missing: ["school"] },
      { row: 10, line: 11, group: "Alpha", missing: ["x2"] },
    ]);
  });
});
