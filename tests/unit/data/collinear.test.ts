import { describe, expect, it } from "vitest";
import { covarianceN, findCollinear } from "../../../src/sem/data/index.js";

/** Row-major n x p data from columns. */
function fromColumns(columns: number[][]): Float64Array {
  const n = columns[0].length;
  const p = columns.length;
  const X = new Float64Array(n * p);
  columns.forEach((column, j) => column.forEach((value, i) => (X[i * p + j] = value)));
  return X;
}

const a = [1, 2, 3, 4, 5, 6, 7];
const b = [2, 1, 5, 3, 8, 2, 4];
const c = [5, 2, 1, 4, 3, 7, 2];

describe("findCollinear", () => {
  it("returns null for a positive definite covariance matrix", () => {
    expect(findCollinear(fromColumns([a, b, c]), 7, 3, ["a", "b", "c"])).toBeNull();
  });

  it("names a sum and its terms", () => {
    const sum = a.map((v, i) => v + b[i]);
    expect(findCollinear(fromColumns([a, b, sum, c]), 7, 4, ["x1", "x2", "x3", "x4"])).toEqual(["x1", "x2", "x3"]);
  });

  it("leaves out earlier variables with a zero coefficient", () => {
    const twice = b.map((v) => 2 * v - 1);
    expect(findCollinear(fromColumns([a, b, c, twice]), 7, 4, ["a", "b", "c", "d"])).toEqual(["b", "d"]);
  });

  it("finds a dependency with decimals that are not exact in floating point", () => {
    const x = a.map((v) => v / 10);
    const y = b.map((v) => v / 10 + 0.1);
    const z = x.map((v, i) => 0.3 * v - 0.7 * y[i]);
    expect(findCollinear(fromColumns([x, y, z]), 7, 3, ["x", "y", "z"])).toEqual(["x", "y", "z"]);
  });

  it("names a zero-variance variable alone", () => {
    expect(findCollinear(fromColumns([a, a.map(() => 3)]), 7, 2, ["a", "k"])).toEqual(["k"]);
  });

  it("is singular whenever there are no more rows than variables", () => {
    expect(
      findCollinear(fromColumns([a.slice(0, 3), b.slice(0, 3), c.slice(0, 3)]), 3, 3, ["a", "b", "c"]),
    ).not.toBeNull();
  });
});

describe("covarianceN", () => {
  it("divides by N", () => {
    const S = covarianceN(
      fromColumns([
        [1, 2, 3],
        [2, 4, 9],
      ]),
      3,
      2,
    );
    expect(S[0]).toBeCloseTo(2 / 3, 14);
    expect(S[1]).toBeCloseTo(7 / 3, 14);
    expect(S[2]).toBe(S[1]);
    expect(S[3]).toBeCloseTo(26 / 3, 13);
  });
});
