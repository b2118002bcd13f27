/**
 * `isrs fit` as a user runs it: exit codes, the JSON contract, the text summary, and data files
 * in other locales. Expected numbers come from lavaan 0.6.14 (tests/parity/lavaan-0.6.14/hs-cfa-ml/lavaan.json).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

const HS = "tests/parity/lavaan-0.6.14/hs-cfa-ml";
const ref = JSON.parse(fs.readFileSync(`${HS}/lavaan.json`, "utf8")) as {
  fit: Record<string, number>;
  parameters: { est: number }[];
};

describe("isrs fit", () => {
  it("prints a lavaan-style summary and exits 0 for an admissible fit", async () => {
    const r = await run("fit", `${HS}/data.csv`, "--model", `${HS}/model.lav`);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/ended normally after \d+ iterations/);
    // lavaan: chisq 85.306 on 24 df, CFI 0.931, RMSEA 0.092, SRMR 0.065
    expect(r.stdout).toMatch(/Test statistic\s+85\.306/);
    expect(r.stdout).toMatch(/Comparative Fit Index \(CFI\)\s+0\.931/);
    expect(r.stdout).toMatch(/RMSEA\s+0\.092/);
    expect(r.stdout).toMatch(/SRMR\s+0\.065/);
    expect(r.stdout).toMatch(/x2\s+0\.554\s+0\.100\s+5\.554\s+0\.000\s+0\.498\s+0\.424/);
  });

  it("prints exactly one JSON object with the contract's keys", async () => {
    const r = await run("fit", `${HS}/data.csv`, "--model", `${HS}/model.lav`, "--format", "json", "--modindices");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown> & {
      parameters: Record<string, unknown>[];
      fit: Record<string, number>;
      modindices: unknown[];
    };
    for (const k of ["converged", "iterations", "nobs", "npar", "fit", "parameters", "modindices", "warnings"])
      expect(out).toHaveProperty(k);
    expect(out.nobs).toBe(301);
    expect(out.npar).toBe(21);
    expect(Math.abs(out.fit.chisq! - ref.fit.chisq!)).toBeLessThan(1e-6 * ref.fit.chisq!);
    for (const row of out.parameters) {
      expect(Object.keys(row).sort()).toEqual(
        [
          "ci.lower",
          "ci.upper",
          "est",
          "group",
          "label",
          "lhs",
          "op",
          "pvalue",
          "rhs",
          "se",
          "std.all",
          "std.lv",
          "z",
        ].sort(),
      );
      expect(row.group).toBe(1);
    }
    expect(out.parameters.length).toBe(ref.parameters.length);
    expect(out.modindices.length).toBeGreaterThan(0);
  });

  it("reads a Spanish-locale export (semicolons, decimal commas, BOM, CRLF) to the same estimates", async () => {
    const a = JSON.parse(
      (await run("fit", `${HS}/data.csv`, "--model", `${HS}/model.lav`, "--format", "json")).stdout,
    ) as { fit: Record<string, number> };
    const r = await run("fit", "tests/cli/fixtures/hs-es.csv", "--model", `${HS}/model.lav`, "--format", "json");
    expect(r.stderr).toBe("");
    const b = JSON.parse(r.stdout) as { fit: Record<string, number> };
    expect(b.fit.chisq).toBeCloseTo(a.fit.chisq!, 9);
    const c = await run(
      "fit",
      "tests/cli/fixtures/hs-es.csv",
      "--model",
      `${HS}/model.lav`,
      "--format",
      "json",
      "--delimiter",
      ";",
      "--decimal",
      ",",
    );
    expect((JSON.parse(c.stdout) as { fit: Record<string, number> }).fit.chisq).toBeCloseTo(a.fit.chisq!, 9);
  });

  it("writes --out atomically and prints nothing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isrs-"));
    const out = path.join(dir, "fit.json");
    const r = await run("fit", `${HS}/data.csv`, "--model", `${HS}/model.lav`, "--format", "json", "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect((JSON.parse(fs.readFileSync(out, "utf8")) as { converged: boolean }).converged).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(["fit.json"]);
  });

  it("exits 1 and names the parameter when a variance is negative", async () => {
    const r = await run("fit", `${HS}/data.csv`, "--model", "tests/cli/fixtures/heywood-fixed.lav", "--format", "json");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { warnings: { code: string; parameter?: string }[] };
    expect(out.warnings).toContainEqual(expect.objectContaining({ code: "W_HEYWOOD", parameter: "x2 ~~ x2" }));
  });

  it("exits 1 and names the parameters when the model is not identified", async () => {
    // a two-indicator factor uncorrelated with the rest: its loading, variance and residuals are not identified
    const r = await run(
      "fit",
      `${HS}/data.csv`,
      "--model",
      "tests/cli/fixtures/not-identified.lav",
      "--format",
      "json",
    );
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      warnings: { code: string; message: string }[];
      parameters: { se: number | null; op: string; rhs: string }[];
    };
    const w = out.warnings.find((x) => x.code === "W_NOT_IDENTIFIED");
    expect(w?.message).toMatch(/f1 =~ x2/);
    expect(w?.message).toMatch(/f1 ~~ f1/);
    expect(out.parameters.find((p) => p.op === "=~" && p.rhs === "x2")?.se).toBeNull();
  });

  it("lists the rows dropped by listwise deletion (lavaan 0.6.14 keeps 93 of 301)", async () => {
    const dir = "tests/parity/lavaan-0.6.14/hs-cfa-listwise";
    const r = await run("fit", `${dir}/data.csv`, "--model", `${dir}/model.lav`, "--format", "json");
    const out = JSON.parse(r.stdout) as {
      nobs: number;
      excluded: { count: number; rows: { row: number; missing: string[] }[] };
    };
    expect(out.nobs).toBe(93);
    expect(out.excluded.count).toBe(208);
    expect(out.excluded.rows[0]).toEqual(expect.objectContaining({ row: 2, missing: ["x1"] }));
    const t = await run("fit", `${dir}/data.csv`, "--model", `${dir}/model.lav`);
    expect(t.stdout).toMatch(/208 of 301 rows dropped for missing values/);
  });
});

describe("isrs bench", () => {
  it("prints one JSON object with median_ms, min_ms and repeat", async () => {
    const r = await run("bench", `${HS}/data.csv`, "--model", `${HS}/model.lav`, "--repeat", "3");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { median_ms: number; min_ms: number; repeat: number };
    expect(out.repeat).toBe(3);
    expect(out.min_ms).toBeGreaterThan(0);
    expect(out.median_ms).toBeGreaterThanOrEqual(out.min_ms);
  });
});
