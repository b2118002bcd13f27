/**
 * The power section of the study report (`isrs report --power N,... --power-reps R --power-seed
 * S`): the section, its chart (the vega-lite spec in results.json, the SVG in the page) and a
 * table whose numbers are those of `isrs power --instrument` with the same N, replications and
 * seed (the same Monte Carlo run: expected values from that command, not from the report's code);
 * the sample-size sentence on made-up curves; bad flags: one line, exit 2, nothing written.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { MonteCarloRow } from "../../src/power/montecarlo.js";
import { sampleSizeAnswer } from "../../src/report/from-power.js";
import { expectBadInput } from "../cli/expect-bad.js";
import { run } from "../cli/run.js";

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), "isrs-power-report-"));

describe("isrs report --power", () => {
  it("adds the power curve and a table equal to isrs power --instrument with the same seed", async () => {
    const out = path.join(tmp(), "study");
    const r = await run("report", "--power", "40,80", "--power-reps", "24", "--power-seed", "9", "-o", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(out, "power.svg"))).toBe(true);
    const json = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8"));
    const p = await run("power", "--instrument", "--n", "40,80", "--reps", "24", "--seed", "9", "--format", "json");
    expect(p.code).toBe(0);
    const expected = JSON.parse(p.stdout);
    expect(json.power.rows).toEqual(expected.rows);
    expect(json.power.chart).toEqual(expected.chart);
    expect(json.power.chart.$schema).toMatch(/vega-lite/);
    const html = fs.readFileSync(path.join(out, "report.html"), "utf8");
    const section = html.slice(html.indexOf('<section id="power">'));
    expect(section).toContain("<svg");
    expect(section).toContain("Power per path and sample size");
    // every structural path at both N, with the power of isrs power's rows (three decimals)
    const paths = expected.rows.filter((x: MonteCarloRow) => x.op === "~");
    expect(paths.length).toBeGreaterThan(0);
    for (const x of paths) {
      const row = `<td>${x.lhs} ~ ${x.rhs}</td><td class="num">${x.n}</td><td class="num">${x.power.toFixed(3)}</td>`;
      expect(section).toContain(row);
    }
    expect(section).toMatch(/firms/);
    const md = fs.readFileSync(path.join(out, "report.md"), "utf8");
    expect(md).toContain("## Power and sample size");
    expect(md).toContain("![Power over N (dashed: 80%)](power.svg)");
  });

  it("bad flags: one line, exit 2, nothing written", async () => {
    const dir = tmp();
    const out = path.join(dir, "study");
    await expectBadInput(["report", "--power", "40,abc", "-o", out], /--power abc: a whole number/);
    await expectBadInput(["report", "--power-reps", "20", "-o", out], /--power-reps R is only used with --power/);
    await expectBadInput(["report", "--power-seed", "3", "-o", out], /--power-seed S is only used with --power/);
    await expectBadInput(["report", "--power", "40", "--power-reps", "1", "-o", out], /--power-reps 1: a whole number/);
    await expectBadInput(["report", "--power", "40", "--firm", "F002", "-o", out], /--power adds a section/);
    await expectBadInput(
      ["report", "--power", "10,80", "--power-reps", "4", "-o", out],
      /--power 10,80: each sample size must be above the number of variables \(\d+\), not 10/,
    );
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("the sample-size sentence", () => {
  const curve = (powers: [number, number][]): MonteCarloRow[] =>
    powers.map(([n, power]) => ({ n, lhs: "client", op: "~", rhs: "ISRS", power }) as MonteCarloRow);

  it("names the smallest N of the grid with power of at least 80%, and the N below it", () => {
    const rows = curve([
      [60, 0.55],
      [100, 0.79],
      [151, 0.83],
      [200, 0.95],
    ]);
    expect(sampleSizeAnswer(rows, rows[0]!, 0.05)).toBe(
      "To detect ISRS → client (client ~ ISRS; α = 0.05) with at least 80% power, N = 151 firms are needed " +
        "on this grid: power 83.0% at N = 151, 79.0% at N = 100.",
    );
  });

  it("says when the smallest N already suffices, and when no N does", () => {
    const high = curve([
      [60, 0.9],
      [100, 0.99],
    ]);
    expect(sampleSizeAnswer(high, high[0]!, 0.05)).toMatch(/^Already the smallest sample size of the grid, N = 60/);
    const low = curve([
      [60, 0.2],
      [100, 0.4],
    ]);
    expect(sampleSizeAnswer(low, low[0]!, 0.05)).toMatch(
      /^None of the sample sizes reaches 80% .* N = 100, gives 40\.0%/,
    );
  });
});
