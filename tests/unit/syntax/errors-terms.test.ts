/** Syntax errors in terms: parentheses, numbers, names, modifiers and intercepts. */
import { describe, it } from "vitest";
import { check } from "./helpers.js";

describe("parentheses, numbers, names and modifiers", () => {
  it("rejects unbalanced parentheses", () => {
    check([
      [
        "f =~ c(1, NA*x1 + x2\ng =~ x3",
        "model.lav:1:7: unbalanced parentheses: '(' is not closed",
        "f =~ c(1, NA*x1 + x2",
        7,
      ],
      ["f =~ x1)", "model.lav:1:8: unbalanced parentheses: ')' has no matching '('", "f =~ x1)", 8],
      [
        "f =~ start(1*x1; g =~ x2",
        "model.lav:1:11: unbalanced parentheses: '(' is not closed",
        "f =~ start(1*x1; g =~ x2",
        11,
      ],
    ]);
  });

  it("rejects bad numbers and invalid names", () => {
    check([
      ["f =~ 1.2.3*x1", "model.lav:1:6: bad number '1.2.3'", "f =~ 1.2.3*x1", 6],
      ["f =~ 1e*x1", "model.lav:1:6: bad number '1e'", "f =~ 1e*x1", 6],
      ["f =~ x1 + 2x", "model.lav:1:11: invalid name '2x': a name must not start with a digit", "f =~ x1 + 2x", 11],
      ["NA =~ x1", "model.lav:1:1: expected a variable name before '=~', found 'NA'", "NA =~ x1", 1],
      ["f =~ x$1", "model.lav:1:7: unexpected character '$'", "f =~ x$1", 7],
      [
        'f =~ label("a b")*x1',
        `model.lav:1:12: invalid label "a b": a label is a name ` +
          `(letters, digits, '.' and '_', not starting with a digit)`,
        'f =~ label("a b")*x1',
        12,
      ],
      ['f =~ label("x1*x2', 'model.lav:1:12: unterminated string: no closing "', 'f =~ label("x1*x2', 12],
    ]);
  });

  it("rejects misused modifiers", () => {
    check([
      ["f =~ 1*2*x1", "model.lav:1:8: more than one fixed value for 'x1'", "f =~ 1*2*x1", 8],
      ["f =~ a*b*x1", "model.lav:1:8: more than one label for 'x1'", "f =~ a*b*x1", 8],
      ["f =~ 0.5?start(1)*x1", "model.lav:1:10: more than one start value for 'x1'", "f =~ 0.5?start(1)*x1", 10],
      [
        "f =~ c(1,2)*c(a,b,c)*x1",
        "model.lav:1:13: modifiers of 'x1' give 2 and 3 values (one per group)",
        "f =~ c(1,2)*c(a,b,c)*x1",
        13,
      ],
      ["f =~ c(1, a)*x1", "model.lav:1:6: c() mixes numbers and labels: 'c(1,a)'", "f =~ c(1, a)*x1", 6],
      ["f =~ a?x1", "model.lav:1:7: '?' must follow a start value, not 'a'", "f =~ a?x1", 7],
      ["f =~ foo(1)*x1", "model.lav:1:6: unknown modifier 'foo()'", "f =~ foo(1)*x1", 6],
      ["f =~ lower(0)*x1", "model.lav:1:6: modifier 'lower()' is not supported", "f =~ lower(0)*x1", 6],
      ["f =~ start(a)*x1", "model.lav:1:6: start() needs one number or c() of numbers", "f =~ start(a)*x1", 6],
      [
        "f =~ start(1)",
        "model.lav:1:6: modifier 'start(1)' must be followed by '*' and a variable name",
        "f =~ start(1)",
        6,
      ],
      ['f =~ "a"*x1', `model.lav:1:6: a quoted label must be written label("a")`, 'f =~ "a"*x1', 6],
      ["f =~ -x1", "model.lav:1:7: expected a number after '-', found 'x1'", "f =~ -x1", 7],
    ]);
  });

  it("rejects a misplaced intercept or a non-variable term", () => {
    check([
      ["f =~ 1", "model.lav:1:6: expected a variable name, found '1'", "f =~ 1", 6],
      ["x ~~ NA", "model.lav:1:6: expected a variable name, found 'NA'", "x ~~ NA", 6],
      ["y ~ 2", "model.lav:1:5: expected a variable name or 1 (intercept), found '2'", "y ~ 2", 5],
      ["y ~ 1 + x + 0*1", "model.lav:1:15: the intercept '1' is given twice", "y ~ 1 + x + 0*1", 15],
      ["y ~ x - z", "model.lav:1:7: expected '+' or the end of the statement, found '-'", "y ~ x - z", 7],
      ["f g =~ x", "model.lav:1:3: expected '+' or '=~', found 'g'", "f g =~ x", 3],
    ]);
  });
});

describe("errors that hide behind unbalanced parentheses", () => {
  it("reports an unterminated string rather than the '(' it leaves open", () => {
    check([['f =~ label("x1*x2', 'model.lav:1:12: unterminated string: no closing "', 'f =~ label("x1*x2', 12]]);
  });

  it("reports an unclosed '(' rather than a bad token on a later line", () => {
    check([["f =~ c(1, x1\ng =~ x$2", "model.lav:1:7: unbalanced parentheses: '(' is not closed", "f =~ c(1, x1", 7]]);
  });
});
