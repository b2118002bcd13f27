/**
 * IPMA (Ringle & Sarstedt 2016) checked by hand and by the literature's own route.
 */
import { describe, expect, it } from "vitest";
import { estimatePls } from "../../../src/pls/estimate.js";
import { computeIpma, type IpmaInput } from "../../../src/pls/ipma/compute.js";
import { ipmaChartSpec, plsIpma } from "../../../src/pls/ipma/index.js";
import { loadCase } from "../helpers.js";
import { loadResampleCase } from "./helpers.js";

describe("IPMA, closed form on a two-construct model", () => {
  /*
   * X (items x1, x2 on a 1-5 scale) -> Y (item y on a 1-7 scale), standardised total effect 0.5.
   * Rescaled weights u_i = w_i (max − min) / (100 s_i):
   *   x1: 0.6 · 4 / (100 · 1) = 0.024,  x2: 0.5 · 4 / (100 · 2) = 0.010,  U_X = 0.034,
   *   y:  1 · 6 / (100 · 1.5) = 0.040,  U_Y = 0.040;
   * normed: w̃ = (0.024, 0.010) / 0.034 = (12/17, 5/17) and 1 for y.
   * Performance: items rescaled at their means 100 (3 − 1)/4 = 50, 100 (4 − 1)/4 = 75,
   *   100 (5.5 − 1)/6 = 75; X: (12·50 + 5·75)/17 = 975/17; Y: 75.
   * Importance of X: T · U_X / U_Y = 0.5 · 0.034 / 0.040 = 0.425;
   *   of x1: 12/17 · 0.425 = 0.3, of x2: 5/17 · 0.425 = 0.125; performances 50 and 75.
   */
  const input: IpmaInput = {
    constructs: ["X", "Y"],
    items: ["x1", "x2", "y"],
    blocks: [[0, 1], [2]],
    weights: Float64Array.from([0.6, 0, 0.5, 0, 0, 1]),
    means: Float64Array.from([3, 4, 5.5]),
    sds: Float64Array.from([1, 2, 1.5]),
    observedMin: Float64Array.from([1, 1, 2]),
    observedMax: Float64Array.from([5, 5, 7]),
    totalEffects: Float64Array.from([0, 0.5, 0, 0]),
    scaleMin: Float64Array.from([1, 1, 1]),
    scaleMax: Float64Array.from([5, 5, 7]),
    target: "Y",
  };
  const r = computeIpma(input);

  it("construct importance and performance", () => {
    expect(r.constructs[0]!.construct).toBe("X");
    expect(r.constructs[0]!.importance).toBeCloseTo(0.425, 14);
    expect(r.constructs[0]!.performance).toBeCloseTo(975 / 17, 12);
    expect(r.constructs[1]).toEqual({ construct: "Y", importance: null, performance: expect.closeTo(75, 12) });
  });

  it("indicator importance (rescaled weight × construct importance) and performance", () => {
    const [x1, x2] = r.indicators;
    expect(x1!.rescaledWeight).toBeCloseTo(12 / 17, 14);
    expect(x1!.importance).toBeCloseTo(0.3, 14);
    expect(x1!.performance).toBeCloseTo(50, 14);
    expect(x2!.importance).toBeCloseTo(0.125, 14);
    expect(x2!.performance).toBeCloseTo(75, 14);
    expect(r.warnings).toEqual([]);
  });

  it("refuses values outside the scale, and reports negative weights", () => {
    expect(() => computeIpma({ ...input, observedMin: Float64Array.from([1, 0, 2]) })).toThrow(
      /x2 has values from 0 to 5, outside its scale 1 to 5/,
    );
    const neg = computeIpma({ ...input, weights: Float64Array.from([0.9, 0, -0.1, 0, 0, 1]) });
    expect(neg.warnings[0]).toMatch(/X has negative outer weights \(x2\)/);
  });
});

