import { describe, expect, it } from "vitest";
import {
  chisqCdf,
  noncentralChisqCdf,
  noncentralChisqUpper,
  solveNoncentrality,
} from "../../../src/sem/distributions/index.js";
import { ABS, expectAbsClose, expectRelClose, REL, relativeError } from "./expect-close.js";
import { noncentralFarUpperPrecise, noncentralPrecise, rmseaLambdaPrecise } from "./mpmath-reference.js";
import { noncentralFarUpper, noncentralValues, rmseaCase } from "./r-reference.js";

// Expected values: R 4.2.2 / lavaan 0.6.14 (r-values.R) and mpmath at 100 digits
// (mpmath-values.py); each entry carries the call that produced it.

const evaluate = (x: number, df: number, ncp: number, lower: boolean): number =>
  lower ? noncentralChisqCdf(x, df, ncp) : noncentralChisqUpper(x, df, ncp);

describe("noncentral chi-square vs R", () => {
  // For ncp < 80 R sums the requested tail directly and is accurate to ~1e-13.
  it.each(noncentralValues.filter((e) => e.ncp < 80))("$r (relative REL.e12)", (e) => {
    expectRelClose(evaluate(e.x, e.df, e.ncp, e.lower), e.value, REL.e12);
  });

  // For ncp >= 80 R's lower tail aims at 1e-12 and reaches 4e-11 error at ncp = 1e5.
  it.each(noncentralValues.filter((e) => e.ncp >= 80 && e.lower))("$r (relative REL.e10)", (e) => {
    expectRelClose(noncentralChisqCdf(e.x, e.df, e.ncp), e.value, REL.e10);
  });

  // For ncp >= 80 R's upper tail is 1 - lower, so only absolute agreement is meaningful.
  it.each(noncentralValues.filter((e) => e.ncp >= 80 && !e.lower))("$r (absolute ABS.e10)", (e) => {
    expectAbsClose(noncentralChisqUpper(e.x, e.df, e.ncp), e.value, ABS.e10);
  });

  // In far upper tails R stops summing once the Poisson weights reach 1 - 1e-15 and
  // so comes out too small (by 2e-10 to 9e-4 relative here); the 100-digit values
  // below (confirmed by integrating the Bessel-function density) are the reference.
  it.each(noncentralFarUpper)("far tail $r: R is low, ours is above it", (e) => {
    expect(noncentralChisqUpper(e.x, e.df, e.ncp)).toBeGreaterThan(e.value);
  });
});

describe("noncentral chi-square vs 100-digit mpmath", () => {
  it.each(noncentralFarUpperPrecise)("far upper tail $source (relative REL.e12)", (e) => {
    expectRelClose(noncentralChisqUpper(e.x, e.df, e.ncp), e.upper, REL.e12);
    // below machine epsilon, 1 - cdf (0 or a multiple of 2^-53) is wrong by >= 90 %
    const viaCdf = 1 - noncentralChisqCdf(e.x, e.df, e.ncp);
    if (e.upper < 1e-17) expect(relativeError(viaCdf, e.upper)).toBeGreaterThanOrEqual(0.9);
  });

  it.each(noncentralPrecise)("$source (relative REL.e12, both tails)", (e) => {
    expectRelClose(noncentralChisqCdf(e.x, e.df, e.ncp), e.lower, REL.e12, "lower");
    expectRelClose(noncentralChisqUpper(e.x, e.df, e.ncp), e.upper, REL.e12, "upper");
  });
});

describe("noncentral chi-square properties", () => {
  it("reduces to the central cdf at ncp = 0 and is continuous there", () => {
    for (const [x, df] of [
      [0.5, 1],
      [5, 3],
      [30, 24],
    ] as const) {
      expect(noncentralChisqCdf(x, df, 0)).toBe(chisqCdf(x, df));
      expectAbsClose(noncentralChisqCdf(x, df, 1e-15), chisqCdf(x, df), ABS.e14);
    }
  });

  it("tails add to one", () => {
    for (const ncp of [0.5, 20, 300, 4000]) {
      for (const x of [0.5 * ncp, ncp, 1.5 * ncp + 10]) {
        const sum = noncentralChisqCdf(x, 7, ncp) + noncentralChisqUpper(x, 7, ncp);
        expectAbsClose(sum, 1, ABS.e14, `x=${x} ncp=${ncp}`);
      }
    }
  });

  it("the cdf decreases strictly in ncp", () => {
    let previous = 1;
    for (const lambda of [0, 0.1, 1, 10, 30, 60, 100]) {
      const value = noncentralChisqCdf(30, 7, lambda);
      expect(value).toBeLessThan(previous);
      previous = value;
    }
  });

  it("handles the edges", () => {
    expect(noncentralChisqCdf(0, 3, 5)).toBe(0);
    expect(noncentralChisqUpper(0, 3, 5)).toBe(1);
    expect(noncentralChisqCdf(Number.POSITIVE_INFINITY, 3, 5)).toBe(1);
    expect(noncentralChisqCdf(1, 3, -1)).toBeNaN();
    expect(noncentralChisqUpper(1, 0, 1)).toBeNaN();
  });
});

