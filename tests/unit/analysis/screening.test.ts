/** Screening kernels on small inputs worked out by hand (closed forms of psych's definitions). */
import { describe, expect, it } from "vitest";
import { describeItem } from "../../../src/analysis/descriptives.js";
import { multivariateScreening } from "../../../src/analysis/multivariate.js";

describe("describeItem (psych::describe, type 3)", () => {
  it("1, 2, 3, 4, 10: mean 4, sd sqrt(50/4), skew 180/(5 sd³), kurtosis 1394/(5 sd⁴) - 3", () => {
    // deviations -3, -2, -1, 0, 6: Σd² = 50, Σd³ = 180, Σd⁴ = 1394; psych 2.2.9 prints 0.8146, -1.2157
    const d = describeItem("x", Float64Array.from([1, 2, 3, 4, 10]), 8);
    const sd = Math.sqrt(50 / 4);
    expect(d).toMatchObject({ n: 5, mean: 4, min: 1, max: 10, missing: 3 / 8 });
    expect(d.sd).toBeCloseTo(sd, 14);
    expect(d.skew).toBeCloseTo(180 / (5 * sd ** 3), 14);
    expect(d.kurtosis).toBeCloseTo(1394 / (5 * sd ** 4) - 3, 14);
  });
});

describe("multivariateScreening", () => {
  it(`one variable: d² is the squared z-score with the n - 1 sd; \
b1p = g1², b2p = b2 (Mardia 1970 with p = 1)`, () => {
    const x = [1, 2, 3, 4, 10];
    const res = multivariateScreening(Float64Array.from(x), 5, 1, [1, 2, 3, 4, 5])!;
    const s2 = 50 / 4;
    res.mahalanobis.forEach((r, i) => expect(r.d2).toBeCloseTo((x[i]! - 4) ** 2 / s2, 12));
    // with S on n - 1: b1p = (Σd³)² / (n² s⁶) · ... = (Σd³/n)² / s⁶; b2p = (Σd⁴/n) / s⁴
    expect(res.mardia.b1p).toBeCloseTo((180 / 5) ** 2 / s2 ** 3, 12);
    expect(res.mardia.b2p).toBeCloseTo(1394 / 5 / s2 ** 2, 12);
    expect(res.mardia.df).toBe(1);
  });

  it("returns null when the covariance matrix is singular", () => {
    const X = Float64Array.from([1, 2, 3, 2, 1, 3, 3, 5, 8, 4, 4, 8]); // third column = first + second
    expect(multivariateScreening(X, 4, 3, [1, 2, 3, 4])).toBeNull();
  });
});
