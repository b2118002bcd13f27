/**
 * `isrs analyze` as a user runs it: the JSON document (its keys are the contract of
 * docs/internals.md), exit codes, --out writing into a folder without wiping it, and bad input.
 * Expected numbers come from tests/fixtures/analysis/holzinger-swineford.json (psych 2.2.9,
 * semTools 0.5.6, lavaan 0.6.14; see make-reference.R).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

const HS = "datasets/holzinger-swineford-1939";
const ISRS = "datasets/isrs-kibs-simulated/data.csv";
const ref = JSON.parse(fs.readFileSync("tests/fixtures/analysis/holzinger-swineford.json", "utf8")) as {
  alpha: Record<string, { raw_alpha: number }>;
  omega: Record<string, number>;
  second: { reliabilityL2: Record<string, number> };
};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "isrs-analyze-"));
const file = (name: string, text: string): string => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, text);
  return p;
};
// the second-order model with a made-up structural part, so that every section is filled
const model = file(
  "hs-study.lav",
  "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\ng =~ visual + textual\nspeed ~ g\n",
);

describe("isrs analyze on the instrument", () => {
  // tests/fixtures/analysis/isrs-kibs-simulated.json: psych 2.2.9, semTools 0.5.6, lavaan 0.6.14
  // on the bundled data with DET5 and ANA4 recoded (8 - x)
  const isrsRef = JSON.parse(fs.readFileSync("tests/fixtures/analysis/isrs-kibs-simulated.json", "utf8")) as {
    omega: Record<string, number>;
    complete_rows: number;
    estimators: Record<string, { lrt: Record<string, { "Chisq diff": (number | null)[] }> }>;
  };

  it("with no arguments analyses the bundled dataset with the instrument's design", async () => {
    const r = await run("analyze", "--format", "json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, any>;
    expect(out.design.source).toBe("instrument isrs 1.0.0");
    expect(out.design.constructs.map((c: { name: string }) => c.name)).toEqual([
      "detection",
      "analysis",
      "response",
      "client",
      "employee",
      "business",
    ]);
    expect(out.data).toMatchObject({
      rows: 151,
      complete: isrsRef.complete_rows,
      responses: { instrument: "isrs 1.0.0", recoded: ["DET5", "ANA4"], excluded: [] },
    });
    expect(out.data.dropped).toHaveLength(151 - isrsRef.complete_rows);
    expect(out.reliability[0].omega).toBeCloseTo(isrsRef.omega.detection!, 4);
    expect(out.hypotheses.map((h: { path: string }) => h.path)).toEqual([
      "client ~ ISRS",
      "employee ~ ISRS",
      "business ~ client",
      "business ~ employee",
    ]);
  });

  it("a column that is not an item is ignored and listed, in the JSON and the text", async () => {
    const lines = fs.readFileSync(ISRS, "utf8").trimEnd().split("\n");
    const data = file("extra-column.csv", lines.map((l, i) => `${l},${i === 0 ? "note" : "x"}`).join("\n") + "\n");
    const json = JSON.parse((await run("analyze", data, "--format", "json")).stdout) as Record<string, any>;
    expect(json.data.responses.excluded).toEqual([
      { kind: "unknown-column", column: "note", reason: "not an item of instrument isrs 1.0.0; ignored" },
    ]);
    const text = await run("analyze", data);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('excluded column "note": not an item of instrument isrs 1.0.0; ignored');
    expect(text.stdout).toContain("reverse-keyed items recoded: DET5, ANA4");
  });

  it("--estimator MLR uses the Satorra-Bentler (2001) scaled difference", async () => {
    const r = await run("analyze", ISRS, "--estimator", "MLR", "--format", "json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, any>;
    expect(out.estimator).toBe("MLR");
    expect(out.comparison.method).toBe("satorra.bentler.2001");
    // lavTestLRT(measurement, second.order, method = "satorra.bentler.2001"): 8.162 on 6 df
    expect(out.comparison.rows[1]["Chisq diff"]).toBeCloseTo(
      isrsRef.estimators.MLR!.lrt["measurement-second.order"]!["Chisq diff"][1]!,
      3,
    );
  });
});

describe("isrs analyze", () => {
  it("prints one JSON document with every section", async () => {
    const r = await run("analyze", `${HS}/data.csv`, "--model", model, "--format", "json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, any>;
    expect(Object.keys(out)).toEqual([
      "tool",
      "estimator",
      "ordered",
      "design",
      "data",
      "screening",
      "reliability",
      "secondOrder",
      "validity",
      "models",
      "comparison",
      "hypotheses",
    ]);
    expect(out.tool).toMatchObject({ name: "isrs", command: "analyze" });
    expect(out.data).toMatchObject({ rows: 301, complete: 301, dropped: [] });
    expect(out.screening.items).toHaveLength(9);
    expect(Object.keys(out.screening.items[0]).sort()).toEqual([
      "item",
      "kurtosis",
      "max",
      "mean",
      "min",
      "missing",
      "n",
      "sd",
      "skew",
    ]);
    expect(out.screening.mahalanobis.rows).toHaveLength(301);
    expect(out.reliability.map((x: { construct: string }) => x.construct)).toEqual(["visual", "textual", "speed"]);
    // psych::alpha and semTools::compRelSEM on the same constructs (the measurement model is the same)
    expect(out.reliability[0].alpha.raw_alpha).toBeCloseTo(ref.alpha.visual!.raw_alpha, 8);
    expect(out.reliability[1].omega).toBeCloseTo(ref.omega.textual!, 4);
    // visual: alpha 0.626, omega 0.612, AVE 0.371 (psych, semTools) are all below 0.70 / 0.70 / 0.50; textual none
    expect(out.reliability[0].flags).toEqual(["alpha < 0.70", "omega < 0.70", "AVE < 0.50"]);
    expect(out.reliability[1].flags).toEqual([]);
    expect(out.models.map((m: { name: string }) => m.name)).toEqual(["measurement", "second.order", "structural"]);
    for (const m of out.models)
      for (const k of ["syntax", "converged", "fit", "parameters", "r2", "warnings"]) expect(m).toHaveProperty(k);
    expect(out.comparison.rows.map((x: { model: string }) => x.model)).toEqual([
      "measurement",
      "second.order",
      "structural",
    ]);
    expect(out.hypotheses).toHaveLength(1);
    expect(out.hypotheses[0]).toMatchObject({
      id: "H1",
      path: "speed ~ g",
      expected: "positive",
      direction: "as hypothesised",
      supported: true,
    });
    expect(out.validity.htmt.htmt.names).toEqual(["visual", "textual", "speed"]);
  });

  it("prints the text summary with the study's tables", async () => {
    const r = await run(
      "analyze",
      `${HS}/data.csv`,
      "--model",
      file("hs2.lav", fs.readFileSync(`${HS}/second-order.lav`, "utf8")),
    );
    expect(r.code).toBe(0);
    for (const heading of [
      "Item descriptives",
      "Mardia",
      "Mahalanobis outliers",
      "Reliability",
      "Second-order factor g",
      "Fornell-Larcker",
      "HTMT",
      "Chi-square difference tests",
    ]) {
      expect(r.stdout).toContain(heading);
    }
    // semTools::reliabilityL2(fit, "g"): omegaL1 0.554
    expect(r.stdout).toContain(`omegaL1 = ${ref.second.reliabilityL2.omegaL1!.toFixed(3)}`);
    expect(r.stdout).not.toContain("Hypotheses"); // no structural path in this model
  });

  it("--out DIR writes results.json and summary.txt and leaves the folder's other files alone", async () => {
    const dir = path.join(tmp, "out");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "keep.txt"), "mine");
    const r = await run("analyze", `${HS}/data.csv`, "--model", model, "--out", dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(fs.readdirSync(dir).sort()).toEqual(["keep.txt", "results.json", "summary.txt"]);
    expect(fs.readFileSync(path.join(dir, "keep.txt"), "utf8")).toBe("mine");
    expect(JSON.parse(fs.readFileSync(path.join(dir, "results.json"), "utf8")).hypotheses).toHaveLength(1);
    const nested = path.join(tmp, "new", "deeper");
    expect((await run("analyze", `${HS}/data.csv`, "--model", model, "--out", nested)).code).toBe(0);
    expect(fs.existsSync(path.join(nested, "summary.txt"))).toBe(true);
  });

  it("exits 1 when a model is inadmissible, and says which", async () => {
    const heywood = file(
      "heywood.lav",
      "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\nspeed ~ visual\nx2 ~~ -0.1*x2\n",
    );
    const r = await run("analyze", `${HS}/data.csv`, "--model", heywood);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/structural: W_HEYWOOD negative variance: x2 ~~ x2/);
  });
});

/** The bundled ISRS data with one cell replaced (data row `row`, column `col`). */
function isrsWith(row: number, col: string, value: string): string {
  const lines = fs.readFileSync(ISRS, "utf8").split("\n");
  const header = lines[0]!.split(",");
  const cells = lines[row]!.split(",");
  cells[header.indexOf(col)] = value;
  lines[row] = cells.join(",");
  return lines.join("\n");
}

