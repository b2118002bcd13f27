/**
 * Parameter recovery: the model fitted by the engine (ML) to a large sample drawn from the
 * population model gives back the population values. The sample is N = 20,000 latent responses
 * drawn before discretisation (continuous and multivariate normal, where ML is consistent), so
 * the only error is sampling error: each estimate must lie within 4 of its own standard errors
 * of the true value (a two-sided 6e-5 chance per parameter under the asymptotic normality of ML;
 * the seed is fixed, so the test is deterministic).
 * True values in lavaan's parameterization (first loading fixed to 1) follow from the
 * standardized population values by rescaling each latent variable by c = the standardized
 * loading of its marker times the marker's own c (1 for an item): a loading becomes
 * lambda c_indicator / c_factor, a path beta c_outcome / c_predictor, a latent (residual)
 * variance c^2 psi; item residual variances stay 1 - lambda^2.
 */
import { describe, expect, it } from "vitest";
import {
  instrumentModelSyntax,
  loadInstrument,
  populationModel,
  simulate,
  secondOrderOf,
  itemsOf,
  type Instrument,
} from "../../../src/instrument/index.js";
import type { DataTable } from "../../../src/sem/data/index.js";
import { fitModel } from "../../../src/sem/fit-model.js";
import { parseModel } from "../../../src/sem/syntax/index.js";
import { withinSe } from "./helpers.js";
import { toFitResult } from "../../../src/sem/views.js";

/** The population value of every free parameter of the instrument's model, keyed "lhs op rhs". */
function truths(instr: Instrument): Map<string, number> {
  const pm = populationModel(instr);
  const pop = instr.population;
  const c = new Map<string, number>();
  for (const con of instr.constructs) {
    if (con.kind !== "second-order") c.set(con.id, pop.loadings[itemsOf(instr, con.id)[0]!.id]!);
  }
  for (const s of secondOrderOf(instr)) c.set(s.id, pop.secondOrder[s.dimensions[0]!]! * c.get(s.dimensions[0]!)!);
  const out = new Map<string, number>();
  for (const it of instr.items) {
    out.set(`${it.construct} =~ ${it.id}`, pop.loadings[it.id]! / c.get(it.construct)!);
    out.set(`${it.id} ~~ ${it.id}`, 1 - pop.loadings[it.id]! ** 2);
  }
  for (const s of secondOrderOf(instr))
    for (const d of s.dimensions) out.set(`${s.id} =~ ${d}`, (pop.secondOrder[d]! * c.get(d)!) / c.get(s.id)!);
  for (const r of pop.regressions)
    out.set(`${r.outcome} ~ ${r.predictor}`, (r.beta * c.get(r.outcome)!) / c.get(r.predictor)!);
  for (const l of pm.latents) out.set(`${l} ~~ ${l}`, c.get(l)! ** 2 * pm.psi[l]!);
  return out;
}

describe("parameter recovery from N = 20,000 simulated firms", () => {
  it("every free parameter lies within 4 standard errors of its population value", async () => {
    const instr = loadInstrument();
    const n = 20_000;
    const s = simulate(instr, { n, seed: 2024 });
    const p = s.items.length;
    const rows = Array.from({ length: n }, (_, r) => Array.from(s.continuous.subarray(r * p, (r + 1) * p), String));
    const data: DataTable = {
      file: "simulated",
      columns: s.items,
      rows,
      lineOf: rows.map((_, i) => i + 2),
      delimiter: ",",
      decimal: ".",
    };
    const res = toFitResult(
      await fitModel({ syntax: parseModel(instrumentModelSyntax(instr), { file: "model" }), data }),
    );
    expect(res.converged).toBe(true);
    const truth = truths(instr);
    const free = res.parameters.filter((r) => r.se !== null && r.se > 0);
    expect(free).toHaveLength(res.npar);
    const off: string[] = [];
    for (const r of free) {
      const key = `${r.lhs} ${r.op} ${r.rhs}`;
      const t = truth.get(key);
      if (t === undefined) off.push(`${key}: no population value`);
      else if (!withinSe(r.est!, t, r.se!)) off.push(`${key}: est ${r.est} vs ${t} (se ${r.se})`);
    }
    expect(off).toEqual([]);
    expect(res.fit.rmsea).toBeLessThan(0.01); // the model is true in the population
  });

  it("the tolerance (used by the simulation tests too) rejects a value just outside 4 standard errors", () => {
    expect(withinSe(1 + 3.99 * 0.01, 1, 0.01)).toBe(true);
    expect(withinSe(1 + 4.01 * 0.01, 1, 0.01)).toBe(false);
    expect(withinSe(1 - 4.01 * 0.01, 1, 0.01)).toBe(false);
  });
});
