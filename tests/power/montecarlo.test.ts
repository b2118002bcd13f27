/**
 * Monte Carlo power on the second-order population model of /work/shared/reference/power
 * (tests/fixtures/power: population.lav is its population_model, model.lav its model_h1).
 * Expected values: the Satorra-Saris power of B ~ E from lavaan 0.6.14 (power.json: 0.857859 at
 * N = 151, 0.989608 at N = 300), and 95% for the coverage of 95% intervals of a model that holds;
 * each checked within 3 binomial standard deviations of the replication count used here (250).
 * The full-size check (2,000 replications) is bench/power.js.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { monteCarloPower } from "../../src/power/montecarlo-run.js";
import { drawData, MonteCarloContext, replicationSeed, type MonteCarloSpec } from "../../src/power/montecarlo.js";
import { populationSigma } from "../../src/power/population.js";
import { parseModel } from "../../src/sem/syntax/index.js";

const FIX = path.resolve(__dirname, "../fixtures/power");
const read = (f: string): string => fs.readFileSync(path.join(FIX, f), "utf8");
const pop = populationSigma(parseModel(read("population.lav"), { file: "population.lav" }));

function spec(ns: number[], reps: number, seed = 11): MonteCarloSpec {
  return {
    model: read("model.lav"),
    modelFile: "model.lav",
    names: pop.names,
    sigma: pop.sigma,
    cuts: null,
    ns,
    reps,
    seed,
    alpha: 0.05,
  };
}

const within3Sd = (share: number, p: number, reps: number): boolean =>
  Math.abs(share - p) <= 3 * Math.sqrt((p * (1 - p)) / reps);

describe("Monte Carlo power", () => {
  it("power of B ~ E near the Satorra-Saris values and 95% coverage of the structural paths (250 replications)", async () => {
    const reps = 250;
    const res = await monteCarloPower(spec([151, 300], reps), { workers: 2 });
    const row = (n: number, name: string) => res.rows.find((r) => r.n === n && `${r.lhs} ${r.op} ${r.rhs}` === name)!;
    // Satorra-Saris power of B ~ E, lavaan 0.6.14 (power.json)
    expect(within3Sd(row(151, "B ~ E").power, 0.857859, reps), `N 151: ${row(151, "B ~ E").power}`).toBe(true);
    expect(within3Sd(row(300, "B ~ E").power, 0.989608, reps), `N 300: ${row(300, "B ~ E").power}`).toBe(true);
    for (const name of ["B ~ E", "B ~ C", "C ~ G", "E ~ G"]) {
      const r = row(300, name);
      expect(within3Sd(r.coverage, 0.95, reps), `${name} coverage ${r.coverage}`).toBe(true);
      expect(r.converged).toBe(1);
      expect(Math.abs(r.bias)).toBeLessThan(0.05);
    }
    // the population value of B ~ E in the model's scaling is positive; the chart shows the regressions
    expect(row(151, "B ~ E").population).toBeGreaterThan(0);
    expect(JSON.stringify(res.chart)).toContain('"B ~ E"');
  });

  it("gives the same numbers for 1 and 2 threads (each replication seeded on its own)", async () => {
    const one = await monteCarloPower(spec([151], 24, 5), { workers: 1 });
    const two = await monteCarloPower(spec([151], 24, 5), { workers: 2 });
    expect(two.rows).toEqual(one.rows);
    const other = await monteCarloPower(spec([151], 24, 6), { workers: 1 });
    expect(other.rows).not.toEqual(one.rows);
  });

  it("seeds differ across replications and sample sizes, and categories are whole numbers 1..K", () => {
    const seeds = new Set<number>();
    for (let k = 0; k < 3; k++) for (let r = 0; r < 1000; r++) seeds.add(replicationSeed(42, k, r));
    expect(seeds.size).toBe(3000);
    const cuts = pop.names.map(() => Float64Array.from([-1.5, -1, -0.5, 0, 0.5, 1]));
    const s = { ...spec([151], 1), cuts };
    const ctx = new MonteCarloContext(s);
    const X = drawData(s, ctx.L, 200, 0, 0);
    expect(X.every((x) => Number.isInteger(x) && x >= 1 && x <= 7)).toBe(true);
    expect(new Set(X).size).toBe(7);
  });
});