const BAD: [string, string[], RegExp][] = [
  [
    "a construct with one item",
    [`${HS}/data.csv`, "--model", file("one.lav", "visual =~ x1 + x2 + x3\nspeed =~ x7\n")],
    /construct "speed" has 1 item; reliability \(alpha, omega, AVE\) needs at least 2/,
  ],
  [
    "an unknown item column",
    [`${HS}/data.csv`, "--model", file("x10.lav", "visual =~ x1 + x2 + x10\ntextual =~ x4 + x5 + x6\n")],
    /x10\.lav: line 1: item "x10" of "visual" is not a column of the data/,
  ],
  [
    "a factor with latent and observed indicators",
    [`${HS}/data.csv`, "--model", file("mix.lav", "visual =~ x1 + x2 + x3\ng =~ visual + x4\n")],
    /"g" mixes latent and observed indicators/,
  ],
  [
    "data without the instrument's id column and no --model",
    [`${HS}/data.csv`],
    /data\.csv: the id column "firm_id" is missing/,
  ],
  [
    "an answer outside the scale",
    [file("scale.csv", isrsWith(3, "DET2", "9"))],
    /scale\.csv: line 4 \(row 3\), column "DET2": 9 is outside the scale 1\.\.7/,
  ],
  ["an instrument file that is not JSON", ["--instrument", file("bad.json", "{")], /bad\.json: not valid JSON/],
  ["an unknown estimator", ["--estimator", "GLS"], /--estimator GLS: use ML, MLM, MLR/],
  ["WLS without ordered items", ["--estimator", "WLS"], /WLS is for ordinal indicators: declare them ordered/],
  ["a bad --format", [`${HS}/data.csv`, "--model", model, "--format", "xml"], /--format xml: use text or json/],
  ["a missing data file", [`${HS}/nope.csv`, "--model", model], /nope\.csv: no such file/],
  [
    "an --out that is a file",
    [`${HS}/data.csv`, "--model", model, "--out", file("plain.txt", "x")],
    /plain\.txt: exists and is not a folder/,
  ],
  [
    "a text cell in an item",
    [
      file("text.csv", "x1,x2,x3,x4\n1,2,3,4\n2,x,4,5\n3,3,5,1\n4,4,4,4\n5,1,2,3\n"),
      "--model",
      file("t.lav", "a =~ x1 + x2\nb =~ x3 + x4\n"),
    ],
    /line 3 \(row 2\), column "x2": "x" is not a number/,
  ],
];

describe("isrs analyze: bad input", () => {
  it.each(BAD)("%s: one line, exit 2", async (_, args, message) => {
    const r = await run("analyze", ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
