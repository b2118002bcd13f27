/**
 * `isrs invariance --ordered` and invariance(..., { ordered }) as a user runs them: the table with
 * the thresholds at the scalar step, the JSON, --partial with thresholds, and bad input (one line,
 * exit 2, nothing written). The numbers are lavaan 0.6.14's (tests/fixtures/invariance-ordinal,
 * make.R; checked in full by ordinal.test.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csvTable, invariance } from "../../src/index.js";
import { expectBadInput, tmpWriter } from "../cli/expect-bad.js";
import { run } from "../cli/run.js";
import { invarianceSection } from "../../src/report/from-invariance.js";

const DIR = path.resolve(__dirname, "../fixtures/invariance-ordinal");
const DATA = path.join(DIR, "hs-cat3.csv");
const MODEL = path.join(DIR, "hs.lav");
const base = ["invariance", DATA, "-m", MODEL, "--group", "school", "--ordered", "all"];

describe("isrs invariance --ordered", () => {
  it("prints a paper's invariance table: thresholds at the scalar step, satorra.2000 tests, scaled CFI", async () => {
    const r = await run(...base);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain("Estimator WLSMV, ordinal items, delta parameterization.");
    expect(out).toContain("ΔCFI (scaled) ≤ -0.01 fails");
    expect(out).toContain("satorra.2000");
    // lavaan 0.6.14: configural chisq.scaled 95.812 on 48 df, cfi.scaled 0.946; no AIC / BIC columns
    expect(out).toMatch(/^configural\s+60\s+95\.812\s+48\s+<\.001\s+0\.946\s+0\.920\s+0\.082\s+0\.080$/m);
    // lavTestLRT (satorra.2000, scaled and shifted): 5.674 / 6, p .461; 30.217 / 6
    expect(out).toMatch(/^metric vs configural\s+5\.674\s+6\s+\.461\s/m);
    expect(out).toMatch(/^scalar \(thresholds\) vs metric\s+30\.217\s+6\s+<\.001\s+-0\.034\s.*not supported$/m);
    // lavTestScore: x3|t1 13.757 (the largest), total 32.972 on 24
    expect(out).toMatch(/^\s+x3 \| t1\s+2\s+13\.757\s+1\s+<\.001$/m);
    expect(out).toContain("total (all 24 constraints): X² = 32.972");
    expect(out).toMatch(/^\s+partial scalar vs metric: x3\|t1, x7\|t2\s+6\.846\s+4\s+\.144\s.*supported$/m);
    expect(out).toContain("Invariance holds up to the scalar (thresholds) step (x3|t1, x7|t2 free).");
    expect(out).toContain("use --parameterization theta for strict invariance of ordinal items");
  });

  it("--format json: the steps' group.equal, the method, the scaled measures; the API gives the same", async () => {
    const r = await run(...base, "--format", "json", "--partial", "x3|t1,x7|t2", "--parameterization", "theta");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      parameterization: string;
      criterion: { cfi: string; rmsea: string };
      steps: { name: string; groupEqual: string[]; freed: string[]; fit: Record<string, number> }[];
      comparisons: { method: string; "chisq.diff": number }[];
    };
    expect(j.parameterization).toBe("theta");
    expect(j.criterion).toMatchObject({ cfi: "cfi.scaled", rmsea: "rmsea.scaled" });
    expect(j.steps.map((s) => s.name)).toEqual(["configural", "metric", "scalar", "strict"]);
    expect(j.steps[3]!.groupEqual).toEqual(["loadings", "thresholds", "intercepts", "residuals"]);
    expect(j.steps[2]!.freed).toEqual(["x3|t1", "x7|t2"]);
    // lavaan 0.6.14 (theta): partial scalar chisq 78.784 on 58; strict 92.988 on 67, satorra.2000 18.346
    expect(j.steps[2]!.fit.chisq).toBeCloseTo(78.7844, 3);
    expect(j.steps[3]!.fit.chisq).toBeCloseTo(92.9883, 3);
    expect(j.comparisons.map((c) => c.method)).toEqual(["satorra.2000", "satorra.2000", "satorra.2000"]);
    expect(j.comparisons[2]!["chisq.diff"]).toBeCloseTo(18.3464, 3);
    expect(j.steps[0]!.fit).not.toHaveProperty("aic");
    const api = await invariance(
      fs.readFileSync(MODEL, "utf8"),
      csvTable(fs.readFileSync(DATA, "utf8"), { name: DATA }),
      {
        group: "school",
        ordered: true,
        parameterization: "theta",
        partial: ["x3|t1", "x7|t2"],
      },
    );
    expect(JSON.parse(JSON.stringify(api))).toEqual(j);
    // the study report's section names the scaled measures and lavaan's difference test
    const sec = invarianceSection(api);
    const tables = sec.blocks.filter((b) => b.kind === "table") as { columns: { header: string }[] }[];
    expect(tables[0]!.columns.map((c) => c.header)).toContain("CFI (scaled)");
    expect(tables[1]!.columns.map((c) => c.header)).toContain("Δχ² (satorra.2000)");
    expect(JSON.stringify(sec)).toContain("scalar (thresholds) vs metric");
  });
});

describe("isrs report --invariance COL --ordered", () => {
  it("adds the ordinal invariance section: scaled measures, thresholds at the scalar step", async () => {
    const t = tmpWriter("isrs-inv-ord-rep-");
    const out = path.join(t.dir, "rep");
    const r = await run("report", DATA, "--model", MODEL, "--ordered", "all", "--invariance", "school", "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const md = fs.readFileSync(path.join(out, "report.md"), "utf8");
    expect(md).toContain("| Model | scaled χ² | df | p | CFI (scaled) | RMSEA (scaled) | SRMR |");
    // lavaan 0.6.14: scalar chisq.scaled 132.428 on 60, cfi.scaled 0.919
    expect(md).toMatch(/\| scalar \(thresholds\) \| 132\.428 \| 60 \| < \.001 \| 0\.919 \|/);
    const json = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8")) as {
      invariance: { estimator: string; supported: { step: string; freed: string[] } };
    };
    expect(json.invariance.estimator).toBe("WLSMV");
    expect(json.invariance.supported).toEqual({ step: "scalar", freed: ["x3|t1", "x7|t2"] });
  });
});

describe("isrs invariance --ordered: bad input", () => {
  const t = tmpWriter("isrs-inv-ord-bad-");
  const lines = fs.readFileSync(DATA, "utf8").trim().split("\n");
  const col = lines[0]!.split(",").indexOf(`"x3"`);
  // x3's category 3 merged into 2 in Grant-White only
  const merged = lines.map((l, i) => {
    const c = l.split(",");
    if (i > 0 && c[0]!.includes("Grant-White") && c[col] === "3") c[col] = "2";
    return c.join(",");
  });
  const empty = t.file("empty.csv", merged.join("\n"));

  it("a category observed in one group but not another: item, category and group named", async () => {
    const out = path.join(t.dir, "out.txt");
    await expectBadInput(
      ["invariance", empty, "-m", MODEL, "--group", "school", "--ordered", "all", "--out", out],
      /ordered item 'x3': category 3 is not observed in group Grant-White/,
    );
    expect(fs.existsSync(out)).toBe(false);
  });
  it("strict alone under the delta parameterization, a bad --parameterization, an ML estimator", async () => {
    await expectBadInput([...base, "--steps", "strict"], /--steps strict: .*--parameterization theta/);
    await expectBadInput([...base, "--parameterization", "gamma"], /--parameterization gamma: use delta or theta/);
    await expectBadInput([...base, "--estimator", "MLR"], /--estimator MLR with ordered items/);
    await expectBadInput([...base, "--partial", "x3|t9"], /--partial x3\|t9: is not a parameter of the model/);
  });
});
