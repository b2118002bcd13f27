/**
 * `isrs analyze`, `isrs report` and `isrs score` with ordered items (`--ordered`, `--ordinal`) as
 * a user runs them. Expected numbers: tests/fixtures/ordinal-reliability/isrs-kibs-simulated.json,
 * made by make-reference.R there with lavaan 0.6.14 and semTools 0.5.6 (ordinal alpha =
 * compRelSEM(tau.eq = TRUE, ord.scale = FALSE), categorical omega = compRelSEM(), htmt(ordered =),
 * fitMeasures() of the WLSMV fits) on the bundled data with DET5 and ANA4 recoded (8 - x).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

const ISRS = "datasets/isrs-kibs-simulated/data.csv";
const HS = "datasets/holzinger-swineford-1939";
const ref = JSON.parse(fs.readFileSync("tests/fixtures/ordinal-reliability/isrs-kibs-simulated.json", "utf8")) as {
  ordinal_alpha: Record<string, number>;
  categorical_omega: Record<string, number>;
  htmt: { names: string[]; values: number[][] };
  second: { categorical_omega: number };
  fit: Record<string, Record<string, number>>;
  lrt: { "chisq.diff": number | null }[];
};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "isrs-ordinal-"));

/** A copy of the bundled instrument with both response scales declared ordinal. */
const ordinalInstrument = path.join(tmp, "isrs-ordinal.json");
const instr = JSON.parse(fs.readFileSync("instruments/isrs-v1.json", "utf8")) as { scales: { ordinal?: boolean }[] };
for (const s of instr.scales) s.ordinal = true;
fs.writeFileSync(ordinalInstrument, JSON.stringify(instr, null, 2));

type Json = Record<string, any>;

function expectReference(out: Json): void {
  expect(out.estimator).toBe("WLSMV");
  expect(out.ordered).toHaveLength(25);
  for (const r of out.reliability as Json[]) {
    // ordinal alpha from the polychoric matrix alone: 1e-6; categorical omega also uses the estimates: 1e-5
    expect(Math.abs(r.ordinal.ordinalAlpha - ref.ordinal_alpha[r.construct]!)).toBeLessThan(1e-6);
    expect(Math.abs(r.ordinal.categoricalOmega - ref.categorical_omega[r.construct]!)).toBeLessThan(1e-5);
    expect(r.omega).toBe(r.ordinal.categoricalOmega);
  }
  expect(out.validity.htmt.correlations).toBe("polychoric");
  const h = out.validity.htmt.htmt as { names: string[]; values: number[][] };
  ref.htmt.names.forEach((a, i) =>
    ref.htmt.names.forEach((b, j) => {
      expect(Math.abs(h.values[h.names.indexOf(a)]![h.names.indexOf(b)]! - ref.htmt.values[i]![j]!)).toBeLessThan(1e-6);
    }),
  );
  expect(Math.abs(out.secondOrder[0].categoricalOmega - ref.second.categorical_omega)).toBeLessThan(1e-5);
  const m = (out.models as Json[]).find((x) => x.name === "measurement")!;
  for (const k of ["chisq", "chisq.scaled", "pvalue.scaled", "cfi.robust", "rmsea.robust", "srmr"])
    expect(Math.abs(m.fit[k] - ref.fit.measurement![k]!)).toBeLessThanOrEqual(
      1e-3 * Math.max(0.1, Math.abs(ref.fit.measurement![k]!)),
    );
  // lavTestLRT(fm, f2, fs) of lavaan 0.6.14 (the reference file): the satorra.2000 difference tests
  expect(out.comparison.method).toBe("satorra.2000");
  ref.lrt.forEach((want, k) => {
    const got = out.comparison.rows[k]["Chisq diff"];
    if (want["chisq.diff"] === null) expect(got).toBeNull();
    else expect(Math.abs(got - want["chisq.diff"])).toBeLessThanOrEqual(1e-3 * Math.max(0.1, want["chisq.diff"]));
  });
}

