/**
 * Model elements that make a variable measure or predict itself (src/sem/partable/loops.ts):
 * refused when the model is flattened, naming file, line and column; models that only look alike
 * (a higher-order factor, a nonrecursive pair of regressions, a loop with a nonsingular fixed
 * (I - B)) pass. lavaan 0.6.14's behaviour for each case is in the comments (run with Rscript).
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/sem/messages.js";
import { flatten } from "../../../src/sem/partable/flatten.js";
import { buildParameterTable, checkLatentColumns, observedVariables } from "../../../src/sem/partable/build.js";
import { parseModel } from "../../../src/sem/syntax/index.js";

const parse = (text: string) => parseModel(text, { file: "m.lav" });

const OPTIONS = { stdLv: false, meanstructure: false, growth: false, fixedX: true, groupEqual: [] };

/**
 * The message of the InputError that flattening `text` (and, with `groups`, building its
 * parameter table) throws; "" when it does not throw.
 */
function refusal(text: string, groups?: string[], stdLv = false): string {
  try {
    const syntax = parse(text);
    flatten(syntax);
    if (groups) buildParameterTable({ syntax, options: { ...OPTIONS, stdLv }, groupLabels: groups });
    return "";
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
}

describe("a factor among its own indicators", () => {
  it("f =~ f (lavaan: latent variable `f' can not be measured by itself), at its column", () => {
    expect(refusal("f =~ x1 + f + x2")).toBe(
      "m.lav:1:11: 'f =~ f': latent variable 'f' cannot be measured by itself " +
        "(a factor cannot be among its own indicators)",
    );
  });

  it("named like an observed variable and used by a higher-order factor", () => {
    const text = "x1 =~ x1 + x2 + x3\nt =~ x4 + x5 + x6\ng =~ x1 + t";
    expect(refusal(text)).toMatch(/^m\.lav:1:7: 'x1 =~ x1': latent variable 'x1' cannot be measured by itself/);
  });

  it("on a later line of a multi-line formula, with a modifier: that line and column", () => {
    expect(refusal("f =~ x1 + x2 +\n  0.5*f")).toMatch(/^m\.lav:2:7: 'f =~ f'/);
  });

  it("through a cycle of two or three factors, listing the cycle in order", () => {
    expect(refusal("a =~ b + x1\nb =~ a + x2")).toBe(
      "m.lav:2:6: 'b =~ a': the factors measure each other in a cycle " +
        "('a =~ b' on line 1, 'b =~ a' on line 2), so 'a' would be among its own indicators",
    );
    expect(refusal("a =~ x1 + b\nb =~ x2 + c\nc =~ x3 + a\nd =~ x4 + a")).toMatch(
      /^m\.lav:3:11: 'c =~ a': .*\('a =~ b' on line 1, 'b =~ c' on line 2, 'c =~ a' on line 3\), so 'a'/,
    );
  });

  it("also through observedVariables and the parameter table (diagram, fit)", () => {
    const syntax = parse("f =~ g\ng =~ f");
    expect(() => observedVariables(syntax)).toThrow(/the factors measure each other in a cycle/);
    expect(() => buildParameterTable({ syntax, options: OPTIONS, groupLabels: ["1"] })).toThrow(/in a cycle/);
  });

  it("a higher-order factor (a factor measured by factors) is no cycle", () => {
    expect(refusal("a =~ x1 + x2\nb =~ x3 + x4\ng =~ a + b\nh =~ g + a")).toBe("");
  });
});

describe("a variable regressed on itself", () => {
  it("y ~ y (lavaan warns 'lhs and rhs are the same', then fits a model with no meaning)", () => {
    expect(refusal("y ~ x + y")).toBe("m.lav:1:9: 'y ~ y': a variable cannot be regressed on itself");
  });

  it("y ~~ y (a variance) and y ~ 1 (an intercept) are no self-reference", () => {
    expect(refusal("y ~ x\ny ~~ y\ny ~ 1")).toBe("");
  });
});

describe("feedback loops that make (I - B) singular (lavaan: estimation FAILED, singular system)", () => {
  const one = ["1"];

  it("free coefficients (a nonrecursive model, regressions start at 0): accepted", () => {
    expect(refusal("y1 ~ y2 + x1\ny2 ~ y1 + x2", one)).toBe("");
  });

  it("fixed so that det(I - B) = 1 - 1*1 = 0: refused when the table is built, naming the loop", () => {
    expect(refusal("y1 ~ 1*y2 + x1\ny2 ~ 1*y1 + x2")).toBe("");
    expect(refusal("y1 ~ 1*y2 + x1\ny2 ~ 1*y1 + x2", one)).toBe(
      "m.lav:2:8: the fixed coefficients of a feedback loop ('y1 ~ 1*y2' on line 1, 'y2 ~ 1*y1' on line 2) " +
        "make (I - B) singular: no covariance matrix follows from the model; free or change one of them",
    );
  });

  it("three variables, 2 * 0.25 * 2 = 1 around the loop: det(I - B) = 1 - 1 = 0, refused", () => {
    expect(refusal("a ~ 2*b\nb ~ 0.25*c\nc ~ 2*a", one)).toMatch(/feedback loop .* make \(I - B\) singular:/);
  });

  it("det(I - B) = 1 - 0.25 = 0.75, or a free regression in the loop (start 0): accepted", () => {
    expect(refusal("y1 ~ 0.5*y2\ny2 ~ 0.5*y1", one)).toBe("");
    expect(refusal("y1 ~ 1*y2\ny2 ~ y1", one)).toBe("");
  });

  it("singular in one group only: refused naming that group", () => {
    expect(refusal("y1 ~ c(0.5, 1)*y2\ny2 ~ 1*y1", ["a", "b"])).toMatch(/singular in group b:/);
  });

  it("a factor's default first loading 1 on a factor closes a loop with `~ 1*`", () => {
    const text = "f =~ g + x1 + x2\ng =~ x3 + x4\nf ~ 1*g";
    expect(refusal(text, one)).toMatch(
      /^m\.lav:3:7: the fixed coefficients of a feedback loop \('f =~ 1\*g' on line 1/,
    );
  });

  it("a free loading of a factor on a factor starts at 1: singular at the start values, refused", () => {
    const text = "f =~ g + x1 + x2\ng =~ x3 + x4\nf ~ 1*g";
    expect(refusal(text, one, true)).toMatch(
      new RegExp(
        "^m\\.lav:3:7: the feedback loop \\('f =~ start\\(1\\)\\*g' on line 1, 'f ~ 1\\*g' on line 3\\) " +
          "makes \\(I - B\\) singular at the start values",
      ),
    );
    expect(refusal("f =~ x1 + x2 + start(0.5)*g\ng =~ x3 + x4\nf ~ 1*g", one)).toBe("");
  });
});

describe("a latent variable named like a column of the data", () => {
  it("refused naming the line (lavaan: latent variable names collide with observed variable names)", () => {
    const syntax = parse("v =~ x2 + x3\nx1 =~ x4 + x5 + x6");
    expect(() => checkLatentColumns(syntax, ["x1", "x2", "x3", "x4", "x5", "x6"])).toThrow(
      /^m\.lav:2: latent variable 'x1' has the name of a column of the data/,
    );
    expect(() => checkLatentColumns(syntax, ["x2", "x3", "x4", "x5", "x6"])).not.toThrow();
  });
});
