/**
 * The Bollen-Stine bootstrap p-value against lavaan 0.6.14's (tests/fixtures/bootstrap/
 * lavaan-bollen-stine.json, made by make-bollen-stine-reference.R there: the Political
 * Democracy SEM with test = "bollen.stine", 3,000 draws).
 *
 * Both are Monte Carlo estimates of the same probability p (the share of Bollen-Stine draws
 * whose statistic exceeds the sample's), from independent draws, so their difference has
 * standard deviation sqrt(p(1 − p)(1/B_lavaan + 1/B_ours)) (binomial proportions); with p near
 * 0.45, 3,000 and 800 draws this is about 0.020, and the check allows 4 standard deviations.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contextData, createContext } from "../../../src/sem/bootstrap/context.js";
import { bollenStineTest } from "../../../src/sem/bootstrap/index.js";
import { runTasks } from "../../../src/sem/bootstrap/pool.js";
import { readTable } from "../../../src/sem/data/read-file.js";
import { fitModel } from "../../../src/sem/fit-model.js";
import { parseModel } from "../../../src/sem/syntax/index.js";

interface Ref {
  stat: number;
  df: number;
  pvalue: number;
  "boot.length": number;
}
const REF = JSON.parse(readFileSync("tests/fixtures/bootstrap/lavaan-bollen-stine.json", "utf8")) as Ref;
const B = 800;

function withinMonteCarlo(ours: number, lavaan: number, bOurs: number, bLavaan: number): boolean {
  const p = lavaan;
  const sd = Math.sqrt(p * (1 - p) * (1 / bLavaan + 1 / bOurs));
  return Math.abs(ours - lavaan) <= 4 * sd;
}

describe("Bollen-Stine bootstrap p-value", () => {
  it(`Political Democracy SEM: ${B} draws agree with lavaan's p from 3,000 draws`, async () => {
    const model = "datasets/political-democracy/indirect-effect.lav";
    const input = {
      syntax: parseModel(readFileSync(model, "utf8"), { file: model }),
      data: readTable("datasets/political-democracy/data.csv"),
    };
    const fit = await fitModel(input);
    const ctx = createContext(await contextData({ fitted: fit, seed: 31, bollenStine: true }));
    const report = await runTasks(ctx, [{ kind: "bollenStine", count: B }], { workers: 2 });
    const t = bollenStineTest(report.results[0]!, fit.fit);
    expect(t.stat).toBeCloseTo(REF.stat, 6); // the sample's chi-square, lavaan's to 1e-6
    expect(t.df).toBe(REF.df);
    expect(t["boot.length"]).toBe(B);
    expect(withinMonteCarlo(t.pvalue, REF.pvalue, B, REF["boot.length"])).toBe(true);
  });

  it("the Monte Carlo check rejects a p-value just outside 4 standard deviations", () => {
    const sd = Math.sqrt(0.45 * 0.55 * (1 / 3000 + 1 / B));
    expect(withinMonteCarlo(0.45 + 4.05 * sd, 0.45, B, 3000)).toBe(false);
    expect(withinMonteCarlo(0.45 - 3.95 * sd, 0.45, B, 3000)).toBe(true);
  });
});
