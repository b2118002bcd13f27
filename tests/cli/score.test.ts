/** `isrs score` and `isrs instrument` end to end, and their bad input (one line, exit 2, nothing written). */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadInstrument, loadResponses } from "../../src/instrument/index.js";
import { expectBadInput, tmpWriter } from "./expect-bad.js";
import { run } from "./run.js";

const DATA = "datasets/isrs-kibs-simulated/data.csv";
const { dir: tmp, file } = tmpWriter("isrs-score-cli-");
const lines = fs.readFileSync(DATA, "utf8").trimEnd().split("\n");
/** The bundled file's header and its first rows, with one cell of row 2 replaced. */
const withCell = (name: string, column: string, value: string): string => {
  const header = lines[0]!.split(",");
  const row = lines[2]!.split(",");
  row[header.indexOf(column)] = value;
  return file(name, `${lines[0]}\n${lines[1]}\n${row.join(",")}\n`);
};

describe("isrs score", () => {
  it("scores one firm as text: dimensions, index, percentile, profile, weakest practices, weights", async () => {
    const r = await run("score", DATA, "--firm", "F007");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^ISRS scores \(instrument isrs 1\.0\.0\)/);
    expect(r.stdout).toContain(`norms:    ${DATA} (151 firms;`);
    expect(r.stdout).toMatch(
      new RegExp(
        String.raw`weights: {2}ML second-order loadings \(std\.all\), normalised: ` +
          String.raw`detection 0\.\d{3}, analysis 0\.\d{3}, response 0\.\d{3}`,
      ),
    );
    expect(r.stdout).toMatch(/Firm F007\n/);
    expect(r.stdout).toMatch(/Profile: (laggard|follower|recoverer)\n/);
    expect(r.stdout.match(/What to do: /g)).toHaveLength(3);
    expect(r.stdout).toMatch(
      new RegExp(
        String.raw`weights fitted on 135 of 151 norm firms \(16 with a missing answer left out, ` +
          String.raw`listwise; --missing fiml uses them\)`,
      ),
    );
  });

  it("--format json has the documented shape, and profiles split the norm sample at its quartiles", async () => {
    const r = await run("score", DATA, "--all", "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual([
      "instrument",
      "data",
      "norms",
      "weights",
      "percentileRule",
      "profiles",
      "firms",
      "excluded",
      "notes",
    ]);
    expect(j.firms).toHaveLength(151);
    expect(Object.keys(j.norms)).toEqual(["file", "rows", "firms", "used", "index", "dimensions", "excluded"]);
    expect(j.norms.dimensions.map((d: { id: string; n: number }) => [d.id, d.n])).toEqual([
      ["detection", 151],
      ["analysis", 151],
      ["response", 151],
    ]);
    expect(Object.keys(j.firms[0])).toEqual(["id", "dimensions", "index", "indexPercentile", "profile", "weakest"]);
    expect(Object.keys(j.firms[0].dimensions[0])).toEqual(["id", "label", "score", "answered", "items", "percentile"]);
    expect(Object.keys(j.firms[0].weakest[0])).toEqual([
      "item",
      "dimension",
      "text",
      "score",
      "answer",
      "reverseKeyed",
      "normMean",
      "recommendation",
    ]);
    const w = Object.values(j.weights.values) as number[];
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // scoring the norm sample itself: about a quarter laggards and a quarter recoverers (ties aside)
    const count = (p: string) => j.firms.filter((f: { profile: string }) => f.profile === p).length;
    expect(count("laggard")).toBeGreaterThanOrEqual(35);
    expect(count("laggard")).toBeLessThanOrEqual(40);
    expect(count("recoverer")).toBeGreaterThanOrEqual(36);
    expect(count("recoverer")).toBeLessThanOrEqual(41);
    for (const f of j.firms) {
      expect(f.index).toBeGreaterThanOrEqual(0);
      expect(f.index).toBeLessThanOrEqual(100);
    }
  });

  it("--all as text is one overview line per firm", async () => {
    const r = await run("score", DATA, "--all");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").filter((l) => /^F\d{3} /.test(l))).toHaveLength(151);
  });

  it("a single-firm file needs no --firm; --norms and --out work", async () => {
    const one = file("one.csv", `${lines[0]}\n${lines[5]}\n`);
    const out = path.join(tmp, "one.json");
    const r = await run("score", one, "--norms", DATA, "--format", "json", "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const j = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(j.firms.map((f: { id: string }) => f.id)).toEqual(["F005"]);
    expect(j.norms.file).toBe(DATA);
  });

  it("--model without a second-order factor falls back to equal weights and says so", async () => {
    const m = file(
      "cfa.lav",
      "detection =~ DET1 + DET2 + DET3 + DET4 + DET5\nanalysis " +
        "=~ ANA1 + ANA2 + ANA3 + ANA4\nresponse =~ " +
        "RES1 + RES2 + RES3 + RES4 + RES5 + RES6\n",
    );
    const r = await run("score", DATA, "--firm", "F001", "--model", m, "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.weights.method).toBe("equal");
    expect(j.notes).toContain("the model has no positive loading ISRS =~ detection: equal weights");
  });

  it("a norm sample too small for the model still scores, with equal weights and a note", async () => {
    const small = file("small-norms.csv", `${lines.slice(0, 11).join("\n")}\n`);
    const r = await run("score", DATA, "--firm", "F001", "--norms", small, "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.weights.method).toBe("equal");
    expect(j.notes[0]).toMatch(
      new RegExp(
        String.raw`^the model cannot be fitted to the norm sample \(.*small-norms\.csv: ` +
          String.raw`only \d+ complete rows for 25 variables.*\): equal weights$`,
      ),
    );
    expect(j.norms.used).toBe(10);
  });

  it("a reverse-keyed answer counts in the recoded direction", async () => {
    const instr = loadInstrument();
    const data = loadResponses(DATA, instr);
    const raw = lines[1]!.split(",");
    const j = instr.items.findIndex((i) => i.id === "DET5");
    expect(Number(data.table.rows[0]![1 + j])).toBe(8 - Number(raw[1 + j]));
  });
});

describe("isrs instrument", () => {
  it("md: every item under its construct's question with the scale anchors", async () => {
    const r = await run("instrument");
    expect(r.code).toBe(0);
    for (const it of loadInstrument().items) expect(r.stdout).toContain(`| ${it.id} | `);
    expect(r.stdout).toContain("1 = Strongly disagree; 2 = Disagree");
    expect(r.stdout).not.toContain("Reverse-keyed");
    const res = await run("instrument", "--for", "researcher");
    expect(res.stdout).toContain("Reverse-keyed items (recoded as min + max - x before scoring): DET5, ANA4.");
  });

  it("html: one self-contained page, no script, every text escaped", async () => {
    const j = JSON.parse(fs.readFileSync("instruments/isrs-v1.json", "utf8"));
    j.items[0].text = `<script>alert("x")</script> & more`;
    const r = await run("instrument", "--format", "html", "--instrument", file("inj.json", JSON.stringify(j)));
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(r.stdout).not.toMatch(/<script|src=|href=/i);
    expect(r.stdout).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more");
    expect(r.stdout.match(/<tr><td class="id">/g)).toHaveLength(25);
  });

  it("csv: the empty template, which loads as a response file once a row is added", async () => {
    const r = await run("instrument", "--format", "csv");
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(1);
    const filled = file("filled.csv", `${r.stdout}A${",4".repeat(25)}\n`);
    expect(loadResponses(filled, loadInstrument()).ids).toEqual(["A"]);
  });
});

const CASES: [string, string[], RegExp][] = [
  [
    "a firm id that does not exist",
    ["score", DATA, "--firm", "F999"],
    /data\.csv: no firm with id "F999"; did you mean "F099"/,
  ],
  [
    "an empty norms file",
    ["score", DATA, "--firm", "F001", "--norms", file("empty.csv", "")],
    /empty\.csv: the file is empty \(0 bytes\)/,
  ],
  [
    "a norms file with a header only",
    ["score", DATA, "--firm", "F001", "--norms", file("header.csv", `${lines[0]}\n`)],
    /header\.csv: the file has a header line but no data rows/,
  ],
  [
    "a response outside the scale",
    ["score", withCell("out.csv", "RES2", "8")],
    /out\.csv: line 3 \(row 2\), column "RES2": 8 is outside the scale 1\.\.7/,
  ],
  [
    "text in a numeric item",
    ["score", withCell("text.csv", "BUS1", "good")],
    /text\.csv: line 3 \(row 2\), column "BUS1": "good" is not a number/,
  ],
  [
    "an out-of-scale value in the norms",
    ["score", DATA, "--firm", "F001", "--norms", withCell("norms-out.csv", "DET1", "0")],
    /norms-out\.csv: line 3 \(row 2\), column "DET1": 0 is outside the scale 1\.\.7/,
  ],
  [
    "several firms without --firm or --all",
    ["score", DATA],
    /data\.csv has 151 firms: name one with --firm ID, or score them all with --all/,
  ],
  ["both --firm and --all", ["score", DATA, "--firm", "F001", "--all"], /--firm and --all exclude each other/],
  ["a bad --format", ["score", DATA, "--all", "--format", "xml"], /--format xml: use text or json/],
  ["a bad instrument format", ["instrument", "--format", "pdf"], /--format pdf: use md, html, csv/],
  [
    "a --model with an unknown variable",
    ["score", DATA, "--all", "--model", file("bad.lav", "f =~ DET1 + DET2 + XYZ\n")],
    /model variable "XYZ" is not a column/,
  ],
  ["an unknown estimator", ["score", DATA, "--all", "--estimator", "WLS"], /estimator/],
];

describe("bad input to isrs score and isrs instrument", () => {
  it.each(CASES)("%s: one line, exit 2, nothing on stdout", async (_, args, message) => expectBadInput(args, message));

  it("writes no output file when the firm does not exist", async () => {
    const out = path.join(tmp, "never.json");
    const r = await run("score", DATA, "--firm", "nope", "--out", out);
    expect(r.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });
});
