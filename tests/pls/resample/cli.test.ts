/**
 * `isrs pls` with the resampling flags as a user runs them: the JSON sections and inference
 * columns, the text sections, reproducibility from the seed, and bad flags (one line, exit 2).
 */
import { describe, expect, it } from "vitest";
import { expectBadInput, tmpWriter } from "../../cli/expect-bad.js";
import { run } from "../../cli/run.js";
import { fixturePath } from "./helpers.js";

const DATA = fixturePath("mobi-boot/data.csv");
const MODEL = fixturePath("mobi-boot/model.pls");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

async function json(...extra: string[]): Promise<Json> {
  const r = await run("pls", DATA, "--model", MODEL, "--format", "json", ...extra);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

describe("isrs pls --bootstrap", () => {
  it("fills se, t and interval of every parameter, HTMT, total-effect row; same numbers from a seed", async () => {
    const j = await json("--bootstrap", "80", "--seed", "42", "--workers", "1");
    const k = await json("--bootstrap", "80", "--seed", "42", "--workers", "2");
    for (const rows of [j.parameters, j.htmt, j.totalEffects])
      for (const p of rows) {
        expect(p.se, `${p.lhs} ${p.op ?? ""} ${p.rhs}`).toBeGreaterThanOrEqual(0);
        expect(p["ci.lower"]).toBeLessThanOrEqual(p["ci.upper"]);
      }
    const single = j.parameters.find((p: Json) => p.op === "=~" && p.rhs === "CUSCO");
    expect(single.t).toBeNull(); // a single item's loading is 1 in every resample
    expect(j.bootstrap).toMatchObject({ requested: 80, successful: 80, failed: 0, seed: 42, "seed.source": "given" });
    expect(j.bootstrap.paths).toHaveLength(12);
    expect(k.parameters).toEqual(j.parameters);
    expect(k.htmt).toEqual(j.htmt);
  });

  it("draws and reports a seed when none is given; the text has seminr's bootstrap tables", async () => {
    const r = await run("pls", DATA, "--model", MODEL, "--bootstrap", "20");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Bootstrap: 20 resamples \(seed \d+, drawn\), 20 used, 0 failed/);
    expect(r.stdout).toMatch(
      /Bootstrapped Structural Paths:\n\s+Original Est\.\s+Bootstrap Mean\s+Bootstrap SD\s+T Stat\./,
    );
    expect(r.stdout).toMatch(/Bootstrapped HTMT:/);
    expect(r.stdout).toMatch(/Image -> Expectation/);
  });
});

describe("isrs pls --predict and --ipma", () => {
  it("k-fold PLSpredict: one row per endogenous item, reproducible from the seed", async () => {
    const a = await json("--predict", "--folds", "5", "--seed", "9");
    const b = await json("--predict", "--folds", "5", "--seed", "9");
    expect(a.prediction).toHaveLength(19);
    expect(Object.keys(a.prediction[0])).toEqual(
      expect.arrayContaining(["item", "rmse", "mae", "q2predict", "lm.rmse", "lm.mae"]),
    );
    expect(a.predictionSettings).toMatchObject({ folds: 5, seed: 9, technique: "direct antecedents" });
    expect(b.prediction).toEqual(a.prediction);
  });

  it("IPMA: importance and performance per antecedent and indicator, with a vega-lite chart", async () => {
    const j = await json("--ipma", "Satisfaction", "--scale-min", "1", "--scale-max", "10");
    expect(j.ipma.target).toBe("Satisfaction");
    expect(j.ipma.constructs.map((c: Json) => c.construct)).toEqual([
      "Image",
      "Expectation",
      "Quality",
      "Value",
      "Satisfaction",
    ]);
    expect(j.ipma.chart.$schema).toMatch(/vega-lite/);
    expect(j.ipma.chart.data.values).toHaveLength(4);
    expect(j.warnings).toEqual([]);
    const r = await run("pls", DATA, "--model", MODEL, "--ipma", "Satisfaction", "--predict");
    expect(r.stdout).toMatch(/Importance-Performance Map, target Satisfaction/);
    expect(r.stdout).toMatch(/PLSpredict \(leave-one-out, direct antecedents\), out of sample:/);
    expect(r.stdout).toMatch(/no scale ends given/);
  });
});

describe("bad resampling flags: one line, exit 2", () => {
  const { file } = tmpWriter("isrs-pls-resample-");
  const hoc = file("hoc.pls", "A =~ IMAG1 + IMAG2\nB =~ CUEX1 + CUEX2\nH =~ A + B\nL =~ CUSL1 + CUSL2\nL ~ H\n");
  const base = ["pls", DATA, "--model", MODEL];
  it.each([
    [["--bootstrap", "0"], /--bootstrap 0: a whole number from 1 to 100000/],
    [["--bootstrap", "ten"], /--bootstrap ten: a whole number/],
    [["--bootstrap", "10", "--seed", "-1"], /--seed -1: a whole number from 0/],
    [["--seed", "3"], /--seed 3 is only used with --bootstrap N or --predict --folds K/],
    [["--workers", "2"], /--workers 2 is only used with --bootstrap N/],
    [["--folds", "5"], /--folds and --predict-scheme are only used with --predict/],
    [["--predict", "--folds", "1"], /--folds 1: a whole number from 2 to 250/],
    [["--predict", "--predict-scheme", "xx"], /--predict-scheme xx: use da/],
    [["--ipma", "Loyal"], /--ipma Loyal: not a construct of the structural model/],
    [["--ipma", "Image"], /IPMA target Image: no construct has an effect on it/],
    [["--ipma", "Loyalty", "--scale-min", "1"], /give both scale ends/],
    [
      ["--ipma", "Loyalty", "--scale-min", "2", "--scale-max", "10"],
      /IMAG\d has values from 1 to 10, outside its scale 2 to 10/,
    ],
    [["--scale-max", "7"], /--scale-min and --scale-max are only used with --ipma TARGET/],
  ])("%s", async (flags, message) => {
    await expectBadInput([...base, ...flags], message);
  });

  it("PLSpredict refuses a higher-order model", async () => {
    await expectBadInput(
      ["pls", DATA, "--model", hoc, "--predict"],
      /PLSpredict: the model has higher-order constructs/,
    );
  });
});
