/** Scoring: closed forms on tiny cases (index, percentile ranks, quantiles, profiles, weights, weakest practices). */
import { describe, expect, it } from "vitest";
import { checkResponses, loadInstrument, type Responses } from "../../../src/instrument/index.js";
import { compareScores, percentileRank, quantileSorted } from "../../../src/instrument/norms.js";
import {
  dimensionScores,
  isrsIndex,
  profileOf,
  scoreReport,
  weakestPractices,
  weightsFromFit,
  type Weights,
} from "../../../src/instrument/score.js";
import type { DataTable } from "../../../src/sem/data/index.js";
import type { FitResult, ParameterEstimate } from "../../../src/sem/results.js";

const instr = loadInstrument();
const ids = instr.items.map((i) => i.id);
const DIMS = ["detection", "analysis", "response"];

/** Responses from rows of answers as written (reverse-keyed items not yet recoded). */
function responses(rows: [string, (number | null)[]][], file = "t.csv"): Responses {
  const table: DataTable = {
    file,
    columns: [instr.idColumn, ...ids],
    delimiter: ",",
    decimal: ".",
    rows: rows.map(([id, v]) => [id, ...v.map((x) => (x === null ? "" : String(x)))]),
    lineOf: rows.map((_, i) => i + 2),
  };
  return checkResponses(table, instr);
}
/** Every item answered `x` as keyed (reverse-keyed items written 8 - x), with overrides (also keyed). */
function keyed(x: number, set: Record<string, number | null> = {}): (number | null)[] {
  return instr.items.map((i) => {
    const v = i.id in set ? set[i.id]! : x;
    return v === null ? null : i.reverse ? 8 - v : v;
  });
}
/** Detection items all d, analysis all a, response all r (keyed), outcomes 4. */
const byDimension = (d: number, a: number, r: number) =>
  keyed(
    4,
    Object.fromEntries(
      instr.items.map((i) => [
        i.id,
        ({ detection: d, analysis: a, response: r } as Record<string, number>)[i.construct] ?? 4,
      ]),
    ),
  );

const equalWeights: Weights = {
  method: "equal",
  values: { detection: 1 / 3, analysis: 1 / 3, response: 1 / 3 },
  loadings: null,
  estimator: "ML",
  note: "equal",
};

describe("closed forms", () => {
  it("the index is 100 (sum w s - 1) / 6 on the 1-7 scale", () => {
    // (0.5*7 + 0.25*1 + 0.25*4 - 1) / 6 * 100 = (4.75 - 1) / 6 * 100 = 62.5
    expect(isrsIndex([7, 1, 4], [0.5, 0.25, 0.25], { min: 1, max: 7 })).toBeCloseTo(62.5, 12);
    // unnormalised weights give the same: (2*7 + 1*1 + 1*4) / 4 = 4.75
    expect(isrsIndex([7, 1, 4], [2, 1, 1], { min: 1, max: 7 })).toBeCloseTo(62.5, 12);
    expect(isrsIndex([1, 1, 1], [1, 1, 1], { min: 1, max: 7 })).toBe(0);
    expect(isrsIndex([7, 7, 7], [1, 1, 1], { min: 1, max: 7 })).toBe(100);
    expect(isrsIndex([7, null, 7], [1, 1, 1], { min: 1, max: 7 })).toBeNull();
  });

  it("percentile rank by mid-ranks: 100 (below + equal/2) / n", () => {
    expect(percentileRank(3, [1, 2, 3, 4])).toBe(62.5); // (2 + 0.5) / 4
    expect(percentileRank(5, [1, 2, 3, 4])).toBe(100);
    expect(percentileRank(0, [1, 2, 3, 4])).toBe(0);
    expect(percentileRank(2, [2, 2, 2, 2])).toBe(50);
    expect(percentileRank(2, [])).toBeNull();
  });

  it("counts values within the tie tolerance (1e-9 relative) as equal, and not one just outside it", () => {
    expect(percentileRank(50 + 49e-9, [50])).toBe(50); // |diff| = 4.9e-8 <= 1e-9 * 50
    expect(percentileRank(50 + 51e-9, [50])).toBe(100); // just outside: strictly above
    expect(compareScores(7 / 3 + 7 / 3 + 7 / 3, 7)).toBe(0);
  });

  it("type-7 quantiles as R's quantile(1:4) = 1.75, 2.5, 3.25", () => {
    expect([0.25, 0.5, 0.75].map((q) => quantileSorted([1, 2, 3, 4], q))).toEqual([1.75, 2.5, 3.25]);
    expect(quantileSorted([10], 0.75)).toBe(10);
  });

  it("profiles: laggard below Q1, recoverer from Q3, follower between", () => {
    expect(profileOf(49.9, 50, 80)).toBe("laggard");
    expect(profileOf(50, 50, 80)).toBe("follower");
    expect(profileOf(79.9, 50, 80)).toBe("follower");
    expect(profileOf(80, 50, 80)).toBe("recoverer");
  });

  it("dimension scores are item means after recoding, over the answered items", () => {
    const [row] = responses([["A", keyed(4, { DET1: 7, DET2: 6, DET3: null, DET5: 2, ANA4: 1 })]]).table.rows;
    const values = row!.slice(1).map((c) => (c === "" ? null : Number(c)));
    const ds = dimensionScores(values, instr);
    expect(ds[0]).toMatchObject({ id: "detection", score: (7 + 6 + 4 + 2) / 4, answered: 4, items: 5 });
    expect(ds[1]).toMatchObject({ id: "analysis", score: (4 + 4 + 4 + 1) / 4, answered: 4 });
  });
});