describe("RMSEA interval and tests of close fit (T = 85.3055217699727, df = 24, N = 301)", () => {
  const T = 85.3055217699727,
    df = 24,
    N = 301;
  const lambdaLower = solveNoncentrality(T, df, 0.95);
  const lambdaUpper = solveNoncentrality(T, df, 0.05);

  it("solves for the ncp to within REL.e12 of tight uniroot (R) and findroot (mpmath)", () => {
    expectRelClose(lambdaLower, rmseaCase.lambdaLower.value, REL.e12, rmseaCase.lambdaLower.r);
    expectRelClose(lambdaUpper, rmseaCase.lambdaUpper.value, REL.e12, rmseaCase.lambdaUpper.r);
    expectRelClose(lambdaLower, rmseaLambdaPrecise.lower.value, REL.e12, "mpmath lower");
    expectRelClose(lambdaUpper, rmseaLambdaPrecise.upper.value, REL.e12, "mpmath upper");
  });

  it("reproduces lavaan's bounds 0.0714184904399382 and 0.113678016811963 (REL.e8)", () => {
    // the values quoted for lavaan (15 digits) are those of the reference table
    expectRelClose(rmseaCase.lavaanLower.value, 0.0714184904399382, REL.e13);
    expectRelClose(rmseaCase.lavaanUpper.value, 0.113678016811963, REL.e13);
    expectRelClose(Math.sqrt(lambdaLower / (N * df)), rmseaCase.lavaanLower.value, REL.e8);
    expectRelClose(Math.sqrt(lambdaUpper / (N * df)), rmseaCase.lavaanUpper.value, REL.e8);
  });

  it("gives lavaan's close-fit and not-close-fit p-values (REL.e12)", () => {
    // lavaan: 1 - pchisq(T, df, ncp = N df 0.05^2) = 0.000661236778051855
    const close = noncentralChisqUpper(T, df, N * df * 0.05 ** 2);
    expectRelClose(close, rmseaCase.closeFitP.value, REL.e12, rmseaCase.closeFitP.r);
    expectRelClose(close, rmseaCase.closeFitUpper.value, REL.e12, rmseaCase.closeFitUpper.r);
    // lavaan: pchisq(T, df, ncp = N df 0.08^2) = 0.839552896762844
    const notClose = noncentralChisqCdf(T, df, N * df * 0.08 ** 2);
    expectRelClose(notClose, rmseaCase.notCloseFitP.value, REL.e12, rmseaCase.notCloseFitP.r);
  });

  it("hits the target cdf and returns 0 when the central cdf is already below it", () => {
    expectAbsClose(noncentralChisqCdf(T, df, lambdaLower), 0.95, ABS.e14);
    expectAbsClose(noncentralChisqCdf(T, df, lambdaUpper), 0.05, ABS.e14);
    expect(solveNoncentrality(10, 24, 0.95)).toBe(0); // pchisq(10, 24) ~ 0.005 < 0.95
    expect(solveNoncentrality(0, 24, 0.05)).toBe(0);
    expect(solveNoncentrality(T, df, 1)).toBeNaN();
  });

  it("stays accurate for large ncp (round trip, absolute ABS.e14 in cdf)", () => {
    for (const [x, target] of [
      [101000, 0.05],
      [100000, 0.5],
      [5200, 0.95],
    ] as const) {
      const lambda = solveNoncentrality(x, 24, target);
      expect(lambda).toBeGreaterThan(1000);
      expectAbsClose(noncentralChisqCdf(x, 24, lambda), target, ABS.e14, `x=${x}`);
    }
  });
});
