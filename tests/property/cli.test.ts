/**
 * Property: the bundled data files and model texts, mutated (bytes, lines, cells, delimiters,
 * quotes, BOM, line ends, missing-value codes, huge numbers; model characters, tokens, lines,
 * names, added statements: tests/property/mutate.ts) and run through the CLI in process with
 * `--out` into a fresh folder, never throw out of main(), never end in exit code 3 (a bug), and
 * never leave a file behind when the exit code is 2 (bad input writes nothing). A fixed seed keeps
 * the run repeatable; the run count keeps it to a few seconds.
 */
import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caseArb, runCase, type Outcome } from "./cli-case.js";

/**
 * Classes of exit code 3 known, reported and left to the parts of the engine they belong to
 * (here: building the model); each is recognised by its input, so that any other crash
 * still fails the property. Remove an entry once its class exits 2 with a clear line.
 */
const KNOWN: readonly { what: string; test: (o: Outcome) => boolean }[] = [
  {
    // e.g. `x1 =~ x1 + x2 + x3`: a latent variable measured by itself (named like an observed one)
    what: "a factor among its own indicators",
    test: (o) =>
      /^\s*([\p{L}_.][\p{L}\p{N}_.]*)\s*=~[^\n;]*(?<![\p{L}\p{N}_.])\1(?![\p{L}\p{N}_.])/mu.test(o.modelText ?? ""),
  },
];

const MODELS = [
  "datasets/holzinger-swineford-1939/three-factor.lav",
  "datasets/holzinger-swineford-1939/second-order.lav",
  "datasets/political-democracy/indirect-effect.lav",
  "datasets/political-democracy/industrialization-democracy.lav",
  "datasets/big-five-inventory/five-factor.lav",
];

const RUNS = 120;
const SEED = 20261206;

describe("the CLI on mutated data files and model texts", () => {
  it("the known classes recognise their reproducers and nothing of the bundled models", () => {
    const known = (modelText: string): string[] =>
      KNOWN.filter((k) => k.test({ argv: [], code: 3, stdout: "", stderr: "", written: [], modelText })).map(
        (k) => k.what,
      );
    expect(known("x1  =~ x1 + x2 + x3\ng =~ x1 + textual")).toEqual([KNOWN[0]!.what]);
    expect(known("visual =~ x1 + x2 + x3\ng =~ visual + textual")).toEqual([]);
    for (const m of MODELS) expect(known(fs.readFileSync(m, "utf8")), m).toEqual([]);
  });

  it(`${RUNS} runs: exit 0, 1 or 2, never 3 nor a throw; nothing written on exit 2`, async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const o = await runCase(c);
        if (o.code === 3 && KNOWN.some((k) => k.test(o))) return;
        expect([0, 1, 2], `${o.argv.join(" ")}\n${o.stderr}`).toContain(o.code);
        if (o.code === 2) {
          expect(o.written, o.stderr).toEqual([]);
          expect(o.stdout).toBe("");
          expect(o.stderr.trim().split("\n").length, o.stderr).toBeLessThanOrEqual(3); // a syntax error adds line and caret
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
