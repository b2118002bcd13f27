/**
 * The replications' fast path (fit-moments.ts MomentsFitter: the quasi-Newton refit from the
 * model's population values) against the full fit it stands in for (fitMoments: the pipeline's
 * preparation and optimize.ts from the data-driven start): the same minimum of F, so the same
 * estimates, standard errors and p-values up to the optimizer's convergence tolerance (a Newton
 * decrement below 1e-14 leaves weakly determined estimates a few 1e-6 apart from two starts), on data
 * drawn from the second-order population model of tests/fixtures/power at a small and a larger N.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fitMoments, MomentsFitter } from "../../src/power/fit-moments.js";
import { drawData, MonteCarloContext, type MonteCarloSpec } from "../../src/power/montecarlo.js";
import { populationSigma } from "../../src/power/population.js";
import { parseModel } from "../../src/sem/syntax/index.js";

const FIX = path.resolve(__dirname, "../fixtures/power");
const read = (f: string): string => fs.readFileSync(path.join(FIX, f), "utf8");
const pop = populationSigma(parseModel(read("population.lav"), { file: "population.lav" }));
const spec: MonteCarloSpec = {
  model: read("model.lav"),
  modelFile: "model.lav",
  names: pop.names,
  sigma: pop.sigma,
  cuts: null,
  ns: [60, 300],
  reps: 10,
  seed: 7,
  alpha: 0.05,
};

describe("Monte Carlo replications fitted from the population values", () => {
  it("give the full fit's estimates, standard errors and p-values", () => {
    const ctx = new MonteCarloContext(spec);
    const syntax = parseModel(spec.model, { file: spec.modelFile });
    const fitter = new MomentsFitter(syntax, spec.names, {
      file: "population",
      names: [...spec.names],
      groups: [{ label: "", nobs: 300, cov: spec.sigma, mean: null, source: "the population matrix" }],
      rescale: false,
    });
    let compared = 0;
    spec.ns.forEach((n, k) => {
      for (let rep = 0; rep < spec.reps; rep++) {
        const X = drawData(spec, ctx.L, n, k, rep);
        const fast = fitter.fit(X, n, 40);
        const full = fitMoments(syntax, spec.names, X, n, 40);
        expect(fast.converged).toBe(full.converged);
        expect(fast.admissible).toBe(full.admissible);
        for (let j = 0; j < 40; j++) {
          if (Number.isNaN(full.est[j]!)) {
            expect(fast.est[j]).toBeNaN();
            continue;
          }
          const scale = Math.max(1, Math.abs(full.est[j]!));
          expect(Math.abs(fast.est[j]! - full.est[j]!)).toBeLessThan(1e-5 * scale);
          expect(Math.abs(fast.se[j]! - full.se[j]!)).toBeLessThan(1e-5 * full.se[j]!);
          expect(Math.abs(fast.p[j]! - full.p[j]!)).toBeLessThan(1e-5);
          compared++;
        }
      }
    });
    expect(compared).toBeGreaterThan(200);
  });
});
