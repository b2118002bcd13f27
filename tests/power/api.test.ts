/**
 * The library's power() and monteCarloPower(), and `isrs power` on the command line. Expected
 * numbers: semTools 0.5.6 findRMSEApower / findRMSEAsamplesize and lavaan 0.6.14's Satorra-Saris
 * ncp (/work/shared/reference/power/power.json, values quoted here with their source).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { power } from "../../src/index.js";
import { monteCarloPower } from "../../src/node.js";
import { expectBadInput } from "../cli/expect-bad.js";
import { run } from "../cli/run.js";

const FIX = path.resolve(__dirname, "../fixtures/power");
const read = (f: string): string => fs.readFileSync(path.join(FIX, f), "utf8");

describe("power() and monteCarloPower()", () => {
  it("RMSEA power and sample size (semTools: df 24, n 151, close fit 0.39540869678249; N 375 for .80)", async () => {
    const r = await power({ df: 24, n: 151, rmsea0: 0.05, rmseaA: 0.08 });
    expect(Math.abs(r.power - 0.39540869678249)).toBeLessThan(1e-6);
    expect((await power({ df: 24, power: 0.8, rmsea0: 0.05, rmseaA: 0.08 })).n).toBe(375);
    await expect(power({ df: 24, rmsea0: 0.05, rmseaA: 0.08 })).rejects.toThrow(/either n .* or power/);
  });

  it("Satorra-Saris from model and population texts (lavaan: ncp 9.185208 at N = 151)", async () => {
    const r = await power({ model: read("model.lav"), population: read("population.lav"), test: "B ~ E", n: 151 });
    expect(Math.abs(r.rows[0]!.ncp - 9.185208)).toBeLessThan(1e-4);
    await expect(
      power({ model: read("model.lav"), population: read("population.lav"), test: "B ~ X", n: 151 }),
    ).rejects.toThrow(/no parameter 'B ~ X' to test/);
  });

  it("monteCarloPower gives the same rows for the same seed, with 7 categories too", async () => {
    const o = { model: read("model.lav"), population: read("population.lav"), n: 151, reps: 10, seed: 3, workers: 1 };
    const a = await monteCarloPower({ ...o, categories: 7 });
    const b = await monteCarloPower({ ...o, categories: 7 });
    expect(a.rows).toEqual(b.rows);
    expect(a.data).toBe("categories");
    expect(a.rows.find((r) => r.lhs === "B" && r.rhs === "E")!.converged).toBeGreaterThan(0);
  });
});

describe("isrs power", () => {
  it("RMSEA mode as JSON (semTools: df 10, n 100, not-close fit 0.105132; N 750 for .80)", async () => {
    const r = await run("power", "--df", "10", "--n", "100", "--rmsea0", ".05", "--rmsea-a", ".01", "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { mode: string; power: number; n: number; ncp: number };
    expect(j.mode).toBe("rmsea");
    expect(Math.abs(j.power - 0.105132)).toBeLessThan(1e-6);
    const s = await run(
      "power",
      "--df",
      "10",
      "--power",
      ".8",
      "--rmsea0",
      ".05",
      "--rmsea-a",
      ".01",
      "--format",
      "json",
    );
    expect((JSON.parse(s.stdout) as { n: number }).n).toBe(750);
  });

  it("parameter mode as JSON, and --model gives the df", async () => {
    const r = await run(
      ...["power", "--model", path.join(FIX, "model.lav"), "--population", path.join(FIX, "population.lav")],
      ...["--test", "B ~ E", "--n", "151,300", "--format", "json"],
    );
    expect(r.stderr).toBe("");
    const j = JSON.parse(r.stdout) as { mode: string; rows: { n: number; ncp: number; power: number }[] };
    expect(j.mode).toBe("parameter");
    expect(Math.abs(j.rows[1]!.ncp - 18.248757)).toBeLessThan(1e-4); // lavaan 0.6.14, power.json
    const d = await run(
      "power",
      "--model",
      path.join(FIX, "model.lav"),
      "--n",
      "151",
      "--rmsea0",
      ".05",
      "--rmsea-a",
      ".08",
    );
    expect(d.stdout).toMatch(/df = 268/); // lavaan: df_true_model 268
  });

  it("one line, exit 2, for what cannot be computed", async () => {
    await expectBadInput(["power", "--df", "10", "--n", "100", "--rmsea0", ".05"], /needs both --rmsea0 and --rmsea-a/);
    await expectBadInput(["power", "--n", "100", "--rmsea0", ".05", "--rmsea-a", ".08"], /needs --df D or --model M/);
    await expectBadInput(
      ["power", "--df", "10", "--n", "100", "--power", ".8", "--rmsea0", ".05", "--rmsea-a", ".08"],
      /not both/,
    );
    await expectBadInput(
      ["power", "--df", "10", "--n", "100", "--rmsea0", ".05", "--rmsea-a", ".08", "--seed", "1"],
      /--seed is not used by RMSEA power/,
    );
    await expectBadInput(
      ["power", "--model", path.join(FIX, "model.lav"), "--population", path.join(FIX, "population.lav")].concat([
        "--test",
        "B ~ E",
        "--n",
        "100",
        "--workers",
        "2",
      ]),
      /--workers is not used by Satorra-Saris power/,
    );
    await expectBadInput(
      [
        "power",
        "--model",
        path.join(FIX, "model.lav"),
        "--population",
        path.join(FIX, "model.lav"),
        "--test",
        "B ~ E",
        "--n",
        "100",
      ],
      /'D =~ d1' has no value: every parameter of a population model is a fixed number/,
    );
  });
});
