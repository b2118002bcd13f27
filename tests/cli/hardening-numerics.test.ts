/**
 * Numerical hardening, as a user meets it on the command line: the units of the variables,
 * reflected indicators, lavaan's modification-index rows, fixed values that leave no admissible
 * covariance matrix, extreme cells, an oversized simulation and a covariance matrix given as data.
 * Every expected number names its source: lavaan 0.6.14 (the lavaan.json of a reference case) or
 * a closed form.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { expectBadInput, tmpWriter } from "./expect-bad.js";
import { run } from "./run.js";

const HS = "tests/parity/lavaan-0.6.14/hs-cfa-ml";
const HS2 = "tests/parity/lavaan-0.6.14/hs-second-order";
const EXTRA = "tests/fixtures/extra";
const tmp = tmpWriter("isrs-numerics-");

interface Ref {
  fit: Record<string, number>;
  parameters: { lhs: string; op: string; rhs: string; est: number; se: number | null; z: number | null }[];
  modindices: { lhs: string; op: string; rhs: string; mi: number }[];
}
const ref = (dir: string): Ref => JSON.parse(fs.readFileSync(`${dir}/lavaan.json`, "utf8")) as Ref;

interface Json {
  converged: boolean;
  fit: Record<string, number>;
  parameters: { lhs: string; op: string; rhs: string; est: number; se: number | null; z: number | null }[];
  modindices?: { lhs: string; op: string; rhs: string; mi: number }[];
  warnings: { code: string; message: string }[];
}

async function fitJson(data: string, model: string, ...more: string[]): Promise<{ code: number; out: Json }> {
  const r = await run("fit", data, "--model", model, "--format", "json", ...more);
  return { code: r.code, out: JSON.parse(r.stdout) as Json };
}

/** The HS data file with the named columns transformed. */
function hsWith(name: string, change: Record<string, (x: number) => number>): string {
  const [header, ...rows] = fs.readFileSync(`${HS}/data.csv`, "utf8").trim().split("\n");
  const cols = header!.split(",").map((c) => c.replace(/"/g, ""));
  const out = rows.map((line) =>
    line
      .split(",")
      .map((cell, j) => (change[cols[j]!] ? String(change[cols[j]!]!(Number(cell))) : cell))
      .join(","),
  );
  return tmp.file(name, [header, ...out].join("\n") + "\n");
}

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe("the units of the variables do not matter", () => {
  it("fits HS with x1 times 100 with every standard error (lavaan 0.6.14: hs-x1-times-100)", async () => {
    const lav = ref(`${EXTRA}/hs-x1-times-100`);
    const { code, out } = await fitJson(`${EXTRA}/hs-x1-times-100/data.csv`, `${HS}/model.lav`);
    expect(code).toBe(0);
    expect(out.warnings.map((w) => w.code)).toEqual(["W_VARIANCE_RATIO"]); // lavaan's "factor 1000" warning
    expect(rel(out.fit.chisq!, lav.fit.chisq!)).toBeLessThan(1e-6);
    for (const r of lav.parameters.filter((x) => x.se !== null && x.se > 0)) {
      const m = out.parameters.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs)!;
      expect(Math.abs(m.se! - r.se!)).toBeLessThan(1e-3 * Math.max(0.01, r.se!));
      expect(Math.abs(m.z! - r.z!)).toBeLessThan(1e-3 * Math.max(1, Math.abs(r.z!)));
    }
  });

  it(
    "converges on x1 times 1e4, 1e-3, 1e30, 1e-30 with " + "lavaan's chi-square and z " + "values of the unscaled fit",
    async () => {
      // closed form: rescaling a variable changes neither the chi-square nor any z value
      const lav = ref(HS);
      for (const k of [1e4, 1e-3, 1e30, 1e-30]) {
        const { code, out } = await fitJson(hsWith(`x1-${k}.csv`, { x1: (x) => x * k }), `${HS}/model.lav`);
        expect(code).toBe(0);
        expect(out.converged).toBe(true);
        expect(rel(out.fit.chisq!, lav.fit.chisq!)).toBeLessThan(1e-6);
        for (const r of lav.parameters.filter((x) => x.z !== null)) {
          const m = out.parameters.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs)!;
          expect(Math.abs(m.z! - r.z!)).toBeLessThan(1e-3 * Math.max(1, Math.abs(r.z!)));
        }
        // lavaan: "some observed variances are larger than 1000000" for x1 times 1e4 (variance 1.36e8)
        expect(out.warnings.some((w) => w.code === "W_LARGE_VARIANCE")).toBe(k > 1);
      }
    },
  );
});

describe("reflected indicators", () => {
  it("fits the HS second-order model with x1, x2, x3 negated to the unreflected chi-square", async () => {
    // closed form: negating indicators only changes signs of loadings, so the chi-square is lavaan's
    // 85.3055 for the unreflected data (hs-second-order) and every |estimate| is the same
    const lav = ref(HS2);
    const data = hsWith("reflected.csv", { x1: (x) => -x, x2: (x) => -x, x3: (x) => -x });
    const { code, out } = await fitJson(data, `${HS2}/model.lav`);
    expect(code).toBe(0);
    expect(out.converged).toBe(true);
    expect(rel(out.fit.chisq!, lav.fit.chisq!)).toBeLessThan(1e-6);
    for (const r of lav.parameters) {
      const m = out.parameters.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs)!;
      expect(Math.abs(Math.abs(m.est) - Math.abs(r.est))).toBeLessThan(1e-4 * Math.max(1, Math.abs(r.est)));
    }
  });
});

