/**
 * Measurement invariance with ordinal indicators against lavaan 0.6.14 / semTools 0.5.6
 * (tests/fixtures/invariance-ordinal/reference.json, written by make.R there):
 * - HS by school, every item cut into 3 categories (the shared ord-hs-cat3-mg data): WLSMV and
 *   WLSM (delta parameterization) and WLSMV with the theta parameterization, where the strict step
 *   follows the partial scalar model; WLSMVS and ULSMV on their steps and difference tests; and
 *   x1..x3 continuous beside 3-category x4..x9 (intercepts and thresholds at the scalar step, strict
 *   holding the continuous items' residual variances under delta);
 * - three groups (simulated 5-point items, one threshold of y3 shifted in the third group).
 * Every step's fit measures, every difference test (lavTestLRT: satorra.2000 scaled and shifted
 * under WLSMV, Satorra-Bentler 2001 under WLSM), the scaled ΔCFI / ΔRMSEA, every univariate
 * score test of the scalar step and of each partial model (lavTestScore) with its total, and
 * each partial model the search fits (make.R runs the same search: free the threshold with the
 * largest X², until ΔCFI.scaled > −0.01 against the metric step).
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { runInvariance } from "../../src/invariance/run.js";
import { parsePartial, parseSteps } from "../../src/invariance/steps.js";
import type { InvarianceResult, StepFitMeasures } from "../../src/invariance/types.js";
import type { Comparison } from "../../src/invariance/compare.js";
import { readTable } from "../../src/sem/data/read-file.js";
import { parseModel } from "../../src/sem/syntax/index.js";
import { near } from "./helpers.js";

const DIR = path.resolve(__dirname, "../fixtures/invariance-ordinal");
type Fit = Record<string, number | null>;
interface Lrt {
  method: string;
  "Chisq diff": number;
  "Df diff": number;
  "Pr(>Chisq)": number | null;
}
interface Param {
  lhs: string;
  op: string;
  rhs: string;
  group: number;
}
interface Score {
  round: number;
  freed: string[];
  total: { X2: number; df: number; "p.value": number };
  uni: { lhs: string; rhs: string; X2: number; "p.value": number; lhs_parameter: Param; rhs_parameter: Param }[];
}
interface Case {
  data: string;
  /** lavaan's ordered: true, or the ordinal items (hs-mixed: x4..x9; x1..x3 continuous) */
  ordered: true | string[];
  group: string;
  estimator: string;
  parameterization: "delta" | "theta";
  group_labels: string[];
  nobs: number[];
  steps: { step: string; fit: Fit }[];
  lrt: Lrt[];
  /** absent for the cases checked on their steps and difference tests only (WLSMVS, ULSMV) */
  score?: Score[];
  partial?: { freed: string[]; fit: Fit; lrt_vs_metric: Lrt }[];
  strict?: { group: string[]; fit: Fit; lrt_vs_partial: Lrt };
  latent?: {
    estimates: { lhs: string; op: string; group: number; est: number; se: number; z: number; pvalue: number }[];
    variances: Lrt;
    means: Lrt;
    "cfi.scaled": { partial: number; variances: number; means: number };
  };
}
// lavaan 0.6.14, semTools 0.5.6, R 4.2.2 (make.R)
const REF = JSON.parse(fs.readFileSync(path.join(DIR, "reference.json"), "utf8")) as {
  cases: Record<string, Case>;
  delta_strict: { scalar: number[]; strict: number[] };
};

const MODELS: Record<string, string> = {
  "hs-cat3.csv": "hs.lav",
  "hs-mixed.csv": "hs.lav",
  "three-group.csv": "three.lav",
};

function run(c: Case): Promise<InvarianceResult> {
  const model = MODELS[c.data]!;
  return runInvariance(
    {
      syntax: parseModel(fs.readFileSync(path.join(DIR, model), "utf8"), { file: model }),
      data: readTable(path.join(DIR, c.data)),
      options: { group: c.group, ordered: c.ordered, estimator: c.estimator, parameterization: c.parameterization },
    },
    { steps: parseSteps(undefined), criterion: "cfi", partial: parsePartial("auto") },
  );
}

