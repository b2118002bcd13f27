/**
 * Modification indices of an ordinal fit as a user gets them: `isrs fit --ordered all
 * --modindices` (text and JSON) and the API's fit(..., { ordered: true, modindices: true })
 * .modindices(), which agree with each other. Expected numbers: lavaan 0.6.14,
 * tests/fixtures/ordinal-modindices/ord-hs-cat3-wlsmv.json (visual =~ x9: mi 29.9407656436945,
 * epc 1.01295943019799, sepc.lv 0.788..., sepc.all 0.788029682484988; x7 ~~ x8: mi 28.8990186808236).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csvTable, fit } from "../../../src/index.js";
import type { ModIndex } from "../../../src/sem/results.js";
import { run } from "../../cli/run.js";
import { SHARED } from "./cases.js";

const D = path.join(SHARED, "ord-hs-cat3-wlsmv");
const have = fs.existsSync(D);

describe.skipIf(!have)("ordinal modification indices in the CLI and the API", () => {
  it("isrs fit --modindices lists lavaan's largest ones; the JSON has every column, as the API", async () => {
    const args = ["fit", `${D}/data.csv`, "--model", `${D}/model.lav`, "--ordered", "all", "--modindices"];
    const text = await run(...args);
    expect(text.code).toBe(0);
    expect(text.stderr).toBe("");
    expect(text.stdout).toMatch(/Modification Indices \(largest \d+ of 54\)/);
    expect(text.stdout).toMatch(/visual =~ x9\s+29\.94\d\s+1\.013\s+0\.788\s+0\.788/);
    expect(text.stdout).toMatch(/x7 ~~ x8\s+28\.899\s+0\.487/);
    const json = await run(...args, "--format", "json");
    expect(json.code).toBe(0);
    const mi = (JSON.parse(json.stdout) as { modindices: ModIndex[] }).modindices;
    expect(mi).toHaveLength(54);
    const v9 = mi.find((r) => r.lhs === "visual" && r.op === "=~" && r.rhs === "x9")!;
    expect(v9.mi).toBeCloseTo(29.9407656436945, 1);
    expect(v9.epc).toBeCloseTo(1.01295943019799, 3);
    expect(v9["sepc.all"]).toBeCloseTo(0.788029682484988, 3);
    expect(v9["sepc.nox"]).toBeCloseTo(0.788029682484988, 3);
    const fitted = await fit(
      fs.readFileSync(`${D}/model.lav`, "utf8"),
      csvTable(fs.readFileSync(`${D}/data.csv`, "utf8")),
      {
        ordered: true,
        modindices: true,
      },
    );
    expect(fitted.modindices()).toEqual(mi);
  });
});
