/** parseModel(): modifiers, intercepts, expressions, lines and statement separators. */
import { describe, expect, it } from "vitest";
import { parseModel } from "../../../src/sem/syntax/index.js";
import { parseRows } from "./helpers.js";

const terms = (text: string) => {
  const s = parseModel(text).statements[0];
  if (s?.kind !== "formula") throw new Error("not a formula");
  return s.terms;
};

describe("modifiers", () => {
  it("reads fixed values: integers, decimals, signs, exponents and NA", () => {
    const t = terms("f =~ 1*x1 + 0.5*x2 + -1*x3 + 1e-3*x4 + NA*x5 + .25*x6 + 2E+2*x7 + -0*x8");
    expect(t.map((x) => x.fixed)).toEqual([[1], [0.5], [-1], [0.001], [null], [0.25], [200], [0]]);
    expect(t.map((x) => x.name)).toEqual(["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8"]);
  });

  it("reads vectors per group", () => {
    const t = terms("f =~ c(1, NA)*x1 + c(a1, a2)*x2 + c(-1,2.5)*x3 + c(NA, b)*x4 + c(NA,NA)*x5");
    expect(t[0]).toMatchObject({ name: "x1", fixed: [1, null] });
    expect(t[1]).toMatchObject({ name: "x2", label: ["a1", "a2"] });
    expect(t[2]).toMatchObject({ fixed: [-1, 2.5] });
    expect(t[3]).toMatchObject({ label: [null, "b"] });
    expect(t[4]).toMatchObject({ fixed: [null, null] });
  });

  it("reads labels: bare, label(), equal(), quoted in c()", () => {
    const t = terms(
      `f =~ lam.1*x1 + label("b_2")*x2 + equal("a")*x3 + label('q')*x4 + ` + `c("g1", "g2")*x5 + equal("f =~ x1")*x6`,
    );
    expect(t.map((x) => x.label)).toEqual([["lam.1"], ["b_2"], ["a"], ["q"], ["g1", "g2"], ["f=~x1"]]);
    expect(t.every((x) => x.fixed === undefined && x.start === undefined)).toBe(true);
  });

  it("reads start values: start(), start(c()), and ?", () => {
    const t = terms("f =~ start(0.5)*x1 + start(c(1, 2))*x2 + 0.7?x3 + c(1,NA)?x4");
    expect(t.map((x) => x.start)).toEqual([[0.5], [1, 2], [0.7], [1, null]]);
    expect(t.every((x) => x.fixed === undefined)).toBe(true);
  });

  it("chains modifiers in any order", () => {
    const t = terms("f =~ a*start(1)*x1 + start(1)*a*x2 + 1*b*x3 + 0.5?c(l1,l2)*NA*x4");
    expect(t[0]).toEqual({ name: "x1", label: ["a"], start: [1], line: 1, column: 17 });
    expect(t[1]).toEqual({ name: "x2", label: ["a"], start: [1], line: 1, column: 33 });
    expect(t[2]).toEqual({ name: "x3", label: ["b"], fixed: [1], line: 1, column: 42 });
    expect(t[3]).toMatchObject({ name: "x4", start: [0.5], label: ["l1", "l2"], fixed: [null] });
  });

  it("accepts names with dots, underscores and letters beyond ASCII", () => {
    expect(parseRows("f.1 =~ x.a + _y + .z + évalué")).toEqual(["f.1 =~ x.a + _y + .z + évalué"]);
  });

  it("applies modifiers to ~ and ~~ terms", () => {
    expect(parseRows("y ~ b1*x1 + 0*x2\nx1 ~~ 1*x1\nx1 ~~ cv*x2")).toEqual([
      "y ~ b1*x1 + 0*x2",
      "x1 ~~ 1*x1",
      "x1 ~~ cv*x2",
    ]);
  });
});

