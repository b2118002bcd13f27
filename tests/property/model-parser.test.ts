/**
 * Property tests of the model parser and the parameter table (fast-check): random and mutated
 * model texts, starting from the bundled models and mutating characters and tokens (operators,
 * numbers such as 1e400, NaN and Inf, quotes, parentheses, unicode, control characters), end in
 * one of two ways only:
 * - a parameter table whose fixed values are finite, with no label named Inf or NaN unless
 *   quoted (unquoted, they are R's constants), and whose definitions compile and evaluate; or
 * - an InputError: from the parser a ModelSyntaxError (code E_SYNTAX) whose line and column point
 *   into the text, or the one positionless E_SYNTAX ("no statements"); from the table an E_MODEL.
 * Every message is one line. Nothing else is thrown. The runs are bounded by vitest's timeout:
 * a parser that hangs fails the test.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileDefinitions } from "../../src/sem/inference/defined.js";
import { InputError } from "../../src/sem/messages.js";
import { buildParameterTable } from "../../src/sem/partable/build.js";
import type { ModelOptions, ParameterTable } from "../../src/sem/partable/types.js";
import { ModelSyntaxError, parseModel, type ModelSyntax } from "../../src/sem/syntax/index.js";

const ROOT = path.resolve(__dirname, "../..");

function lavFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? lavFiles(p) : e.name.endsWith(".lav") ? [p] : [];
  });
}

/** The bundled models, and models of the reference cases with modifiers, constraints and :=. */
const SEEDS = [
  ...lavFiles(path.join(ROOT, "datasets")),
  path.join(ROOT, "tests/fixtures/extra/hs-labels-constraints/model.lav"),
  path.join(ROOT, "tests/parity/lavaan-0.6.14/pd-sem-indirect/model.lav"),
  path.join(ROOT, "tests/unit/syntax/defined/model.lav"),
].map((p) => fs.readFileSync(p, "utf8"));

const TOKENS = [
  "=~", "~", "~~", ":=", "==", "<", ">", "<~", "~*~", "|", ":", "*", "+", "-", "/", "^", "?", "(", ")",
  ",", ";", "\n", "\r\n", "\r", "#", "!", " ", "\t", "1", "0", "-1", "0.5", ".5", "1e400", "-1e400", "1e-400",
  "1e", "1.2.3", "NaN", "Inf", "-Inf", "NA", "c(", "start(", "label(", "equal(", "lower(", '"', "'", '"a"',
  "exp(", "log(", "unknownfn(", "a", "b", "x1", "f", "d1", "é", "Ω", "\u202e", "\u0000", "\ufeff", "\u00a0",
  "😀", "1*", "NA*", "a*", "c(1,NA)*", "c(a,b)*", "start(1)*", "0.3?", "group: 1",
]; // prettier-ignore

const token = fc.constantFrom(...TOKENS);
const char = fc.oneof(fc.string({ minLength: 1, maxLength: 1, unit: "binary" }), fc.constantFrom(..."=~:*+-()^/,."));

type Mutation = (text: string) => string;
const at = (n: number, len: number): number => (len === 0 ? 0 : n % (len + 1));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), token).map(
    ([n, t]) =>
      (s: string) =>
        s.slice(0, at(n, s.length)) + t + s.slice(at(n, s.length)),
  ),
  fc.tuple(fc.nat(), char).map(
    ([n, c]) =>
      (s: string) =>
        s.slice(0, at(n, s.length)) + c + s.slice(at(n, s.length)),
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 8 })).map(([n, k]) => (s: string) => {
    const i = at(n, s.length);
    return s.slice(0, i) + s.slice(i + k);
  }),
  fc.tuple(fc.nat(), token).map(([n, t]) => (s: string) => {
    const i = at(n, s.length);
    return s.slice(0, i) + t + s.slice(i + 1);
  }),
  fc.nat().map((n) => (s: string) => {
    const lines = s.split("\n");
    const i = n % lines.length;
    return [...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)].join("\n");
  }),
);

const mutated = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([seed, ms]) => ms.reduce((s, m) => m(s), seed));
const random = fc.array(fc.oneof(token, char, token), { maxLength: 40 }).map((ts) => ts.join(""));
const MODIFIERS = fc.constantFrom(
  "",
  "a*",
  "b*",
  "1*",
  "NA*",
  "0.5*",
  "start(1)*",
  "Inf*",
  "NaN*",
  "1e400*",
  "c(1,2)*",
);
const TARGETS = fc.constantFrom("x1", "x2", "x3", "f", "g", "y", "1", "a", "b", "a*b", "exp(a)", "d1", "d2+a");
/** Statements assembled from pieces, most of them valid: reach the table builder often. */
const statement = fc
  .tuple(
    fc.constantFrom("f", "g", "x1", "y", "a", "d1"),
    fc.constantFrom("=~", "~", "~~", ":=", "=="),
    fc.array(fc.tuple(MODIFIERS, TARGETS), { minLength: 1, maxLength: 4 }),
  )
  .map(([lhs, op, terms]) => `${lhs} ${op} ${terms.map(([m, t]) => m + t).join(" + ")}`);
