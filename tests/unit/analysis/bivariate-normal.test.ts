/**
 * Φ₂(a, b; r) of the categorical omega against mnormt 2.1.1's pmnorm (R 4.2.2; Genz's BVND, the
 * function semTools' omegaCat calls) and the closed forms at r = 0 and r = ±1.
 */
import { describe, expect, it } from "vitest";
import { bivariateNormalCdf } from "../../../src/analysis/bivariate-normal.js";
import { normalCdf } from "../../../src/sem/distributions/index.js";

// [a, b, r, pmnorm(c(a, b), c(0, 0), matrix(c(1, r, r, 1), 2))]: each branch of the method
const PMNORM: [number, number, number, number][] = [
  [0.3, -0.5, 0.4, 0.24357588920110462],
  [-1.2, 0.8, -0.6, 0.046258880035091147],
  [1.5, 1.1, 0.95, 0.86169300648322467],
  [-0.7, -0.2, -0.97, 2.7493790135689257e-6],
  [2.1, -1.9, 0.999, 0.028716559816001814],
  [0.5, 0.5, 0.2, 0.50363993109694816],
];

describe("bivariate normal distribution function", () => {
  it.each(PMNORM)("Φ₂(%s, %s; %s) as mnormt::pmnorm", (a, b, r, want) => {
    expect(Math.abs(bivariateNormalCdf(a, b, r) - want)).toBeLessThan(1e-14);
  });

  it("r = 0 is the product of the margins; r = 1 is Φ(min); r = -1 is max(0, Φ(a) + Φ(b) - 1)", () => {
    for (const [a, b] of [
      [0.3, -1.1],
      [-2, 0.4],
      [1.2, 1.7],
    ] as const) {
      expect(bivariateNormalCdf(a, b, 0)).toBeCloseTo(normalCdf(a) * normalCdf(b), 15);
      expect(bivariateNormalCdf(a, b, 1)).toBeCloseTo(normalCdf(Math.min(a, b)), 15);
      expect(bivariateNormalCdf(a, b, -1)).toBeCloseTo(Math.max(0, normalCdf(a) + normalCdf(b) - 1), 15);
    }
  });
});
