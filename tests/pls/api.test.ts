/**
 * `pls()` in the library API (src/index.ts): the same estimate from records, from columns and from
 * CSV text (csvTable), missing-value codes through `na`, and bad input rejected with an
 * IsrsInputError carrying a code. Numbers: corp-rep-hoc's seminr 2.3.1 reference.
 */
import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { csvTable, IsrsInputError, pls } from "../../src/index.js";
import { compareEstimate } from "./compare.js";
import { FIXTURES, loadCase } from "./helpers.js";

const dir = `${FIXTURES}corp-rep-hoc/`;
const model = fs.readFileSync(`${dir}model.pls`, "utf8");
const text = fs.readFileSync(`${dir}data.csv`, "utf8");
const ref = loadCase("corp-rep-hoc").ref;

describe("pls()", () => {
  test("from CSV text: seminr's numbers, the 11 missing cells said", async () => {
    const r = await pls(model, csvTable(text));
    expect(compareEstimate(r.estimate, ref)).toEqual([]);
    expect(r.results.warnings[0]!.code).toBe("W_PLS_MEAN_REPLACED");
    expect(r.results.parameters.filter((p) => p.op === "<~")).toHaveLength(ref.outer.length);
  });

  test("from records with -99 codes (na) and from columns with NaN: the same estimate", async () => {
    const table = csvTable(text);
    const records = table.rows.map((row) =>
      Object.fromEntries(table.columns.map((c, j) => [c, row[j] === "" ? -99 : Number(row[j])])),
    );
    const fromRecords = await pls(model, records, { na: ["-99"] });
    expect(compareEstimate(fromRecords.estimate, ref)).toEqual([]);
    const columns = Object.fromEntries(
      table.columns.map((c, j) => [c, table.rows.map((row) => (row[j] === "" ? NaN : Number(row[j])))]),
    );
    const fromColumns = await pls(model, columns);
    expect(compareEstimate(fromColumns.estimate, ref)).toEqual([]);
  });

  test("bad input rejects with an IsrsInputError and a code", async () => {
    await expect(pls("X =~ a1 + a2\nY =~ b1\nY ~ X\n", { a1: [1, 2, 3], a2: [2, 1, 3] })).rejects.toMatchObject({
      code: "E_NO_VARIABLE",
      message: expect.stringMatching(/data: no column b1 \(block Y, model line 2\)/),
    });
    await expect(pls("X =~ a1\nY =~ b1\nY ~ X\n", { a1: [1, 2, 3, 4], b1: [2, 2, 2, 2] })).rejects.toBeInstanceOf(
      IsrsInputError,
    );
  });
});
