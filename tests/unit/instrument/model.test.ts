/** The instrument's model as lavaan syntax, and a fit of it to the bundled simulated data. */
import { describe, expect, it } from "vitest";
import {
  bundledDatasetPath,
  instrumentModelSyntax,
  loadInstrument,
  loadResponses,
} from "../../../src/instrument/index.js";
import { fitModel } from "../../../src/sem/fit-model.js";
import { parseModel } from "../../../src/sem/syntax/index.js";
import { toFitResult } from "../../../src/sem/views.js";

const instr = loadInstrument();

describe("instrumentModelSyntax", () => {
  const text = instrumentModelSyntax(instr);
  const statements = text.split("\n").filter((l) => l !== "" && !l.startsWith("#"));

  it("has the measurement, second-order and structural parts of the design", () => {
    expect(statements).toEqual([
      "detection =~ DET1 + DET2 + DET3 + DET4 + DET5",
      "analysis =~ ANA1 + ANA2 + ANA3 + ANA4",
      "response =~ RES1 + RES2 + RES3 + RES4 + RES5 + RES6",
      "client =~ CLI1 + CLI2 + CLI3 + CLI4",
      "employee =~ EMP1 + EMP2 + EMP3",
      "business =~ BUS1 + BUS2 + BUS3",
      "ISRS =~ detection + analysis + response",
      "client ~ ISRS",
      "employee ~ ISRS",
      "business ~ client + employee",
    ]);
  });

  it("parses, and fits the bundled dataset (after recoding) with positive loadings", async () => {
    const r = loadResponses(bundledDatasetPath(), instr);
    expect(r.ids).toHaveLength(151);
    const res = toFitResult(await fitModel({ syntax: parseModel(text, { file: "isrs" }), data: r.table }));
    expect(res.converged).toBe(true);
    expect(res.warnings.filter((w) => w.code !== "W_ROWS_DROPPED")).toEqual([]);
    // df: 25 items give 25*26/2 = 325 moments; free: 19 loadings + 2 second-order loadings
    // + 4 paths + 25 residual variances + 1 ISRS variance + 6 latent residual variances = 57
    expect(res.fit.df).toBe(325 - 57);
    const loadings = res.parameters.filter((p) => p.op === "=~");
    expect(loadings.every((p) => p["std.all"]! > 0.4)).toBe(true);
    expect(res.nobs[0]! + res.dropped.length).toBe(151);
  });
});

describe("the lavaan reference case of the bundled data", () => {
  it("holds exactly the data loadResponses gives (recoded DET5 and ANA4, missing as empty)", async () => {
    const fs = await import("node:fs");
    const ref = fs
      .readFileSync("tests/fixtures/extra/isrs-instrument-bundled/data.csv", "utf8")
      .trimEnd()
      .split("\n")
      .slice(1);
    const ours = loadResponses(bundledDatasetPath(), instr).table.rows.map((r) => r.slice(1).join(","));
    expect(ref).toEqual(ours);
  });
});