const assembled = fc
  .array(statement, { minLength: 1, maxLength: 3 })
  .map((ss) => `f =~ x1 + a*x2 + b*x3\n${ss.join("\n")}`);

const OPTIONS: ModelOptions = { stdLv: false, meanstructure: false, growth: false, fixedX: true, groupEqual: [] };

/** Parses; returns the syntax or checks the error and returns null. Anything else is rethrown. */
function parsed(text: string): ModelSyntax | null {
  try {
    return parseModel(text, { file: "m.lav" });
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const err = e as InputError;
    expect(err.code).toBe("E_SYNTAX");
    expect(err.message).not.toMatch(/[\r\n]/);
    if (err instanceof ModelSyntaxError) {
      const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
      expect(err.line).toBeGreaterThanOrEqual(1);
      expect(err.line).toBeLessThanOrEqual(lines.length);
      expect(err.column).toBeGreaterThanOrEqual(1);
      expect(err.column).toBeLessThanOrEqual(Array.from(lines[err.line - 1]!).length + 1);
      expect(err.message.startsWith(`m.lav:${err.line}:${err.column}: `)).toBe(true);
    } else {
      expect(err.message).toBe("m.lav: the model has no statements");
    }
    return null;
  }
}

/** Builds the table (one group, or two with equal loadings); checks the table or the error. */
function built(syntax: ModelSyntax, groups: string[], text: string): ParameterTable | null {
  let table: ParameterTable;
  try {
    table = buildParameterTable({
      syntax,
      options: { ...OPTIONS, groupEqual: groups.length > 1 ? ["loadings"] : [] },
      groupLabels: groups,
    });
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe("E_MODEL");
    expect((e as InputError).message).not.toMatch(/[\r\n]/);
    return null;
  }
  for (const r of table.rows) {
    // R's constants are values, never labels, unless quoted: label("Inf")
    if (r.label === "Inf" || r.label === "NaN") expect(text).toMatch(new RegExp(`["']${r.label}["']`));
    if (r.op === ":=" || r.op === "==") continue;
    if (r.free === 0 && !r.exo) expect(Number.isFinite(r.value), `${r.lhs} ${r.op} ${r.rhs}`).toBe(true);
    expect(r.free).toBeGreaterThanOrEqual(0);
    expect(r.free).toBeLessThanOrEqual(table.nfree);
  }
  const defs = table.rows.filter((r) => r.op === ":=");
  if (defs.length > 0) {
    const labels = new Set(table.rows.filter((r) => r.label !== "").map((r) => r.label));
    const f = compileDefinitions(
      defs.map((r) => ({ name: r.lhs, expression: r.rhs })),
      labels,
    );
    const scope = Object.fromEntries([...labels].map((l, i) => [l, 0.5 + i / 10]));
    expect(f(scope)).toHaveLength(defs.length);
    expect(f.withJacobian(scope).jacobian).toHaveLength(defs.length * f.inputs.length);
  }
  return table;
}

function check(text: string): void {
  const syntax = parsed(text);
  if (syntax === null) return;
  built(syntax, ["1"], text);
  built(syntax, ["g1", "g2"], text);
}

describe("model parser and parameter table on random and mutated models", () => {
  it("the seed models themselves build tables", () => {
    expect(SEEDS.length).toBeGreaterThanOrEqual(8);
    for (const s of SEEDS) expect(built(parseModel(s), ["1"], s)).not.toBeNull();
  });

  it("mutated bundled models: a table or an InputError with a position, nothing else", () => {
    fc.assert(fc.property(mutated, check), { numRuns: 1000, seed: 20261206 });
  });

  it("random token soup: a table or an InputError with a position, nothing else", () => {
    fc.assert(fc.property(random, check), { numRuns: 1500, seed: 7 });
  });

  it("assembled statements (most of them valid): a table or an InputError", () => {
    let tables = 0;
    fc.assert(
      fc.property(assembled, (text) => {
        check(text);
        const s = parsed(text);
        if (s !== null && built(s, ["1"], text) !== null) tables++;
      }),
      { numRuns: 800, seed: 11 },
    );
    // the generator reaches the table builder, not only the parser
    expect(tables).toBeGreaterThan(40);
  });
});
