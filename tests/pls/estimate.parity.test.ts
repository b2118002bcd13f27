/**
 * Parity of the estimate with seminr 2.3.1 (tests/fixtures/pls, seminr.json of each case):
 * weights, loadings, paths, R², adjusted R², construct scores, indicator means/sds within 1e-6
 * (relative to max(1, |ref|)) and seminr's iteration counter exactly.
 */
import { describe, expect, test } from "vitest";
import { estimatePls } from "../../src/pls/estimate.js";
import { cell, loadCase, relDiff, type Matrix } from "./helpers.js";

const TOL = 1e-6;
const CASES: [string, { plsc?: boolean }][] = [
  ["mobi-simple", {}],
  ["mobi-modeb", {}],
  ["mobi-plsc", { plsc: true }],
  ["corp-rep-hoc", {}],
];

describe.each(CASES)("%s", (name, options) => {
  const c = loadCase(name, options);
  const est = estimatePls(c.data, c.spec, c.options);
  const ref = c.ref;

  test("iterations exactly as seminr counts them (from 0), converged", () => {
    expect(est.iterations).toBe(ref.iterations);
    expect(est.converged).toBe(true);
    expect(c.data.n).toBe(ref.nobs);
    const fs = ref.first_stage as { iterations: number } | undefined;
    if (fs !== undefined) expect(est.firstStage?.iterations).toBe(fs.iterations);
  });

  test("outer weights and loadings (every construct-item pair)", () => {
    expect(est.allOuter.length).toBe(ref.outer.length);
    for (const o of ref.outer) {
      const e = est.allOuter.find((q) => q.construct === o.construct && q.indicator === o.indicator);
      expect(e, `${o.construct} ${o.indicator}`).toBeDefined();
      expect(relDiff(e!.weight, o.weight)).toBeLessThan(TOL);
      expect(relDiff(e!.loading, o.loading)).toBeLessThan(TOL);
    }
  });

  test("path coefficients, R² and adjusted R²", () => {
    expect(est.pathCoefficients.length).toBe(ref.paths.length);
    for (const p of ref.paths) {
      const e = est.pathCoefficients.find((q) => q.from === p.from && q.to === p.to)!;
      expect(relDiff(e.est, p.estimate)).toBeLessThan(TOL);
    }
    for (const r of ref.r_squared) {
      const e = est.rsquared.find((q) => q.construct === r.construct)!;
      expect(relDiff(e.r2, r.r_squared)).toBeLessThan(TOL);
      expect(relDiff(e.adjR2, r.adj_r_squared)).toBeLessThan(TOL);
    }
  });

  test("construct scores (first 10 rows), their means and sds; indicator means and sds", () => {
    const sc = ref.construct_scores as { first10: Matrix; mean: Record<string, number>; sd: Record<string, number> };
    for (const col of sc.first10.cols)
      sc.first10.rows.forEach((_, i) => {
        expect(relDiff(est.allScores[col]![i]!, sc.first10.values[i]![sc.first10.cols.indexOf(col)]!)).toBeLessThan(
          TOL,
        );
      });
    for (const [k, v] of Object.entries(sc.mean)) {
      const x = est.allScores[k]!;
      expect(Math.abs(x.reduce((s, y) => s + y, 0) / x.length - v)).toBeLessThan(TOL);
    }
    for (const [k, v] of Object.entries(ref.indicator_means as Record<string, number>))
      expect(relDiff(est.indicatorMeans[k]!, v)).toBeLessThan(TOL);
    for (const [k, v] of Object.entries(ref.indicator_sds as Record<string, number>))
      expect(relDiff(est.indicatorSds[k]!, v)).toBeLessThan(TOL);
  });

  test("total effects (I - B)^-1 - I", () => {
    const m = ref.total_effects_matrix as Matrix;
    for (const from of m.rows)
      for (const to of m.cols) {
        const v = est.totalEffects[est.constructs.indexOf(from)]![est.constructs.indexOf(to)]!;
        expect(relDiff(v, cell(m, from, to)!)).toBeLessThan(TOL);
      }
  });
});