describe("isrs analyze with ordered items", () => {
  it("--ordered all: WLSMV fits, ordinal alpha, categorical omega and polychoric HTMT as semTools", async () => {
    const r = await run("analyze", "--ordered", "all", "--format", "json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expectReference(JSON.parse(r.stdout) as Json);
  });

  it("--ordinal with an instrument whose scales are declared ordinal: the same", async () => {
    const r = await run("analyze", ISRS, "--instrument", ordinalInstrument, "--ordinal", "--format", "json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expectReference(JSON.parse(r.stdout) as Json);
  });

  it("the text names the estimator, the scaled-shifted test and the ordinal coefficients", async () => {
    const r = await run("analyze", "--ordered", "all");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Models \(estimator WLSMV;.*scaled-shifted statistic, robust CFI, TLI, RMSEA\)/);
    expect(r.stdout).toMatch(/ordinal alpha\s+categorical omega\s+AVE/);
    // detection: ordinal alpha 0.865, categorical omega 0.849 (semTools 0.5.6, the reference file)
    const row = r.stdout.split("\n").find((l) => l.trim().startsWith("detection") && l.includes("0.865"));
    expect(row).toContain(ref.categorical_omega.detection!.toFixed(3));
    expect(r.stdout).toContain(`categorical omega (compRelSEM, higher) = ${ref.second.categorical_omega.toFixed(3)}`);
    expect(r.stdout).toMatch(/HTMT .*of the polychoric correlations/);
    expect(r.stdout).toMatch(/Chi-square difference tests \(lavTestLRT, satorra\.2000\)/);
    // the scaled statistic of the measurement model (lavaan: chisq.scaled)
    expect(r.stdout).toContain(ref.fit.measurement!["chisq.scaled"]!.toFixed(3));
  });
});

describe("isrs analyze with ordered items and pairwise deletion", () => {
  it("fits on every firm and says where the incomplete rows went", async () => {
    const r = await run("analyze", "--ordered", "all", "--missing", "pairwise");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/16 incomplete, kept by the models and the polychoric correlations \(pairwise\)/);
    expect(r.stdout).toMatch(/Models \(estimator WLSMV; N = 151, each correlation from the rows observing its pair/);
  });
});

describe("isrs report with ordered items", () => {
  it("the HTML and Markdown name ordinal alpha and categorical omega, with the reference values", async () => {
    const out = path.join(tmp, "report");
    const r = await run("report", "--ordered", "all", "--out", out);
    expect(r.code).toBe(0);
    const md = fs.readFileSync(path.join(out, "report.md"), "utf8");
    const html = fs.readFileSync(path.join(out, "report.html"), "utf8");
    for (const doc of [md, html]) {
      expect(doc).toContain("ordinal α");
      expect(doc).toContain("categorical ω");
      expect(doc).toContain("HTMT ratios (polychoric correlations)");
      expect(doc).toContain("scaled-shifted");
      expect(doc).toContain(ref.ordinal_alpha.response!.toFixed(3));
      expect(doc).toContain(ref.categorical_omega.response!.toFixed(3));
    }
    const json = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8")) as Json;
    expect(JSON.stringify(json)).toContain("WLSMV");
  });
});

describe("isrs score with ordered items", () => {
  it("fits the weights' model by WLSMV", async () => {
    const r = await run("score", ISRS, "--firm", "F007", "--ordered", "all", "--format", "json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.weights.estimator).toBe("WLSMV");
    expect(out.weights.method).toBe("second-order loadings");
  });
});

describe("ordered items: bad input, one line, exit 2, nothing written", () => {
  it("a value that is not a whole number in an ordered item names the row and the column", async () => {
    const out = path.join(tmp, "not-written");
    const rep = path.join(tmp, "not-written-report");
    const args = [`${HS}/data.csv`, "--model", `${HS}/second-order.lav`, "--ordered", "all"];
    const r = await run("analyze", ...args, "--out", out, "--report", rep);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/data\.csv: row 1, column 'x1': 3\.3333333 is not a whole number/);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(rep)).toBe(false);
    const rr = await run("report", ...args, "--out", rep);
    expect(rr.code).toBe(2);
    expect(rr.stderr.trim().split("\n")).toHaveLength(1);
    expect(fs.existsSync(rep)).toBe(false);
  });

  it('an instrument whose scale says "ordinal": "yes" is refused with the path', async () => {
    const bad = path.join(tmp, "bad-ordinal.json");
    const copy = JSON.parse(JSON.stringify(instr)) as { scales: { ordinal?: unknown }[] };
    copy.scales[1]!.ordinal = "yes";
    fs.writeFileSync(bad, JSON.stringify(copy));
    const r = await run("analyze", ISRS, "--instrument", bad, "--ordinal");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_INSTRUMENT|scales\[1\]\.ordinal.*boolean/);
    expect(r.stderr).toMatch(/scales\[1\]\.ordinal/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it.each([
    ["an unknown item in --ordered", ["analyze", "--ordered", "DET1,DET9"], /'DET9' is not an item of the design/],
    ["an unknown item in report --ordered", ["report", "--ordered", "XX"], /'XX' is not an item of the design/],
    ["--ordinal when the instrument declares no ordinal scale", ["analyze", "--ordinal"], /declares no scale ordinal/],
    ["--ordinal with --ordered", ["analyze", "--ordinal", "--ordered", "all"], /exclude each other/],
    ["ML with ordered items", ["analyze", "--ordered", "all", "--estimator", "ML"], /--estimator ML with ordered/],
    ["an unknown estimator", ["analyze", "--estimator", "GLS"], /--estimator GLS: use ML/],
    [
      "an unknown item in score --ordered",
      ["score", ISRS, "--firm", "F007", "--ordered", "DET1,NOPE"],
      /ordered variable 'NOPE' is not an observed variable of the model/,
    ],
    ["FIML with ordered items", ["analyze", "--ordered", "all", "--missing", "fiml"], /--missing fiml needs/],
  ])("%s", async (_, args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
