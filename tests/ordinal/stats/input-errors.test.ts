/** Bad input to the ordinal statistics: one clear error with a code, and the not-PD warning. */
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/sem/messages.js";
import { ordinalStats, type OrdinalStatsOptions } from "../../../src/sem/ordinal/stats/index.js";

const f = (xs: number[]) => Float64Array.from(xs);
const opts: OrdinalStatsOptions = { missing: "listwise", source: "survey.csv" };
const specs = (names: string[], ordered = true) => names.map((name) => ({ name, ordered }));

function errorOf(fn: () => unknown): InputError<string> {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("ordered items that cannot be used", () => {
  it("a value that is not a whole number: row (as the caller numbers rows) and column", () => {
    const e = errorOf(() =>
      ordinalStats([[f([1, 2, 3, 2]), f([1, 2.5, 3, 1])]], specs(["q1", "q2"]), {
        ...opts,
        rowNumbers: [[2, 3, 4, 5]],
      }),
    );
    expect(e.code).toBe("E_ORDINAL_VALUE");
    expect(e.message).toMatch(/^survey\.csv: row 3, column 'q2': 2\.5 is not a whole number/);
    expect(e.message).not.toContain("\n");
  });
  it("a single observed category", () => {
    const e = errorOf(() => ordinalStats([[f([1, 2, 3, 2]), f([4, 4, 4, 4])]], specs(["q1", "q2"]), opts));
    expect(e.code).toBe("E_ORDINAL_CATEGORIES");
    expect(e.message).toContain("'q2' has a single observed category (4)");
  });
  it("more than 20 categories: treat it as continuous", () => {
    const many = Array.from({ length: 30 }, (_, i) => i);
    const e = errorOf(() => ordinalStats([[f(many), f(many.map((i) => i % 3))]], specs(["age", "q2"]), opts));
    expect(e.code).toBe("E_ORDINAL_CATEGORIES");
    expect(e.message).toContain("'age' has 30 distinct values, more than 20 categories: treat it as continuous");
  });
  it("a category empty in one group: item, category and group named", () => {
    const g1 = [f([1, 2, 3, 1, 2, 3]), f([1, 2, 3, 3, 2, 1])];
    const g2 = [f([1, 2, 1, 2, 1, 2]), f([1, 2, 3, 3, 2, 1])];
    const e = errorOf(() =>
      ordinalStats([g1, g2], specs(["q1", "q2"]), { ...opts, groupLabels: ["Pasteur", "Grant-White"] }),
    );
    expect(e.code).toBe("E_ORDINAL_CATEGORIES");
    expect(e.message).toContain("'q1': category 3 is not observed in group Grant-White");
  });
  it("a constant continuous variable, and too few rows", () => {
    const e = errorOf(() =>
      ordinalStats([[f([1, 2, 3, 1]), f([5, 5, 5, 5])]], [...specs(["q1"]), ...specs(["x"], false)], opts),
    );
    expect(e.code).toBe("E_CONSTANT");
    const e2 = errorOf(() => ordinalStats([[f([1, Number.NaN, 2]), f([Number.NaN, 2, 1])]], specs(["q1", "q2"]), opts));
    expect(e2.code).toBe("E_TOO_FEW_ROWS");
  });
});

describe("a polychoric matrix that is not positive definite", () => {
  it("is a warning naming the most extreme pairs", () => {
    // pairwise deletion: rows 1-120 observe q1 and q2 (q2 = q1), rows 121-240 q1 and q3 (q3 = q1),
    // rows 241-360 q2 and q3 (q3 = 4 - q2): r12 and r13 near +1, r23 near -1, jointly impossible
    const NaN = Number.NaN;
    const q1: number[] = [],
      q2: number[] = [],
      q3: number[] = [];
    for (let i = 0; i < 360; i++) {
      const c = (i % 3) + 1;
      const noisy = i % 10 === 0 ? (c % 3) + 1 : c;
      if (i < 120) (q1.push(c), q2.push(noisy), q3.push(NaN));
      else if (i < 240) (q1.push(c), q2.push(NaN), q3.push(noisy));
      else (q1.push(NaN), q2.push(c), q3.push(4 - noisy));
    }
    const st = ordinalStats([[f(q1), f(q2), f(q3)]], specs(["q1", "q2", "q3"]), { missing: "pairwise" });
    expect(st.warnings).toHaveLength(1);
    expect(st.warnings[0]!.code).toBe("W_POLYCHORIC_NOT_PD");
    expect(st.warnings[0]!.message).toMatch(/not positive definite.*the most extreme pairs: q\d ~ q\d -?0\.9\d\d/);
  });
});

describe("pairwise deletion that leaves a statistic without rows", () => {
  const NaN = Number.NaN;
  it("a variable missing in every row of a group", () => {
    const e = errorOf(() =>
      ordinalStats([[f([1, 2, 1, 2]), f([NaN, NaN, NaN, NaN]), f([1, 2, 2, 1])]], specs(["q1", "q2", "q3"]), {
        missing: "pairwise",
      }),
    );
    expect(e.code).toBe("E_ALL_MISSING");
    expect(e.message).toContain("'q2' is missing in every row");
  });
  it("two variables never observed together", () => {
    const e = errorOf(() =>
      ordinalStats(
        [[f([1, 2, 1, 2, NaN, NaN]), f([NaN, NaN, NaN, NaN, 1, 2]), f([1, 2, 2, 1, 1, 2])]],
        specs(["q1", "q2", "q3"]),
        {
          missing: "pairwise",
        },
      ),
    );
    expect(e.code).toBe("E_COVERAGE");
    expect(e.message).toContain("'q1' and 'q2' are observed together in 0 rows");
  });
});
