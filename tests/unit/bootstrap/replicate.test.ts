/**
 * One replication, two paths: the direct path (new sample moments for the prepared problem)
 * must give exactly the numbers of the general path (the resampled raw rows through
 * prepareFit(), as any fit option would need), for ordinary draws, Bollen-Stine draws and
 * jackknife refits, here on a model with fixed.x covariates whose fixed rows must follow each
 * resample. Also: the Bollen-Stine data have the model-implied moments.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contextData, createContext, type ContextRequest } from "../../../src/sem/bootstrap/context.js";
import type { ReplicationContext } from "../../../src/sem/bootstrap/replicate.js";
import { readTable } from "../../../src/sem/data/read-file.js";
import { evaluate } from "../../../src/sem/estimate/ml.js";
import { fitModel, type FitInput } from "../../../src/sem/fit-model.js";
import { groupStats } from "../../../src/sem/samplestats/index.js";
import { parseModel } from "../../../src/sem/syntax/index.js";

const DIR = "tests/fixtures/extra/sem-observed-covariates";

async function contexts(): Promise<{
  direct: ReplicationContext;
  general: ReplicationContext;
  input: FitInput;
  job: ContextRequest;
}> {
  const file = `${DIR}/model.lav`;
  const input: FitInput = {
    syntax: parseModel(readFileSync(file, "utf8"), { file }),
    data: readTable(`${DIR}/data.csv`),
  };
  const job: ContextRequest = {
    fitted: await fitModel(input),
    seed: 5,
    bollenStine: true,
  };
  return {
    direct: createContext(await contextData(job)),
    general: createContext(await contextData({ ...job, forceGeneral: true })),
    input,
    job,
  };
}

describe("replications", () => {
  it("the direct and the general path give identical estimates and statistics", async () => {
    const { direct, general } = await contexts();
    expect(direct.data.direct).toBe(true);
    expect(general.data.direct).toBe(false);
    expect(direct.data.table.rows.some((r) => r.exo)).toBe(true); // fixed.x rows present
    for (const [kind, index] of [
      ["ordinary", 0],
      ["ordinary", 1],
      ["bollenStine", 0],
      ["jackknife", 0],
      ["jackknife", 74],
    ] as const) {
      const a = direct.run(kind, index);
      const b = general.run(kind, index);
      expect(a.status).toBe(0);
      expect(b.status).toBe(0);
      expect([...a.theta]).toEqual([...b.theta]);
      expect(a.chisq).toBe(b.chisq);
    }
  });

  it("a draw differs from the full-sample fit, and the same draw is the same", async () => {
    const { direct, job } = await contexts();
    const a = direct.run("ordinary", 3);
    expect([...direct.run("ordinary", 3).theta]).toEqual([...a.theta]);
    expect([...a.theta]).not.toEqual([...job.fitted.theta]);
  });

  it("the Bollen-Stine data have the model-implied means and covariances (N divisor)", async () => {
    const { input: base } = await contexts();
    const input: FitInput = { ...base, options: { meanstructure: true } };
    const prepared = await fitModel(input);
    const thetaHat = prepared.theta;
    const data = await contextData({ fitted: prepared, seed: 1, bollenStine: true });
    const p = prepared.table.vars.ov.length;
    const Z = data.bollenStineX![0]!;
    const st = groupStats("", Z, Z.length / p, p)!;
    const imp = evaluate(prepared.prob, thetaHat).groups[0]!.implied;
    for (let i = 0; i < p; i++)
      expect(Math.abs(st.mean[i]! - imp.mu[i]!)).toBeLessThan(1e-10 * Math.max(1, Math.abs(imp.mu[i]!)));
    for (let i = 0; i < p * p; i++)
      expect(Math.abs(st.S[i]! - imp.sigma[i]!)).toBeLessThan(1e-10 * Math.max(1, Math.abs(imp.sigma[i]!)));
    // and the original data do not (the model does not fit exactly: lavaan chi-square 72.3 on 39 df)
    const S0 = prepared.stats.groups[0]!.S;
    expect(Math.max(...S0.map((v, i) => Math.abs(v - imp.sigma[i]!)))).toBeGreaterThan(1e-3);
  });
});
