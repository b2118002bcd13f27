/**
 * `isrs invariance` as a user runs it: the text table, the JSON shape, --out, and bad input
 * (one line on stderr, exit code 2, nothing written).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectBadInput, tmpWriter } from "../cli/expect-bad.js";
import { run } from "../cli/run.js";
import { HS_DATA, HS_MODEL } from "./helpers.js";

const base = ["invariance", HS_DATA, "-m", HS_MODEL, "--group", "school"];

describe("isrs invariance", () => {
  it("prints the invariance table with the criterion named, the score tests and the partial search", async () => {
    const r = await run(...base);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain("Criterion cfi: ΔCFI ≤ -0.01 fails (Cheung & Rensvold 2002)");
    // lavaan 0.6.14: configural χ² 115.851 on 48 df; metric vs configural Δχ² 8.192 on 6 df, p .224
    expect(out).toMatch(/^configural\s+60\s+115\.851\s+48\s+<\.001\s+0\.923/m);
    expect(out).toMatch(/^metric vs configural\s+8\.192\s+6\s+\.224\s+-0\.002\s+-0\.004\s+\+0\.004\s+supported/m);
    expect(out).toMatch(/^scalar vs metric\s+40\.059\s+6\s+<\.001\s+-0\.038 .* not supported/m);
    // lavTestScore: x3's intercept 19.193
    expect(out).toMatch(/^\s+x3 ~1\s+2\s+19\.193\s+1\s+<\.001/m);
    expect(out).toMatch(/^\s+partial scalar: x3~1 free\s+49\s+144\.579\s+59/m);
    expect(out).toContain("Invariance holds up to the strict step (x3~1, x7~1 free).");
  });

  it("--format json has the issue's shape, and --out writes it to a file", async () => {
    const t = tmpWriter("isrs-inv-");
    const file = path.join(t.dir, "inv.json");
    const r = await run(...base, "--format", "json", "--partial", "none", "--out", file);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const j = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown> & {
      steps: { name: string; groupEqual: string[]; freed: string[]; fit: Record<string, number> }[];
      comparisons: Record<string, unknown>[];
      scoreTests: Record<string, unknown>[];
    };
    expect(j.groups).toEqual(["Pasteur", "Grant-White"]);
    expect((j.criterion as { name: string }).name).toBe("cfi");
    expect(j.steps.map((s) => s.name)).toEqual(["configural", "metric", "scalar"]);
    expect(j.steps[2]!.groupEqual).toEqual(["loadings", "intercepts"]);
    expect(j.steps[2]!.fit.chisq).toBeCloseTo(164.1028, 3); // lavaan 0.6.14
    for (const k of ["from", "to", "chisq.diff", "df.diff", "pvalue", "method", "cfi.diff", "rmsea.diff", "srmr.diff"])
      expect(j.comparisons[0]).toHaveProperty(k);
    expect(j.comparisons.map((c) => c.supported)).toEqual([true, false]);
    for (const k of ["step", "lhs", "op", "rhs", "group", "X2", "df", "pvalue"])
      expect(j.scoreTests[0]).toHaveProperty(k);
    expect(j.partial).toEqual([]);
  });

  it("--criterion chisq names the criterion, and --partial none stops at the first failing step", async () => {
    const r = await run(...base, "--criterion", "chisq", "--partial", "none");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Criterion chisq: the difference test's p < .05 fails");
    expect(r.stdout).toContain("Invariance holds up to the metric step.");
    expect(r.stdout).not.toMatch(/^strict/m);
  });
});

describe("isrs invariance: bad input", () => {
  const t = tmpWriter("isrs-inv-bad-");
  const lines = fs.readFileSync(HS_DATA, "utf8").trim().split("\n");
  const header = lines[0]!.split(",");
  const school = header.indexOf('"school"') >= 0 ? header.indexOf('"school"') : header.indexOf("school");
  const setSchool = (row: string, value: string): string => {
    const cells = row.split(",");
    cells[school] = value;
    return cells.join(",");
  };
  const oneGroup = t.file("one.csv", [lines[0], ...lines.slice(1).map((l) => setSchool(l, "A"))].join("\n"));
  const tiny = t.file(
    "tiny.csv",
    [lines[0], ...lines.slice(1).map((l, i) => setSchool(l, i < 5 ? "B" : "A"))].join("\n"),
  );

  it("a group column that is not in the data", async () => {
    await expectBadInput([...base.slice(0, 4), "--group", "schol"], /schol.*not a column/);
  });
  it("one group only", async () => {
    await expectBadInput(["invariance", oneGroup, "-m", HS_MODEL, "--group", "school"], /one group \("A"\)/);
  });
  it("a group too small for the model", async () => {
    await expectBadInput(["invariance", tiny, "-m", HS_MODEL, "--group", "school"], /group|rows/);
  });
  it("an unknown step name, a step named twice, steps out of order", async () => {
    await expectBadInput([...base, "--steps", "configural,weak"], /"weak" is not a step/);
    await expectBadInput([...base, "--steps", "metric,metric"], /named twice/);
    await expectBadInput([...base, "--steps", "scalar,metric"], /comes before/);
  });
  it("a --partial item that is not in the model, or not held equal", async () => {
    await expectBadInput([...base, "--partial", "x3~1,x10~1"], /--partial x10~1: is not a parameter of the model/);
    await expectBadInput([...base, "--partial", "visual~~textual"], /not held equal across groups/);
    await expectBadInput([...base, "--partial", "x3"], /"x3" is not a parameter/);
  });
  it("a bad --criterion, --format or --ordered", async () => {
    await expectBadInput([...base, "--criterion", "tli"], /--criterion tli: use cfi, chisq or both/);
    await expectBadInput([...base, "--format", "xml"], /--format xml/);
    // HS's x1 holds scores, not category codes
    await expectBadInput([...base, "--ordered", "x1"], /row \d+, column 'x1': .* is not a whole number/);
  });
  it("--out naming the data file is refused and the data file is untouched", async () => {
    const copy = t.file("data.csv", fs.readFileSync(HS_DATA, "utf8"));
    await expectBadInput(["invariance", copy, "-m", HS_MODEL, "--group", "school", "--out", copy], /data file/);
    expect(fs.readFileSync(copy, "utf8")).toBe(fs.readFileSync(HS_DATA, "utf8"));
  });
});

describe("isrs invariance --help and the README", () => {
  it("every option of --help is named in the README section", async () => {
    const help = (await run("invariance", "--help")).stdout;
    const options = [...help.matchAll(/^\s{2}(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]!).filter((o) => o !== "--help");
    expect(options.length).toBeGreaterThan(10);
    const readme = fs.readFileSync("README.md", "utf8");
    const section = readme.split(/^(?=## )/m).find((p) => p.startsWith("## Measurement invariance: `isrs invariance`"));
    expect(section).toBeDefined();
    expect(options.filter((o) => !section!.includes(o))).toEqual([]);
  });
});
