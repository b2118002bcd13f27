/**
 * Fit measures at the edges of lavaan 0.6.14's rules (lav_fit_cfi, lav_fit_tli, lav_fit_nfi,
 * lav_fit_rfi, lav_fit_ifi, lav_fit_rni, lav_fit_pnfi, lav_fit_agfi, lav_fit_cn, and their scaled
 * and robust uses): a saturated model whose chi-square is round-off, df = 0, a model whose df
 * exceeds the baseline's, X²/df above X²null/dfnull and X²null below df. Every fit measure that
 * lavaan returns is compared; the expected numbers are read from each case's lavaan.json, made by
 * tests/fixtures/fit-edges/cases-fit-edges.R with lavaan 0.6.14 (tests/fixtures/extra/make-extra.R).
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readTable } from "../../src/sem/data/read-file.js";
import { fitModel } from "../../src/sem/fit-model.js";
import type { FitResult } from "../../src/sem/results.js";
import { parseModel } from "../../src/sem/syntax/index.js";
import { loadCases, type Case } from "./cases.js";
import { agrees, TOL } from "./compare.js";
import { toFitResult } from "../../src/sem/views.js";

const cases = loadCases([path.resolve(__dirname, "../fixtures/fit-edges")]);

async function fitCase(c: Case): Promise<FitResult> {
  return fitModel({
    syntax: parseModel(fs.readFileSync(path.join(c.dir, "model.lav"), "utf8"), { file: "model.lav" }),
    data: readTable(path.join(c.dir, "data.csv")),
    options: c.options,
  }).then(toFitResult);
}

/**
 * Hoelter's N at df = 0 follows lavaan's lav_fit_cn: NA when χ² is below machine epsilon, else 1.
 * A saturated model's χ² is round-off in both programs (lavaan: 0 and 4.0e-13 here, ours: 8.9e-14
 * and 0), so the rule is checked on each program's own χ² instead of comparing the two values.
 */
const ROUND_OFF_RULE = new Set(["cn_05", "cn_01"]);
const cnAtDf0 = (chisq: number): number | null => (chisq < Number.EPSILON ? null : 1);

/** The fit measures (lavaan's names) where `mine` and lavaan's `ref` disagree: df exact, the rest at TOL.fit. */
function disagreements(mine: Record<string, number>, ref: Record<string, number | null>): string[] {
  const bad: string[] = [];
  for (const [k, v] of Object.entries(ref)) {
    if (ref.df === 0 && ROUND_OFF_RULE.has(k)) {
      if (v !== cnAtDf0(ref.chisq!)) bad.push(`${k}: lavaan ${v} breaks its own rule at χ² ${ref.chisq}`);
      if (!Object.is(mine[k], cnAtDf0(mine.chisq!) ?? NaN)) bad.push(`${k}: ours ${mine[k]} at χ² ${mine.chisq}`);
      continue;
    }
    const ok = k === "df" || k === "baseline.df" || k === "npar" ? mine[k] === v : agrees(mine[k], v, TOL.fit);
    if (!ok) bad.push(`${k}: lavaan ${v}, ours ${mine[k]}`);
  }
  return bad;
}

it("finds the fit-edge cases", () => {
  expect(cases.map((c) => c.name)).toEqual([
    "growth-equal-residuals",
    "growth-equal-residuals-mlr",
    "rfi-ifi-one",
    "rfi-ifi-one-mlm",
    "saturated-hs-ml",
    "saturated-hs-mlr",
    "saturated-weak-ml",
    "saturated-weak-mlm",
    "saturated-weak-mlr",
    "strict-three-groups",
  ]);
});

const results = new Map<string, FitResult>();
beforeAll(async () => {
  for (const c of cases) results.set(c.name, await fitCase(c));
});

describe.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
  it("matches every fit measure lavaan returns (1e-3 relative, df exact; NA as null)", () => {
    expect(disagreements(results.get(c.name)!.fit, c.ref.fit)).toEqual([]);
  });
});

describe("the edges themselves (values from the lavaan.json files)", () => {
  const ref = (name: string) => cases.find((c) => c.name === name)!.ref.fit;
  it("saturated, round-off chi-square, weak baseline: cfi, cfi.scaled = 1 (lavaan), not 0", () => {
    expect(ref("saturated-weak-ml").cfi).toBe(1);
    expect(results.get("saturated-weak-ml")!.fit.cfi).toBe(1);
    expect(ref("saturated-weak-mlr")["cfi.scaled"]).toBe(1);
    expect(results.get("saturated-weak-mlr")!.fit["cfi.scaled"]).toBe(1);
  });
  it("df = 0: rfi, agfi = 1; cn_05, cn_01 = 1 when X² ≥ machine epsilon, else NA (lavaan)", () => {
    const f = results.get("saturated-hs-ml")!.fit;
    expect([f.rfi, f.agfi]).toEqual([1, 1]);
    expect([ref("saturated-hs-ml").cn_05, ref("saturated-weak-ml").cn_05]).toEqual([1, null]);
    // A saturated model's χ² is round-off in both programs (lavaan: 0 and 4.0e-13 here), so
    // lav_fit_cn's rule is checked against our own χ² of each case: NA below machine epsilon, else 1.
    for (const name of ["saturated-hs-ml", "saturated-weak-ml"]) {
      const g = results.get(name)!.fit;
      expect(g.df).toBe(0);
      expect(Math.abs(g.chisq!)).toBeLessThan(1e-9);
      const expected = g.chisq! < Number.EPSILON ? [true, true] : [false, false];
      expect([g.cn_05, g.cn_01].map(Number.isNaN)).toEqual(expected);
      if (!expected[0]) expect([g.cn_05, g.cn_01]).toEqual([1, 1]);
    }
  });
  it("model df above the baseline's: nfi and rfi NA, pnfi still given (lavaan)", () => {
    for (const name of ["growth-equal-residuals", "strict-three-groups"]) {
      const f = results.get(name)!.fit;
      expect(f.df).toBeGreaterThan(f["baseline.df"]!);
      expect([f.nfi, f.rfi].map(Number.isNaN)).toEqual([true, true]);
      expect(Number.isFinite(f.pnfi)).toBe(true);
    }
  });
  it("X²/df above X²null/dfnull: rfi = 1; X²null below df: ifi = 1 (lavaan)", () => {
    const f = results.get("rfi-ifi-one")!.fit;
    expect(f.chisq! / f.df!).toBeGreaterThan(f["baseline.chisq"]! / f["baseline.df"]!);
    expect(f["baseline.chisq"]!).toBeLessThan(f.df!);
    expect([f.rfi, f.ifi]).toEqual([1, 1]);
  });
});

describe("the comparison rejects what is just outside the fit tolerance", () => {
  it("a growth-equal-residuals measure moved by 1.01e-3 relative fails, by 0.99e-3 passes", () => {
    const r = cases.find((c) => c.name === "growth-equal-residuals")!.ref.fit;
    const mine = results.get("growth-equal-residuals")!.fit;
    const cn = r.cn_05!; // lavaan 641.94...: above the floor of 0.1, so the allowance is relative
    expect(disagreements({ ...mine, cn_05: cn * (1 + 0.99e-3) }, r)).toEqual([]);
    expect(disagreements({ ...mine, cn_05: cn * (1 + 1.01e-3) }, r)).toHaveLength(1);
    expect(disagreements({ ...mine, nfi: 0.5 }, r)).toEqual([`nfi: lavaan null, ours 0.5`]);
  });
});
