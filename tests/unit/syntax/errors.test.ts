/** Syntax errors: the one-line message, the position and the caret excerpt. */
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/sem/messages.js";
import { formatSyntaxError, ModelSyntaxError, parseModel } from "../../../src/sem/syntax/index.js";
import { check, expectError, syntaxError } from "./helpers.js";

describe("error details", () => {
  it("carries file, line, column, reason, source line, caret and detail", () => {
    const err = syntaxError("visual  =~ x1 + x2 + x3\ntextual =~ x4 + + x5\nspeed =~ x7");
    expect(err).toBeInstanceOf(InputError);
    expect(err.code).toBe("E_SYNTAX");
    expect(err.message).toBe("model.lav:2:17: expected a variable name after '+', found '+'");
    expect(err.message).not.toContain("\n");
    expect(err.file).toBe("model.lav");
    expect([err.line, err.column]).toEqual([2, 17]);
    expect(err.reason).toBe("expected a variable name after '+', found '+'");
    expect(err.sourceLine).toBe("textual =~ x4 + + x5");
    expect(err.caret).toBe("                ^");
    expect(err.detail).toBe("textual =~ x4 + + x5\n                ^");
    expect(formatSyntaxError(err)).toBe(
      [
        "model.lav:2:17: expected a variable name after '+', found '+'",
        "textual =~ x4 + + x5",
        "                ^",
      ].join("\n"),
    );
  });

  it("uses <model> when no file is given", () => {
    expect(() => parseModel("f =~")).toThrow("<model>:1:3: missing right-hand side after '=~'");
  });

  it("keeps tabs in the caret line so that it lines up", () => {
    expectError("f =~\tx1 +\t@", "model.lav:1:11: unexpected character '@'", "f =~\tx1 +\t@", "    \t    \t^");
  });

  it("counts lines and columns after a byte-order mark and CRLF", () => {
    check([
      [
        "\uFEFFf =~ x1\r\ng =~ + x2\r\n",
        "model.lav:2:6: expected a variable name after '=~', found '+'",
        "g =~ + x2",
        6,
      ],
    ]);
  });

  it("reports the first error in source order", () => {
    const err = syntaxError("f =~ x1\ng =~ x2 x3\nh =~ @");
    expect([err.line, err.column, err.reason]).toEqual([2, 9, "expected '+' or the end of the statement, found 'x3'"]);
  });
});

describe("the empty model", () => {
  it.each(["", "   \n\n", "# only a comment\r\n! another\n", ";;\n;"])("rejects %j", (text) => {
    let caught: unknown;
    try {
      parseModel(text, { file: "model.lav" });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect(caught).not.toBeInstanceOf(ModelSyntaxError);
    const err = caught as InputError;
    expect(err.code).toBe("E_SYNTAX");
    expect(err.message).toBe("model.lav: the model has no statements");
    expect(formatSyntaxError(err)).toBe("model.lav: the model has no statements");
  });
});

describe("operators", () => {
  it("rejects unknown and unsupported operators", () => {
    const expected = "(expected =~, ~, ~~, :=, ==, < or >)";
    check([
      ["x = y", `model.lav:1:3: unknown operator '=' ${expected}`, "x = y", 3],
      ["x =~~ y", `model.lav:1:3: unknown operator '=~~' ${expected}`, "x =~~ y", 3],
      ["a <= b", `model.lav:1:3: unknown operator '<=' ${expected}`, "a <= b", 3],
      ["f <~ x1", "model.lav:1:3: operator '<~' (composite) is not supported", "f <~ x1", 3],
      ["u | x1", "model.lav:1:5: a threshold is named t1, t2, ... (lavaan's names), not 'x1'", "u | x1", 5],
      ["u ~*~ v", "model.lav:1:7: a scale factor is written 'u ~*~ u'", "u ~*~ v", 7],
      ["group: 1", "model.lav:1:6: operator ':' (group or level block) is not supported", "group: 1", 6],
    ]);
  });

  it("rejects a statement without an operator", () => {
    check([
      [
        "f =~ x1 + x2\n  x3 + x4",
        "model.lav:2:3: no operator in 'x3 + x4' (expected =~, ~, ~~, :=, ==, < or >)",
        "  x3 + x4",
        3,
      ],
    ]);
  });

  it("rejects two operators in one statement", () => {
    check([
      [
        "a =~ b ~ c",
        "model.lav:1:8: unexpected second operator '~' (one statement per line, or separate them with ';')",
        "a =~ b ~ c",
        8,
      ],
      [
        "f =~ x1 +\ng =~ y1",
        "model.lav:1:9: '+' at the end of the line leaves the statement unfinished, but the next line starts a new one",
        "f =~ x1 +",
        9,
      ],
      [
        "f =~\ng =~ y1",
        "model.lav:1:3: missing right-hand side after '=~' (the next line starts a new statement)",
        "f =~",
        3,
      ],
    ]);
  });
});

describe("missing sides and dangling parts", () => {
  it("rejects a missing left or right side", () => {
    check([
      ["=~ x1 + x2", "model.lav:1:1: missing left-hand side before '=~'", "=~ x1 + x2", 1],
      ["f =~ x1\ny2 ~~", "model.lav:2:4: missing right-hand side after '~~'", "y2 ~~", 4],
      ["y ~ ;", "model.lav:1:3: missing right-hand side after '~'", "y ~ ;", 3],
      ["== b", "model.lav:1:1: missing left-hand side before '=='", "== b", 1],
      ["a >", "model.lav:1:3: missing right-hand side after '>'", "a >", 3],
    ]);
  });

  it("rejects a dangling '+' and a modifier without a variable", () => {
    check([
      ["f =~ x1 +", "model.lav:1:9: expected a variable name after '+'", "f =~ x1 +", 9],
      ["f =~ x1 + ; g =~ x2", "model.lav:1:9: expected a variable name after '+'", "f =~ x1 + ; g =~ x2", 9],
      ["x =~ 1*", "model.lav:1:7: expected a variable name after modifier '1*'", "x =~ 1*", 7],
      [
        "x =~ a*start(1)*",
        "model.lav:1:16: expected a variable name after modifier 'start(1)*'",
        "x =~ a*start(1)*",
        16,
      ],
      ["f1 + =~ x", "model.lav:1:6: expected a variable name after '+', found '=~'", "f1 + =~ x", 6],
    ]);
  });

  it("rejects a definition without name or expression", () => {
    check([
      ["d :=", "model.lav:1:3: the definition of 'd' has no expression after ':='", "d :=", 3],
      [":= a*b", "model.lav:1:1: missing parameter name before ':='", ":= a*b", 1],
      ["a b := c", "model.lav:1:3: expected ':=' after 'a', found 'b'", "a b := c", 3],
    ]);
  });

  it("rejects malformed expressions", () => {
    check([
      ["d := a*", "model.lav:1:7: expected a number, a name or '(' after '*'", "d := a*", 7],
      [
        "d := a b",
        "model.lav:1:8: expected an arithmetic operator or the end of the statement, found 'b'",
        "d := a b",
        8,
      ],
      ["a + == b", "model.lav:1:5: expected a number, a name or '(' after '+', found '=='", "a + == b", 5],
      ["d := f(a b)", "model.lav:1:10: expected ',' or ')' after 'a', found 'b'", "d := f(a b)", 10],
    ]);
  });
});