describe("weights from a fit", () => {
  const row = (rhs: string, std: number): ParameterEstimate => ({
    lhs: "ISRS",
    op: "=~",
    rhs,
    group: 1,
    label: "",
    est: 1,
    se: 0.1,
    z: 10,
    pvalue: 0,
    "ci.lower": 0,
    "ci.upper": 2,
    "std.lv": 1,
    "std.all": std,
  });
  const fit = (over: Partial<FitResult>): FitResult => ({
    converged: true,
    iterations: 5,
    estimator: "ML",
    nobs: [100],
    groupLabels: [""],
    npar: 3,
    fit: {},
    warnings: [],
    dropped: [],
    resolutions: [],
    observed: [],
    latent: [],
    exogenous: [],
    parameters: [row("detection", 0.8), row("analysis", 0.6), row("response", 1.0)],
    ...over,
  });

  it("normalises the standardized second-order loadings: 0.8, 0.6, 1.0 -> 1/3, 1/4, 5/12", () => {
    const w = weightsFromFit(fit({}), instr, "ML");
    expect(w.method).toBe("second-order loadings");
    expect(w.values.detection).toBeCloseTo(0.8 / 2.4, 12);
    expect(w.values.analysis).toBeCloseTo(0.25, 12);
    expect(w.values.response).toBeCloseTo(1 / 2.4, 12);
    expect(w.loadings).toEqual({ detection: 0.8, analysis: 0.6, response: 1.0 });
  });

  it("falls back to equal weights with a note: no fit, no convergence, a warning, no second-order loading", () => {
    expect(weightsFromFit(null, instr, "ML").method).toBe("equal");
    const nc = weightsFromFit(fit({ converged: false }), instr, "ML");
    expect([nc.method, nc.note]).toEqual([
      "equal",
      "the fitted model is not usable for weights (the fit did not converge): equal weights",
    ]);
    const hw = weightsFromFit(fit({ warnings: [{ code: "W_HEYWOOD", message: "x" }] }), instr, "ML");
    expect(hw.note).toMatch(/W_HEYWOOD/);
    const none = weightsFromFit(fit({ parameters: [] }), instr, "ML");
    expect(none.note).toBe("the model has no positive loading ISRS =~ detection: equal weights");
    expect(Object.values(none.values)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    // rows dropped for missing answers are not a reason to fall back
    expect(weightsFromFit(fit({ warnings: [{ code: "W_ROWS_DROPPED", message: "x" }] }), instr, "ML").method).toBe(
      "second-order loadings",
    );
  });
});

describe("scoreReport on a tiny norm sample", () => {
  // Norm firms with (detection, analysis, response) = (1,1,1), (4,4,4), (7,7,7), (4,1,7):
  // equal-weight indices 0, 50, 100, 50 -> sorted 0, 50, 50, 100; Q1 = 37.5, Q3 = 62.5 (type 7).
  const norms = responses(
    [
      ["N1", byDimension(1, 1, 1)],
      ["N2", byDimension(4, 4, 4)],
      ["N3", byDimension(7, 7, 7)],
      ["N4", byDimension(4, 1, 7)],
    ],
    "norms.csv",
  );
  const data = responses([
    ["X", byDimension(7, 1, 4)],
    ["Y", byDimension(2, 2, 2)],
  ]);
  const r = scoreReport({ instr, data, norms, weights: equalWeights, firm: "all" });

  it("summarises the norm index distribution", () => {
    const s = r.norms.index;
    [
      [s.min, 0],
      [s.q1, 37.5],
      [s.median, 50],
      [s.q3, 62.5],
      [s.max, 100],
      [s.mean, 50],
    ].forEach(([got, want]) => expect(got).toBeCloseTo(want!, 9));
    // sd of 0, 50, 50, 100 with the n - 1 divisor: sqrt(5000 / 3)
    expect(s.sd).toBeCloseTo(Math.sqrt(5000 / 3), 9);
    expect(r.norms.used).toBe(4);
    expect(r.profiles.map((p) => p.name)).toEqual(["laggard", "follower", "recoverer"]);
    // detection scores of the norm firms 1, 4, 7, 4 -> sorted 1, 4, 4, 7: Q1 = 1 + 0.75 * 3 = 3.25, Q3 = 4 + 0.25 * 3
    // = 4.75
    expect(r.norms.dimensions[0]).toMatchObject({
      id: "detection",
      n: 4,
      min: 1,
      q1: 3.25,
      median: 4,
      q3: 4.75,
      max: 7,
      mean: 4,
    });
    expect(r.profiles[0]!.to).toBeCloseTo(37.5, 9);
  });

  it(
    "scores firm X: index 50, percentile 50, follower; " +
      "dimension percentiles against " +
      "the norm dimension scores",
    () => {
      const x = r.firms[0]!;
      expect(x.index).toBeCloseTo(50, 12); // (7 + 1 + 4) / 3 = 4 -> 50
      expect(x.indexPercentile).toBe(50); // (1 below + 2 equal / 2) / 4
      expect(x.profile).toBe("follower");
      // detection 7 vs norm detection scores 1, 4, 7, 4: (3 + 0.5) / 4 = 87.5; analysis 1 vs 1, 4, 7, 1:
      // (0 + 1) / 4 = 25; response 4 vs 1, 4, 7, 7: (1 + 0.5) / 4 = 37.5
      expect(x.dimensions.map((d) => [d.id, d.score, d.percentile])).toEqual([
        ["detection", 7, 87.5],
        ["analysis", 1, 25],
        ["response", 4, 37.5],
      ]);
    },
  );

  it("firm Y is a laggard (index 100/6 = 16.7 < Q1)", () => {
    const y = r.firms[1]!;
    expect(y.index).toBeCloseTo(100 / 6, 12);
    expect(y.profile).toBe("laggard");
  });

  it("a firm with no answered item in a dimension gets no index, no profile, and a note", () => {
    const gap = responses([["Z", keyed(5, { DET1: null, DET2: null, DET3: null, DET4: null, DET5: null })]]);
    const z = scoreReport({ instr, data: gap, norms, weights: equalWeights, firm: "Z" });
    expect(z.firms[0]!.dimensions[0]).toMatchObject({ score: null, answered: 0, percentile: null });
    expect([z.firms[0]!.index, z.firms[0]!.indexPercentile, z.firms[0]!.profile]).toEqual([null, null, null]);
    expect(z.notes).toContain("no ISRS index for Z: a dimension has no answered item");
  });

  it("a firm id that does not exist is one line naming it, with close ids", () => {
    expect(() => scoreReport({ instr, data, norms, weights: equalWeights, firm: "x" })).toThrow(
      't.csv: no firm with id "x"; did you mean "X"?',
    );
  });

  it("a norm sample without two scorable firms is refused", () => {
    const one = responses([["N1", byDimension(4, 4, 4)]], "one.csv");
    expect(() => scoreReport({ instr, data, norms: one, weights: equalWeights, firm: "X" })).toThrow(
      "one.csv: the norm sample has 1 firm(s) with a score on every dimension; at least 2 are needed",
    );
  });
});

describe("weakest practices", () => {
  it(
    "takes the three lowest recoded items, ties broken " +
      "by the shortfall from the norm mean, with their " +
      "recommendations",
    () => {
      const values = keyed(6, { DET3: 2, ANA4: 2, RES5: 3, RES1: 3, CLI1: 1 }).map((v, j) =>
        instr.items[j]!.reverse && v !== null ? 8 - v : v,
      );
      const normMeans = ids.map((id) => (id === "RES1" ? 5 : 4));
      const w = weakestPractices(values, instr, normMeans);
      // DET3 and ANA4 at 2 (equal gaps: file order), then RES1 (gap -2) before RES5 (gap -1); CLI1 is an outcome, not a
      // practice
      expect(w.map((x) => [x.item, x.score])).toEqual([
        ["DET3", 2],
        ["ANA4", 2],
        ["RES1", 3],
      ]);
      expect(w[0]!.recommendation).toBe(instr.items.find((i) => i.id === "DET3")!.recommendation);
      expect(DIMS).toContain(w[2]!.dimension);
    },
  );
});
