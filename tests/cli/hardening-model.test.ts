/**
 * Model texts that used to crash (exit 3), be read silently as something else, or give a blank
 * number without a word: each is now one clear line naming the model line (exit 2, nothing on
 * stdout), a warning, or a working fit. One test per class.
 */
import { describe, expect, it } from "vitest";
import { expectBadInput, tmpWriter } from "./expect-bad.js";
import { run } from "./run.js";

const DATA = "tests/parity/lavaan-0.6.14/hs-cfa-ml/data.csv";
const BASE = "visual =~ x1 + a*x2 + b*x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n";
const tmp = tmpWriter("isrs-model-");
/** A model file: the three-factor HS model (lines 1-3, labels a and b), then `extra` from line 4. */
const model = (name: string, extra: string): string => tmp.file(`${name}.lav`, `${BASE}${extra}\n`);

/** A syntax error: exit 2, nothing on stdout, the message, the source line and a caret. */
async function expectSyntaxError(args: string[], message: RegExp, source: string): Promise<void> {
  const r = await run(...args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatch(message);
  expect(lines[1]).toBe(source);
  expect(lines[2]).toMatch(/^ *\^$/);
}

async function fitJson(file: string): Promise<{ code: number; json: FitJson }> {
  const r = await run("fit", DATA, "--model", file, "--format", "json");
  expect(r.stderr).toBe("");
  return { code: r.code, json: JSON.parse(r.stdout) as FitJson };
}

interface FitJson {
  parameters: { lhs: string; op: string; rhs: string; est: number | null; se: number | null }[];
  warnings: { code: string; message: string }[];
}

const defined = (j: FitJson, name: string) => j.parameters.find((p) => p.op === ":=" && p.lhs === name)!;
const label = (j: FitJson, rhs: string) => j.parameters.find((p) => p.op === "=~" && p.rhs === rhs)!.est!;

describe("defined parameters (:=)", () => {
  it("circular definitions: exit 2 naming the line and the cycle", async () => {
    const m = model("circular", "d1 := d2 + a\nd2 := d1 + b");
    await expectBadInput(["fit", DATA, "--model", m], /circular\.lav:4: .*'d1 := d2\+a'.*d1 uses d2, which uses d1/);
  });

  it("a definition that refers to itself: exit 2", async () => {
    const m = model("self", "d := d + a");
    await expectBadInput(
      ["fit", DATA, "--model", m],
      /self\.lav:4: defined parameter 'd := d\+a': 'd' refers to itself/,
    );
  });

  it("an unknown function: exit 2 at its column, listing the known functions", async () => {
    const m = model("unknownfn", "d := unknownfn(a)");
    const message = /unknownfn\.lav:4:6: unknown function 'unknownfn\(\)' \(known: exp, log, .*pnorm/;
    await expectSyntaxError(["fit", DATA, "--model", m], message, "d := unknownfn(a)");
  });

  it("a forward reference is evaluated in dependency order, as written in order", async () => {
    const forward = await fitJson(model("forward", "total := ind + b\nind := a*b"));
    const inOrder = await fitJson(model("in-order", "ind := a*b\ntotal := ind + b"));
    expect(forward.code).toBe(0);
    const [a, b] = [label(forward.json, "x2"), label(forward.json, "x3")];
    expect(defined(forward.json, "ind").est).toBeCloseTo(a * b, 12);
    expect(defined(forward.json, "total").est).toBeCloseTo(a * b + b, 12);
    expect(defined(forward.json, "total")).toEqual(defined(inOrder.json, "total"));
    expect(defined(forward.json, "total").se).toBeGreaterThan(0);
  });

  it("an unknown label: exit 2 naming the model line and the labels there are", async () => {
    const m = model("unknownlabel", "d1 := zz + a");
    await expectBadInput(
      ["fit", DATA, "--model", m],
      /unknownlabel\.lav:4: .*'zz' is neither a label .*\(labels: a, b\)/,
    );
  });

  it("division by zero: a warning naming the definition, the estimate left blank", async () => {
    const { code, json } = await fitJson(model("divzero", "d1 := a/0\nd2 := a/(b-b)"));
    expect(code).toBe(0);
    expect(defined(json, "d1").est).toBeNull();
    const found = json.warnings.filter((w) => w.code === "W_DEFINED_NOT_FINITE").map((w) => w.message);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/'d1 := a\/0' evaluates to Inf \(a division by zero\?\)/);
    expect(found[1]).toMatch(/'d2 := a\/\(b-b\)' evaluates to (-?Inf|NaN)/);
  });

  it("a defined name that already labels a parameter: exit 2", async () => {
    const m = model("relabel", "a := b*2");
    await expectBadInput(["fit", DATA, "--model", m], /relabel\.lav:4: .*'a' is already the label of a parameter/);
  });
});

describe("values that are not finite numbers", () => {
  const cases: [string, string, RegExp][] = [
    ["Inf*x2", "Inf", /'Inf' is infinite: a fixed value must be a finite number/],
    ["NaN*x2", "NaN", /'NaN' is not a number: .*write NA to leave a parameter free/],
    ["1e400*x2", "big", /number '1e400' is out of range/],
  ];
  for (const [term, name, message] of cases) {
    it(`${term}: exit 2 at line 4, column 12 (never a label, never a fit)`, async () => {
      const text = `f2 =~ x1 + ${term} + x3`;
      const m = model(`value-${name}`, text);
      const at = new RegExp(`value-${name}\\.lav:4:12: ${message.source}`);
      await expectSyntaxError(["fit", DATA, "--model", m], at, text);
    });
  }

  it("1e400*x2 through isrs diagram --data: the same error", async () => {
    const text = "f2 =~ x1 + 1e400*x2 + x3";
    const m = model("diagram-big", text);
    await expectSyntaxError(["diagram", "--model", m, "--data", DATA], /diagram-big\.lav:4:12: number '1e400'/, text);
  });
});

describe("the same element written twice", () => {
  it("with the same modifiers: ignored with a warning naming both lines (lavaan warns too)", async () => {
    const { code, json } = await fitJson(model("dup-same", "x1 ~~ x4\nx4 ~~ x1"));
    expect(code).toBe(0);
    expect(json.parameters.filter((p) => p.op === "~~" && p.lhs !== p.rhs && p.rhs === "x4")).toHaveLength(1);
    const w = json.warnings.find((x) => x.code === "W_DUPLICATE_ELEMENT");
    expect(w?.message).toMatch(/dup-same\.lav:5:7: duplicated element 'x4 ~~ x1' ignored \(already on line 4/);
  });

  it("with different modifiers: exit 2 (lavaan: duplicate model element)", async () => {
    const m = model("dup-diff", "x1 ~~ x4\nx4 ~~ 0.3*x1");
    await expectBadInput(["fit", DATA, "--model", m], /dup-diff\.lav:5:11: duplicate model element 'x4 ~~ 0\.3\*x1'/);
  });

  it("within one formula: f =~ x1 + 0.5*x1 is refused, not merged", async () => {
    const m = model("dup-formula", "f2 =~ x1 + 0.5*x1 + x2 + x3");
    await expectBadInput(
      ["fit", DATA, "--model", m],
      /dup-formula\.lav:4:16: duplicate model element 'f2 =~ 0\.5\*x1'/,
    );
  });
});

describe("a variable that measures or predicts itself", () => {
  const selfMeasured = /latent variable 'x1' cannot be measured by itself/;

  it("the second-order model with `visual` renamed `x1` (x1 =~ x1 + ...): exit 2 naming line 1", async () => {
    // lavaan 0.6.14 stops too: "latent variable `x1' can not be measured by itself"
    const text = "x1 =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\ng =~ x1 + textual + speed\n";
    const m = tmp.file("renamed-x1.lav", text);
    const at = new RegExp(`renamed-x1\\.lav:1:7: 'x1 =~ x1': ${selfMeasured.source}`);
    await expectBadInput(["fit", DATA, "--model", m], at);
    await expectBadInput(["fit", DATA, "--model", m, "--group", "school"], at);
    await expectBadInput(["fit", DATA, "--model", m, "--std-lv"], at);
  });

  it("f =~ f + x1: exit 2 for fit and for diagram (without data)", async () => {
    const m = model("self-f", "f =~ x2 + f + x1");
    const at = /self-f\.lav:4:11: 'f =~ f': latent variable 'f' cannot be measured by itself/;
    await expectBadInput(["fit", DATA, "--model", m], at);
    await expectBadInput(["diagram", "--model", m], at);
  });

  it("two factors measuring each other: exit 2 naming both elements (lavaan fails on a singular matrix)", async () => {
    const m = model("cycle2", "f =~ g + x1 + x2\ng =~ f + x3 + x4");
    await expectBadInput(
      ["fit", DATA, "--model", m],
      /cycle2\.lav:5:6: 'g =~ f': the factors measure each other in a cycle \('f =~ g' on line 4, 'g =~ f' on line 5\)/,
    );
  });

  it("a cycle of =~ through three factors, free loadings and groups: exit 2", async () => {
    const m = model("cycle3", "visual =~ textual\ntextual =~ speed\nspeed =~ visual");
    const cycle = "'visual =~ textual' on line 4, 'textual =~ speed' on line 5, 'speed =~ visual' on line 6";
    const at = new RegExp(`cycle3\\.lav:6:10: .*in a cycle \\(${cycle}\\)`);
    await expectBadInput(["fit", DATA, "--model", m, "--group", "school", "--std-lv"], at);
  });

  it("two factors measuring each other and nothing observed: the cycle, not the data, is named", async () => {
    const m = tmp.file("only-cycle.lav", "f =~ g\ng =~ f\n");
    await expectBadInput(["fit", DATA, "--model", m], /only-cycle\.lav:2:6: 'g =~ f': the factors measure each other/);
  });

  it("a latent variable named like a data column: exit 2 (lavaan: the names collide)", async () => {
    const m = tmp.file("collide.lav", "x1 =~ x2 + x3 + x4\ntextual =~ x5 + x6 + x7\n");
    await expectBadInput(
      ["fit", DATA, "--model", m],
      /collide\.lav:1: latent variable 'x1' has the name of a column of the data/,
    );
  });

  it("y ~ y: exit 2 (lavaan only warns 'lhs and rhs are the same', then fits a meaningless model)", async () => {
    await expectBadInput(
      ["fit", DATA, "--model", model("y-on-y", "x7 ~ x8\nvisual ~ visual")],
      /y-on-y\.lav:5:10: 'visual ~ visual': a variable cannot be regressed on itself/,
    );
  });

  it("a loop singular when fixed at 1* or starting at 1: exit 2; fixed at 0.5*: fitted as lavaan fits it", async () => {
    await expectBadInput(
      ["fit", DATA, "--model", model("loop-one", "visual ~ 1*textual\ntextual ~ 1*visual")],
      /loop-one\.lav:5:13: the fixed coefficients of a feedback loop \('visual ~ 1\*textual' on line 4, .*singular/,
    );
    await expectBadInput(
      ["fit", DATA, "--model", model("loop-start", "visual =~ speed\nvisual ~ 1*speed")],
      /loop-start\.lav:5:12: the feedback loop \('visual =~ start\(1\)\*speed' on line 4, .*at the start values/,
    );
    const { code, json } = await fitJson(model("loop-half", "visual ~ 0.5*textual\ntextual ~ 0.5*visual"));
    expect(code).toBe(0);
    const fit = (json as unknown as { fit: { chisq: number; df: number } }).fit;
    // lavaan 0.6.14, sem() of the same model on these data: chisq 163.17608300, df 27,
    // visual ~~ visual 0.35049243 (se 0.08421276)
    expect(fit.df).toBe(27);
    expect(fit.chisq).toBeCloseTo(163.176083, 2);
    const v = json.parameters.find((p) => p.op === "~~" && p.lhs === "visual" && p.rhs === "visual")!;
    expect(Math.abs(v.est! / 0.35049243 - 1)).toBeLessThan(1e-4);
    expect(Math.abs(v.se! / 0.08421276 - 1)).toBeLessThan(1e-3);
  });
});
