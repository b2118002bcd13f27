/**
 * Higher-order constructs by repeated indicators (Lohmöller 1989; Becker, Klein & Wetzels 2012),
 * an option beside seminr's two-stage approach (no seminr reference: seminr 2.3.1 offers two-stage
 * only). Checked against the same model written out as a specification object (the construct
 * measured by all its dimensions' items; dimension -> construct paths for a mode B construct,
 * construct -> dimension for mode A), and through the command line.
 */
import { describe, expect, test } from "vitest";
import { estimatePls } from "../../src/pls/estimate.js";
import { preparePlsData } from "../../src/pls/data.js";
import type { PlsSpec } from "../../src/pls/types.js";
import { run } from "../cli/run.js";
import { FIXTURES, loadCase } from "./helpers.js";

const c = loadCase("corp-rep-hoc");

function written(mode: "A" | "B"): PlsSpec {
  const items = ["comp_1", "comp_2", "comp_3", "like_1", "like_2", "like_3"];
  const constructs = c.spec.constructs.map((x) =>
    x.name === "REP" ? { ...x, mode, higherOrder: false, indicators: items } : x,
  );
  const extra =
    mode === "B"
      ? [
          { from: "COMP", to: "REP", line: 0 },
          { from: "LIKE", to: "REP", line: 0 },
        ]
      : [
          { from: "REP", to: "COMP", line: 0 },
          { from: "REP", to: "LIKE", line: 0 },
        ];
  return { ...c.spec, constructs, paths: [...c.spec.paths, ...extra] };
}

describe.each(["B", "A"] as const)("mode %s higher-order construct", (mode) => {
  const spec: PlsSpec =
    mode === "B"
      ? c.spec
      : { ...c.spec, constructs: c.spec.constructs.map((x) => (x.name === "REP" ? { ...x, mode: "A" as const } : x)) };
  const est = estimatePls(c.data, spec, { hocMethod: "repeated" });
  const ref = estimatePls(c.data, written(mode));

  test("equals the model written out with the repeated items", () => {
    expect(est.iterations).toBe(ref.iterations);
    expect(est.allOuter).toEqual(ref.allOuter);
    expect(est.pathCoefficients).toEqual(ref.pathCoefficients);
    expect(est.rsquared).toEqual(ref.rsquared);
    expect(est.firstStage).toBeUndefined();
  });

  test("the construct's block is its dimensions' six items, the dimensions stay in the model", () => {
    expect(est.outer.filter((o) => o.construct === "REP").map((o) => o.indicator)).toHaveLength(6);
    expect(est.constructs).toContain("COMP");
    const dimPath = mode === "B" ? { from: "LIKE", to: "REP" } : { from: "REP", to: "LIKE" };
    expect(est.pathCoefficients.some((p) => p.from === dimPath.from && p.to === dimPath.to)).toBe(true);
  });
});

test("the data are prepared once for the written-out model too (repeated items are the same columns)", () => {
  const data = preparePlsData(c.data.columns, written("B"));
  expect(data.n).toBe(c.data.n);
});

test("isrs pls --hoc repeated, and a bad --hoc", async () => {
  const dir = `${FIXTURES}corp-rep-hoc/`;
  const r = await run("pls", `${dir}data.csv`, "--model", `${dir}model.pls`, "--hoc", "repeated", "--format", "json");
  expect(r.code).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(j.settings.hocMethod).toBe("repeated");
  expect(j.parameters.filter((p: { lhs: string; op: string }) => p.lhs === "REP" && p.op === "=~")).toHaveLength(6);
  const bad = await run("pls", `${dir}data.csv`, "--model", `${dir}model.pls`, "--hoc", "embedded");
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/--hoc embedded: use two-stage or repeated/);
});
