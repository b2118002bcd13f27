/** The PLS model syntax: what parses to what, and the errors (line, column, caret; one message line). */
import { describe, expect, test } from "vitest";
import { ModelSyntaxError } from "../../src/sem/syntax/errors.js";
import { InputError } from "../../src/sem/messages.js";
import { parsePlsModel } from "../../src/pls/syntax.js";

function syntaxError(text: string): ModelSyntaxError {
  try {
    parsePlsModel(text, "m.pls");
  } catch (e) {
    if (e instanceof ModelSyntaxError) return e;
    throw e;
  }
  throw new Error("no error");
}

function modelError(text: string): InputError<string> {
  try {
    parsePlsModel(text, "m.pls");
  } catch (e) {
    if (e instanceof InputError && !(e instanceof ModelSyntaxError)) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("parsing", () => {
  test("modes, paths, comments, continuation lines", () => {
    const spec = parsePlsModel(
      "# a comment\nImage =~ IMAG1 + IMAG2 # trailing\nValue <~ PERV1 +\n   PERV2\nSat =~ S1\nSat ~ Image + Value\n",
      "m.pls",
    );
    expect(spec.constructs).toEqual([
      { name: "Image", mode: "A", indicators: ["IMAG1", "IMAG2"], higherOrder: false, line: 2 },
      { name: "Value", mode: "B", indicators: ["PERV1", "PERV2"], higherOrder: false, line: 3 },
      { name: "Sat", mode: "A", indicators: ["S1"], higherOrder: false, line: 5 },
    ]);
    expect(spec.paths).toEqual([
      { from: "Image", to: "Sat", line: 6 },
      { from: "Value", to: "Sat", line: 6 },
    ]);
  });

  test("a right side of constructs is a higher-order construct, in either order of the lines", () => {
    const spec = parsePlsModel("REP <~ COMP + LIKE\nCOMP =~ c1 + c2\nLIKE =~ l1 + l2\nY =~ y1\nY ~ REP\n", "m.pls");
    expect(spec.constructs[0]).toMatchObject({
      name: "REP",
      mode: "B",
      higherOrder: true,
      indicators: ["COMP", "LIKE"],
    });
  });
});

describe("syntax errors point at the place", () => {
  test.each([
    ["X =~ a1 + \n", 1, 10, "the model ends in the middle of a statement"],
    ["X =~ a1 a2\nY =~ b\nY ~ X\n", 1, 9, "expected '+' or the end of the line, not 'a2'"],
    ["X =~ a1 + a-2\n", 1, 12, "unexpected character '-'"],
    ["X ~~ Y\n", 1, 3, "'~~' (covariances) has no meaning in a PLS model"],
    ["X =~ a1\nX =~ a2\n", 2, 1, "construct X is already defined on line 1"],
    ["X =~ a1 + a1\n", 1, 11, "a1 is listed twice in X"],
    ["X =~ a1\nY =~ b1 + X\nY ~ X\n", 2, 11, "X is a construct: a block is either indicators"],
    ["X =~ a1\nY =~ b1\nY ~ X + Z\n", 3, 9, "construct Z has no indicators"],
    ["X =~ a1\nY =~ b1\nY ~ X + X\n", 3, 9, "the path X -> Y is written twice"],
    ["X =~ a1\nY =~ b1\nY ~ Y\n", 3, 5, "Y cannot predict itself"],
  ])("%j", (text, line, column, reason) => {
    const e = syntaxError(text);
    expect(e.code).toBe("E_SYNTAX");
    expect([e.line, e.column]).toEqual([line, column]);
    expect(e.reason).toMatch(reason);
    expect(e.message.split("\n")).toHaveLength(1);
    expect(e.caret).toBe(`${" ".repeat(column - 1)}^`);
  });
});

describe("model errors", () => {
  test("no paths", () => {
    expect(modelError("X =~ a1\n").message).toBe("m.pls: the model has no structural path ('Outcome ~ Predictor')");
  });
  test("a construct in no path", () => {
    expect(modelError("X =~ a1\nY =~ b1\nZ =~ c1\nY ~ X\n").message).toBe(
      "m.pls:3: construct Z is in no structural path",
    );
  });
  test("a cycle names its constructs and a line", () => {
    const e = modelError("X =~ a1\nY =~ b1\nW =~ c1\nY ~ X\nW ~ Y\nX ~ W\n");
    expect(e.code).toBe("E_PLS_CYCLE");
    expect(e.message).toBe("m.pls:6: the structural model has a cycle X -> Y -> W -> X; PLS needs a recursive model");
  });
  test("a dimension of a higher-order construct in a path", () => {
    expect(modelError("H <~ A + B\nA =~ a1\nB =~ b1\nY =~ y1\nY ~ H + A\n").message).toMatch(
      /A is a dimension of a higher-order construct and cannot be in a path too/,
    );
  });
});
