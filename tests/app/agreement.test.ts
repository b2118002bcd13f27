/**
 * rwg(j) (James, Demaree & Wolf 1984, eq. 6) on values worked out by hand, and the per-item
 * spread of several respondents.
 */
import { describe, expect, it } from "vitest";
import { loadInstrument } from "../../src/instrument/index.js";
import { agreement, itemSpreads, rwgJ } from "../../src/app/agreement.js";

describe("rwg(j)", () => {
  it("matches values computed by hand", () => {
    // 7 points: σ²_EU = (49 - 1) / 12 = 4. J = 5, s̄² = 1: ratio 0.25, rwg = 5·0.75 / (5·0.75 + 0.25) = 0.9375
    expect(rwgJ(5, 1, 4)).toBeCloseTo(0.9375, 15);
    // J = 4, s̄² = 2: ratio 0.5, rwg = 4·0.5 / (4·0.5 + 0.5) = 0.8
    expect(rwgJ(4, 2, 4)).toBeCloseTo(0.8, 15);
    // identical answers: 1; more spread than uniform answers: truncated to 0 (LeBreton & Senter 2008)
    expect(rwgJ(3, 0, 4)).toBe(1);
    expect(rwgJ(3, 5, 4)).toBe(0);
  });

  it("takes each construct's items' variances across respondents", () => {
    const instr = loadInstrument();
    const all = (v: number): Record<string, number> => Object.fromEntries(instr.items.map((i) => [i.id, v]));
    // two respondents answering 3 and 5 on every item: each item's variance is 2 (n - 1 divisor)
    const spreads = itemSpreads(instr, [all(3), all(5)]);
    expect(spreads[0]).toMatchObject({ n: 2, mean: 4, min: 3, max: 5 });
    expect(spreads[0]!.sd).toBeCloseTo(Math.SQRT2, 15);
    const det = agreement(instr, spreads).find((a) => a.construct === "detection")!;
    // detection has 5 items: rwg = 5·0.5 / (5·0.5 + 0.5) = 5/6
    expect(det.items).toBe(5);
    expect(det.meanVariance).toBeCloseTo(2, 12);
    expect(det.rwg).toBeCloseTo(5 / 6, 12);
    // one respondent: no variance, no rwg
    expect(agreement(instr, itemSpreads(instr, [all(4)]))[0]!.rwg).toBeNull();
  });
});
