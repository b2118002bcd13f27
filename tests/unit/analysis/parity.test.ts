/**
 * `runStudy` against R: every expected number is read from tests/fixtures/analysis/<case>.json,
 * made by make-reference.R with psych 2.2.9 (describe type 3, mardia, alpha), stats::mahalanobis,
 * semTools 0.5.6 (compRelSEM, AVE, htmt, reliabilityL2) and lavaan 0.6.14 (lavInspect cor.lv,
 * lavTestLRT, parameterEstimates) on the bundled data sets.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { runStudy, type StudyResults } from "../../../src/analysis/study.js";
import { CASES, designOf, loadRef, studyInput, type AnalysisRef } from "./reference.js";
import { agrees, ATOL, TOL } from "./tolerances.js";
import type { Tol } from "../../parity/compare.js";

function expectClose(mine: number | null | undefined, ref: number | null | undefined, tol: Tol, what: string): void {
  if (!agrees(mine, ref, tol)) expect.fail(`${what}: ${String(mine)} vs R ${String(ref)}`);
}

function expectMatrix(
  mine: { names: string[]; values: number[][] },
  ref: { names: string[]; values: number[][] },
  tol: Tol,
  what: string,
): void {
  ref.names.forEach((a, i) =>
    ref.names.forEach((b, j) => {
      const mi = mine.names.indexOf(a);
      const mj = mine.names.indexOf(b);
      expectClose(mine.values[mi]?.[mj], ref.values[i]![j]!, tol, `${what}[${a}, ${b}]`);
    }),
  );
}

describe.each(CASES)("analysis parity: %s", (name) => {
  const ref: AnalysisRef = loadRef(name);
  let res: StudyResults;
  beforeAll(async () => {
    res = await runStudy(studyInput(ref));
  });

  it("the design is the reference's (for the ISRS case: read from the instrument)", () => {
    const want = designOf(ref);
    expect(res.design.constructs.map((c) => [c.name, c.items])).toEqual(want.constructs.map((c) => [c.name, c.items]));
    expect(res.design.secondOrder.map((x) => [x.name, x.dimensions])).toEqual(
      want.secondOrder.map((x) => [x.name, x.dimensions]),
    );
    expect(res.design.hypotheses.map((h) => [h.outcome, h.predictor])).toEqual(
      want.hypotheses.map((h) => [h.outcome, h.predictor]),
    );
  });

  it("sample: rows and complete rows (listwise over the items)", () => {
    expect(res.data.rows).toBe(ref.rows);
    expect(res.data.complete).toBe(ref.complete_rows);
    expect(res.data.dropped.length).toBe(ref.rows - ref.complete_rows);
  });

  it("item descriptives match psych::describe(type = 3)", () => {
    expect(res.screening.items.map((d) => d.item)).toEqual(ref.descriptives.map((d) => d.item));
    ref.descriptives.forEach((d, i) => {
      const m = res.screening.items[i]!;
      expect(m.n).toBe(d.n);
      for (const k of ["mean", "sd", "skew", "kurtosis", "missing"] as const)
        expectClose(m[k], d[k], ATOL.closed, `${d.item} ${k}`);
    });
  });

  it("Mardia's tests match psych::mardia", () => {
    for (const k of ["b1p", "b2p", "skew", "small.skew", "kurtosis"] as const)
      expectClose(res.screening.mardia[k], ref.mardia[k], ATOL.closed, k);
    for (const k of ["p.skew", "p.small", "p.kurt"] as const)
      expectClose(res.screening.mardia[k], ref.mardia[k], ATOL.pvalue, k);
    expect(res.screening.mardia["n.obs"]).toBe(ref.mardia["n.obs"]);
  });

  it("Mahalanobis distances and p-values match stats::mahalanobis / pchisq", () => {
    const rows = res.screening.mahalanobis.rows;
    expect(rows.map((r) => r.row)).toEqual(ref.mahalanobis.row);
    ref.mahalanobis.d2.forEach((d, i) => {
      expectClose(rows[i]!.d2, d, ATOL.closed, `d2 row ${ref.mahalanobis.row[i]}`);
      expectClose(rows[i]!.pvalue, ref.mahalanobis.pvalue[i], ATOL.pvalue, `p row ${ref.mahalanobis.row[i]}`);
    });
    expect(res.screening.mahalanobis.outliers).toBe(ref.mahalanobis.pvalue.filter((p) => p < 0.001).length);
  });

  it("Cronbach's alpha matches psych::alpha; omega and AVE match semTools::compRelSEM / AVE", () => {
    for (const r of res.reliability) {
      expectClose(r.alpha.raw_alpha, ref.alpha[r.construct]!.raw_alpha, ATOL.closed, `${r.construct} raw_alpha`);
      expectClose(r.alpha["std.alpha"], ref.alpha[r.construct]!["std.alpha"], ATOL.closed, `${r.construct} std.alpha`);
      expectClose(r.omega, ref.omega[r.construct], TOL.est, `${r.construct} omega`);
      expectClose(r.ave, ref.ave[r.construct], TOL.est, `${r.construct} AVE`);
    }
  });

  it("Fornell-Larcker: sqrt(AVE) on the diagonal, lavInspect(fit, 'cor.lv') off it", () => {
    const fl = res.validity.fornellLarcker;
    ref["cor.lv"].names.forEach((a, i) =>
      ref["cor.lv"].names.forEach((b, j) => {
        const want = i === j ? Math.sqrt(ref.ave[a]!) : ref["cor.lv"].values[i]![j]!;
        expectClose(fl.values[fl.names.indexOf(a)]![fl.names.indexOf(b)], want, TOL.est, `FL[${a}, ${b}]`);
      }),
    );
  });

  it("HTMT matches semTools::htmt (default htmt2 = TRUE, and htmt2 = FALSE)", () => {
    expectMatrix(res.validity.htmt.htmt, ref.htmt, ATOL.closed, "htmt");
    expectMatrix(res.validity.htmt["htmt.arithmetic"], ref["htmt.arithmetic"], ATOL.closed, "htmt.arithmetic");
  });

  it("second-order reliability matches compRelSEM(higher =) and reliabilityL2", () => {
    const s = res.secondOrder[0]!;
    expectClose(s.omega, ref.second.compRelSEM[ref.second_order.name], TOL.est, "compRelSEM higher");
    for (const k of ["omegaL1", "omegaL2", "partialOmegaL1"] as const)
      expectClose(s[k], ref.second.reliabilityL2[k], TOL.est, k);
  });

  it("chi-square difference tests match lavTestLRT", () => {
    const lrt = ref.estimators.ML!.lrt;
    const pairs = Object.values(lrt);
    expect(res.comparison!.rows.length).toBe(pairs.length + 1);
    expect(res.comparison!.method).toBe("standard");
    pairs.forEach((pair, k) => {
      const row = res.comparison!.rows[k + 1]!;
      expect(row.model).toBe(pair.models[1] === "second.order" ? "second.order" : pair.models[1]);
      expect(row["Df diff"]).toBe(pair["Df diff"][1]);
      expectClose(row.Chisq, pair.Chisq[1], TOL.fit, `${row.model} Chisq`);
      expectClose(row.AIC, pair.AIC[1], TOL.fit, `${row.model} AIC`);
      // equivalent models (Δdf = 0): lavaan's Δχ² is ~1e-9, the difference of two optimizer runs
      if (pair["Df diff"][1] === 0) expect(Math.abs(row["Chisq diff"]!)).toBeLessThan(1e-4);
      else expectClose(row["Chisq diff"], pair["Chisq diff"][1], TOL.fit, `${row.model} Chisq diff`);
      expectClose(row["Pr(>Chisq)"], pair["Pr(>Chisq)"][1], ATOL.lrtP, `${row.model} p`);
    });
  });

  it(
    "hypotheses: est, se, std.all as " +
      "parameterEstimates(standardized " +
      "= TRUE); se.std as standardizedSolution()",
    () => {
      const paths = ref.estimators.ML!.paths;
      const list = Array.isArray(paths) ? paths : [];
      expect(res.hypotheses.length).toBe(list.length);
      for (const p of list) {
        const h = res.hypotheses.find((x) => x.lhs === p.lhs && x.rhs === p.rhs)!;
        expectClose(h.est, p.est, TOL.est, `${h.path} est`);
        expectClose(h.se, p.se, TOL.se, `${h.path} se`);
        expectClose(h["std.all"], p["std.all"], TOL.est, `${h.path} std.all`);
        // standardizedSolution(fit, type = "std.all"): delta-method se of std.all
        expectClose(h["se.std"], p["se.std"], TOL.se, `${h.path} se.std`);
        expect(h.supported).toBe(p.pvalue < 0.05 && p.est > 0);
      }
    },
  );
});

/** MLR through the whole pipeline: the engine's robust fits and lavTestLRT(method = "satorra.bentler.2001"). */
describe.each(CASES.filter((c) => loadRef(c).estimators.MLR !== undefined))("analysis parity, MLR: %s", (name) => {
  const ref = loadRef(name);
  const mlr = ref.estimators.MLR!;
  let res: StudyResults;
  beforeAll(async () => {
    res = await runStudy(studyInput(ref, "MLR"));
  });

  it("scaled chi-square differences match lavTestLRT", () => {
    expect(res.comparison!.method).toBe("satorra.bentler.2001");
    Object.values(mlr.lrt).forEach((pair, k) => {
      const row = res.comparison!.rows[k + 1]!;
      expect(row["Df diff"]).toBe(pair["Df diff"][1]);
      expectClose(row["Chisq diff"], pair["Chisq diff"][1], TOL.fit, `${row.model} scaled Chisq diff`);
      expectClose(row["Pr(>Chisq)"], pair["Pr(>Chisq)"][1], ATOL.lrtP, `${row.model} p`);
    });
  });

  it("hypotheses carry the robust (sandwich) SEs of parameterEstimates and standardizedSolution", () => {
    const list = Array.isArray(mlr.paths) ? mlr.paths : [];
    expect(list.length).toBeGreaterThan(0);
    for (const p of list) {
      const h = res.hypotheses.find((x) => x.lhs === p.lhs && x.rhs === p.rhs)!;
      expectClose(h.se, p.se, TOL.se, `${h.path} robust se`);
      expectClose(h["se.std"], p["se.std"], TOL.se, `${h.path} robust se.std`);
    }
  });
});
