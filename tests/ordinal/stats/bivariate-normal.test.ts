/** The bivariate normal CDF against pbivnorm (Genz's Fortran, which lavaan calls), and closed forms. */
import { describe, expect, it } from "vitest";
import { normalCdf, normalDensity } from "../../../src/sem/distributions/index.js";
import { phiFast, PhiFast } from "../../../src/sem/ordinal/stats/normal-fast.js";
import { bivariateNormalCdf, bivariateNormalDensity } from "../../../src/sem/ordinal/stats/bivariate-normal.js";
import { readJson } from "./load.js";

const cdf = (h: number, k: number, r: number) => bivariateNormalCdf(h, k, r, normalCdf(h), normalCdf(k));

describe("bivariate normal CDF", () => {
  it("agrees with pbivnorm to 2e-15 at 200 points, 20 of them near r = +-0.925 and +-1", () => {
    // pbivnorm.json: pbivnorm::pbivnorm(h, k, r) in R 4.2.2 (make-stats.R)
    const d = readJson<{ h: number[]; k: number[]; r: number[]; p: number[] }>("pbivnorm.json");
    let worst = 0;
    d.h.forEach((h, i) => (worst = Math.max(worst, Math.abs(cdf(h, d.k[i]!, d.r[i]!) - d.p[i]!))));
    expect(worst).toBeLessThan(2e-15);
  });
  it("meets the closed forms at r = 0, +-1 and at the origin", () => {
    // r = 0: Phi(h) Phi(k); r = 1: Phi(min(h, k)); r = -1: max(0, Phi(h) + Phi(k) - 1)
    expect(cdf(0.3, -0.7, 0)).toBeCloseTo(normalCdf(0.3) * normalCdf(-0.7), 15);
    expect(cdf(0.3, -0.7, 1)).toBeCloseTo(normalCdf(-0.7), 15);
    expect(cdf(0.3, 0.7, -1)).toBeCloseTo(normalCdf(0.3) + normalCdf(0.7) - 1, 15);
    expect(cdf(-0.3, -0.7, -1)).toBe(0);
    // Sheppard: Phi2(0, 0; r) = 1/4 + asin(r) / (2 pi)
    for (const r of [-0.99, -0.5, 0.2, 0.93, 0.999])
      expect(cdf(0, 0, r)).toBeCloseTo(0.25 + Math.asin(r) / (2 * Math.PI), 15);
  });
  it("is symmetric in its limits and handles infinite ones", () => {
    expect(cdf(1.1, -0.4, 0.6)).toBeCloseTo(cdf(-0.4, 1.1, 0.6), 15);
    expect(bivariateNormalCdf(Number.POSITIVE_INFINITY, 0.5, 0.3, 1, normalCdf(0.5))).toBe(normalCdf(0.5));
    expect(bivariateNormalCdf(Number.NEGATIVE_INFINITY, 0.5, 0.3, 0, normalCdf(0.5))).toBe(0);
  });
  it("has the density whose integral over r is the CDF (Plackett's identity)", () => {
    // d Phi2 / d r = phi2(h, k; r): central difference against the density
    const [h, k, r, e] = [0.4, -0.9, 0.35, 1e-5];
    expect((cdf(h, k, r + e) - cdf(h, k, r - e)) / (2 * e)).toBeCloseTo(bivariateNormalDensity(h, k, r), 9);
  });
});

describe("the fast normal CDF of the inner loops", () => {
  it("agrees with the engine's normal CDF to 1e-15 from -8 to 8", () => {
    // distributions/normal.ts normalCdf: series and Mills-ratio continued fraction, full precision
    let worst = 0;
    for (let z = -8; z <= 8; z += 0.01) worst = Math.max(worst, Math.abs(PhiFast(z) - normalCdf(z)));
    expect(worst).toBeLessThan(1e-15);
    expect(PhiFast(Number.POSITIVE_INFINITY)).toBe(1);
    expect(PhiFast(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(phiFast(1.3)).toBeCloseTo(normalDensity(1.3), 15);
  });
});
