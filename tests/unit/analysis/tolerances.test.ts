/** Each tolerance of the analysis parity tests rejects a value just outside it. */
import { describe, expect, it } from "vitest";
import { loadRef } from "./reference.js";
import { agrees, ATOL } from "./tolerances.js";

const hs = loadRef("holzinger-swineford");
const bfi = loadRef("big-five-inventory");

describe("analysis tolerances", () => {
  it("closed-form statistics: 1e-8 relative to max(1e-6, |ref|)", () => {
    const alpha = hs.alpha.visual!.raw_alpha; // psych::alpha, visual
    expect(agrees(alpha * (1 + 0.99e-8), alpha, ATOL.closed)).toBe(true);
    expect(agrees(alpha * (1 + 1.01e-8), alpha, ATOL.closed)).toBe(false);
    const skew = hs.descriptives[0]!.skew; // psych::describe, x1
    expect(agrees(skew * (1 - 1.01e-8), skew, ATOL.closed)).toBe(false);
  });
  it("p-values: 1e-6 relative to |ref|, so tiny tails are compared too", () => {
    const p = hs.mardia["p.skew"]!; // psych::mardia, 2.2e-14
    expect(agrees(p * (1 + 0.99e-6), p, ATOL.pvalue)).toBe(true);
    expect(agrees(p * (1 + 1.01e-6), p, ATOL.pvalue)).toBe(false);
    expect(agrees(1e-300, 0, ATOL.pvalue)).toBe(false); // a tail R underflows to 0 must underflow here too
  });
  it("chi-square difference p-values: 1e-3 relative to |ref|", () => {
    const p = bfi.estimators.ML!.lrt["second.order-structural"]!["Pr(>Chisq)"][1]!; // lavTestLRT
    expect(agrees(p * (1 + 0.99e-3), p, ATOL.lrtP)).toBe(true);
    expect(agrees(p * (1 - 1.01e-3), p, ATOL.lrtP)).toBe(false);
  });
});
