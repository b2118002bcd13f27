/**
 * Cases beyond the shared reference, against tests/fixtures/invariance/unshared/unshared.json
 * (lavaan 0.6.14, make-unshared.R): a one-factor model just identified at the configural step
 * (df 0: the Satorra-Bentler difference takes c = 1 for it; a negative difference scaling factor
 * gives no test, as lavaan), and a second-order model over the two schools (second-order
 * loadings held at the metric step, first-order intercepts at 0 from the scalar step on, the
 * second-order mean freed in group 2; score tests and a freed first-order intercept), full-
 * information ML with missing values, and the score tests of an MLR fit.
 */
import path from "node:path";
import { describe, expect, test } from "vitest";
import { readTable } from "../../src/sem/data/read-file.js";
import { runInvariance } from "../../src/invariance/run.js";
import { parsePartial, parseSteps } from "../../src/invariance/steps.js";
import { FIXTURES, hsInput, near, readJson } from "./helpers.js";

type Row = Record<string, number | string | null>;
interface Lrt {
  from: string;
  to: string;
  "chisq.diff": number | null;
  "df.diff": number;
  pvalue: number | null;
}
interface Case {
  model: string;
  steps: Row[];
  lrt: Lrt[];
}
interface SecondOrder extends Case {
  score_tests: { total: { X2: number; df: number }; uni: { X2: number; parameter: Row }[] };
  modindices_first_order_intercepts: Row[];
  scalar_g_mean: { est: number; se: number; z: number; pvalue: number };
  scalar_visual_intercept_freed: Row;
  scalar_x3_freed: Row;
}
// lavaan 0.6.14 (make-unshared.R)
const REF = readJson<{ one_factor_ML: Case; one_factor_MLR: Case; second_order_ML: SecondOrder }>(
  "unshared/unshared.json",
);

const allSteps = async (model: string, estimator: string, partial = "none") => {
  // every step fitted: the chisq criterion with each step run from the one before it
  const out = [];
  const cmps = [];
  const names = ["configural", "metric", "scalar", "strict"];
  for (let i = 0; i < names.length - 1; i++) {
    const r = await runInvariance(hsInput(model, { estimator }), {
      steps: parseSteps(names.slice(i, i + 2).join(",")),
      criterion: "cfi",
      partial: parsePartial(partial),
    });
    if (i === 0) out.push(r.steps[0]!);
    out.push(r.steps[1]!);
    cmps.push(r.comparisons[0]!);
  }
  return { steps: out, comparisons: cmps };
};

function checkSteps(steps: { fit: Row }[], ref: Row[], skip: string[] = []): void {
  ref.forEach((r, i) => {
    for (const [k, v] of Object.entries(r)) {
      if (k === "step" || skip.includes(k)) continue;
      // a χ² of round-off size (df 0) is compared absolutely
      near(
        steps[i]!.fit[k] as number,
        v as number,
        `${r.step} ${k}`,
        1e-3,
        k === "chisq" || k === "srmr" ? 1e-6 : 1e-6,
      );
    }
  });
}

function checkLrt(cmps: { "chisq.diff": number | null; "df.diff": number; pvalue: number | null }[], ref: Lrt[]): void {
  ref.forEach((l, i) => {
    near(cmps[i]!["chisq.diff"], l["chisq.diff"], `${l.to} chisq.diff`);
    expect(cmps[i]!["df.diff"]).toBe(l["df.diff"]);
    near(cmps[i]!.pvalue, l.pvalue, `${l.to} pvalue`);
  });
}

describe("one factor, just identified at the configural step", () => {
  for (const est of ["ML", "MLR"] as const) {
    test(`${est}: step fits and difference tests`, async () => {
      const ref = REF[`one_factor_${est}`];
      const { steps, comparisons } = await allSteps(ref.model, est);
      expect(steps[0]!.fit.df).toBe(0);
      // lavaan's CFI at df 0 is 1 up to round-off (0.999999999999999): compared absolutely
      checkSteps(steps as { fit: Row }[], ref.steps);
      checkLrt(comparisons, ref.lrt);
      if (est === "MLR") {
        // metric → scalar: c_d = (4·0.3475 − 2·1.0954)/2 < 0, so lavaan gives no test
        expect(comparisons[1]!["scaling.factor"]).toBeNull();
        expect(comparisons[1]!.chisqFails).toBeNull();
      }
    });
  }
});