/** The measures we report, against lavaan's fitMeasures (the shift: chisq.scaled − chisq / scaling factor). */
function checkFit(ours: StepFitMeasures, ref: Fit, what: string): void {
  const keys = Object.keys(ours) as (keyof StepFitMeasures)[];
  expect(keys.length).toBeGreaterThan(8);
  for (const k of keys) {
    let expected = ref[k];
    if (k === "chisq.shift.parameter") expected = ref["chisq.scaled"]! - ref.chisq! / ref["chisq.scaling.factor"]!;
    expect(expected, `${what} ${k} in lavaan's fitMeasures`).not.toBeUndefined();
    near(ours[k], expected ?? null, `${what} ${k}`, 1e-3, 1e-6);
  }
}

function checkComparison(c: Comparison, l: Lrt, less: Fit, more: Fit, what: string): void {
  expect(c.method, what).toBe(l.method);
  near(c["chisq.diff"], l["Chisq diff"], `${what} chisq.diff`);
  expect(c["df.diff"], what).toBe(l["Df diff"]);
  near(c.pvalue, l["Pr(>Chisq)"], `${what} pvalue`, 1e-3, 1e-8);
  // the verdict's measures: lavaan's scaled CFI and RMSEA, the more constrained minus the less
  expect(c.cfiMeasure).toBe("cfi.scaled");
  near(c["cfi.scaled.diff"], more["cfi.scaled"]! - less["cfi.scaled"]!, `${what} Δcfi.scaled`, 1e-3, 1e-6);
  near(c["rmsea.scaled.diff"], more["rmsea.scaled"]! - less["rmsea.scaled"]!, `${what} Δrmsea.scaled`, 1e-3, 1e-6);
  expect(c.supported, what).toBe(c["cfi.scaled.diff"]! > -0.01);
}