describe("intercepts and several left-hand names", () => {
  it("reads x ~ 1, x ~ 0*1, x ~ a*1, x ~ start(2)*1", () => {
    const m = parseModel("x1 ~ 1\nx2 ~ 0*1\nx3 ~ a*1\nx4 ~ start(2)*1");
    expect(m.statements[0]).toEqual({
      kind: "intercept",
      lhs: "x1",
      op: "~1",
      term: { name: "", line: 1, column: 6 },
      line: 1,
      column: 1,
    });
    expect(m.statements.map((s) => (s.kind === "intercept" ? s.term : undefined))).toEqual([
      { name: "", line: 1, column: 6 },
      { name: "", fixed: [0], line: 2, column: 8 },
      { name: "", label: ["a"], line: 3, column: 8 },
      { name: "", start: [2], line: 4, column: 15 },
    ]);
  });

  it("expands several left-hand names", () => {
    const m = parseModel("y1 + y2 ~ x\nx1 + x2 ~ 1\nx1 + x2 ~~ x3");
    expect(m.statements.map((s) => [s.kind, s.line, s.column])).toEqual([
      ["formula", 1, 1],
      ["formula", 1, 6],
      ["intercept", 2, 1],
      ["intercept", 2, 6],
      ["formula", 3, 1],
      ["formula", 3, 6],
    ]);
    expect(parseRows("y1 + y2 ~ a*x")).toEqual(["y1 ~ a*x", "y2 ~ a*x"]);
    const [a, b] = parseModel("y1 + y2 ~ a*x").statements;
    if (a?.kind !== "formula" || b?.kind !== "formula") throw new Error("not formulas");
    expect(a.terms[0]).not.toBe(b.terms[0]); // copies, not shared objects
  });

  it("splits a regression with an intercept into a formula and an intercept", () => {
    expect(parseRows("y ~ 1 + x")).toEqual(["y ~1 1", "y ~ x"]);
    expect(parseRows("y ~ x + z + 1")).toEqual(["y ~ x + z", "y ~1 1"]);
  });
});

describe("definitions and constraints", () => {
  it("keeps expressions with whitespace removed", () => {
    expect(parseRows("ind := a*b\ntot := c + a * b\nr := exp(a) / (1 + b^2)\nn := -a + max(b, 0)")).toEqual([
      "ind := a*b",
      "tot := c+a*b",
      "r := exp(a)/(1+b^2)",
      "n := -a+max(b,0)",
    ]);
  });

  it("reads ==, < and > with both sides", () => {
    const m = parseModel("a1 == a2\n  a + b == 2 * c\nv > 0\nv < 1.5e2");
    expect(m.statements[1]).toEqual({
      kind: "constraint",
      op: "==",
      lhs: "a+b",
      rhs: "2*c",
      line: 2,
      column: 3,
    });
    expect(m.statements.map((s) => (s.kind === "constraint" ? s.op : ""))).toEqual(["==", "==", ">", "<"]);
    expect(parseRows("v < 1.5e2")).toEqual(["v < 1.5e2"]);
  });
});

describe("lines, comments and separators", () => {
  it("separates statements with ';'", () => {
    expect(parseRows("f =~ x1 + x2; f ~~ f;; y ~ f ;")).toEqual(["f =~ x1 + x2", "f ~~ f", "y ~ f"]);
  });

  it("continues a formula after an operator or '+', or before a line starting with '+'", () => {
    const text = [
      "visual =~", //        1
      "   x1 + x2 +", //     2
      "   # a comment", //   3
      "", //                 4
      "   x3", //            5
      "textual =~ x4", //    6
      "  + x5 ! comment", // 7
      "  + x6", //           8
      "speed", //            9
      "  =~ x7 + c(1,", //   10
      "  NA)*x8", //         11
      "tot := c +", //       12
      "  a*b", //            13
    ].join("\n");
    const m = parseModel(text);
    expect(parseRows(text)).toEqual([
      "visual =~ x1 + x2 + x3",
      "textual =~ x4 + x5 + x6",
      "speed =~ x7 + c(1,NA)*x8",
      "tot := c+a*b",
    ]);
    const first = m.statements[0];
    if (first?.kind !== "formula") throw new Error("not a formula");
    expect(first.terms.map((t) => [t.line, t.column])).toEqual([
      [2, 4],
      [2, 9],
      [5, 4],
    ]);
    expect(m.statements.map((s) => s.line)).toEqual([1, 6, 9, 12]);
  });

  it("handles CRLF, a byte-order mark, tabs and comments with '#' and '!'", () => {
    const text = "\uFEFF# model\r\nf =~\tx1 + x2 # loadings\r\n\tf ~~ f ! variance\r\n";
    const m = parseModel(text);
    expect(parseRows(text)).toEqual(["f =~ x1 + x2", "f ~~ f"]);
    const [a, b] = m.statements;
    expect(a).toMatchObject({ line: 2, column: 1, terms: [{ column: 6 }, { column: 11 }] });
    expect(b).toMatchObject({ line: 3, column: 2, terms: [{ line: 3, column: 7 }] });
  });

  it("needs no spaces", () => {
    expect(parseRows("f=~x1+2*x2;y~~x1;y~1;a==b;d:=a*b")).toEqual([
      "f =~ x1 + 2*x2",
      "y ~~ x1",
      "y ~1 1",
      "a == b",
      "d := a*b",
    ]);
  });
});
