/**
 * Same seed, same numbers, whatever the number of worker threads: every replication reads its
 * own random stream and results are assembled by replication index (pool.ts). The runs below
 * use the compiled worker (dist/, built by `npm test` before vitest runs).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bootstrapModel, type BootstrapRunOptions } from "../../../src/sem/bootstrap/index.js";
import { workerScript } from "../../../src/sem/bootstrap/pool.js";
import { readTable } from "../../../src/sem/data/read-file.js";
import { fitModel, type FitInput } from "../../../src/sem/fit-model.js";
import type { FitResult } from "../../../src/sem/results.js";
import { parseModel } from "../../../src/sem/syntax/index.js";

function input(dir: string, model: string, options: FitInput["options"] = {}): FitInput {
  const file = `datasets/${dir}/${model}`;
  return {
    syntax: parseModel(readFileSync(file, "utf8"), { file }),
    data: readTable(`datasets/${dir}/data.csv`),
    options,
  };
}

async function boot(input: FitInput, opts: BootstrapRunOptions): Promise<FitResult> {
  return bootstrapModel(await fitModel(input), { minTasksForWorkers: 0, ...opts });
}

/** The result without the fields that say where the work ran. */
function numbers(r: FitResult): unknown {
  const { threads: _t, threadNote: _n, ...rest } = r.bootstrap!;
  return { parameters: r.parameters, bootstrap: rest };
}

describe("bootstrap with 1 and 2 workers", () => {
  it("the compiled worker exists (npm test builds it first)", () => {
    expect(workerScript()).not.toBeNull();
  });

  it("SEM with := parameters, the Bollen-Stine test and the jackknife: identical numbers", async () => {
    const pd = input("political-democracy", "indirect-effect.lav");
    const opts = { bootstrap: 100, seed: 11, test: "bollen.stine" as const };
    const one = await boot(pd, { ...opts, workers: 1 });
    const two = await boot(pd, { ...opts, workers: 2 });
    expect(one.bootstrap!.threads).toBe(1);
    expect(two.bootstrap!.threads).toBe(2);
    expect(numbers(two)).toEqual(numbers(one));
    expect(one.bootstrap!.jackknife.used).toBe(true);
    expect(one.bootstrap!.parameters.find((p) => p.lhs === "indirect")!["bca.type"]).toBe("bca");
    expect(one.bootstrap!.test!["boot.length"]).toBe(100);
  });

  it(
    "full-information ML with 12% missing (each draw refitted " +
      "through prepareFit, the general path): identical " +
      "numbers",
    async () => {
      const dir = "tests/parity/lavaan-0.6.14/hs-cfa-fiml";
      const fiml: FitInput = {
        syntax: parseModel(readFileSync(`${dir}/model.lav`, "utf8"), { file: `${dir}/model.lav` }),
        data: readTable(`${dir}/data.csv`),
        options: { missing: "fiml" },
      };
      const opts = { bootstrap: 40, seed: 8, jackknife: false };
      const one = await boot(fiml, { ...opts, workers: 1 });
      const two = await boot(fiml, { ...opts, workers: 2 });
      expect(one.bootstrap!.draws.successful).toBe(40);
      // FIML: the intercepts are parameters too
      expect(one.parameters.filter((p) => p.op === "~1" && p.lhs.startsWith("x")).length).toBe(9);
      expect(numbers(two)).toEqual(numbers(one));
    },
  );

  it("two groups (resampled within groups): identical numbers; another seed gives other numbers", async () => {
    const hs = input("holzinger-swineford-1939", "three-factor.lav", { group: "school" });
    const opts = { bootstrap: 40, seed: 3, jackknife: false };
    const one = await boot(hs, { ...opts, workers: 1 });
    const two = await boot(hs, { ...opts, workers: 2 });
    expect(numbers(two)).toEqual(numbers(one));
    const other = await boot(hs, { ...opts, seed: 4, workers: 2 });
    expect(numbers(other)).not.toEqual(numbers(one));
    expect(one.bootstrap!.parameters.find((p) => p["bca.type"] !== null)!["bca.type"]).toBe("bca.simple");
  });
});
