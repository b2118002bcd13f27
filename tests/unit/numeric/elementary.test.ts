/**
 * The engine's own exp, log, log1p, pow, log2 and log10 (src/sem/numeric): error within 1 ulp of the
 * true value, and ECMAScript's special values.
 *
 * True values: reference.json, written by make-reference.py with mpmath 1.3.0 at 200 bits (each row:
 * the arguments, the true value rounded to a double, and the rest of the true value in ulps).
 * Special values: ECMAScript's Math.exp/log/log1p/pow/log2/log10 definitions, which fix them exactly.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exp, log, log10, log1p, log2, pow } from "../../../src/sem/numeric/index.js";

type Row = number[];
const REF = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "reference.json"), "utf8")) as Record<
  string,
  Row[]
>;

/** Size of the last place of the normal double v (powers of two by exact doubling/halving). */
function ulp(v: number): number {
  let a = Math.abs(v);
  let e = 0;
  while (a >= 2) {
    a /= 2;
    e++;
  }
  while (a < 1) {
    a *= 2;
    e--;
  }
  let u = 1;
  for (let i = 0; i < Math.abs(e - 52); i++) u = e - 52 < 0 ? u / 2 : u * 2;
  return u;
}

/** Largest |f(args) − true| in ulps of the true value over a reference table. */
function worstUlps(name: string, f: (...a: number[]) => number): number {
  let worst = 0;
  for (const row of REF[name]!) {
    const [rounded, rest] = row.slice(-2) as [number, number];
    const err = Math.abs((f(...row.slice(0, -2)) - rounded) / ulp(rounded) - rest);
    worst = Math.max(worst, Number.isNaN(err) ? Infinity : err);
  }
  return worst;
}

describe("accuracy against 200-bit values (mpmath)", () => {
  it.each([
    ["exp", exp],
    ["log", log],
    ["log1p", log1p],
    ["pow", pow],
    ["log2", log2],
    ["log10", log10],
  ] as const)("%s is within 1 ulp", (name, f) => {
    expect(REF[name]!.length).toBeGreaterThan(200);
    expect(worstUlps(name, f as (...a: number[]) => number)).toBeLessThan(1);
  });

  it("gives the correctly rounded ln 2 and ln 10 (ECMAScript's Math.LN2, LN10), and e within 1 ulp", () => {
    // e = 2.71828182845904523536…: Math.E is 0.33 ulp below it, the next double 0.67 ulp above
    expect([Math.E, 2.7182818284590455]).toContain(exp(1));
    expect(log(2)).toBe(Math.LN2);
    expect(log(10)).toBe(Math.LN10);
    expect(log1p(1)).toBe(Math.LN2);
    expect(log(Math.E)).toBe(1);
  });

  it("is exact where the true value is a double", () => {
    for (let k = -1074; k <= 1023; k += 7) expect(log2(pow(2, k))).toBe(k);
    for (let k = 0; k <= 22; k++) expect(log10(pow(10, k))).toBe(k);
    expect(pow(10, 3)).toBe(1000);
    expect(pow(2, -5)).toBe(1 / 32);
    expect(pow(3, 33)).toBe(5559060566555523); // 3^33 < 2^53
    expect(pow(0.5, 60)).toBe(1 / 1152921504606846976);
    expect(pow(16, 0.5)).toBe(4);
    expect(pow(-2, 3)).toBe(-8);
    expect(exp(0)).toBe(1);
    expect(log(1)).toBe(0);
  });
});

describe("special values as ECMAScript defines them", () => {
  const specials = [NaN, Infinity, -Infinity, 0, -0, 5e-324, -5e-324, 1e-310, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 1e308];
  it("exp, log, log1p, log2, log10 match Math at NaN, ±Infinity, ±0, subnormals, negatives, overflow edges", () => {
    const xs = [...specials, 709.782712893384, 709.7827128933841, -745.1332191019411, -745.1332191019412, -1.5];
    for (const x of xs) {
      // exact results only: elsewhere the two may differ in the last bit (the accuracy tests above)
      if (!Number.isFinite(x) || Math.abs(x) < 1e-300 || x > 709.782712893384 || x < -745.1332191019411)
        expect(exp(x), `exp(${x})`).toBe(Math.exp(x));
      if (!(x > 0) || !Number.isFinite(x) || x === 1) {
        expect(log(x), `log(${x})`).toBe(Math.log(x));
        expect(log2(x), `log2(${x})`).toBe(Math.log2(x));
        expect(log10(x), `log10(${x})`).toBe(Math.log10(x));
      }
      if (!(x > -1) || !Number.isFinite(x) || x === 0) expect(log1p(x), `log1p(${x})`).toBe(Math.log1p(x));
    }
    expect(Object.is(log1p(-0), -0)).toBe(true);
    expect(exp(-745.1332191019411)).toBe(5e-324);
  });

  it("pow matches Math.pow on every pair of special operands", () => {
    const ys = [...specials, 0.25, -0.25, 1.5, -1.5, 2.5, 1e20, -1e20];
    for (const x of specials) for (const y of ys) expect(pow(x, y), `pow(${x}, ${y})`).toBe(Math.pow(x, y));
  });

  it("underflows and overflows where Math.pow does", () => {
    expect(pow(10, 309)).toBe(Infinity);
    expect(pow(10, -324)).toBe(0);
    expect(pow(2, 1024.5)).toBe(Infinity);
    // 2^1023.5 = √2 · 2^1023, within 1 ulp (2^971) of the correctly rounded Math.SQRT2 · 2^1023
    expect(Math.abs(pow(2, 1023.5) - Math.SQRT2 * 2 ** 1023)).toBeLessThanOrEqual(2 ** 971);
    expect(pow(2, -1074)).toBe(5e-324);
    expect(pow(0.1, -308)).toBeCloseTo(1e308, -295);
  });
});

describe("agreement with Math on random arguments", () => {
  /** Deterministic pseudo-random doubles (a linear congruential generator, seeded). */
  function* uniform(n: number, lo: number, hi: number): Generator<number> {
    let s = 12345;
    for (let i = 0; i < n; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      yield lo + ((hi - lo) * s) / 2 ** 32;
    }
  }

  it("differs from Math.* by at most 1 ulp (both are within 1 ulp of the true value)", () => {
    let worst = 0;
    const track = (a: number, b: number): void => {
      worst = Math.max(worst, Math.abs(a - b) / ulp(b));
    };
    for (const x of uniform(20000, -700, 700)) track(exp(x), Math.exp(x));
    for (const x of uniform(20000, -700, 700)) track(log(Math.exp(x)), Math.log(Math.exp(x)));
    for (const x of uniform(20000, -0.99, 5)) track(log1p(x), Math.log1p(x));
    for (const x of uniform(20000, 0.01, 50)) track(pow(x, x / 3 - 5), Math.pow(x, x / 3 - 5));
    expect(worst).toBeLessThanOrEqual(1);
  });
});