describe("IPMA on mobi-simple (items on a 1-10 scale), against the literature's route", () => {
  /*
   * Ringle & Sarstedt (2016) obtain the importance by regressing the rescaled (0-100) construct
   * scores X̃ = Σ w̃_i x̃_i on their antecedents (OLS with intercept), forming the total effects
   * of those unstandardised paths, and the performance as the mean of X̃. That route, computed
   * here from the raw data, must give the closed form's numbers.
   */
  const { spec, data } = loadResampleCase("mobi-predict");
  const est = estimatePls(data, spec);
  const ipma = plsIpma(spec, data, est, "Loyalty", { min: 1, max: 10 });
  const k = est.constructs.length;
  const n = data.n;
  const rescaledScores = est.constructs.map((c) => {
    const rows = ipma.indicators.filter((i) => i.construct === c);
    const block = est.blocks.find((b) => b.construct === c)!;
    const u = block.indicators.map(
      (it) => est.outer.find((o) => o.indicator === it)!.weight * (9 / (100 * est.indicatorSds[it]!)),
    );
    const U = u.reduce((a, b) => a + b, 0);
    if (rows.length > 0) rows.forEach((r, j) => expect(r.rescaledWeight).toBeCloseTo(u[j]! / U, 12));
    return Float64Array.from({ length: n }, (_, i) =>
      block.indicators.reduce((s, it, j) => s + (u[j]! / U) * ((100 * (data.columns[it]![i]! - 1)) / 9), 0),
    );
  });
  // unstandardised paths: OLS of each endogenous rescaled score on its antecedents (normal equations)
  const B = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const to of est.endogenous) {
    const j = est.constructs.indexOf(to);
    const preds = est.paths.filter((p) => p.to === to).map((p) => est.constructs.indexOf(p.from));
    const m = preds.length;
    const mean = (x: Float64Array): number => x.reduce((a, b) => a + b, 0) / n;
    const cov = (a: Float64Array, b: Float64Array): number => {
      const ma = mean(a);
      const mb = mean(b);
      let s = 0;
      for (let i = 0; i < n; i++) s += (a[i]! - ma) * (b[i]! - mb);
      return s;
    };
    const A = preds.map((a) => preds.map((b) => cov(rescaledScores[a]!, rescaledScores[b]!)));
    const rhs = preds.map((a) => cov(rescaledScores[a]!, rescaledScores[j]!));
    // Gaussian elimination (m ≤ 4)
    for (let c = 0; c < m; c++)
      for (let r = c + 1; r < m; r++) {
        const f = A[r]![c]! / A[c]![c]!;
        for (let q = c; q < m; q++) A[r]![q]! -= f * A[c]![q]!;
        rhs[r]! -= f * rhs[c]!;
      }
    const beta = new Array<number>(m).fill(0);
    for (let c = m - 1; c >= 0; c--) {
      let s = rhs[c]!;
      for (let q = c + 1; q < m; q++) s -= A[c]![q]! * beta[q]!;
      beta[c] = s / A[c]![c]!;
    }
    preds.forEach((a, q) => (B[a]![j] = beta[q]!));
  }
  // total effects T = B + B² + … (the model is recursive: the series ends after k terms)
  const T = B.map((r) => [...r]);
  let P = B.map((r) => [...r]);
  for (let s = 1; s < k; s++) {
    P = P.map((row) => B[0]!.map((_, j) => row.reduce((acc, v, m) => acc + v * B[m]![j]!, 0)));
    P.forEach((row, i) => row.forEach((v, j) => (T[i]![j]! += v)));
  }

  it("importance = total effect of the unstandardised paths on the rescaled scores", () => {
    const t = est.constructs.indexOf("Loyalty");
    for (const c of ipma.constructs.filter((x) => x.importance !== null))
      expect(c.importance!).toBeCloseTo(T[est.constructs.indexOf(c.construct)]![t]!, 10);
    expect(ipma.constructs.map((c) => c.construct).sort()).toEqual([...est.constructs].sort());
  });

  it("performance = mean rescaled score, between 0 and 100", () => {
    for (const c of ipma.constructs) {
      const x = rescaledScores[est.constructs.indexOf(c.construct)]!;
      expect(c.performance).toBeCloseTo(x.reduce((a, b) => a + b, 0) / n, 10);
      expect(c.performance > 0 && c.performance < 100).toBe(true);
    }
  });

  it("makes a vega-lite scatter of the antecedents with quadrant rules", () => {
    const chart = ipmaChartSpec(ipma);
    expect(chart.data.ipma!.length).toBe(k - 1);
    expect(JSON.stringify(chart.spec)).toContain('"rule"');
    expect(ipmaChartSpec(ipma, "indicator").data.ipma!.length).toBe(ipma.indicators.length);
  });

  it("warns when the scale ends are taken from the data, and names a target that is not a construct", () => {
    expect(plsIpma(spec, data, est, "Loyalty").warnings[0]).toMatch(/no scale ends given/);
    expect(() => plsIpma(spec, data, est, "Loyal")).toThrow(/--ipma Loyal: not a construct/);
    expect(() => plsIpma(spec, data, est, "Image")).toThrow(/no construct has an effect on it/);
  });
});

