/**
 * Bootstrap quantiles, percentile, bias-corrected (bca.simple) and BCa intervals against R's boot
 * package (tests/fixtures/bootstrap/intervals-reference.json, made by make-interval-reference.R
 * there: boot.ci(type = c("perc", "bca"), L = jackknife influence values) and boot's
 * norm.inter, which lavaan's parameterEstimates() uses for "perc" and "bca.simple").
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  bcaInterval,
  bootQuantiles,
  bootSe,
  jackknifeAcceleration,
  percentileInterval,
} from "../../../src/sem/bootstrap/intervals.js";

interface Ref {
  t0: number;
  t: number[];
  jack: number[];
  intervals: { level: number; perc: number[]; bca: number[]; "bca.simple": number[]; acceleration: number }[];
  quantiles: { alpha: number[]; value: number[] };
}
const ref = JSON.parse(readFileSync("tests/fixtures/bootstrap/intervals-reference.json", "utf8")) as Ref;

/** Relative tolerance 1e-10: the same arithmetic as R's, so only rounding differs (R stores 15 significant digits). */
const TOL = 1e-10;
const close = (a: number, b: number): boolean => Math.abs(a - b) <= TOL * Math.max(1, Math.abs(b));

describe("bootstrap intervals (R boot 1.3.28.1)", () => {
  it("quantiles by normal-scale interpolation equal boot's norm.inter, extreme ranks flagged", () => {
    const q = bootQuantiles(ref.t, ref.quantiles.alpha);
    q.values.forEach((v, i) => expect(close(v, ref.quantiles.value[i]!)).toBe(true));
    expect(q.extreme).toBe(true); // rank 999.5 > R - 1 (and 1 at α = 0.001): boot warns too
    expect(bootQuantiles(ref.t, [0.025, 0.975]).extreme).toBe(false);
  });

  it.each(ref.intervals.map((r) => [r.level, r] as const))(
    "level %s: percentile, bca.simple and BCa equal boot.ci",
    (level, r) => {
      const perc = percentileInterval(ref.t, level);
      expect(close(perc.lower, r.perc[0]!) && close(perc.upper, r.perc[1]!)).toBe(true);
      const a = jackknifeAcceleration(ref.jack);
      expect(close(a, r.acceleration)).toBe(true);
      const bca = bcaInterval(ref.t, ref.t0, level, a)!;
      expect(close(bca.lower, r.bca[0]!) && close(bca.upper, r.bca[1]!)).toBe(true);
      const simple = bcaInterval(ref.t, ref.t0, level, 0)!;
      expect(close(simple.lower, r["bca.simple"][0]!) && close(simple.upper, r["bca.simple"][1]!)).toBe(true);
    },
  );

  it("the comparison rejects an endpoint off by just more than the tolerance", () => {
    const r = ref.intervals[0]!;
    expect(close(r.bca[0]! * (1 + 2 * TOL), r.bca[0]!)).toBe(false);
    expect(close(r.bca[0]! * (1 + 0.5 * TOL), r.bca[0]!)).toBe(true);
  });

  it("standard errors: divisor B or B - 1 (closed form on 1..4: sum of squares 5)", () => {
    expect(bootSe([1, 2, 3, 4], "B")).toBeCloseTo(Math.sqrt(5 / 4), 14);
    expect(bootSe([1, 2, 3, 4, NaN], "B-1")).toBeCloseTo(Math.sqrt(5 / 3), 14);
  });

  it("no BCa interval when every draw lies on one side of the estimate or the draws are constant", () => {
    expect(bcaInterval([1, 2, 3], 0.5, 0.95, 0)).toBeNull();
    expect(bcaInterval([2, 2, 2], 2, 0.95, 0)).toBeNull();
    expect(jackknifeAcceleration([3, 3, 3])).toBe(0);
  });
});
