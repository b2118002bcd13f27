/** `isrs report DATA --model M --invariance COL`: the study report gains the invariance section. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectBadInput, tmpWriter } from "../cli/expect-bad.js";
import { run } from "../cli/run.js";
import { HS_DATA, HS_MODEL } from "./helpers.js";

describe("isrs report --invariance", () => {
  it("adds the invariance tables to report.md and report.html and the numbers to results.json", async () => {
    const dir = path.join(tmpWriter("isrs-inv-report-").dir, "out");
    const r = await run("report", HS_DATA, "--model", HS_MODEL, "--invariance", "school", "--out", dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const md = fs.readFileSync(path.join(dir, "report.md"), "utf8");
    expect(md).toContain("## Measurement invariance across school");
    // lavaan 0.6.14: scalar vs metric Δχ² 40.059 on 6 df; the partial model freeing x3's intercept χ² 144.579
    expect(md).toMatch(/\| scalar vs metric \| 40\.059 \| 6 \| < \.001 \| -0\.038 .* not supported \|/);
    expect(md).toMatch(/\| partial scalar: x3\\~1 free \| 144\.579 \| 59 \|/);
    expect(fs.readFileSync(path.join(dir, "report.html"), "utf8")).toContain("Measurement invariance across school");
    const json = JSON.parse(fs.readFileSync(path.join(dir, "results.json"), "utf8")) as {
      invariance: { steps: { name: string }[]; supported: { step: string } };
    };
    expect(json.invariance.steps.map((s) => s.name)).toEqual(["configural", "metric", "scalar", "strict"]);
    expect(json.invariance.supported.step).toBe("strict");
  });

  it("is refused with --firm or --all, and a group column that is not in the data is one line", async () => {
    await expectBadInput(
      ["report", "--all", "--invariance", "school"],
      /--invariance adds a section to the study report/,
    );
    const dir = path.join(tmpWriter("isrs-inv-report-").dir, "out");
    await expectBadInput(
      ["report", HS_DATA, "--model", HS_MODEL, "--invariance", "schol", "--out", dir],
      /schol.*not a column/,
    );
    expect(fs.existsSync(dir)).toBe(false);
  });
});