describe("IPMA through a higher-order construct (corp-rep-hoc: REP <~ COMP + LIKE, target CUSL)", () => {
  /*
   * Independent route: every construct's rescaled score computed case by case from the raw data —
   * a dimension's from its items and stage-1 weights, REP's from its dimensions' rescaled scores
   * with weights w_k · U_k / Σ w_j U_j (U = 1 / sd of a rescaled score, measured on the data here)
   * — then performance = mean score and importance = T · sd(target score) / sd(construct score).
   */
  const c = loadCase("corp-rep-hoc");
  const est = estimatePls(c.data, c.spec);
  const ipma = plsIpma(c.spec, c.data, est, "CUSL", { min: 1, max: 7 });
  const fs = est.firstStage!;
  const n = c.data.n;
  const rescaledOf = (block: string, stage: typeof fs): Float64Array => {
    const b = stage.blocks.find((x) => x.construct === block)!;
    const u = b.indicators.map(
      (it) =>
        (stage.outer.find((o) => o.construct === block && o.indicator === it)!.weight * 6) /
        (100 * stage.indicatorSds[it]!),
    );
    const U = u.reduce((a, x) => a + x, 0);
    return Float64Array.from({ length: n }, (_, i) =>
      b.indicators.reduce((s, it, j) => s + (u[j]! / U) * ((100 * (c.data.columns[it]![i]! - 1)) / 6), 0),
    );
  };
  const mean = (x: Float64Array): number => x.reduce((a, b) => a + b, 0) / n;
  const sd = (x: Float64Array): number => {
    const m = mean(x);
    return Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
  };
  const comp = rescaledOf("COMP", fs);
  const like = rescaledOf("LIKE", fs);
  const wRep = ["COMP", "LIKE"].map((d) => est.outer.find((o) => o.construct === "REP" && o.indicator === d)!.weight);
  const uRep = [wRep[0]! / sd(comp), wRep[1]! / sd(like)];
  const U = uRep[0]! + uRep[1]!;
  const rep = Float64Array.from({ length: n }, (_, i) => (uRep[0]! * comp[i]! + uRep[1]! * like[i]!) / U);
  const cusl = rescaledOf("CUSL", est);
  const T = est.totalEffects[est.constructs.indexOf("REP")]![est.constructs.indexOf("CUSL")]!;

  it("REP: performance the mean of its rescaled score, importance T · sd(CUSL~) / sd(REP~)", () => {
    const row = ipma.constructs.find((x) => x.construct === "REP")!;
    expect(row.performance).toBeCloseTo(mean(rep), 9);
    expect(row.importance!).toBeCloseTo((T * sd(cusl)) / sd(rep), 9);
  });

  it("the dimensions act through REP: importance = rescaled weight × REP's, performance their mean score", () => {
    const repRow = ipma.constructs.find((x) => x.construct === "REP")!;
    const compRow = ipma.constructs.find((x) => x.construct === "COMP")!;
    expect(compRow.higherOrder).toBe("REP");
    expect(compRow.performance).toBeCloseTo(mean(comp), 9);
    expect(compRow.importance!).toBeCloseTo((uRep[0]! / U) * repRow.importance!, 9);
    // one point more of every COMP item raises COMP~ by one point: the items' importances add up to COMP's
    const items = ipma.indicators.filter((x) => x.construct === "COMP");
    expect(items.map((x) => x.item)).toEqual(["comp_1", "comp_2", "comp_3"]);
    expect(items.reduce((a, x) => a + x.importance, 0)).toBeCloseTo(compRow.importance!, 12);
    expect(ipma.indicators.some((x) => x.item === "COMP")).toBe(false);
  });
});