describe("modification indices list lavaan's rows", () => {
  for (const name of ["mimic-hs", "pd-observed-outcomes"]) {
    it(`${name}: the same rows as lavaan's modindices(), with the same values`, async () => {
      const lav = ref(`${EXTRA}/${name}`);
      const { out } = await fitJson(`${EXTRA}/${name}/data.csv`, `${EXTRA}/${name}/model.lav`, "--modindices");
      const key = (r: { lhs: string; op: string; rhs: string }): string => `${r.lhs} ${r.op} ${r.rhs}`;
      expect(out.modindices!.map(key).sort()).toEqual(lav.modindices.map(key).sort());
      for (const r of lav.modindices.filter((x) => x.mi > 1e-6 && key(x) !== "dem60 ~ y5")) {
        const m = out.modindices!.find((x) => key(x) === key(r))!;
        expect(Math.abs(m.mi - r.mi)).toBeLessThan(1e-3 * Math.max(1, r.mi));
      }
    });
  }
});

describe("fixed values that leave no admissible covariance matrix", () => {
  const model = (extra: string): string =>
    tmp.file(
      `m-${extra.length}.lav`,
      `visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n${extra}\n`,
    );
  it("refuses a negative fixed variance with its model line (lavaan: estimation FAILED)", async () => {
    const m = model("x1 ~~ -1*x1");
    await expectBadInput(["fit", `${HS}/data.csv`, "--model", m], /line 4 \("x1 ~~ -1\*x1"\).*too negative/);
    await expectBadInput(
      ["diagram", "--data", `${HS}/data.csv`, "--model", m, "--out", `${tmp.dir}/d.svg`],
      /line 4 .*too negative/,
    );
    expect(fs.existsSync(`${tmp.dir}/d.svg`)).toBe(false);
  });
  it("fits visual ~~ 5*textual from an admissible start (lavaan 0.6.14: chisq 382.571 on 25 df)", async () => {
    // lavaan: cfa(paste(HS.model, "visual ~~ 5*textual"), HolzingerSwineford1939): chisq 382.571, df 25
    const { code, out } = await fitJson(`${HS}/data.csv`, model("visual ~~ 5*textual"));
    expect(code).toBe(0);
    expect(out.converged).toBe(true);
    expect(out.fit.df).toBe(25);
    expect(Math.abs(out.fit.chisq! - 382.571)).toBeLessThan(1e-3);
  });
});

describe("extreme cells", () => {
  it("names the variable and row of a column multiplied by 1e150", async () => {
    const data = hsWith("x1e150.csv", { x1: (x) => x * 1e150 });
    await expectBadInput(["fit", data, "--model", `${HS}/model.lav`], /line 2 \(row 1\), column "x1".*too large/);
  });
  it("names the overflowing 1e308 cell", async () => {
    let n = 0;
    const data = hsWith("x5-1e308.csv", { x5: (x) => (++n === 7 ? 1e308 : x) });
    await expectBadInput(
      ["fit", data, "--model", `${HS}/model.lav`],
      /line 8 \(row 7\), column "x5": 1\.00e\+308 .*square overflows/,
    );
  });
});

describe("limits and misplaced files", () => {
  it("refuses isrs simulate --n 1e9 with the limit and why", async () => {
    await expectBadInput(["simulate", "--n", "1e9", "--seed", "1"], /--n 1000000000: at most 1000000 firms.*in memory/);
  });
  it("refuses a covariance matrix given as the data file", async () => {
    const lines = fs.readFileSync(`${HS}/data.csv`, "utf8").trim().split("\n").slice(1);
    const cols = ["x1", "x2", "x3", "x4", "x5", "x6"];
    const X = lines.map((l) => l.split(",").slice(4, 10).map(Number));
    const mean = cols.map((_, j) => X.reduce((a, r) => a + r[j]!, 0) / X.length);
    const cov = cols.map((_, i) =>
      cols.map((_, j) => X.reduce((a, r) => a + (r[i]! - mean[i]!) * (r[j]! - mean[j]!), 0) / (X.length - 1)),
    );
    const text = ["variable," + cols.join(","), ...cov.map((row, i) => [cols[i], ...row].join(","))].join("\n");
    const m = tmp.file("two.lav", "f1 =~ x1 + x2 + x3\nf2 =~ x4 + x5 + x6\n");
    await expectBadInput(
      ["fit", tmp.file("cov.csv", text + "\n"), "--model", m],
      /looks like a covariance matrix \(6 rows named like the 6 columns.*give it as --sample-cov .* --nobs N instead/,
    );
  });
  it("refuses R's write.csv(cov(d)), whose row-name column has an empty header, as a matrix too", async () => {
    // the layout R writes: a quoted empty first header cell, quoted row names (a correlation
    // matrix here, so the message says which)
    const text = ['"","x1","x2","x3"', '"x1",1,0.5,0.4', '"x2",0.5,1,0.3', '"x3",0.4,0.3,1'].join("\n") + "\n";
    const m = tmp.file("one.lav", "f1 =~ x1 + x2 + x3\n");
    await expectBadInput(
      ["fit", tmp.file("cor.csv", text), "--model", m],
      /looks like a correlation matrix \(3 rows named like the 3 columns.*--sample-cov .* --nobs N \(with --sds FILE/,
    );
    // a data file with an unnamed first column that is not a matrix keeps the header's own line
    const data = ['"","x1","x2","x3"', '"a",1,2,3', '"b",2,1,3', '"c",3,1,2'].join("\n") + "\n";
    await expectBadInput(["fit", tmp.file("rows.csv", data), "--model", m], /column 1 of the header has no name/);
  });
});
