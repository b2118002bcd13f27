/**
 * invariance() in the library: the same result as `isrs invariance --format json` (records or a
 * csvTable as data), its text, and bad options as IsrsInputError.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { csvTable, invariance, IsrsInputError } from "../../src/index.js";
import { run } from "../cli/run.js";
import { HS_DATA, HS_MODEL, hsModel } from "./helpers.js";

describe("invariance()", () => {
  it("gives the CLI's JSON and text, from a csvTable and from records", async () => {
    const table = csvTable(fs.readFileSync(HS_DATA, "utf8"), { name: HS_DATA });
    const res = await invariance(hsModel(), table, { group: "school", partial: "none" });
    const cli = await run(
      "invariance",
      HS_DATA,
      "-m",
      HS_MODEL,
      "--group",
      "school",
      "--partial",
      "none",
      "--format",
      "json",
    );
    expect(JSON.parse(JSON.stringify(res))).toEqual(JSON.parse(cli.stdout));
    const text = await run("invariance", HS_DATA, "-m", HS_MODEL, "--group", "school", "--partial", "none");
    expect(res.summary()).toBe(text.stdout);
    // lavaan 0.6.14: scalar χ² 164.1028 on 60 df
    expect(res.steps[2]!.fit.chisq).toBeCloseTo(164.1028, 3);
    const records = table.rows.map((cells) =>
      Object.fromEntries(table.columns.map((c, j) => [c, c === "school" || c === "sex" ? cells[j] : Number(cells[j])])),
    );
    const fromRecords = await invariance(hsModel(), records, { group: "school", partial: "none" });
    expect(fromRecords.toJSON().steps.map((s) => s.fit.chisq)).toEqual(res.steps.map((s) => s.fit.chisq));
  });

  it("rejects bad options with an IsrsInputError", async () => {
    const data = { x1: [1, 2], school: ["a", "b"] };
    await expect(invariance("f =~ x1", data, {} as never)).rejects.toThrow(/option group: .* required/);
    await expect(invariance("f =~ x1", data, { group: "school", groupEqual: [] } as never)).rejects.toThrow(
      /option groupEqual: not an invariance option/,
    );
    await expect(invariance("f =~ x1", data, { group: "school", steps: ["weak"] } as never)).rejects.toBeInstanceOf(
      IsrsInputError,
    );
  });
});
