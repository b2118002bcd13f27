/** The instrument commands: `isrs model`, `isrs simulate`, and their bad input (one line, exit 2). */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { instrumentModelSyntax, loadInstrument } from "../../src/instrument/index.js";
import { expectBadInput, tmpWriter } from "./expect-bad.js";
import { run } from "./run.js";

const { dir: tmp, file } = tmpWriter("isrs-instr-cli-");

describe("isrs model", () => {
  it("prints the bundled instrument's lavaan syntax", async () => {
    const r = await run("model");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(instrumentModelSyntax(loadInstrument()));
  });

  it("takes another instrument with --instrument", async () => {
    const j = JSON.parse(fs.readFileSync("instruments/isrs-v1.json", "utf8"));
    j.model.regressions = j.model.regressions.slice(0, 2);
    j.population.regressions = j.population.regressions.slice(0, 2);
    const r = await run("model", "--instrument", file("two-paths.json", JSON.stringify(j)));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("employee ~ ISRS\n");
    expect(r.stdout).not.toContain("business ~");
  });
});

describe("isrs simulate", () => {
  it("gives the same CSV for the same seed, written atomically with --out", async () => {
    const a = await run("simulate", "--n", "20", "--seed", "3", "--missing", "0.1");
    const out = path.join(tmp, "sim.csv");
    const b = await run("simulate", "--n", "20", "--seed", "3", "--missing", "0.1", "--out", out);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(fs.readFileSync(out, "utf8")).toBe(a.stdout);
    expect(a.stdout.trimEnd().split("\n")).toHaveLength(21);
  });

  it("reproduces the bundled dataset from the command in its provenance note", async () => {
    const r = await run("simulate", "--n", "151", "--seed", "2013", "--missing", "0.005");
    expect(r.stdout).toBe(fs.readFileSync("datasets/isrs-kibs-simulated/data.csv", "utf8"));
  });
});

const badInstrument = (() => {
  const j = JSON.parse(fs.readFileSync("instruments/isrs-v1.json", "utf8"));
  j.items[4].reverse = "yes";
  return file("bad-instrument.json", JSON.stringify(j));
})();

const CASES: [string, string[], RegExp][] = [
  [
    "an instrument that fails validation",
    ["model", "--instrument", badInstrument],
    /bad-instrument\.json: items\[4\]\.reverse \(item "DET5"\): Invalid input: expected boolean/,
  ],
  ["an instrument that is not there", ["model", "--instrument", "nope.json"], /nope\.json: no such instrument file/],
  ["a negative --n", ["simulate", "--n", "-3", "--seed", "1"], /--n -3: a positive whole number of firms is needed/],
  [
    "a seed that is not a number",
    ["simulate", "--n", "3", "--seed", "abc"],
    /--seed abc: the seed must be a whole number/,
  ],
  ["a missing rate of 1", ["simulate", "--n", "3", "--seed", "1", "--missing", "1"], /--missing 1: a share from 0/],
  ["no --seed", ["simulate", "--n", "3"], /required option '--seed <seed>' not specified/],
];

describe("bad input to the instrument commands", () => {
  it.each(CASES)("%s: one line, exit 2, nothing on stdout", async (_, args, message) => expectBadInput(args, message));
});
