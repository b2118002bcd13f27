/**
 * The counter-based generator and the resampling built on it: known answers, reproducibility,
 * independence of streams, and uniformity.
 */
import { describe, expect, it } from "vitest";
import { philox4x32, RandomStream, STREAM_PURPOSE, type StreamPurpose } from "../../../src/sem/bootstrap/prng.js";
import { gatherRows, resampleIndices } from "../../../src/sem/bootstrap/resample.js";
import { chisqUpper } from "../../../src/sem/distributions/index.js";

const hex = (w: Uint32Array): string[] => [...w].map((x) => x.toString(16).padStart(8, "0"));

describe("Philox4x32-10", () => {
  // Known-answer vectors of the authors' Random123 library (file kat_vectors, lines
  // "philox4x32 10 <counter ×4> <key ×2> <expected ×4>"; Salmon et al. 2011).
  const KAT: [number[], number[], string[]][] = [
    [
      [0, 0, 0, 0],
      [0, 0],
      ["6627e8d5", "e169c58d", "bc57ac4c", "9b00dbd8"],
    ],
    [
      [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff],
      [0xffffffff, 0xffffffff],
      ["408f276d", "41c83b0e", "a20bc7c6", "6d5451fd"],
    ],
    [
      [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344],
      [0xa4093822, 0x299f31d0],
      ["d16cfe09", "94fdcceb", "5001e420", "24126ea1"],
    ],
  ];
  it.each(KAT)("counter %j, key %j gives Random123's answer", (ctr, key, want) => {
    expect(hex(philox4x32(ctr, key, new Uint32Array(4)))).toEqual(want);
  });

  it("a wrong round count does not give the answer (the check can fail)", () => {
    expect(hex(philox4x32([0, 0, 0, 0], [0, 0], new Uint32Array(4), 9))).not.toEqual(KAT[0]![2]);
  });
});

describe("RandomStream", () => {
  const draw = (seed: number, index: number, purpose: StreamPurpose = STREAM_PURPOSE.ordinary, n = 8): number[] => {
    const s = new RandomStream(seed, index, purpose);
    return Array.from({ length: n }, () => s.nextUint32());
  };

  it("is a pure function of (seed, index, purpose)", () => {
    expect(draw(12345, 7)).toEqual(draw(12345, 7));
    expect(draw(2 ** 40 + 3, 0)).toEqual(draw(2 ** 40 + 3, 0));
  });

  it("gives different numbers for another seed, index, purpose or high seed word", () => {
    const base = draw(12345, 7);
    expect(draw(12346, 7)).not.toEqual(base);
    expect(draw(12345, 8)).not.toEqual(base);
    expect(draw(12345, 7, STREAM_PURPOSE.bollenStine)).not.toEqual(base);
    expect(draw(12345 + 2 ** 32, 7)).not.toEqual(base);
  });

  it("reads consecutive counter blocks: words 5-8 are the block with counter word 0 = 1", () => {
    const words = draw(99, 3, STREAM_PURPOSE.ordinary, 8);
    const block1 = philox4x32([1, 3, STREAM_PURPOSE.ordinary, 0], [99, 0], new Uint32Array(4));
    expect(words.slice(4)).toEqual([...block1]);
  });

  it("rejects seeds that are not whole numbers from 0 to 2^53 - 1", () => {
    expect(() => new RandomStream(-1, 0)).toThrow(RangeError);
    expect(() => new RandomStream(1.5, 0)).toThrow(RangeError);
    expect(() => new RandomStream(2 ** 53, 0)).toThrow(RangeError);
  });

  it("uniformInt is uniform on 0..n-1 (chi-square goodness of fit)", () => {
    // 60,000 draws in 6 cells and in 7 cells (2^32 is not a multiple of 7: the rejection step
    // matters). Under uniformity X² ~ χ²(n−1); the check fails when P(χ² > X²) < 1e-4.
    for (const n of [6, 7]) {
      const s = new RandomStream(2024, 0, STREAM_PURPOSE.test);
      const counts = new Array<number>(n).fill(0);
      const m = 60_000;
      for (let i = 0; i < m; i++) counts[s.uniformInt(n)]++;
      const e = m / n;
      const x2 = counts.reduce((a, c) => a + ((c - e) * (c - e)) / e, 0);
      expect(chisqUpper(x2, n - 1)).toBeGreaterThan(1e-4);
    }
  });

  it("uniform() lies in [0, 1) with mean 1/2 (within 4 standard errors of 1/sqrt(12 m))", () => {
    const s = new RandomStream(5, 1, STREAM_PURPOSE.test);
    const m = 40_000;
    let sum = 0;
    let lo = 1;
    let hi = 0;
    for (let i = 0; i < m; i++) {
      const u = s.uniform();
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
      sum += u;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(Math.abs(sum / m - 0.5)).toBeLessThan(4 / Math.sqrt(12 * m));
  });
});

describe("resampling within groups", () => {
  it("draws n_g positions inside each group, reproducibly", () => {
    const a = resampleIndices(1, 42, [5, 300], STREAM_PURPOSE.ordinary);
    const b = resampleIndices(1, 42, [5, 300], STREAM_PURPOSE.ordinary);
    expect(a).toEqual(b);
    expect(a.map((x) => x.length)).toEqual([5, 300]);
    expect([...a[0]!].every((i) => i >= 0 && i < 5)).toBe(true);
    expect([...a[1]!].every((i) => i >= 0 && i < 300)).toBe(true);
    expect(resampleIndices(1, 43, [5, 300], STREAM_PURPOSE.ordinary)).not.toEqual(a);
  });

  it("draws with replacement: about a fraction (1 - 1/n)^n ≈ e^-1 of the rows is left out", () => {
    // Expected share of rows never drawn: (1 - 1/n)^n = 0.3670 for n = 1000; over 20 draws of
    // 1000 rows its standard error is about sqrt(e^-1 (1 - e^-1) / 20000) ≈ 0.0034.
    let unseen = 0;
    for (let b = 0; b < 20; b++) {
      const [idx] = resampleIndices(9, b, [1000], STREAM_PURPOSE.ordinary);
      unseen += 1000 - new Set(idx).size;
    }
    expect(Math.abs(unseen / 20_000 - Math.pow(1 - 1 / 1000, 1000))).toBeLessThan(4 * 0.0034);
  });

  it("gathers the rows at the drawn positions", () => {
    const X = Float64Array.from([1, 2, 3, 4, 5, 6]); // 3 rows × 2
    expect([...gatherRows(X, 2, Int32Array.from([2, 0, 2]))]).toEqual([5, 6, 1, 2, 5, 6]);
  });
});

describe("uniformInts", () => {
  it("draws the same integers as repeated uniformInt calls", () => {
    const a = new RandomStream(77, 5);
    const b = new RandomStream(77, 5);
    const one = Array.from({ length: 500 }, () => a.uniformInt(301));
    expect([...b.uniformInts(500, 301)]).toEqual(one);
  });
});