for (const [name, c] of Object.entries(REF.cases)) {
  describe(`ordinal invariance, ${name} (${c.estimator}, ${c.parameterization})`, () => {
    let res: InvarianceResult;
    beforeAll(async () => {
      res = await run(c);
    });

    test("groups, and every step's fit as lavaan's fitMeasures", () => {
      expect(res.groups).toEqual(c.group_labels);
      expect(res.nobs).toEqual(c.nobs);
      expect(res.estimator).toBe(c.estimator);
      // the steps fitted: configural, metric, scalar (strict only under theta, after the partial scalar model)
      expect(res.steps.map((s) => s.name)).toEqual(
        c.strict ? [...c.steps.map((s) => s.step), "strict"] : c.steps.map((s) => s.step),
      );
      c.steps.forEach((s, i) => {
        expect(res.steps[i]!.groupEqual).toEqual([[], ["loadings"], ["loadings", "thresholds", "intercepts"]][i]);
        checkFit(res.steps[i]!.fit, s.fit, `${name} ${s.step}`);
      });
    });

    test("every difference test (lavTestLRT) and the scaled ΔCFI / ΔRMSEA", () => {
      c.lrt.forEach((l, i) => {
        const cmp = res.comparisons[i]!;
        checkComparison(cmp, l, c.steps[i]!.fit, c.steps[i + 1]!.fit, `${name} ${cmp.from}→${cmp.to}`);
      });
    });

    const score = c.score ?? [];
    const partial = c.partial ?? [];
    if (c.score !== undefined)
      test("every univariate score test of the scalar step and of each partial model (lavTestScore)", () => {
        expect(res.scoreTotals.length).toBe(score.length);
        for (const sc of score) {
          const total = res.scoreTotals.find((t) => t.round === sc.round)!;
          near(total.X2, sc.total.X2, `round ${sc.round} total X2`, 1e-3, 1e-5);
          expect(total.df).toBe(sc.total.df);
          const ours = res.scoreTests.filter((t) => t.round === sc.round);
          expect(ours.length).toBe(sc.uni.length);
          for (const u of sc.uni) {
            const p = u.rhs_parameter;
            const t = ours.find((x) => x.lhs === p.lhs && x.op === p.op && x.rhs === p.rhs && x.group === p.group);
            expect(t, `${p.lhs}${p.op}${p.rhs} group ${p.group}`).toBeDefined();
            expect(t!.plabels).toEqual([u.lhs, u.rhs]);
            near(t!.X2, u.X2, `round ${sc.round} X2 of ${p.lhs}${p.op}${p.rhs} g${p.group}`, 1e-3, 1e-5);
            near(t!.pvalue, u["p.value"], `round ${sc.round} p of ${p.lhs}${p.op}${p.rhs}`, 1e-3, 1e-6);
            // the scalar step's constraints: thresholds, and intercepts of continuous items
            expect(t!.candidate).toBe(p.op === "|" || p.op === "~1");
          }
        }
      });

    if (c.partial !== undefined)
      test("the partial scalar models, freeing thresholds by the largest X²", () => {
        expect(res.partial.map((p) => p.freed)).toEqual(partial.map((p) => p.freed));
        partial.forEach((p, i) => {
          checkFit(res.partial[i]!.fit, p.fit, `${name} partial ${p.freed.join(",")}`);
          const metric = c.steps[1]!.fit;
          checkComparison(res.partial[i]!.comparison, p.lrt_vs_metric, metric, p.fit, `partial ${p.freed}`);
        });
        // the last partial model holds, and its freed thresholds stay free in the strict step (theta)
        expect(res.supported).toEqual({
          step: c.strict ? "strict" : "scalar",
          freed: partial[partial.length - 1]!.freed,
        });
      });

    if (c.strict !== undefined) {
      const strict = c.strict;
      test("strict after the partial scalar model (theta: ordinal residual variances at 1 in every group)", () => {
        const s = res.steps.find((x) => x.name === "strict")!;
        expect(s.freed).toEqual(partial[partial.length - 1]!.freed);
        checkFit(s.fit, strict.fit, `${name} strict`);
        const cmp = res.comparisons.find((x) => x.to === "strict")!;
        checkComparison(cmp, strict.lrt_vs_partial, partial[partial.length - 1]!.fit, strict.fit, "strict");
      });
    }

    if (c.latent !== undefined && c.strict === undefined) {
      const lat = c.latent;
      test("latent variances and means in the partial scalar model, and the tests of holding them equal", () => {
        const ours = res.latent!;
        expect(ours.step).toBe("scalar");
        const rows = [...ours.variances!.rows, ...ours.means!.rows];
        expect(rows.length).toBe(lat.estimates.length);
        for (const e of lat.estimates) {
          const r = rows.find((x) => x.lhs === e.lhs && x.op === e.op && x.group === e.group)!;
          expect(r, `${e.lhs}${e.op} group ${e.group}`).toBeDefined();
          near(r.est, e.est, `${e.lhs}${e.op} g${e.group} est`, 1e-4, 1e-8);
          near(r.se, e.se, `${e.lhs}${e.op} g${e.group} se`, 1e-3, 1e-8);
        }
        for (const k of ["variances", "means"] as const) {
          const t = ours[k]!.test!;
          expect(t.method).toBe(lat[k].method);
          near(t["chisq.diff"], lat[k]["Chisq diff"], `equal latent ${k}: chisq.diff`);
          expect(t["df.diff"]).toBe(lat[k]["Df diff"]);
          near(t.pvalue, lat[k]["Pr(>Chisq)"], `equal latent ${k}: p`, 1e-3, 1e-8);
          const d = lat["cfi.scaled"][k] - lat["cfi.scaled"].partial;
          near(t["cfi.scaled.diff"], d, `equal latent ${k}: Δcfi.scaled`, 1e-3, 1e-6);
        }
      });
    }

    if (c.parameterization === "delta" && c.strict === undefined)
      test("delta: the strict step is dropped with a note (lavaan refits the scalar model)", () => {
        // lavaan 0.6.14: group.equal + "residuals" gives the scalar model's chisq and df again
        expect(REF.delta_strict.strict).toEqual(REF.delta_strict.scalar);
        expect(res.steps.some((s) => s.name === "strict")).toBe(false);
        expect(res.notes.join("\n")).toMatch(/delta parameterization.*--parameterization theta/);
      });
  });
}

describe("the tolerance check rejects a value just outside it", () => {
  test("a scaled difference 1.5e-3 relative off lavaan's fails; 0.5e-3 passes", () => {
    const l = REF.cases["hs-wlsmv"]!.lrt[1]!["Chisq diff"];
    expect(() => near(l * (1 + 1.5e-3), l, "Δχ²")).toThrow(/not within/);
    expect(() => near(l * (1 + 0.5e-3), l, "Δχ²")).not.toThrow();
  });
});
