/**
 * `isrs power --instrument` takes the population covariance matrix from the instrument's
 * population model (instrument/population.ts populationModel) and, without --model, the
 * instrument's analysis model. Expected values are computed here from those two pieces directly
 * (the Satorra-Saris noncentrality of the model with the path fixed to 0, fitted to Σ, and M's
 * values at Σ), so that the command is checked against its documented inputs.
 */
import { describe, expect, it } from "vitest";
import { instrumentModelSyntax, loadInstrument, populationModel } from "../../src/instrument/index.js";
import { parameterPower, parseTestedParameter } from "../../src/power/satorra-saris.js";
import { trueValues } from "../../src/power/montecarlo.js";
import { parseModel } from "../../src/sem/syntax/index.js";
import { run } from "../cli/run.js";

const instr = loadInstrument();
const pm = populationModel(instr);
const text = instrumentModelSyntax(instr);

describe("isrs power --instrument", () => {
  it("Satorra-Saris power of client ~ ISRS from the instrument's population model", async () => {
    const r = await run("power", "--instrument", "--test", "client ~ ISRS", "--n", "60,151", "--format", "json");
    expect(r.stderr).toBe("");
    const got = JSON.parse(r.stdout) as { rows: { n: number; ncp: number; power: number }[] };
    const want = await parameterPower({
      model: parseModel(text, { file: "instrument" }),
      test: parseTestedParameter("client ~ ISRS"),
      sigma: { names: pm.items, sigma: pm.sigma },
      n: [60, 151],
    });
    for (let i = 0; i < 2; i++) {
      expect(Math.abs(got.rows[i]!.ncp - want.rows[i]!.ncp)).toBeLessThan(1e-8 * Math.max(1, want.rows[i]!.ncp));
      expect(got.rows[i]!.ncp).toBeGreaterThan(0);
    }
  });

  it("Monte Carlo: the rows' population values are the instrument model's values at the population Σ", async () => {
    const r = await run(
      ...["power", "--instrument", "--n", "151", "--reps", "2", "--seed", "4", "--workers", "1"],
      ...["--categories", "instrument", "--format", "json"],
    );
    expect(r.stderr).toBe("");
    const got = JSON.parse(r.stdout) as {
      data: string;
      rows: { lhs: string; op: string; rhs: string; population: number }[];
    };
    expect(got.data).toBe("categories");
    const { params, theta } = await trueValues({
      model: text,
      modelFile: "instrument",
      names: pm.items,
      sigma: pm.sigma,
      cuts: null,
      ns: [151],
      reps: 2,
      seed: 4,
      alpha: 0.05,
    });
    expect(got.rows.map((x) => `${x.lhs} ${x.op} ${x.rhs}`)).toEqual(params.map((p) => `${p.lhs} ${p.op} ${p.rhs}`));
    got.rows.forEach((x, j) => expect(Math.abs(x.population - theta[j]!)).toBeLessThan(1e-9));
    expect(got.rows.find((x) => x.lhs === "client" && x.rhs === "ISRS")!.population).toBeGreaterThan(0);
  });
});
