/**
 * RMSEA-based power and sample size against semTools 0.5.6 (findRMSEApower, findRMSEAsamplesize),
 * every value of /work/shared/reference/power/power.json (made by make-power.R there): power within
 * 1e-6, N exact. The quantile is checked against closed forms of its own.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rmseaPower, rmseaSampleSize } from "../../src/power/rmsea.js";
import { noncentralChisqQuantile } from "../../src/power/quantile.js";
import { chisqQuantile, noncentralChisqCdf, noncentralChisqUpper } from "../../src/sem/distributions/index.js";

const FILE = path.join(process.env.ISRS_SHARED_REFERENCE ?? "/work/shared/reference", "power", "power.json");
const present = fs.existsSync(FILE);

interface Grid {
  test: string;
  rmsea0: number;
  rmseaA: number;
  df: number;
  n: number;
  alpha: number;
  power: number;
}

describe.runIf(present)("RMSEA power against semTools 0.5.6 (power.json)", () => {
  const ref = present
    ? (JSON.parse(fs.readFileSync(FILE, "utf8")) as { rmsea_power: Grid[]; rmsea_samplesize: Grid[] })
    : { rmsea_power: [], rmsea_samplesize: [] };

  it("every findRMSEApower value of the grid (close and not-close fit, df 10-200, n 100-400) within 1e-6", () => {
    expect(ref.rmsea_power).toHaveLength(40);
    for (const g of ref.rmsea_power) {
      const r = rmseaPower({ df: g.df, n: g.n, rmsea0: g.rmsea0, rmseaA: g.rmseaA, alpha: g.alpha });
      expect(r.test).toBe(g.test);
      expect(Math.abs(r.power - g.power), `${g.test} df ${g.df} n ${g.n}`).toBeLessThan(1e-6);
    }
  });

  it("every findRMSEAsamplesize value (power .80) exactly", () => {
    expect(ref.rmsea_samplesize).toHaveLength(10);
    for (const g of ref.rmsea_samplesize) {
      const r = rmseaSampleSize({ df: g.df, power: g.power, rmsea0: g.rmsea0, rmseaA: g.rmseaA, alpha: g.alpha });
      expect(r.n, `${g.test} df ${g.df}`).toBe(g.n);
      expect(r.power).toBeGreaterThan(0.8);
      const before = rmseaPower({ df: g.df, n: g.n - 1, rmsea0: g.rmsea0, rmseaA: g.rmseaA, alpha: g.alpha });
      expect(before.power).toBeLessThanOrEqual(0.8);
    }
  });
});

describe("noncentral chi-square quantile", () => {
  it("inverts the distribution function on both tails", () => {
    for (const [df, ncp] of [
      [1, 0.5],
      [10, 12.5],
      [200, 1800],
      [3, 0.001],
    ])
      for (const q of [1e-10, 0.05, 0.5, 0.95, 1 - 1e-9]) {
        // near 1, q itself carries an absolute rounding of 1e-16: and the distribution functions about 1e-15 near 1: allow 1e-14 besides 1e-9 relative
        const tol = 1e-9 * Math.min(q, 1 - q) + 1e-14;
        const xu = noncentralChisqQuantile(q, df!, ncp!, true);
        expect(Math.abs(noncentralChisqUpper(xu, df!, ncp!) - q)).toBeLessThan(tol);
        const xl = noncentralChisqQuantile(q, df!, ncp!, false);
        expect(Math.abs(noncentralChisqCdf(xl, df!, ncp!) - q)).toBeLessThan(tol);
      }
  });
  it("is the central quantile at ncp = 0 (closed form for df = 2: −2 log(1 − p))", () => {
    expect(noncentralChisqQuantile(0.95, 3, 0, false)).toBeCloseTo(chisqQuantile(0.95, 3), 10);
    expect(noncentralChisqQuantile(0.3, 2, 0, false)).toBeCloseTo(-2 * Math.log(0.7), 12);
  });
});
