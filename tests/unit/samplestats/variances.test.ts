/**
 * lavaan's variance-scale warnings (lav_data_full, 0.6.14): ratio above 1000, a variance above 1e6, covariates left
 * out.
 */
import { describe, expect, it } from "vitest";
import type { DataSet } from "../../../src/sem/data/index.js";
import { columnVariances, varianceWarnings } from "../../../src/sem/samplestats/variances.js";

/** Three columns over four rows: a = k·(1, 2, 3, 4), b = (1, 2, 3, 4), x = 1e4·(1, 0, 0, 1). */
function data(k: number): DataSet {
  const X = Float64Array.from([k, 1, 1e4, 2 * k, 2, 0, 3 * k, 3, 0, 4 * k, 4, 1e4]);
  return {
    file: "t.csv",
    variables: ["a", "b", "x"],
    groups: [{ label: "", n: 4, X, rowIds: [1, 2, 3, 4] }],
    dropped: [],
    nTotalRows: 4,
  };
}

describe("varianceWarnings", () => {
  it("uses var() with the N − 1 divisor", () => {
    // var(1:4) = 5/3 in R
    expect(columnVariances(data(1))[1]).toBeCloseTo(5 / 3, 12);
  });
  it("warns when the largest variance is more than 1000 times the smallest (covariates left out)", () => {
    const codes = (k: number, exo: string[]) => varianceWarnings(data(k), exo).map((w) => w.code);
    expect(codes(31, ["x"])).toEqual([]); // ratio 961
    expect(codes(32, ["x"])).toEqual(["W_VARIANCE_RATIO"]); // ratio 1024
    expect(codes(1, [])).toEqual(["W_VARIANCE_RATIO", "W_LARGE_VARIANCE"]); // x: variance 3.3e7
    expect(codes(1000, ["x"])).toEqual(["W_VARIANCE_RATIO", "W_LARGE_VARIANCE"]); // a: 1.7e6
  });
});
