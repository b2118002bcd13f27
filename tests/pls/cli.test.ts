/**
 * `isrs pls` as a user runs it: the JSON document's shape, text output, --out (written whole,
 * never over an input), listwise deletion listing the dropped rows, and bad input (one line on
 * stderr, exit 2, nothing written). Numbers: mobi-simple's seminr 2.3.1 reference.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { expectBadInput, tmpWriter } from "../cli/expect-bad.js";
import { run } from "../cli/run.js";
import { FIXTURES } from "./helpers.js";

const MOBI = `${FIXTURES}mobi-simple/`;
const ref = JSON.parse(fs.readFileSync(`${MOBI}seminr.json`, "utf8")) as {
  outer: { construct: string; indicator: string; loading: number; weight: number }[];
  paths: { from: string; to: string; estimate: number; f_squared: number }[];
};
const { file } = tmpWriter("isrs-pls-");
interface Row {
  lhs: string;
  op: string;
  rhs: string;
  est: number;
  se: number | null;
  "ci.lower": number | null;
}
type Json = Record<string, unknown> & {
  parameters: Row[];
  fsquared: Row[];
  totalEffects: Row[];
  rsquared: Record<string, object>;
  reliability: Record<string, object>;
  htmt: object[];
  iterations: number;
  warnings: unknown[];
};
const csv = (rows: number[][], header: string[]): string =>
  `${header.join(",")}\n${rows.map((r) => r.join(",")).join("\n")}\n`;

/** Small data: x1..x3 (related), y1..y2 (related to x), z (constant), w = x1 + x2, v = 2 x3 + 1 (collinear). */
function smallData(): string {
  const rows: number[][] = [];
  for (let i = 0; i < 40; i++) {
    const f = Math.sin(i * 1.7) * 2;
    const x1 = Math.round(4 + f + Math.cos(i * 2.3));
    const x2 = Math.round(4 + f + Math.sin(i * 3.1));
    const x3 = Math.round(4 + f + Math.cos(i * 0.7));
    rows.push([
      x1,
      x2,
      x3,
      Math.round(3 + f / 2 + Math.sin(i * 5.3)),
      Math.round(3 + f / 2 + Math.cos(i * 4.1)),
      5,
      x1 + x2,
      2 * x3 + 1,
    ]);
  }
  return csv(rows, ["x1", "x2", "x3", "y1", "y2", "z", "w", "v"]);
}
const DATA = file("small.csv", smallData());

