/** The study design: the three nested models it generates, what lavaan syntax it reads, and bad designs. */
import { describe, expect, it } from "vitest";
import { checkDesign, designFromSyntax, designModels, type StudyDesign } from "../../../src/analysis/design.js";
import { InputError } from "../../../src/sem/messages.js";
import { parseModel } from "../../../src/sem/syntax/index.js";

const isrs: StudyDesign = {
  source: "test",
  constructs: [
    { name: "detection", items: ["d1", "d2"] },
    { name: "analysis", items: ["a1", "a2"] },
    { name: "response", items: ["r1", "r2"] },
    { name: "client", items: ["c1", "c2"] },
    { name: "business", items: ["b1", "b2"] },
  ],
  secondOrder: [{ name: "ISRS", dimensions: ["detection", "analysis", "response"] }],
  hypotheses: [
    { id: "H1", outcome: "client", predictor: "ISRS", expected: "positive" },
    { id: "H2", outcome: "business", predictor: "client", expected: "positive" },
    { id: "H3", outcome: "business", predictor: "ISRS", expected: "negative" },
  ],
};

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return "no error";
}

describe("study design", () => {
  it("generates the measurement, second-order and structural models", () => {
    const m = designModels(isrs);
    expect(m.measurement.split("\n")[0]).toBe("detection =~ d1 + d2");
    expect(m.secondOrder).toContain("ISRS =~ detection + analysis + response");
    expect(m.structural!.trim().split("\n").slice(-2)).toEqual(["client ~ ISRS", "business ~ client + ISRS"]);
    expect(designModels({ ...isrs, secondOrder: [], hypotheses: [] })).toMatchObject({
      secondOrder: null,
      structural: null,
    });
  });

  it("reads constructs, second-order factors and hypotheses off lavaan syntax", () => {
    const syntax = parseModel("f1 =~ x1 + x2\nf2 =~ x3 + x4\nf3 =~ x5 + x6\ng =~ f1 + f2\nf3 ~ g\nx1 ~~ x3\n", {
      file: "m.lav",
    });
    const d = designFromSyntax(syntax, (c) => /^x\d$/.test(c));
    expect(d.constructs.map((c) => c.name)).toEqual(["f1", "f2", "f3"]);
    expect(d.secondOrder).toEqual([{ name: "g", dimensions: ["f1", "f2"] }]);
    expect(d.hypotheses).toEqual([{ id: "H1", outcome: "f3", predictor: "g", expected: "positive" }]);
    expect(codeOf(() => designFromSyntax(syntax, (c) => c !== "x4"))).toBe(
      'E_NO_VARIABLE: m.lav: line 2: item "x4" of "f2" is not a column of the data',
    );
  });

  it("rejects a construct with fewer than 2 items, naming it", () => {
    const bad = { ...isrs, constructs: [...isrs.constructs.slice(0, 4), { name: "business", items: ["b1"] }] };
    expect(codeOf(() => checkDesign(bad))).toBe(
      'E_DESIGN: test: construct "business" has 1 item; reliability (alpha, omega, AVE) needs at least 2',
    );
  });

  it("rejects unknown constructs in paths and second-order factors, shared items and duplicate paths", () => {
    expect(
      codeOf(() =>
        checkDesign({
          ...isrs,
          hypotheses: [{ id: "H9", outcome: "loyalty", predictor: "ISRS", expected: "positive" }],
        }),
      ),
    ).toMatch(/^E_DESIGN: test: hypothesis H9 \(loyalty ~ ISRS\): "loyalty" is not a construct/);
    expect(
      codeOf(() => checkDesign({ ...isrs, secondOrder: [{ name: "ISRS", dimensions: ["detection", "learning"] }] })),
    ).toMatch(/"learning" is not a first-order construct/);
    expect(
      codeOf(() => checkDesign({ ...isrs, constructs: [...isrs.constructs, { name: "extra", items: ["d1", "e2"] }] })),
    ).toMatch(/item "d1" belongs to both "detection" and "extra"/);
    expect(
      codeOf(() => checkDesign({ ...isrs, hypotheses: [isrs.hypotheses[0]!, { ...isrs.hypotheses[0]!, id: "H2" }] })),
    ).toMatch(/listed twice/);
    expect(codeOf(() => checkDesign(isrs))).toBe("no error");
  });
});
