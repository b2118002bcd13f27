import { describe, expect, it } from "vitest";
import { didYouMean, levenshtein, suggestNames } from "../../../src/sem/data/index.js";

describe("levenshtein", () => {
  it("counts edits", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("x1", "x1")).toBe(0);
  });
});

describe("suggestNames", () => {
  const columns = ["id", "x0", "x1", "x2", "x3", "Visual", "school_type"];
  it("orders by case-insensitive match, then distance, then prefix, then column order", () => {
    expect(suggestNames("x10", columns)).toEqual(["x1", "x0", "x2"]);
    expect(suggestNames("visual", columns)).toEqual(["Visual"]);
    expect(suggestNames("school", columns)).toEqual(["school_type"]);
  });

  it("suggests nothing for an unrelated name", () => {
    expect(suggestNames("speed", columns)).toEqual([]);
    expect(didYouMean("speed", columns)).toBe("");
    expect(didYouMean("x1 ", columns, 1)).toBe('; did you mean "x1"?');
  });
});
