/** Loading responses against the instrument: recoding, and every problem named with its row, column and value. */
import { describe, expect, it } from "vitest";
import { loadInstrument, loadResponses } from "../../../src/instrument/index.js";
import { expectInputError } from "../data/helpers.js";
import { responsesCsv, tmpFile } from "./helpers.js";

const instr = loadInstrument();
const p = instr.items.length;
const col = (id: string) => instr.items.findIndex((i) => i.id === id);
/** 25 answers, all `x`, with some cells replaced. */
const answers = (x: number | string, set: Record<string, number | string> = {}) =>
  instr.items.map((i) => (i.id in set ? set[i.id]! : x));

describe("loadResponses: a clean file", () => {
  const file = tmpFile(
    "ok.csv",
    responsesCsv(instr, [
      ["A", answers(2)],
      ["B", answers(6, { DET1: "", ANA2: "NA" })],
    ]),
  );
  const r = loadResponses(file, instr);

  it("mirrors reverse-keyed items on the scale (x -> 1 + 7 - x) and leaves the others", () => {
    expect(r.recoded).toEqual(["DET5", "ANA4"]);
    const row = r.table.rows[0]!;
    expect(row[1 + col("DET5")]).toBe("6"); // 8 - 2
    expect(row[1 + col("ANA4")]).toBe("6");
    expect(row[1 + col("DET1")]).toBe("2");
    expect(r.table.rows[1]![1 + col("ANA4")]).toBe("2"); // 8 - 6
  });

  it("keeps the ids, the id column first, missing answers empty, and nothing excluded", () => {
    expect(r.ids).toEqual(["A", "B"]);
    expect(r.table.columns).toEqual(["firm_id", ...instr.items.map((i) => i.id)]);
    expect(r.table.rows[1]![1 + col("DET1")]).toBe("");
    expect(r.table.rows[1]![1 + col("ANA2")]).toBe("");
    expect(r.excluded).toEqual([]);
    expect(r.table.lineOf).toEqual([2, 3]);
    expect(r.nRows).toBe(2);
  });
});

describe("loadResponses: errors (one line, with file, line, row, column and value)", () => {
  it("a value outside the scale", () => {
    const f = tmpFile(
      "out.csv",
      responsesCsv(instr, [
        ["A", answers(4)],
        ["B", answers(4, { RES3: 9 })],
      ]),
    );
    expectInputError(
      () => loadResponses(f, instr),
      "E_OUT_OF_SCALE",
      `${f}: line 3 (row 2), column "RES3": 9 is outside the scale 1..7`,
    );
  });
  it("a value between two points of the scale", () => {
    const f = tmpFile("half.csv", responsesCsv(instr, [["A", answers(4, { ANA1: 4.5 })]]));
    expectInputError(
      () => loadResponses(f, instr),
      "E_OUT_OF_SCALE",
      `${f}: line 2 (row 1), column "ANA1": 4.5 is not a point of the scale 1..7`,
    );
  });
  it("text in a numeric item", () => {
    const f = tmpFile("text.csv", responsesCsv(instr, [["A", answers(4, { CLI2: "agree" })]]));
    expectInputError(
      () => loadResponses(f, instr),
      "E_NOT_NUMERIC",
      `${f}: line 2 (row 1), column "CLI2": "agree" is not a number (answers are points of the scale 1..7)`,
    );
  });
  it("a repeated firm id", () => {
    const f = tmpFile(
      "dup.csv",
      responsesCsv(instr, [
        ["A", answers(4)],
        ["B", answers(4)],
        ["A", answers(5)],
      ]),
    );
    expectInputError(
      () => loadResponses(f, instr),
      "E_DUPLICATE_ID",
      `${f}: line 4 (row 3): firm id "A" already appears on line 2 (row 1)`,
    );
  });
  it("an empty firm id", () => {
    const f = tmpFile("noid.csv", responsesCsv(instr, [["", answers(4)]]));
    expectInputError(() => loadResponses(f, instr), "E_CSV", `${f}: line 2 (row 1): the id column "firm_id" is empty`);
  });
  it("a missing item column, with a close name suggested", () => {
    const f = tmpFile("miss.csv", responsesCsv(instr, [["A", answers(4)]]).replace("RES4", "RES_4"));
    expectInputError(
      () => loadResponses(f, instr),
      "E_NO_VARIABLE",
      `${f}: the item column "RES4" of instrument isrs 1.0.0 is missing; did you mean "RES_4"?`,
    );
  });
  it("several missing item columns", () => {
    const header = ["firm_id", ...instr.items.slice(0, 20).map((i) => i.id)].join(",");
    const f = tmpFile("short.csv", `${header}\nA${",4".repeat(20)}\n`);
    expectInputError(
      () => loadResponses(f, instr),
      "E_NO_VARIABLE",
      `${f}: 5 item columns of instrument isrs 1.0.0 are missing: EMP2, EMP3, BUS1, BUS2, BUS3`,
    );
  });
  it("no id column", () => {
    const f = tmpFile("nofirm.csv", responsesCsv(instr, [["A", answers(4)]]).replace("firm_id", "firm"));
    expectInputError(
      () => loadResponses(f, instr),
      "E_NO_VARIABLE",
      `${f}: the id column "firm_id" is missing; did you mean "firm"?`,
    );
  });
});

describe("loadResponses with onInvalid: exclude lists everything it leaves out", () => {
  const csv = responsesCsv(instr, [
    ["A", answers(4, { RES3: 0 })],
    ["B", answers(3, { DET2: "x" })],
    ["A", answers(5)],
    ["", answers(5)],
  ]);
  const f = tmpFile(
    "lenient.csv",
    csv.replace("firm_id,", "firm_id,sector,").replace(/\n(A|B|),/g, (m) => `${m}kibs,`),
  );
  const r = loadResponses(f, instr, { onInvalid: "exclude" });

  it("keeps rows A and B with the bad values made missing", () => {
    expect(r.ids).toEqual(["A", "B"]);
    expect(r.table.rows[0]![1 + col("RES3")]).toBe("");
    expect(r.table.rows[1]![1 + col("DET2")]).toBe("");
    expect(r.table.rows[0]!).toHaveLength(1 + p);
  });

  it("lists the unknown column, the two values and the two rows, with reasons", () => {
    expect(r.excluded.map((e) => [e.kind, e.row ?? null, e.column, e.value ?? null])).toEqual([
      ["unknown-column", null, "sector", null],
      ["out-of-scale", 1, "RES3", "0"],
      ["not-numeric", 2, "DET2", "x"],
      ["duplicate-id", 3, "firm_id", "A"],
      ["missing-id", 4, "firm_id", ""],
    ]);
    expect(r.excluded.every((e) => e.reason.length > 0)).toBe(true);
  });
});
