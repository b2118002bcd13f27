/**
 * The data layer and options under --missing fiml: incomplete rows kept, rows missing on every
 * model variable dropped and listed, fixed.x covariates required (as lavaan), the missing-data
 * synonyms, and the refusals (a variable missing everywhere, unidentified pairs, MLM with FIML).
 */
import { describe, expect, it } from "vitest";
import { buildDataSet, type DataTable } from "../../../src/sem/data/index.js";
import { InputError } from "../../../src/sem/messages.js";
import { resolveOptions } from "../../../src/sem/options.js";
import { FitOptionsSchema } from "../../../src/sem/options-schema.js";
import { missingPatterns } from "../../../src/sem/missing/patterns.js";

function table(rows: string[][], columns = ["x1", "x2", "x3"]): DataTable {
  return { file: "t.csv", columns, rows, lineOf: rows.map((_, i) => i + 2), delimiter: ",", decimal: "." };
}

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return "no error";
}

const rows = [
  ["1", "2", "3"],
  ["2", "", "4"],
  ["", "", ""],
  ["4", "3", ""],
  ["5", "1", "2"],
  ["NA", "NA", "NA"],
  ["3", "3", "3"],
];

describe("buildDataSet with missing = fiml", () => {
  it("keeps incomplete rows with NaN and drops and lists the rows missing on every model variable", () => {
    const d = buildDataSet(table(rows), { variables: ["x1", "x2", "x3"], missing: "fiml" });
    expect(d.groups[0]!.n).toBe(5);
    expect(d.groups[0]!.rowIds).toEqual([1, 2, 4, 5, 7]);
    expect(Number.isNaN(d.groups[0]!.X[1 * 3 + 1]!)).toBe(true);
    expect(d.dropped.map((r) => r.row)).toEqual([3, 6]);
    expect(d.dropped[0]!.missing).toEqual(["x1", "x2", "x3"]);
  });

  it("drops rows missing a required (fixed.x) variable, as lavaan", () => {
    const d = buildDataSet(table(rows), { variables: ["x1", "x2", "x3"], missing: "fiml", required: ["x3"] });
    expect(d.dropped.map((r) => r.row)).toEqual([3, 4, 6]);
  });

  it("listwise deletion is unchanged", () => {
    const d = buildDataSet(table([...rows, ["6", "2", "9"]]), { variables: ["x1", "x2", "x3"] });
    expect(d.groups[0]!.rowIds).toEqual([1, 5, 7, 8]);
  });

  it("groups the kept rows into patterns with their sufficient statistics", () => {
    const d = buildDataSet(table(rows), { variables: ["x1", "x2", "x3"], missing: "fiml" });
    const pats = missingPatterns(d.groups[0]!.X, d.groups[0]!.n, 3);
    expect(pats.map((p) => [Array.from(p.obs), p.n])).toEqual([
      [[0, 1, 2], 3],
      [[0, 2], 1],
      [[0, 1], 1],
    ]);
    // complete rows 1, 5, 7: x1 = 1, 5, 3 -> mean 3, N-divisor variance (4 + 4 + 0)/3
    expect(pats[0]!.mean[0]).toBeCloseTo(3, 14);
    expect(pats[0]!.S[0]).toBeCloseTo(8 / 3, 14);
    expect(Array.from(pats[1]!.mis)).toEqual([1]);
  });

  it("refuses a variable missing in every row, naming it and the file (listwise too)", () => {
    const t = table([
      ["1", "", "3"],
      ["2", "NA", "4"],
      ["3", "", "1"],
    ]);
    expect(code(() => buildDataSet(t, { variables: ["x1", "x2", "x3"], missing: "fiml" }))).toBe(
      'E_ALL_MISSING: t.csv: model variable "x2" is missing in every row; drop it from the model or check the column',
    );
    expect(code(() => buildDataSet(t, { variables: ["x1", "x2", "x3"] }))).toMatch(/^E_ALL_MISSING: .*"x2"/);
  });

  it("refuses a variable missing in every row of one group", () => {
    const t = table(
      [
        ["1", "", "3", "a"],
        ["2", "1", "4", "b"],
        ["3", "", "1", "a"],
        ["1", "2", "2", "b"],
        ["2", "5", "2", "b"],
      ],
      ["x1", "x2", "x3", "g"],
    );
    expect(code(() => buildDataSet(t, { variables: ["x1", "x2", "x3"], missing: "fiml", group: "g" }))).toBe(
      'E_ALL_MISSING: t.csv: model variable "x2" is ' +
        'missing in every row in group "a"; drop it from the ' +
        "model or the group",
    );
  });

  it("refuses a pair never observed together and a variable observed once", () => {
    const t = table([
      ["1", "", "3"],
      ["2", "", "4"],
      ["", "5", "1"],
      ["", "6", "2"],
    ]);
    expect(code(() => buildDataSet(t, { variables: ["x1", "x2", "x3"], missing: "fiml" }))).toBe(
      'E_COVERAGE: t.csv: variables "x1" and "x2" are ' +
        "never observed in the same row: their covariance " +
        "cannot be estimated with --missing fiml",
    );
    const once = table([
      ["1", "1", "3"],
      ["2", "", "4"],
      ["3", "", "1"],
    ]);
    expect(code(() => buildDataSet(once, { variables: ["x1", "x2", "x3"], missing: "fiml" }))).toMatch(
      /^E_COVERAGE: t\.csv: model variable "x2" is observed in only 1 row/,
    );
  });

  it("refuses a variable constant over its observed values", () => {
    const t = table([
      ["1", "7", "3"],
      ["2", "", "4"],
      ["3", "7", "1"],
      ["4", "7", "2"],
    ]);
    expect(code(() => buildDataSet(t, { variables: ["x1", "x2", "x3"], missing: "fiml" }))).toMatch(
      /^E_CONSTANT: .*"x2" is constant \(every observed value is 7\)/,
    );
  });
});

describe("the missing option", () => {
  it.each([
    ["fiml", "fiml"],
    ["ML", "fiml"],
    ["direct", "fiml"],
    ["listwise", "listwise"],
  ])("%s means %s", (given, meant) => {
    expect(FitOptionsSchema.parse({ missing: given }).missing).toBe(meant);
  });

  it("defaults to listwise and turns the mean structure on under FIML, saying so", () => {
    expect(FitOptionsSchema.parse({}).missing).toBe("listwise");
    const r = resolveOptions(FitOptionsSchema.parse({ missing: "fiml" }), { ngroups: 1, hasIntercepts: false });
    expect(r.meanstructure).toBe(true);
    expect(r.resolutions).toContain("meanstructure: default -> true (missing = fiml)");
  });

  it("refuses MLM with FIML and points to MLR, as lavaan does", () => {
    const opts = { ...FitOptionsSchema.parse({ missing: "fiml" }), estimator: "MLM" as never };
    expect(code(() => resolveOptions(opts, { ngroups: 1, hasIntercepts: false }))).toBe(
      "E_USAGE: --estimator MLM needs complete data: use --estimator MLR with --missing fiml (as lavaan does)",
    );
  });
});
