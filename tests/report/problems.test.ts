/**
 * What the study report says about a model with problems: repeated warnings once, in words with
 * the code second; the banner's reasons; a diagram of a fit without standard errors does not call
 * its free parameters fixed.
 */
import { describe, expect, it } from "vitest";
import type { FittedModel } from "../../src/analysis/study.js";
import { problems, warningList } from "../../src/report/from-analysis.js";
import { diagramLegend, graphFromFit } from "../../src/report/diagram/graph.js";
import type { ParameterEstimate } from "../../src/sem/results.js";

const model = (name: FittedModel["name"], converged: boolean, warnings: FittedModel["warnings"]): FittedModel =>
  ({ name, converged, warnings }) as FittedModel;

describe("warnings and the banner", () => {
  const heywood = { code: "W_HEYWOOD", message: "negative variance: x3 ~~ x3 = -0.12" } as FittedModel["warnings"][0];
  const models = [
    model("measurement", true, [heywood]),
    model("second.order", true, [heywood]),
    model("structural", false, [heywood]),
  ];

  it("the same warning from three models is one line: the words, then the code and the models", () => {
    expect(warningList(models)).toEqual([
      "negative variance: x3 ~~ x3 = -0.12 (W_HEYWOOD; the measurement, second-order and structural models)",
    ]);
  });

  it("each model with a problem gets a banner line with its reason", () => {
    const p = problems(models);
    expect(p).toHaveLength(3);
    expect(p[0]).toMatch(/^The measurement model is not admissible: negative variance: x3 ~~ x3 = -0.12\./);
    expect(p[2]).toMatch(/^The structural model did not converge: negative variance/);
    expect(problems([model("measurement", true, [])])).toEqual([]);
  });
});

describe("dashed edges", () => {
  const row = (rhs: string, se: number | null, pvalue: number | null): ParameterEstimate => ({
    lhs: "f",
    op: "=~",
    rhs,
    group: 1,
    label: "",
    est: 0.8,
    se,
    z: null,
    pvalue,
    "ci.lower": null,
    "ci.upper": null,
    "std.lv": 0.8,
    "std.all": 0.7,
  });

  it("a fixed loading (SE 0, no p) is dashed; a free one of a fit without SEs is not, and the legend says why", () => {
    const g = graphFromFit({
      parameters: [row("a", 0, null), row("b", null, null)],
      latent: ["f"],
      observed: ["a", "b"],
    });
    expect(g.edges.map((e) => [e.to, e.fixed, e.noSe === true])).toEqual([
      ["a", true, false],
      ["b", false, true],
    ]);
    expect(diagramLegend(g)).toContain("no standard errors were computed");
    const ok = graphFromFit({
      parameters: [row("a", 0, null), row("b", 0.1, 0.001)],
      latent: ["f"],
      observed: ["a", "b"],
    });
    expect(diagramLegend(ok)).toBe("dashed: fixed in the model (not estimated)");
  });
});