describe("second-order model over two groups", () => {
  const ref = REF.second_order_ML;
  test("steps and difference tests (second-order loadings at metric, first-order intercepts at scalar)", async () => {
    const { steps, comparisons } = await allSteps(ref.model, "ML");
    checkSteps(steps as { fit: Row }[], ref.steps);
    checkLrt(comparisons, ref.lrt);
    expect(steps[1]!.fit.npar).toBe(52); // 8 loadings held: 6 first-order, 2 second-order
  });

  test("scalar score tests: lavTestScore's constraints, modindices of the first-order intercepts", async () => {
    const res = await runInvariance(hsInput(ref.model), {
      steps: parseSteps("metric,scalar"),
      criterion: "cfi",
      partial: parsePartial("none"),
    });
    const tests = res.scoreTests.filter((t) => t.round === 1);
    for (const u of ref.score_tests.uni) {
      const p = u.parameter;
      const t = tests.find((m) => m.lhs === p.lhs && m.op === p.op && m.rhs === p.rhs && m.group === p.group);
      expect(t, `${p.lhs}${p.op}${p.rhs}`).toBeDefined();
      near(t!.X2, u.X2, `X2 ${p.lhs}${p.op}${p.rhs}`, 1e-3, 1e-5);
      expect(t!.candidate).toBe(p.op === "~1");
    }
    // freeing a first-order intercept in group 2 is the modification index of that fixed parameter
    for (const m of ref.modindices_first_order_intercepts.filter((x) => x.group === 2)) {
      const t = tests.find((x) => x.lhs === m.lhs && x.op === "~1" && x.group === 2)!;
      expect(t.candidate).toBe(true);
      near(t.X2, m.mi as number, `X2 of ${m.lhs} ~1`, 1e-3, 1e-5);
    }
    // lavaan's total covers its 17 equality constraints; ours adds the 3 fixed intercepts freed
    expect(res.scoreTotals[0]!.df).toBe(ref.score_tests.total.df + 3);
  });

  test("--partial visual~1 frees that first-order intercept in group 2; x3~1 an observed one", async () => {
    for (const [item, want] of [
      ["visual~1", ref.scalar_visual_intercept_freed],
      ["x3~1", ref.scalar_x3_freed],
    ] as const) {
      const res = await runInvariance(hsInput(ref.model), {
        steps: parseSteps("metric,scalar"),
        criterion: "chisq",
        partial: parsePartial(item),
      });
      expect(res.steps[1]!.freed).toEqual([item]);
      checkSteps([res.steps[1]!] as { fit: Row }[], [{ step: item, ...want }]);
    }
  });

  test("the second-order factor's mean in group 2 (lavaan's scalar model)", async () => {
    const res = await runInvariance(hsInput(ref.model), {
      steps: parseSteps("configural,scalar"),
      criterion: "chisq",
      partial: parsePartial("none"),
    });
    // the scalar step fails by χ², so the latent means are read from it only when it holds: fit it alone
    const alone = await runInvariance(hsInput(ref.model), {
      steps: parseSteps("scalar"),
      criterion: "chisq",
      partial: parsePartial("none"),
    });
    expect(res.supported.step).toBe("configural");
    const g = alone.latent!.means!.rows.find((r) => r.lhs === "g")!;
    near(g.est, ref.scalar_g_mean.est, "g ~1 est");
    near(g.se, ref.scalar_g_mean.se, "g ~1 se");
    near(g.z, ref.scalar_g_mean.z, "g ~1 z");
    // first-order intercepts are held at 0, so only the second-order mean is free
    expect(alone.latent!.means!.rows.map((r) => r.lhs)).toEqual(["g"]);
  });
});

describe("full-information ML with missing values; score tests under MLR", () => {
  interface Fiml extends Case {
    data: string;
    score_tests: { total: { X2: number; df: number }; uni: { X2: number; parameter: Row }[] };
  }
  const all = readJson<{ fiml_ML: Fiml; mlr_score_total: { X2: number; df: number } }>("unshared/unshared.json");
  const ref = all.fiml_ML;

  test("--missing fiml: step fits, difference tests and lavTestScore of the scalar model", async () => {
    const input = hsInput(ref.model, { missing: "fiml" });
    const data = readTable(path.join(FIXTURES, "unshared", ref.data));
    const res = await runInvariance(
      { ...input, data },
      { steps: parseSteps("configural,metric,scalar"), criterion: "chisq", partial: parsePartial("none") },
    );
    checkSteps(res.steps as unknown as { fit: Row }[], ref.steps.slice(0, 3));
    checkLrt(res.comparisons, ref.lrt.slice(0, 2));
    for (const u of ref.score_tests.uni) {
      const p = u.parameter;
      const t = res.scoreTests.find((m) => m.lhs === p.lhs && m.op === p.op && m.rhs === p.rhs && m.group === p.group)!;
      near(t.X2, u.X2, `X2 ${p.lhs}${p.op}${p.rhs}`, 1e-3, 1e-5);
    }
    near(res.scoreTotals[0]!.X2, ref.score_tests.total.X2, "total X2");
  });

  test("MLR: the ordinary score test, as lavaan 0.6.14 falls back to", async () => {
    const res = await runInvariance(hsInput(ref.model, { estimator: "MLR" }), {
      steps: parseSteps("metric,scalar"),
      criterion: "cfi",
      partial: parsePartial("none"),
    });
    near(res.scoreTotals[0]!.X2, all.mlr_score_total.X2, "MLR total X2");
    expect(res.scoreTotals[0]!.df).toBe(all.mlr_score_total.df);
  });
});
