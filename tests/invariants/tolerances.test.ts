/**
 * The comparison helper rejects what is just outside each tolerance the invariant tests use,
 * and accepts what is just inside, both above the floor (relative) and below it (absolute).
 */
import { describe, expect, it } from "vitest";
import { TOL, expectAllRelClose, expectRelClose, relClose } from "./helpers.js";

/** Each tolerance with the floor it is used with (kernel tolerances take a matrix's size). */
const USED: [string, number, number][] = [
  ["kernel", TOL.kernel.rel, 1],
  ["kernel, floor = matrix size 250", TOL.kernel.rel, 250],
  ["illConditioned", TOL.illConditioned.rel, 1],
  ["gradient", TOL.gradient.rel, TOL.gradient.floor],
  ["information", TOL.information.rel, TOL.information.floor],
  ["atZero", TOL.atZero.rel, TOL.atZero.floor],
  ["sameOptimum", TOL.sameOptimum.rel, TOL.sameOptimum.floor],
  ["chisq", TOL.chisq.rel, TOL.chisq.floor],
];

describe.each(USED)("tolerance %s (rel %d, floor %d)", (_, rel, floor) => {
  // references above the floor (the comparison is relative), below it (absolute), and zero
  const refs = [-37 * floor, 3.5 * floor, 0.25 * floor, 0];

  it.each(refs)("around %d: 1.01 × the allowance is rejected, 0.99 × accepted", (b) => {
    const allowance = rel * Math.max(Math.abs(b), floor);
    for (const sign of [1, -1]) {
      expect(relClose(b + sign * 1.01 * allowance, b, rel, floor)).toBe(false);
      expect(relClose(b + sign * 0.99 * allowance, b, rel, floor)).toBe(true);
      expect(() => expectRelClose(b + sign * 1.01 * allowance, b, rel, floor)).toThrow();
      expect(() => expectRelClose(b + sign * 0.99 * allowance, b, rel, floor)).not.toThrow();
    }
  });

  it("one entry just outside fails a whole array", () => {
    const ref = [1, -2, 0.5, 0].map((x) => x * floor);
    const ok = ref.map((x) => x + 0.99 * rel * Math.max(Math.abs(x), floor));
    expect(() => expectAllRelClose(ok, ref, rel, floor)).not.toThrow();
    const bad = [...ok];
    bad[2] = ref[2]! + 1.01 * rel * floor;
    expect(() => expectAllRelClose(bad, ref, rel, floor)).toThrow();
  });
});

describe("relClose on values that are not numbers", () => {
  it("never accepts NaN or infinities, even at a huge tolerance", () => {
    expect(relClose(NaN, 1, 1e9, 1)).toBe(false);
    expect(relClose(1, NaN, 1e9, 1)).toBe(false);
    expect(relClose(Infinity, Infinity, 1e9, 1)).toBe(false);
    expect(relClose(-Infinity, 1, 1e9, 1)).toBe(false);
  });
  it("arrays of different lengths do not compare close", () => {
    expect(() => expectAllRelClose([1, 2], [1, 2, 3], 1, 1)).toThrow();
  });
});
