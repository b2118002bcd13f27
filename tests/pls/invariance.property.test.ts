/**
 * Invariances and identities of the PLS estimate on random simulated data (fast-check): affine
 * rescaling of an indicator (a x + b, a > 0), the order of the rows, the order of a block's
 * indicators and of the model's lines leave the estimate unchanged; the scores have sd 1, the
 * loadings are the item-score correlations, the paths are OLS on the scores (ml-matrix), and the
 * total effects are the sum B + B² + ... of the path matrix.
 */
import fc from "fast-check";
import { Matrix, solve as mlSolve } from "ml-matrix";
import { describe, expect, test } from "vitest";
import { estimatePls } from "../../src/pls/estimate.js";
import type { PlsEstimate } from "../../src/pls/types.js";
import { factorData, prepared, uniform } from "./simulate.js";

const MODEL = "A =~ a1 + a2 + a3\nB <~ b1 + b2 + b3\nC =~ c1 + c2 + c3 + c4\nB ~ A\nC ~ A + B\n";
const REORDERED = "C ~ B + A\nC =~ c4 + c2 + c3 + c1\nB ~ A\nB <~ b3 + b1 + b2\nA =~ a2 + a3 + a1\n";
const RUNS = { numRuns: 12 };

function weights(e: PlsEstimate): Map<string, number> {
  return new Map(e.outer.map((o) => [o.indicator, o.weight]));
}

function expectSame(a: PlsEstimate, b: PlsEstimate, digits = 9): void {
  expect(b.iterations).toBe(a.iterations);
  const wb = weights(b);
  for (const [k, v] of weights(a)) expect(wb.get(k)!).toBeCloseTo(v, digits);
  for (const p of a.pathCoefficients)
    expect(b.pathCoefficients.find((q) => q.from === p.from && q.to === p.to)!.est).toBeCloseTo(p.est, digits);
}

function permutation(n: number, seed: number): number[] {
  const u = uniform(seed);
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}

describe("invariances", () => {
  test("an indicator rescaled a x + b (a > 0) changes nothing", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom("a1", "b2", "c4"),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (seed, item, a, b) => {
          const cols = factorData(120, seed);
          const base = prepared(MODEL, cols);
          const moved = prepared(MODEL, { ...cols, [item]: cols[item]!.map((x) => a * x + b) });
          expectSame(estimatePls(base.data, base.spec), estimatePls(moved.data, moved.spec), 8);
        },
      ),
      RUNS,
    );
  });

  test("the order of the rows changes nothing but the order of the scores", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (seed, pseed) => {
        const cols = factorData(90, seed);
        const perm = permutation(90, pseed);
        const shuffled = Object.fromEntries(
          Object.entries(cols).map(([k, v]) => [k, Float64Array.from(perm, (i) => v[i]!)]),
        );
        const a = prepared(MODEL, cols);
        const b = prepared(MODEL, shuffled);
        const ea = estimatePls(a.data, a.spec);
        const eb = estimatePls(b.data, b.spec);
        expectSame(ea, eb);
        perm.forEach((i, k) => expect(eb.scores.C![k]!).toBeCloseTo(ea.scores.C![i]!, 9));
      }),
      RUNS,
    );
  });

  test("the order of the model's lines and of a block's indicators changes nothing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const cols = factorData(100, seed);
        const a = prepared(MODEL, cols);
        const b = prepared(REORDERED, cols);
        expectSame(estimatePls(a.data, a.spec), estimatePls(b.data, b.spec));
      }),
      RUNS,
    );
  });
});

describe("identities", () => {
  test("scores sd 1; loadings item-score correlations; paths OLS on the scores; total effects the series", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const cols = factorData(80, seed);
        const { spec, data } = prepared(MODEL, cols);
        const e = estimatePls(data, spec);
        for (const c of e.constructs) {
          const s = e.scores[c]!;
          const m = s.reduce((x, y) => x + y, 0) / s.length;
          expect(Math.sqrt(s.reduce((x, y) => x + (y - m) ** 2, 0) / (s.length - 1))).toBeCloseTo(1, 12);
        }
        for (const o of e.outer) {
          const x = data.columns[o.indicator]!;
          const s = e.scores[o.construct]!;
          const mx = x.reduce((a, b) => a + b, 0) / x.length;
          let sxy = 0;
          let sxx = 0;
          let syy = 0;
          x.forEach((v, i) => {
            sxy += (v - mx) * s[i]!;
            sxx += (v - mx) ** 2;
            syy += s[i]! ** 2;
          });
          expect(o.loading).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 10);
        }
        // C on A and B by least squares on the scores (no intercept needed: mean 0)
        const X = new Matrix(80, 2);
        for (let i = 0; i < 80; i++) {
          X.set(i, 0, e.scores.A![i]!);
          X.set(i, 1, e.scores.B![i]!);
        }
        const b = mlSolve(X, Matrix.columnVector(Array.from(e.scores.C!)), true).to1DArray();
        expect(e.pathCoefficients.find((p) => p.from === "A" && p.to === "C")!.est).toBeCloseTo(b[0]!, 10);
        expect(e.pathCoefficients.find((p) => p.from === "B" && p.to === "C")!.est).toBeCloseTo(b[1]!, 10);
        // total effects: B + B² (+ B³ = 0 in this three-construct chain)
        const B = e.pathMatrix;
        const B2 = B.map((r) => B.map((_, j) => r.reduce((s, v, k) => s + v * B[k]![j]!, 0)));
        e.totalEffects.forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(B[i]![j]! + B2[i]![j]!, 12)));
      }),
      RUNS,
    );
  });
});
