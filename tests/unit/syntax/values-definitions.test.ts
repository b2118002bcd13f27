/**
 * Values that are not finite numbers, calls of functions, the checks of defined parameters
 * and elements written twice, at the parser and parameter-table level.
 */
import { describe, expect, it } from "vitest";
import { checkDefinitions, compileDefinitions } from "../../../src/sem/inference/defined.js";
import { InputError } from "../../../src/sem/messages.js";
import { buildParameterTable } from "../../../src/sem/partable/build.js";
import { parseModel } from "../../../src/sem/syntax/index.js";
import { check, parseRows } from "./helpers.js";

const OPTIONS = { stdLv: false, meanstructure: false, growth: false, fixedX: true, groupEqual: [] } as const;
const table = (text: string) =>
  buildParameterTable({ syntax: parseModel(text, { file: "m.lav" }), options: OPTIONS, groupLabels: ["1"] });

/** The InputError message `fn` throws. */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error("no error");
}

describe("values that are not finite numbers", () => {
  it("Inf, -Inf and NaN are R's constants, refused as fixed and start values", () => {
    const inf = "'Inf' is infinite: a fixed value must be a finite number";
    const fixed = "infinite: a fixed value must be a finite number";
    const start = "a start value must be a finite number (write NA to leave a parameter free)";
    check([
      ["f =~ Inf*x1", `model.lav:1:6: ${inf}`, "f =~ Inf*x1", 6],
      ["f =~ x1 + -Inf*x2", `model.lav:1:11: '-Inf' is ${fixed}`, "f =~ x1 + -Inf*x2", 11],
      ["f =~ c(1, Inf)*x1", `model.lav:1:6: 'c(1,Inf)' is ${fixed}`, "f =~ c(1, Inf)*x1", 6],
      ["f =~ start(NaN)*x1", `model.lav:1:6: 'start(NaN)' is not a number: ${start}`, "f =~ start(NaN)*x1", 6],
      ["f =~ Inf?x1", "model.lav:1:6: 'Inf' is infinite: a start value must be a finite number", "f =~ Inf?x1", 6],
    ]);
  });

  it("a number beyond the range of a double is refused wherever it stands", () => {
    const big = (n: string) => `number '${n}' is out of range (numbers must lie within ±1.8e308)`;
    check([
      ["f =~ 1e400*x1", `model.lav:1:6: ${big("1e400")}`, "f =~ 1e400*x1", 6],
      ["d := a*2e308", `model.lav:1:8: ${big("2e308")}`, "d := a*2e308", 8],
    ]);
    // underflow is a number (0), as in R
    expect(parseRows("f =~ 1e-400*x1")).toEqual(["f =~ 0*x1"]);
  });

  it("Inf and NaN are not labels, in c() or label()", () => {
    const notLabel = "'NaN' is a number in R, not a label (a quoted label(\"NaN\") is one)";
    check([
      ["f =~ c(a, Inf)*x1", "model.lav:1:6: c() mixes numbers and labels: 'c(a,Inf)'", "f =~ c(a, Inf)*x1", 6],
      ["f =~ label(NaN)*x1", `model.lav:1:12: ${notLabel}`, "f =~ label(NaN)*x1", 12],
    ]);
  });

  it("Inf and NaN stay names where a variable stands, and as quoted labels", () => {
    expect(parseRows('f =~ label("Inf")*x1 + NaN')).toEqual(["f =~ Inf*x1 + NaN"]);
  });
});

/** Written out, not taken from the code: the documented list (docs/messages.md). */
const KNOWN =
  "exp, log, log10, log2, sqrt, abs, sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, pnorm, dnorm, min, max";

describe("calls in definitions and constraints", () => {
  it("an unknown function or a wrong number of arguments is a syntax error at the name", () => {
    check([
      ["d := unknownfn(a)", `model.lav:1:6: unknown function 'unknownfn()' (known: ${KNOWN})`, "d := unknownfn(a)", 6],
      ["d := a + exp(a, b)", "model.lav:1:10: exp() takes 1 argument, not 2", "d := a + exp(a, b)", 10],
      ["d := log()", "model.lav:1:6: log() takes 1 to 2 arguments, not 0", "d := log()", 6],
      ["d := max()", "model.lav:1:6: max() takes at least 1 argument, not 0", "d := max()", 6],
      ["a == toString(b)", `model.lav:1:6: unknown function 'toString()' (known: ${KNOWN})`, "a == toString(b)", 6],
    ]);
  });
});

