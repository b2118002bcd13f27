/** Bad input: one clear line on stderr (a syntax error adds its source line and caret), exit 2, nothing written. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

const HS = "tests/parity/lavaan-0.6.14/hs-cfa-ml";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "isrs-bad-"));
const file = (name: string, text: string): string => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, text);
  return p;
};

const CASES: [string, string[], RegExp][] = [
  ["a missing data file", [`${HS}/nope.csv`, "--model", `${HS}/model.lav`], /nope\.csv: no such file/],
  ["a directory", [HS, "--model", `${HS}/model.lav`], /is a directory/],
  ["an empty file", [file("empty.csv", ""), "--model", `${HS}/model.lav`], /empty\.csv: the file is empty/],
  ["a header only", [file("header.csv", "x1,x2,x3\n"), "--model", `${HS}/model.lav`], /header line but no data rows/],
  [
    "a ragged row",
    [file("ragged.csv", "x1,x2,x3\n1,2,3\n4,5\n"), "--model", `${HS}/model.lav`],
    /line 3 \(row 2\): 2 fields, but the header has 3/,
  ],
  [
    "a non-numeric cell",
    [file("nonnum.csv", "x1,x2,x3\n1,2,abc\n3,4,5\n"), "--model", file("m3.lav", "f =~ x1 + x2 + x3\n")],
    /row 1\), column "x3": "abc" is not a number/,
  ],
  [
    "duplicate column names",
    [file("dup.csv", "x1,x2,x1\n1,2,3\n"), "--model", `${HS}/model.lav`],
    /column name "x1" appears twice/,
  ],
  [
    "a model variable absent from the data",
    [`${HS}/data.csv`, "--model", file("x10.lav", "f =~ x1 + x2 + x10\n")],
    /model variable "x10" is not a column of the data; did you mean "x1"/,
  ],
  [
    "an under-identified model",
    [`${HS}/data.csv`, "--model", file("und.lav", "f =~ x1 + x2\n")],
    /not identified: .* \(df = -1\)/,
  ],
  [
    "a constant column",
    [file("const.csv", "x1,x2,x3\n1,2,5\n2,3,5\n3,5,5\n4,4,5\n"), "--model", file("c3.lav", "f =~ x1 + x2 + x3\n")],
    /variable "x3" is constant/,
  ],
  [
    "collinear variables",
    [
      file("col.csv", "x1,x2,x3,x4\n1,2,3,1\n2,1,3,4\n3,5,8,2\n4,4,8,9\n5,7,12,3\n6,1,7,2\n"),
      "--model",
      file("c4.lav", "f =~ x1 + x2 + x3 + x4\n"),
    ],
    /"x3" is a linear combination of "x1", "x2"/,
  ],
  ["a missing model file", [`${HS}/data.csv`, "--model", "nope.lav"], /nope\.lav: no such model file/],
  ["an unknown option", [`${HS}/data.csv`, "--model", `${HS}/model.lav`, "--bogus"], /unknown option '--bogus'/],
  [
    "a bad --group-equal",
    [`${HS}/data.csv`, "--model", `${HS}/model.lav`, "--group-equal", "loads"],
    /"loads" is not one of loadings/,
  ],
  [
    "a bad --missing",
    [`${HS}/data.csv`, "--model", `${HS}/model.lav`, "--missing", "available"],
    /option missing: .*listwise/,
  ],
  [
    "MLM with FIML",
    [
      "tests/parity/lavaan-0.6.14/hs-cfa-fiml/data.csv",
      "--model",
      `${HS}/model.lav`,
      "--missing",
      "fiml",
      "--estimator",
      "MLM",
    ],
    /--estimator MLM needs complete data: use --estimator MLR with --missing fiml/,
  ],
  [
    "a variable missing in every row",
    [
      file("allna.csv", "x1,x2,x3\n1,,3\n2,NA,5\n3,,4\n4,,2\n"),
      "--model",
      file("a3.lav", "f =~ x1 + x2 + x3\n"),
      "--missing",
      "fiml",
    ],
    /allna\.csv: model variable "x2" is missing in every row/,
  ],
  [
    "two variables never observed together (FIML)",
    [
      file("cover.csv", "x1,x2,x3\n1,,3\n2,,5\n3,,4\n,4,2\n,5,3\n,3,1\n"),
      "--model",
      file("v3.lav", "f =~ x1 + x2 + x3\n"),
      "--missing",
      "ml",
    ],
    /variables "x1" and "x2" are never observed in the same row: their covariance cannot be estimated/,
  ],
  [
    "a variable observed in one row (FIML)",
    [
      file("once.csv", "x1,x2,x3\n1,7,3\n2,,5\n3,,4\n4,,2\n5,,3\n"),
      "--model",
      file("o3.lav", "f =~ x1 + x2 + x3\n"),
      "--missing",
      "direct",
    ],
    /"x2" is observed in only 1 row: its variance cannot be estimated/,
  ],
];

describe("bad input", () => {
  it.each(CASES)("%s: one line, exit 2, nothing on stdout", async (_, args, message) => {
    const r = await run("fit", ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("a syntax error shows the line, the column and a caret", async () => {
    const r = await run("fit", `${HS}/data.csv`, "--model", "tests/cli/fixtures/syntax-error.lav");
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/syntax-error\.lav:2:\d+: /);
    expect(lines[1]).toBe("textual =~ x4 + + x5");
    expect(lines[2]).toMatch(/^\s*\^$/);
  });

  it("writes no output file when the input is bad", async () => {
    const out = path.join(tmp, "never.json");
    const r = await run("fit", `${HS}/nope.csv`, "--model", `${HS}/model.lav`, "--out", out);
    expect(r.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("--debug adds the stack trace", async () => {
    const r = await run("fit", `${HS}/nope.csv`, "--model", `${HS}/model.lav`, "--debug");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});
