/**
 * Reflected indicators: negating indicators gives an equivalent model (only the signs of
 * loadings change), so the chi-square must equal the unreflected one (closed form) and every
 * estimate must be the same up to sign. Checked on the ISRS study model (the instrument's model on
 * the bundled data, lavaan 0.6.14 reference isrs-instrument-bundled) and on HS second-order, where
 * the optimizer is also started on the wrong side (lavaan's start: second-order loadings +1) to
 * check that the sign-flip restart finds the optimum.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { tableFromText } from "../../../src/sem/data/index.js";
import { optimize } from "../../../src/sem/estimate/optimize.js";
import { fitModel, prepareFit } from "../../../src/sem/fit-model.js";
import { parseModel } from "../../../src/sem/syntax/index.js";

interface Ref {
  fit: Record<string, number>;
  parameters: { lhs: string; op: string; rhs: string; est: number }[];
}

function negated(file: string, columns: string[]) {
  const [header, ...rows] = fs.readFileSync(file, "utf8").trim().split("\n");
  const cols = header!.split(",").map((c) => c.replace(/"/g, ""));
  const idx = columns.map((c) => cols.indexOf(c));
  const out = rows.map((line) =>
    line
      .split(",")
      .map((cell, j) => (idx.includes(j) && cell !== "" ? String(-Number(cell)) : cell))
      .join(","),
  );
  return tableFromText([header, ...out].join("\n") + "\n", "reflected.csv");
}

describe("reflected indicators", () => {
  it("the ISRS study model with DET1, ANA1 and RES1 negated: lavaan's chi-square, estimates up to sign", async () => {
    const dir = "tests/fixtures/extra/isrs-instrument-bundled";
    const ref = JSON.parse(fs.readFileSync(`${dir}/lavaan.json`, "utf8")) as Ref;
    const res = await fitModel({
      syntax: parseModel(fs.readFileSync(`${dir}/model.lav`, "utf8"), { file: "model.lav" }),
      data: negated(`${dir}/data.csv`, ["DET1", "ANA1", "RES1"]),
    });
    expect(res.converged).toBe(true);
    expect(Math.abs(res.fit.chisq! - ref.fit.chisq!)).toBeLessThan(1e-6 * ref.fit.chisq!);
    for (const r of ref.parameters) {
      const m = res.parameters.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs)!;
      expect(Math.abs(Math.abs(m.est!) - Math.abs(r.est))).toBeLessThan(1e-4 * Math.max(1, Math.abs(r.est)));
    }
  });

  it("restarts with flipped signs when started on the wrong side (HS second-order, x1-x3 negated)", () => {
    const dir = "tests/parity/lavaan-0.6.14/hs-second-order";
    const ref = JSON.parse(fs.readFileSync(`${dir}/lavaan.json`, "utf8")) as Ref;
    const prep = prepareFit({
      syntax: parseModel(fs.readFileSync(`${dir}/model.lav`, "utf8"), { file: "model.lav" }),
      data: negated(`${dir}/data.csv`, ["x1", "x2", "x3"]),
    });
    // lavaan's start for loadings on latent indicators: +1, the wrong sign for g =~ textual, g =~ speed here
    const wrong = Float64Array.from(prep.start.theta);
    for (const r of prep.table.rows)
      if (r.op === "=~" && r.lhs === "g" && r.free > 0) wrong[r.free - 1] = Math.abs(wrong[r.free - 1]!);
    const opt = optimize(prep.prob, wrong);
    expect(opt.converged).toBe(true);
    expect(Math.abs(prep.stats.ntotal * opt.evaluation.f - ref.fit.chisq!)).toBeLessThan(1e-6 * ref.fit.chisq!);
  });
});
