/**
 * Property: the bundled data files and model texts, mutated (bytes, lines, cells, delimiters,
 * quotes, BOM, line ends, missing-value codes, huge numbers; model characters, tokens, lines,
 * names, added statements: tests/property/mutate.ts) and run through the CLI in process with
 * `--out` into a fresh folder, never throw out of main(), never end in exit code 3 (a bug), and
 * never leave a file behind when the exit code is 2 (bad input writes nothing). A fixed seed keeps
 * the run repeatable; the run count keeps it to a few seconds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caseArb, runCase } from "./cli-case.js";

const RUNS = 120;
const SEED = 20261206;

describe("the CLI on mutated data files and model texts", () => {
  it(`${RUNS} runs: exit 0, 1 or 2, never 3 nor a throw; nothing written on exit 2`, async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const o = await runCase(c);
        expect([0, 1, 2], `${o.argv.join(" ")}\n${o.stderr}\n${o.modelText ?? ""}`).toContain(o.code);
        if (o.code === 2) {
          expect(o.written, o.stderr).toEqual([]);
          expect(o.stdout).toBe("");
          // one line; a syntax error adds the source line and a caret
          expect(o.stderr.trim().split("\n").length, o.stderr).toBeLessThanOrEqual(3);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
