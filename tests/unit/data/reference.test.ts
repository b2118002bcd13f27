import { describe, expect, it } from "vitest";
import { buildDataSet } from "../../../src/sem/data/index.js";
import { readTable } from "../../../src/sem/data/read-file.js";

const file = "/work/shared/reference/hs-cfa-listwise/data.csv";
const variables = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"];

describe("Holzinger-Swineford with missing values (hs-cfa-listwise)", () => {
  it("keeps lavaan's 93 complete rows of 301 and lists the 208 dropped", () => {
    const table = readTable(file);
    expect(table.columns).toEqual(["id", "sex", "school", "grade", ...variables]);
    const data = buildDataSet(table, { variables });
    expect(data.nTotalRows).toBe(301);
    expect(data.groups).toHaveLength(1);
    expect(data.groups[0].n).toBe(93);
    expect(data.groups[0].X).toHaveLength(93 * 9);
    expect(data.dropped).toHaveLength(208);
    expect(data.dropped[0]).toEqual({ row: 2, line: 3, missing: ["x1"] });
    const kept = new Set(data.groups[0].rowIds);
    expect(data.dropped.every((d) => !kept.has(d.row) && d.missing.length > 0)).toBe(true);
  });

  it("splits by school in order of appearance", () => {
    const data = buildDataSet(readTable(file), { variables, group: "school" });
    expect(data.groups.map((g) => g.label)).toEqual(["Pasteur", "Grant-White"]);
    expect(data.groups.reduce((sum, g) => sum + g.n, 0)).toBe(93);
  });
});
