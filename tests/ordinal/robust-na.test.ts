/**
 * The NA rules of the robust fit measures of categorical data (cfi.robust, tli.robust,
 * nnfi.robust, rni.robust, rmsea.robust and its interval and p-values) against lavaan 0.6.14 on
 * cases made to exercise each (tests/fixtures/ordinal-robust-na/make.R, which cites the lavaan
 * functions): several groups are computed (configural, equal loadings); equal thresholds give NA
 * (two groups with group.equal = "thresholds"; one group with two thresholds sharing a label);
 * WLSMVS lists no robust entry at all. Every fitMeasures() entry, in lavaan's order, at the fit
 * measure tolerance (1e-3 relative to max(0.1, |lavaan|)); NA only where lavaan has NA.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readTable } from "../../src/sem/data/read-file.js";
import { fitModel } from "../../src/sem/fit-model.js";
import { parseModel } from "../../src/sem/syntax/index.js";
import { agrees, TOL } from "../parity/compare.js";
import { optionsOf, SHARED } from "./modindices/cases.js";

const DIR = path.resolve(__dirname, "../fixtures/ordinal-robust-na");
const CASES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -5))
  .sort();

interface Ref {
  data: string;
  model: string;
  options: Record<string, unknown>;
  fit: Record<string, number | null>;
}

const ROBUST = ["cfi.robust", "tli.robust", "nnfi.robust", "rni.robust", "rmsea.robust"];

describe.each(CASES)("%s", (name) => {
  it("every fitMeasures() entry and NA as lavaan 0.6.14", async () => {
    const ref = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.json`), "utf8")) as Ref;
    const fitted = await fitModel({
      syntax: parseModel(ref.model, { file: "model.lav" }),
      data: readTable(path.join(SHARED, ref.data, "data.csv")),
      options: optionsOf(name, ref.options),
    });
    const fm = fitted.fit as Record<string, number>;
    // chisq.shift.parameter is ours (lavaan 0.6.14's fitMeasures has no such entry)
    expect(Object.keys(fm).filter((k) => k !== "chisq.shift.parameter")).toEqual(Object.keys(ref.fit));
    const bad = Object.entries(ref.fit)
      .filter(([k, v]) => !agrees(fm[k], v, TOL.fit))
      .map(([k, v]) => `${k}: ${fm[k]} vs lavaan ${v}`);
    expect(bad).toEqual([]);
    // what each case is for
    const robust = ROBUST.map((k) => ref.fit[k]);
    if (name.startsWith("mg-configural") || name === "mg-loadings") expect(robust.every((v) => v !== null)).toBe(true);
    if (name === "mg-thresholds" || name === "binary-shared-threshold")
      expect(robust).toEqual([null, null, null, null, null]);
    if (name === "wlsmvs") expect(ROBUST.filter((k) => k in fm)).toEqual([]);
  });
});
