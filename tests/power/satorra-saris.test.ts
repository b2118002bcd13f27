/**
 * Satorra-Saris power of one path against lavaan 0.6.14 (/work/shared/reference/power/power.json,
 * made by make-power.R there): the population Σ of the standardized second-order model (simulateData
 * standardized = TRUE) and the noncentrality (chisq of sem(model_h0, sample.cov = Σ, sample.nobs = N))
 * at N = 151 and 300 within 1e-4, and the power.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { populationSigma } from "../../src/power/population.js";
import { oneDfPower, parameterPower, parseTestedParameter } from "../../src/power/satorra-saris.js";
import { parseModel } from "../../src/sem/syntax/index.js";

const FILE = path.join(process.env.ISRS_SHARED_REFERENCE ?? "/work/shared/reference", "power", "power.json");

interface SS {
  population_model: string;
  population_parameters: { lhs: string; op: string; rhs: string; value: number }[];
  sigma: { names: string[]; matrix: number[][] };
  model_h0: string;
  model_h1: string;
  examples: { N: number; ncp: number; power: number; chisq_true_model: number; critical_value: number }[];
}

describe.runIf(fs.existsSync(FILE))("Satorra-Saris power (lavaan 0.6.14, power.json)", () => {
  const ss = (JSON.parse(fs.readFileSync(FILE, "utf8")) as { satorra_saris: SS }).satorra_saris;

  it("the population Σ of the all-fixed model with unit variances equals lavaan's (simulateData standardized)", () => {
    const pop = populationSigma(parseModel(ss.population_model, { file: "population.lav" }));
    const p = ss.sigma.names.length;
    expect([...pop.names].sort()).toEqual([...ss.sigma.names].sort());
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) {
        const a = pop.names.indexOf(ss.sigma.names[i]!),
          b = pop.names.indexOf(ss.sigma.names[j]!);
        expect(Math.abs(pop.sigma[a * pop.names.length + b]! - ss.sigma.matrix[i]![j]!)).toBeLessThan(1e-12);
      }
    // the residual variances filled in are lavaan's (population_parameters)
    for (const r of ss.population_parameters.filter((q) => q.op === "~~")) {
      const mine = pop.parameters.find((q) => q.op === "~~" && q.lhs === r.lhs && q.rhs === r.rhs);
      expect(mine, `${r.lhs} ~~ ${r.rhs}`).toBeDefined();
      expect(Math.abs(mine!.value - r.value)).toBeLessThan(1e-12);
    }
  });

  it("ncp at N = 151 and 300 within 1e-4 of lavaan's chisq, and the power; the true model fits exactly", async () => {
    const values = new Float64Array(ss.sigma.matrix.flat());
    const res = await parameterPower({
      model: parseModel(ss.model_h1, { file: "model.lav" }),
      test: parseTestedParameter("B ~ E"),
      sigma: { names: ss.sigma.names, sigma: values },
      n: ss.examples.map((e) => e.N),
    });
    expect(res.critical).toBeCloseTo(ss.examples[0]!.critical_value, 10);
    expect(res.chisqModel).toBeLessThan(1e-6); // lavaan: chisq_true_model ≈ 0
    res.rows.forEach((row, k) => {
      const e = ss.examples[k]!;
      expect(row.n).toBe(e.N);
      expect(Math.abs(row.ncp - e.ncp), `N = ${e.N}: ours ${row.ncp}, lavaan ${e.ncp}`).toBeLessThan(1e-4);
      expect(Math.abs(row.power - e.power)).toBeLessThan(1e-5);
      expect(Math.abs(oneDfPower(e.ncp, 0.05) - e.power)).toBeLessThan(1e-12); // R's 1 - pchisq(crit, 1, ncp)
    });
  });
});
