/** Data that cannot be fitted as given: a covariance matrix saved as data, cells too large to square. */
import { describe, expect, it } from "vitest";
import { tableFromText } from "../../../src/sem/data/index.js";
import { buildDataSet } from "../../../src/sem/data/dataset.js";
import { MAX_MAGNITUDE } from "../../../src/sem/data/magnitude.js";
import { looksLikeMatrix } from "../../../src/sem/data/matrix-input.js";

const table = (text: string) => tableFromText(text, "t.csv");

describe("looksLikeMatrix", () => {
  it("recognises a symmetric table whose first column names the other columns", () => {
    expect(looksLikeMatrix(table("v,a,b,c\na,1,0.5,0.2\nb,0.5,1,0.3\nc,0.2,0.3,1\n"))).toBe(true);
    // a lower triangle with the upper half blank
    expect(looksLikeMatrix(table("v,a,b,c\na,2,,\nb,0.5,1,\nc,0.2,0.3,4\n"))).toBe(true);
  });
  it("leaves data alone: not symmetric, names not matching, or not square", () => {
    expect(looksLikeMatrix(table("v,a,b,c\na,1,0.5,0.2\nb,0.6,1,0.3\nc,0.2,0.3,1\n"))).toBe(false);
    expect(looksLikeMatrix(table("id,a,b,c\n1,1,0.5,0.2\n2,0.5,1,0.3\n3,0.2,0.3,1\n"))).toBe(false);
    expect(looksLikeMatrix(table("v,a,b\na,1,0.5\nb,0.5,1\nc,1,2\n"))).toBe(false);
  });
});

describe("values too large to fit", () => {
  const rows = (x: number) => `a,b\n1,2\n2,${x}\n3,1\n4,5\n`;
  it(`accepts values up to ${MAX_MAGNITUDE} and names the first cell beyond it`, () => {
    expect(() => buildDataSet(table(rows(1e74)), { variables: ["a", "b"] })).not.toThrow();
    expect(() => buildDataSet(table(rows(-1e76)), { variables: ["a", "b"] })).toThrow(
      /line 3 \(row 2\), column "b": -1\.00e\+76 is too large/,
    );
  });
});