describe("isrs pls on mobi-simple", () => {
  test("JSON: a =~ and a <~ row for every construct-item pair, ~ rows per path, sections", async () => {
    const r = await run("pls", `${MOBI}data.csv`, "--model", `${MOBI}model.pls`, "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Json;
    const row = (op: string, lhs: string, rhs: string): Row =>
      j.parameters.find((p) => p.op === op && p.lhs === lhs && p.rhs === rhs)!;
    for (const o of ref.outer) {
      const load = row("=~", o.construct, o.indicator);
      const wt = row("<~", o.construct, o.indicator);
      expect(Math.abs(load.est - o.loading)).toBeLessThan(1e-6);
      expect(Math.abs(wt.est - o.weight)).toBeLessThan(1e-6);
      expect(load.se).toBeNull();
      expect(load["ci.lower"]).toBeNull();
    }
    for (const p of ref.paths) {
      expect(Math.abs(row("~", p.to, p.from).est - p.estimate)).toBeLessThan(1e-6);
      const f2 = j.fsquared.find((x) => x.lhs === p.to && x.rhs === p.from)!;
      expect(Math.abs(f2.est - p.f_squared)).toBeLessThan(1e-6);
    }
    expect(j.parameters).toHaveLength(2 * ref.outer.length + ref.paths.length);
    expect(Object.keys(j.rsquared.Loyalty)).toEqual(["r2", "adj.r2"]);
    expect(Object.keys(j.reliability.Image)).toEqual(["alpha", "rhoC", "rhoA", "AVE"]);
    expect(Object.keys(j.htmt[0])).toEqual(["lhs", "rhs", "est", "se", "t", "ci.lower", "ci.upper"]);
    expect(j.iterations).toBe(6);
    expect(j.warnings).toEqual([]);
    // seminr.json total_effects_matrix: Image -> Loyalty 0.3989
    expect(j.totalEffects.find((t) => t.lhs === "Loyalty" && t.rhs === "Image")!.est).toBeCloseTo(0.399, 3);
  });

  test("text summary in seminr's order, and --out writes the same text", async () => {
    const r = await run("pls", `${MOBI}data.csv`, "--model", `${MOBI}model.pls`);
    expect(r.code).toBe(0);
    const order = [
      "Path Coefficients:",
      "Reliability:",
      "Outer Loadings:",
      "Outer Weights:",
      "HTMT:",
      "Fornell-Larcker",
    ];
    const at = order.map((h) => r.stdout.indexOf(h));
    expect(at.every((x) => x > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(r.stdout).toMatch(/Estimation used 250 observations/);
    const out = path.join(path.dirname(DATA), "out.txt");
    const w = await run("pls", `${MOBI}data.csv`, "--model", `${MOBI}model.pls`, "--out", out);
    expect(w.code).toBe(0);
    expect(w.stdout).toBe("");
    expect(fs.readFileSync(out, "utf8")).toBe(r.stdout);
  });

  test("--out naming an input is refused before anything is written", async () => {
    const model = file("copy.pls", fs.readFileSync(`${MOBI}model.pls`, "utf8"));
    const before = fs.readFileSync(model, "utf8");
    await expectBadInput(["pls", `${MOBI}data.csv`, "--model", model, "--out", model], /is the model file/);
    expect(fs.readFileSync(model, "utf8")).toBe(before);
  });
});

describe("missing values", () => {
  const data = file("gaps.csv", "a1,a2,b1,b2\n1,2,2,3\n2,,3,3\n3,3,4,5\n4,5,,4\n5,4,5,6\n2,3,3,2\n4,4,4,4\n1,1,2,2\n");
  const model = file("gaps.pls", "A =~ a1 + a2\nB =~ b1 + b2\nB ~ A\n");
  test("mean replacement is said, in JSON and in the text", async () => {
    const r = await run("pls", data, "--model", model, "--format", "json");
    const j = JSON.parse(r.stdout);
    expect(j.nobs).toBe(8);
    expect(j.missing.imputed).toEqual([
      { item: "a2", count: 1, mean: 22 / 7 },
      { item: "b1", count: 1, mean: 23 / 7 },
    ]);
    expect(j.warnings[0].message).toMatch(/2 missing values replaced by the indicator mean \(a2: 1, b1: 1\)/);
  });
  test("--missing listwise drops and lists every row (by file line)", async () => {
    const r = await run("pls", data, "--model", model, "--missing", "listwise", "--format", "json");
    const j = JSON.parse(r.stdout);
    expect(j.nobs).toBe(6);
    expect(j.missing.dropped).toEqual([3, 5]);
    expect(j.warnings[0].message).toMatch(/2 rows with missing values dropped \(listwise\); 6 used/);
  });
});

describe("bad input: one line, exit 2", () => {
  const m = (name: string, text: string): string => file(name, text);
  test("an indicator in two blocks (syntax error with caret)", async () => {
    const r = await run("pls", DATA, "--model", m("two.pls", "X =~ x1 + x2\nY =~ y1 + x2\nY ~ X\n"));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/two\.pls:2:11: x2 is already in the block of X \(line 1\)/);
    expect(lines[1]).toBe("Y =~ y1 + x2");
    expect(lines[2]).toBe("          ^");
  });
  test("a construct with no indicators", async () => {
    const r = await run("pls", DATA, "--model", m("none.pls", "X =~ x1 + x2\nY ~ X\n"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/none\.pls:2:1: construct Y has no indicators/);
  });
  test("an unknown column, with a suggestion", async () => {
    await expectBadInput(
      ["pls", DATA, "--model", m("unk.pls", "X =~ x1 + x22\nY =~ y1 + y2\nY ~ X\n")],
      /small\.csv: no column x22 \(block X, .*unk\.pls line 1\); did you mean "x2"/,
    );
  });
  test("a constant indicator", async () => {
    await expectBadInput(
      ["pls", DATA, "--model", m("const.pls", "X =~ x1 + z\nY =~ y1 + y2\nY ~ X\n")],
      /indicator z \(block X, .*const\.pls line 1\) is constant \(5\)/,
    );
  });
  test("a cycle in the structural model, said where", async () => {
    await expectBadInput(
      ["pls", DATA, "--model", m("cyc.pls", "X =~ x1 + x2\nY =~ y1 + y2\nW =~ x3\nY ~ X\nW ~ Y\nX ~ W\n")],
      /cyc\.pls:6: the structural model has a cycle X -> Y -> W -> X; PLS needs a recursive model/,
    );
  });
  test("mode B on collinear items, named", async () => {
    await expectBadInput(
      ["pls", DATA, "--model", m("coll.pls", "X <~ x1 + x2 + w + x3\nY =~ y1 + y2\nY ~ X\n")],
      /the mode B block of X has collinear indicators \(x1, x2, w\)/,
    );
  });
  test("collinear construct scores of two predictors, named", async () => {
    await expectBadInput(
      ["pls", DATA, "--model", m("collpred.pls", "X =~ x1 + x2\nV =~ v\nY =~ y1 + y2\nW =~ x3\nY ~ X + V + W\n")],
      /small\.csv: the construct scores of X, V, W \(predictors of Y\) are collinear: the paths cannot be/,
    );
  });
  test("a bad --scheme and --missing", async () => {
    const model = m("ok.pls", "X =~ x1 + x2\nY =~ y1 + y2\nY ~ X\n");
    await expectBadInput(["pls", DATA, "--model", model, "--scheme", "mode"], /--scheme mode: use path, factorial/);
    await expectBadInput(["pls", DATA, "--model", model, "--missing", "pairwise"], /--missing pairwise: use mean or/);
  });
  test("a non-numeric cell, with its line", async () => {
    const bad = file("bad.csv", "x1,x2,y1,y2\n1,2,3,4\n2,abc,3,4\n3,3,3,5\n");
    await expectBadInput(
      ["pls", bad, "--model", m("ok2.pls", "X =~ x1 + x2\nY =~ y1 + y2\nY ~ X\n")],
      /bad\.csv:3: column x2: "abc" is not a number/,
    );
  });
});
