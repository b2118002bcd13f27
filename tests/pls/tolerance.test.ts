/**
 * The parity comparison (compare.ts) rejects a value just outside each tolerance and accepts one
 * just inside: 1e-6 absolute for values up to 1 in size, 1e-6 relative above (AIC), and the
 * iteration counter exactly. mobi-simple's reference (seminr 2.3.1) is the baseline.
 */
import { describe, expect, test } from "vitest";
import { estimatePls } from "../../src/pls/estimate.js";
import { plsQuality } from "../../src/pls/quality.js";
import { compareEstimate, compareQuality, TOL } from "./compare.js";
import { loadCase } from "./helpers.js";

const c = loadCase("mobi-simple");
const est = estimatePls(c.data, c.spec);
const q = plsQuality(est, c.data, c.spec);

describe("tolerances of the parity check", () => {
  test("a weight 1.5e-6 away is rejected, 0.5e-6 away accepted (absolute, |ref| < 1)", () => {
    const moved = (d: number) => ({
      ...est,
      allOuter: est.allOuter.map((r) => (r.indicator === "IMAG1" ? { ...r, weight: r.weight + d } : r)),
    });
    expect(compareEstimate(moved(1.5 * TOL), c.ref)).toEqual([expect.stringMatching(/^weight Image IMAG1/)]);
    expect(compareEstimate(moved(0.5 * TOL), c.ref)).toEqual([]);
  });

  test("a path coefficient 1.5e-6 away is rejected", () => {
    const moved = {
      ...est,
      pathCoefficients: est.pathCoefficients.map((p, i) => (i === 0 ? { ...p, est: p.est - 1.5 * TOL } : p)),
    };
    expect(compareEstimate(moved, c.ref)).toEqual([expect.stringMatching(/^path Image -> Expectation/)]);
  });

  test("an iteration count one off is rejected", () => {
    expect(compareEstimate({ ...est, iterations: est.iterations + 1 }, c.ref)).toEqual([
      expect.stringMatching(/^iterations 7 vs seminr 6/),
    ]);
  });

  test("AIC (|ref| about 70) is compared relatively: 1.5e-6 * |AIC| rejected, 0.5e-6 * |AIC| accepted", () => {
    const moved = (f: number) => ({
      ...q,
      itCriteria: q.itCriteria.map((x) => (x.construct === "Expectation" ? { ...x, AIC: x.AIC * (1 + f) } : x)),
    });
    expect(compareQuality(moved(1.5 * TOL), c.ref)).toEqual([expect.stringMatching(/^AIC Expectation/)]);
    expect(compareQuality(moved(0.5 * TOL), c.ref)).toEqual([]);
  });

  test("an HTMT value and an f² 1.5e-6 away are rejected", () => {
    const moved = {
      ...q,
      htmt: q.htmt.map((h, i) => (i === 0 ? { ...h, est: h.est + 1.5 * TOL } : h)),
      fsquared: q.fsquared.map((f, i) => (i === 0 ? { ...f, est: f.est + 1.5 * TOL } : f)),
    };
    const bad = compareQuality(moved, c.ref);
    expect(bad).toHaveLength(2);
    expect(bad.some((b) => b.startsWith("HTMT"))).toBe(true);
    expect(bad.some((b) => b.startsWith("f2"))).toBe(true);
  });
});
