/**
 * The ordinal sample statistics against lavaan 0.6.14 (tests/fixtures/ordinal/stats/*.json, made by
 * make-stats.R from the shared reference cases and three unshared ones): lavInspect(fit, "sampstat")
 * th, mean and cov, lavInspect(fit, "wls.obs") and the full lavInspect(fit, "gamma"), per group.
 */
import { describe, expect, it } from "vitest";
import { maxRelDiff, runCase } from "./load.js";

// lavaan's estimates stop where nlminb's tolerances stop them: the polychoric correlations agree to
// about 1e-8 (the thresholds to 1e-12); lavaan's polyserial correlations (nlminb with the gradient
// alone) stop up to 5e-5 short of the maximum (x3 ~ x5 of ord-hs-mixed: lavaan 0.0946270, the
// maximum 0.0946221, checked with R's optimize at tol 1e-14), so the mixed cases get a wider band.
const CASES: [string, number][] = [
  ["ord-hs-cat3-wlsmv", 1e-6],
  ["ord-binary-2f", 1e-6],
  ["ord-bfi-2f", 1e-6],
  ["ord-hs-cat3-mg", 1e-6],
  ["ord-secondorder-7pt", 1e-6], // 25 items of 7 categories
  ["pairwise-cat3", 1e-6], // missing = "pairwise", 15 cells blank per item, one row blank throughout
  ["zero-cells", 1e-6], // a 2 x 2 table with an empty cell (zero.add), a 4 x 2 table with one
  ["two-empty-cells", 1e-6], // two items that agree in every row: correlation 1
  ["ord-hs-mixed", 5e-5], // polyserial and Pearson correlations, means and variances
  ["pairwise-mixed", 5e-5], // the same with pairwise deletion (ML Pearson on the pair's rows)
];

describe.each(CASES)("%s against lavaan 0.6.14", (name, tol) => {
  const { ref, stats } = runCase(name);
  it("has lavaan's groups and numbers of rows", () => {
    expect(ref.lavaan_version).toBe("0.6.14");
    expect(stats.groups.map((g) => g.nobs)).toEqual(ref.groups.map((g) => g.nobs));
  });
  ref.groups.forEach((lg, gi) => {
    const g = stats.groups[gi]!;
    it(`group ${gi + 1}: thresholds, means and cov (sampstat)`, () => {
      // lavInspect's sampstat lists the thresholds under th and the means under mean
      const th = g.th.filter((_, k) => g.thNumber[k]! > 0);
      expect(maxRelDiff(th, lg.th)).toBeLessThan(1e-9);
      const means = lg.mean.filter((_, v) => !g.vars[v]!.ordered);
      expect(
        maxRelDiff(
          g.th.filter((_, k) => g.thNumber[k] === 0),
          means,
        ),
      ).toBeLessThan(1e-12);
      expect(maxRelDiff(g.cov, lg.cov.flat())).toBeLessThan(tol);
    });
    it(`group ${gi + 1}: wls.obs`, () => {
      expect(maxRelDiff(g.wlsObs, lg["wls.obs"])).toBeLessThan(tol);
    });
    it(`group ${gi + 1}: the diagonal of gamma, and the full gamma`, () => {
      expect(maxRelDiff(g.gammaDiag, lg["gamma.diag"])).toBeLessThan(tol);
      // ord-secondorder-7pt keeps only the first 30 of its 450 rows of gamma (make-stats.R)
      const rows = lg.gamma.length;
      expect(rows).toBe(Math.min(g.wlsObs.length, name === "ord-secondorder-7pt" ? 30 : Infinity));
      expect(maxRelDiff(g.gamma.subarray(0, rows * g.wlsObs.length), lg.gamma.flat())).toBeLessThan(tol);
    });
    it(`group ${gi + 1}: gamma is the cross-product of the influences over the rows used`, () => {
      const m = g.wlsObs.length;
      const n = g.rows.length;
      expect(g.influence.length).toBe(m * n);
      expect(n).toBe(g.nobs);
      let s = 0;
      for (let i = 0; i < n; i++) s += g.influence[i]! * g.influence[(m - 1) * n + i]!;
      expect(s / n).toBeCloseTo(g.gamma[m - 1]!, 12);
    });
  });
});

describe("notes", () => {
  it("names the pair whose 2 x 2 table got lavaan's zero.add", () => {
    const { stats } = runCase("zero-cells");
    expect(stats.notes).toEqual(["b1 x b2: an empty cell in the 2 x 2 table; 0.5 added to it (lavaan's zero.add)"]);
    expect(stats.warnings).toEqual([]);
  });
  it("names a 2 x 2 table with two empty cells, and warns of a matrix not positive definite", () => {
    const { stats } = runCase("two-empty-cells");
    expect(stats.notes).toEqual([
      "a x b: two empty cells in the 2 x 2 table; correlation set to 1",
      "correlation between b and a is 1.0000",
    ]);
    expect(stats.warnings.map((w) => w.code)).toEqual(["W_POLYCHORIC_NOT_PD"]);
    expect(stats.warnings[0]!.message).toContain("the most extreme pairs: a ~ b 1.000");
  });
});