describe("checks of defined parameters", () => {
  const labels = new Set(["a", "b", "c"]);
  const defs = (...texts: string[]) =>
    texts.map((t, i) => {
      const [name, expression] = t.split(":=").map((s) => s.trim());
      return { name: name!, expression: expression!, where: `m.lav:${i + 1}` };
    });

  it("a cycle through three definitions names its path, from the first definition in it", () => {
    const msg = errorOf(() => checkDefinitions(defs("x := y + a", "y := z*b", "z := x/c"), labels));
    expect(msg).toBe(
      "m.lav:1: defined parameter 'x := y + a': circular definitions: x uses y, which uses z, which uses x",
    );
  });

  it("a name defined twice, an unknown name, a relabelled parameter", () => {
    expect(errorOf(() => checkDefinitions(defs("d := a", "d := b"), labels))).toBe(
      "m.lav:2: defined parameter 'd := b': 'd' is defined twice (first at m.lav:1)",
    );
    expect(errorOf(() => checkDefinitions(defs("d := a + q"), labels))).toBe(
      "m.lav:1: defined parameter 'd := a + q': " +
        "'q' is neither a label of the model nor a defined parameter (labels: a, b, c)",
    );
    expect(errorOf(() => checkDefinitions(defs("b := a*2"), labels))).toMatch(
      /'b' is already the label of a parameter/,
    );
  });

  it("orders definitions by dependency and reports the labels they read", () => {
    const checked = checkDefinitions(defs("t := i + c", "i := a*b", "u := t - i"), labels);
    expect(checked.order).toEqual([1, 0, 2]);
    expect(checked.inputs).toEqual(["c", "a", "b"]);
    const f = compileDefinitions(defs("t := i + c", "i := a*b", "u := t - i"), labels);
    expect(f({ a: 2, b: 3, c: 5 })).toEqual([11, 6, 5]);
  });

  it("the table builder checks definitions before any fit, with the model line", () => {
    const base = "f =~ x1 + a*x2 + b*x3\n";
    expect(errorOf(() => table(`${base}d1 := d2 + a\nd2 := d1`))).toMatch(/^m\.lav:2: defined parameter 'd1 := d2\+a'/);
    expect(errorOf(() => table(`${base}d := d*a`))).toMatch(/^m\.lav:2: .*'d' refers to itself/);
    expect(table(`${base}d := b - a`).rows.at(-1)).toMatchObject({ lhs: "d", op: ":=", rhs: "b-a" });
  });
});

describe("elements written twice", () => {
  it("the same modifiers: one row and a warning; x2 ~~ x1 repeats x1 ~~ x2", () => {
    const t = table("f =~ x1 + x2 + x3 + x2\nx1 ~~ x2\nx2 ~~ x1\ny ~ 1\ny ~ 1");
    expect(t.rows.filter((r) => r.lhs === "f" && r.rhs === "x2")).toHaveLength(1);
    expect(t.warnings.map((w) => w.message)).toEqual([
      "m.lav:1:21: duplicated element 'f =~ x2' ignored (already on line 1: 'f =~ x2')",
      "m.lav:3:7: duplicated element 'x2 ~~ x1' ignored (already on line 2: 'x1 ~~ x2')",
      "m.lav:5:5: duplicated element 'y ~ 1' ignored (already on line 4: 'y ~ 1')",
    ]);
    expect(t.warnings.every((w) => w.code === "W_DUPLICATE_ELEMENT")).toBe(true);
  });

  it("different modifiers: an E_MODEL naming both", () => {
    expect(errorOf(() => table("f =~ x1 + a*x2 + x3\nf =~ b*x2"))).toBe(
      "m.lav:2:8: duplicate model element 'f =~ b*x2' (line 1: 'f =~ a*x2') " +
        "with different modifiers; write each element once",
    );
    expect(errorOf(() => table("f =~ x1 + x2 + x3\ny ~ 1\ny ~ 0*1"))).toMatch(
      /^m\.lav:3:7: duplicate model element 'y ~ 0\*1'/,
    );
  });
});
