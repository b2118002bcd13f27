/**
 * The models of the shared lavaan reference cases, copied from
 * /work/shared/reference/<case>/model.lav.
 */
import { describe, expect, it } from "vitest";
import { parseModel } from "../../../src/sem/syntax/index.js";
import { rows } from "./helpers.js";

// hs-cfa-ml, hs-cfa-stdlv, hs-cfa-mlr, hs-cfa-mlm, hs-cfa-listwise, hs-cfa-fiml,
// hs-multigroup-configural, hs-multigroup-metric (all the same text)
const HS_CFA = `visual  =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed   =~ x7 + x8 + x9
`;

// hs-second-order
const HS_SECOND_ORDER = `visual  =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed   =~ x7 + x8 + x9
g =~ visual + textual + speed
`;

// pd-sem
const PD_SEM = `# measurement model
ind60 =~ x1 + x2 + x3
dem60 =~ y1 + y2 + y3 + y4
dem65 =~ y5 + y6 + y7 + y8
# regressions
dem60 ~ ind60
dem65 ~ ind60 + dem60
# residual correlations
y1 ~~ y5
y2 ~~ y4 + y6
y3 ~~ y7
y4 ~~ y8
y6 ~~ y8
`;

// pd-sem-indirect
const PD_SEM_INDIRECT = `ind60 =~ x1 + x2 + x3
dem60 =~ y1 + y2 + y3 + y4
dem65 =~ y5 + y6 + y7 + y8
dem60 ~ a*ind60
dem65 ~ c*ind60 + b*dem60
y1 ~~ y5
y2 ~~ y4 + y6
y3 ~~ y7
y4 ~~ y8
y6 ~~ y8
indirect := a*b
total := c + a*b
`;

describe("reference models", () => {
  it("parses the Holzinger-Swineford CFA with positions", () => {
    const model = parseModel(HS_CFA, { file: "hs-cfa-ml/model.lav" });
    expect(model.file).toBe("hs-cfa-ml/model.lav");
    expect(model.statements[0]).toEqual({
      kind: "formula",
      lhs: "visual",
      op: "=~",
      terms: [
        { name: "x1", line: 1, column: 12 },
        { name: "x2", line: 1, column: 17 },
        { name: "x3", line: 1, column: 22 },
      ],
      line: 1,
      column: 1,
    });
    expect(rows(model.statements)).toEqual([
      "visual =~ x1 + x2 + x3",
      "textual =~ x4 + x5 + x6",
      "speed =~ x7 + x8 + x9",
    ]);
    expect(model.statements.map((s) => [s.line, s.column])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
  });

  it("parses the second-order model", () => {
    const model = parseModel(HS_SECOND_ORDER);
    expect(model.file).toBe("<model>");
    expect(rows(model.statements)[3]).toBe("g =~ visual + textual + speed");
    expect(model.statements).toHaveLength(4);
  });

  it("parses the political democracy SEM with comments and y2 ~~ y4 + y6", () => {
    const model = parseModel(PD_SEM);
    expect(rows(model.statements)).toEqual([
      "ind60 =~ x1 + x2 + x3",
      "dem60 =~ y1 + y2 + y3 + y4",
      "dem65 =~ y5 + y6 + y7 + y8",
      "dem60 ~ ind60",
      "dem65 ~ ind60 + dem60",
      "y1 ~~ y5",
      "y2 ~~ y4 + y6",
      "y3 ~~ y7",
      "y4 ~~ y8",
      "y6 ~~ y8",
    ]);
    expect(model.statements.map((s) => s.line)).toEqual([2, 3, 4, 6, 7, 9, 10, 11, 12, 13]);
    expect(model.statements[6]).toEqual({
      kind: "formula",
      lhs: "y2",
      op: "~~",
      terms: [
        { name: "y4", line: 10, column: 7 },
        { name: "y6", line: 10, column: 12 },
      ],
      line: 10,
      column: 1,
    });
  });

  it("parses labels and defined parameters (pd-sem-indirect)", () => {
    const model = parseModel(PD_SEM_INDIRECT);
    const s = model.statements;
    expect(s[3]).toEqual({
      kind: "formula",
      lhs: "dem60",
      op: "~",
      terms: [{ name: "ind60", label: ["a"], line: 4, column: 11 }],
      line: 4,
      column: 1,
    });
    expect(s[4]).toMatchObject({
      terms: [
        { name: "ind60", label: ["c"], line: 5, column: 11 },
        { name: "dem60", label: ["b"], line: 5, column: 21 },
      ],
    });
    expect(s[10]).toEqual({
      kind: "definition",
      name: "indirect",
      op: ":=",
      expression: "a*b",
      line: 11,
      column: 1,
    });
    expect(s[11]).toEqual({
      kind: "definition",
      name: "total",
      op: ":=",
      expression: "c+a*b",
      line: 12,
      column: 1,
    });
    expect(s).toHaveLength(12);
  });
});
