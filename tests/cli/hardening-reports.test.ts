/**
 * Reports that a reviewer and a client read right, as the commands write them: each test runs the
 * CLI on the bundled data (151 simulated firms) and reads what a reader would read.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), "isrs-hardening-reports-"));
const DATA = "datasets/isrs-kibs-simulated/data.csv";

interface ScoreJson {
  norms: { used: number };
  percentileRule: string;
  firms: {
    id: string;
    index: number | null;
    indexPercentile: number | null;
    weakest: { item: string; score: number; answer: number; reverseKeyed: boolean }[];
  }[];
}

async function scores(): Promise<ScoreJson> {
  const r = await run("score", DATA, "--all", "--format", "json");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ScoreJson;
}

describe("firm reports", () => {
  it("the lowest firm's standing cannot be read as the best: 'ahead of 0% of the 151 norm firms'", async () => {
    const j = await scores();
    const worst = j.firms.filter((f) => f.index !== null).sort((a, b) => a.index! - b.index!)[0]!;
    // mid-rank of the lowest of 151: 100 * 0.5 / 151 = 0.33
    expect(worst.indexPercentile).toBeCloseTo(50 / 151, 10);
    expect(j.percentileRule).toMatch(/percentage of the norm firms scoring below/);
    const dir = tmp();
    expect((await run("report", "--firm", worst.id, "--out", dir)).code).toBe(0);
    for (const file of ["report.md", "report.html"]) {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      expect(text).toContain(`ahead of 0% of the ${j.norms.used} norm firms`);
      expect(text).not.toMatch(/\b1st of/);
    }
    const t = await run("score", DATA, "--firm", worst.id);
    expect(t.stdout).toContain(`Standing: ahead of 0% of the ${j.norms.used} norm firms`);
    expect(t.stdout).toContain("pct rank");
  });

  it("a weakest practice on a reverse-keyed item shows the answer given and says it is reverse-keyed", async () => {
    const j = await scores();
    const firm = j.firms.find((f) => f.weakest.some((w) => w.reverseKeyed))!;
    const w = firm.weakest.find((x) => x.reverseKeyed)!;
    expect(w.answer).toBe(8 - w.score); // 7-point scale: recoded as 1 + 7 - answer
    const row = fs.readFileSync(DATA, "utf8").split("\n");
    const header = row[0]!.split(",");
    const given = row.find((l) => l.startsWith(`${firm.id},`))!.split(",")[header.indexOf(w.item)];
    expect(Number(given)).toBe(w.answer); // the answer in the file
    const t = await run("score", DATA, "--firm", firm.id);
    expect(t.stdout).toContain(`${w.item} (`);
    expect(t.stdout).toContain(`reverse-keyed): answered ${w.answer}, counts as ${w.score}`);
    const dir = tmp();
    await run("report", "--firm", firm.id, "--out", dir);
    const md = fs.readFileSync(path.join(dir, "report.md"), "utf8");
    expect(md).toContain(`${w.item}, reverse-keyed)`);
    expect(md).toContain(`${w.answer} (counts as ${w.score})`);
  });
});

describe("screening in the study report", () => {
  it("Mardia's numbers are named for what they are, and an empty outlier list says none", async () => {
    const dir = tmp();
    expect((await run("report", "--out", dir)).code).toBe(0);
    const md = fs.readFileSync(path.join(dir, "report.md"), "utf8");
    const a = await run("analyze", "--format", "json");
    const m = (JSON.parse(a.stdout) as { screening: { mardia: Record<string, number> } }).screening.mardia;
    // psych::mardia's names: skew is n·b1p/6 (the χ² statistic), kurtosis the z of b2p
    expect(m.skew).toBeCloseTo((m["n.obs"]! * m.b1p!) / 6, 8);
    expect(md).toContain(`| skewness | b1p = ${m.b1p!.toFixed(2)} | χ² = ${m.skew!.toFixed(2)} | ${m.df} |`);
    expect(md).toContain(`| kurtosis | b2p = ${m.b2p!.toFixed(2)} | z = ${m.kurtosis!.toFixed(2)} |`);
    expect(md).not.toMatch(/skewness 3115/);
    // the bundled data has no row with p < .001 (analyze says 0): the report says none
    expect(a.stdout).toContain('"outliers": 0');
    expect(md).toContain("Multivariate outliers (Mahalanobis distance, χ² on 25 df, p < 0.001): none.");
    const text = await run("analyze");
    expect(text.stdout).toContain("p < 0.001): none");
  });
});

describe("hypotheses in the study report", () => {
  interface Ref {
    versions: Record<string, string>;
    estimators: { ML: { paths: Record<string, number | string>[] } };
  }
  const ref = JSON.parse(fs.readFileSync("tests/fixtures/analysis/isrs-kibs-simulated.json", "utf8")) as Ref;

  it("β with its own SE and p (standardizedSolution), b with its SE and p (parameterEstimates)", async () => {
    const dir = tmp();
    expect((await run("report", "--out", dir)).code).toBe(0);
    const md = fs.readFileSync(path.join(dir, "report.md"), "utf8");
    const p3 = (x: number): string => (x < 0.001 ? "< .001" : x.toFixed(3).replace(/^0/, ""));
    // lavaan 0.6.14 on the bundled data (N = 135 complete): standardizedSolution() and
    // parameterEstimates() rows of the structural model (tests/fixtures/analysis/make-reference.R)
    const h3 = ref.estimators.ML.paths.find((p) => p.lhs === "business" && p.rhs === "client")!;
    expect(p3(h3["pvalue.std"] as number)).toBe(".017");
    expect(p3(h3.pvalue as number)).toBe(".022");
    const row = md.split("\n").find((l) => l.startsWith("| H3 "))!;
    const cells = row.split("|").map((c) => c.trim());
    // | H3 | path | expected | β | SE(β) | p(β) | b | SE | p | result |
    expect(cells.slice(4, 10)).toEqual([
      (h3["std.all"] as number).toFixed(3),
      (h3["se.std"] as number).toFixed(3),
      ".017",
      (h3.est as number).toFixed(3),
      (h3.se as number).toFixed(3),
      ".022",
    ]);
    // β / SE(β) gives the p shown beside it: 2 (1 - Φ(0.229 / 0.0960)) = .017
    expect(md).toContain("β / SE(β)");
  });
});

describe("second-order reliability in the study report", () => {
  it("omega (higher), omegaL1, omegaL2 and partialOmegaL1 of ISRS, as semTools gives them", async () => {
    const dir = tmp();
    expect((await run("report", "--out", dir)).code).toBe(0);
    // semTools 0.5.6 on the bundled data (N = 135 complete): compRelSEM(fit, higher = "ISRS") and
    // reliabilityL2(fit, "ISRS") (tests/fixtures/analysis/make-reference.R)
    const ref = (
      JSON.parse(fs.readFileSync("tests/fixtures/analysis/isrs-kibs-simulated.json", "utf8")) as {
        second: { compRelSEM: Record<string, number>; reliabilityL2: Record<string, number> };
      }
    ).second;
    const md = fs.readFileSync(path.join(dir, "report.md"), "utf8");
    const row = md
      .split("\n")
      .find((l) => l.startsWith("| Integrated service recovery system (ISRS) | Failure detection (detection), "))!;
    const cells = row.split("|").map((c) => c.trim());
    expect(cells.slice(3, 7)).toEqual(
      [
        ref.compRelSEM.ISRS!,
        ref.reliabilityL2.omegaL1!,
        ref.reliabilityL2.omegaL2!,
        ref.reliabilityL2.partialOmegaL1!,
      ].map((x) => x.toFixed(3)),
    );
    const json = JSON.parse(fs.readFileSync(path.join(dir, "results.json"), "utf8")) as {
      secondOrderReliability: { factor: string; omegaL2: number }[];
    };
    expect(json.secondOrderReliability[0]!.factor).toBe("ISRS");
    expect(json.secondOrderReliability[0]!.omegaL2).toBeCloseTo(ref.reliabilityL2.omegaL2!, 3);
  });
});

describe("a model with problems", () => {
  it("an inadmissible model is announced at the top of the report, with the reason", async () => {
    const dir = tmp();
    const model = path.join(dir, "m.lav");
    // two indicators per factor on HS: the factor correlation comes out beyond 1 (a Heywood case)
    fs.writeFileSync(model, "f1 =~ x1 + x2\nf2 =~ x3 + x4\nf1 ~~ f2\n");
    const out = path.join(dir, "report");
    const r = await run("report", "datasets/holzinger-swineford-1939/data.csv", "--model", model, "--out", out);
    expect(r.code).toBe(1);
    const md = fs.readFileSync(path.join(out, "report.md"), "utf8");
    const banner = md.indexOf("> **Warning:** The measurement model is not admissible: correlation beyond ±1");
    expect(banner).toBeGreaterThan(0);
    expect(banner).toBeLessThan(md.indexOf("## Summary"));
    const html = fs.readFileSync(path.join(out, "report.html"), "utf8");
    expect(html.indexOf('<div class="alert" role="alert">')).toBeLessThan(html.indexOf("<section"));
    // the warnings list: words first, the code second
    expect(md).toMatch(
      /- correlation beyond ±1: f1 \\~\\~ f2 has std\.all = [\d.]+ \(W\\_CORR\\_GT\\_1; the measurement model\)/,
    );
  });

  it("a fit that converged cleanly has no banner", async () => {
    const dir = tmp();
    expect((await run("report", "--out", dir)).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "report.md"), "utf8")).not.toContain("> **Warning:**");
  });
});

describe("the questionnaire", () => {
  for (const format of ["html", "md"]) {
    it(
      `${format}: the respondents' ` + `version says nothing ` + `about reverse-keyed items; --for researcher does`,
      async () => {
        const r = await run("instrument", "--format", format);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain("DET5"); // the items are all there
        expect(r.stdout).not.toMatch(/reverse|recoded|Notes for the researcher/i);
        const res = await run("instrument", "--format", format, "--for", "researcher");
        expect(res.stdout).toContain("Notes for the researcher");
        expect(res.stdout).toMatch(/Reverse-keyed items \(recoded as min \+ max - x before scoring\): DET5, ANA4/);
      },
    );
  }

  it("--for with another value is a usage error (exit 2, one line)", async () => {
    const r = await run("instrument", "--for", "client");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--for client: use respondent or researcher/);
    expect(r.stdout).toBe("");
  });
});

describe("--missing fiml in analyze, score and report", () => {
  // lavaan 0.6.14 (Debian build), sem(model, missing = "ml") on the bundled data, all 151 rows:
  // tests/fixtures/analysis/fiml-hypotheses.R, its output in fiml-hypotheses.out
  // lavaan 0.6.14, missing = "ml": tests/fixtures/analysis/fiml-hypotheses.R and .out
  // (parameterEstimates est, se; standardizedSolution est.std, se)
  const LAVAAN = {
    "client ~ ISRS": { est: 0.6027475, se: 0.09503705, std: 0.6110091, seStd: 0.06405963 },
    "employee ~ ISRS": { est: 0.361704, se: 0.08726466, std: 0.4017858, seStd: 0.08243289 },
    "business ~ client": { est: 0.197953, se: 0.08271696, std: 0.231265, seStd: 0.09335109 },
    "business ~ employee": { est: 0.3092168, se: 0.09500145, std: 0.3296719, seStd: 0.09335134 },
  } as Record<string, { est: number; se: number; std: number; seStd: number }>;
  const ISRS_LOADINGS = { detection: 0.9516349, analysis: 0.8145625, response: 0.8696315 };

  it("analyze fits every model on all 151 firms and gives lavaan's FIML estimates", async () => {
    const r = await run("analyze", "--missing", "fiml", "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      models: { name: string; nobs: number; missing: string }[];
      hypotheses: { path: string; est: number; se: number; "std.all": number; "se.std": number | null }[];
    };
    expect(j.models.map((m) => [m.nobs, m.missing])).toEqual(j.models.map(() => [151, "fiml"]));
    for (const h of j.hypotheses) {
      const ref = LAVAAN[h.path]!;
      expect(h.est).toBeCloseTo(ref.est, 4);
      expect(h.se).toBeCloseTo(ref.se, 3);
      expect(h["std.all"]).toBeCloseTo(ref.std, 4);
      // the delta method on the fit's own vcov (observed information under FIML), as lavaan
      expect(Math.abs(h["se.std"]! / ref.seStd - 1)).toBeLessThan(1e-3);
    }
    const text = await run("analyze", "--missing", "fiml");
    expect(text.stdout).toContain("Models (estimator ML; N = 151, incomplete rows kept (FIML)");
    const listwise = await run("analyze");
    expect(listwise.stdout).toContain("N = 135 complete rows (listwise");
  });

  it("score fits the index weights on all 151 norm firms and says so", async () => {
    const r = await run("score", DATA, "--all", "--missing", "fiml", "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      weights: { values: Record<string, number>; nobs: number; missing: string };
      notes: string[];
    };
    expect([j.weights.nobs, j.weights.missing]).toEqual([151, "fiml"]);
    const total = Object.values(ISRS_LOADINGS).reduce((a, b) => a + b, 0);
    for (const [d, l] of Object.entries(ISRS_LOADINGS)) expect(j.weights.values[d]).toBeCloseTo(l / total, 4);
    expect(j.notes.join(" ")).toContain("weights fitted on 151 of 151 norm firms (by full-information ML");
    const lw = JSON.parse((await run("score", DATA, "--all", "--format", "json")).stdout) as typeof j;
    expect(lw.weights.nobs).toBe(135);
  });

  it("report shows the N the models used", async () => {
    const dir = tmp();
    expect((await run("report", "--missing", "fiml", "--out", dir)).code).toBe(0);
    const md = fs.readFileSync(path.join(dir, "report.md"), "utf8");
    expect(md).toContain("- models fitted on: N = 151, incomplete rows kept (FIML)");
  });
});

describe("one rule for seeds", () => {
  const RULE = "the seed must be a whole number from 0 to 9007199254740991";
  const HS = ["fit", "datasets/holzinger-swineford-1939/data.csv"];
  const HS_MODEL = ["--model", "datasets/holzinger-swineford-1939/three-factor.lav", "--bootstrap", "5"];

  for (const bad of ["1e3", "7.0", "-1", "9007199254740992", "abc"]) {
    it(`--seed ${bad} is refused the same way by simulate and by fit --bootstrap`, async () => {
      const sim = await run("simulate", "--n", "3", "--seed", bad);
      const boot = await run(...HS, ...HS_MODEL, "--seed", bad);
      for (const r of [sim, boot]) {
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`--seed ${bad}: ${RULE}`);
        expect(r.stdout).toBe("");
      }
    });
  }

  it("simulate takes seeds above 2^32 (as the bootstrap does), and they give their own data", async () => {
    const a = await run("simulate", "--n", "5", "--seed", "4294967296");
    const b = await run("simulate", "--n", "5", "--seed", "0");
    const c = await run("simulate", "--n", "5", "--seed", "9007199254740991");
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
    expect(a.stdout).not.toBe(b.stdout);
    expect(c.stdout).not.toBe(a.stdout);
    expect((await run("simulate", "--n", "5", "--seed", "4294967296")).stdout).toBe(a.stdout);
  });
});

describe("isrs diagram --format and --out", () => {
  const M = ["diagram", "--model", "datasets/holzinger-swineford-1939/three-factor.lav"];

  it("--format that disagrees with --out's extension is one usage line, nothing written", async () => {
    const file = path.join(tmp(), "d.svg");
    const r = await run(...M, "--format", "dot", "--out", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--format dot and --out ${file} disagree`);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("--format picks the format of a file whose name has no known extension", async () => {
    const file = path.join(tmp(), "diagram.txt");
    expect((await run(...M, "--format", "dot", "--out", file)).code).toBe(0);
    expect(fs.readFileSync(file, "utf8")).toMatch(/^digraph /);
  });
});

describe("the README's set-up", () => {
  it("opens with two commands, and .ci/run runs exactly those", () => {
    const readme = fs.readFileSync("README.md", "utf8");
    const first = /```sh\n([\s\S]*?)```/.exec(readme)![1]!.trim().split("\n");
    expect(first).toEqual([
      "npm install && npx isrs report",
      "apt-get update && apt-get install -y chromium && npm test",
    ]);
    const ci = fs
      .readFileSync(".ci/run", "utf8")
      .split("\n")
      .filter((l) => l !== "" && !l.startsWith("#") && !l.startsWith("set ") && !l.startsWith("cd "));
    expect(ci).toEqual(first);
  });
});
