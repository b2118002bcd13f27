/**
 * Units-free numerics: the identification check and the optimizer's steps do not depend on the
 * units of the variables, and the iteration count in a non-convergence message is the one reported.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { tableFromText } from "../../../src/sem/data/index.js";
import { optimize } from "../../../src/sem/estimate/optimize.js";
import { prepareFit } from "../../../src/sem/fit-model.js";
import { involvedParameters, vcovFromInformation } from "../../../src/sem/inference/vcov.js";
import { parseModel } from "../../../src/sem/syntax/index.js";

const HS = "tests/parity/lavaan-0.6.14/hs-cfa-ml";

describe("vcovFromInformation", () => {
  it("judges rank on the correlation form: D I D is as identified as I, and its vcov is D⁻¹ vcov D⁻¹", () => {
    // a well-conditioned 3×3 information, then the same in units that multiply parameter 0 by 1e6
    const I = Float64Array.from([2, 0.5, 0.2, 0.5, 1, 0.3, 0.2, 0.3, 1.5]);
    const d = [1e-6, 1, 1e3];
    const J = I.map((x, k) => x * d[Math.floor(k / 3)]! * d[k % 3]!);
    const a = vcovFromInformation(I, 3, 100);
    const b = vcovFromInformation(J, 3, 100);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    for (let k = 0; k < 9; k++) {
      const expected = a.vcov[k]! / (d[Math.floor(k / 3)]! * d[k % 3]!); // closed form of the rescaling
      expect(Math.abs(b.vcov[k]! - expected)).toBeLessThan(1e-9 * Math.abs(expected));
    }
  });

  it("still finds a singular information and names its parameters", async () => {
    // parameters 0 and 1 enter only through their sum: rows 0 and 1 are equal
    const I = Float64Array.from([1, 1, 0.2, 1, 1, 0.2, 0.2, 0.2, 1]);
    const r = vcovFromInformation(I, 3, 100);
    expect(r.ok).toBe(false);
    if (!r.ok) expect((await involvedParameters(r)).sort()).toEqual([0, 1]);
  });

  it("reports the parameters of a non-finite information instead of throwing", () => {
    const r = vcovFromInformation(Float64Array.from([1, 0, 0, NaN]), 2, 10);
    expect(r).toEqual({ ok: false, involved: [1] });
  });
});

describe("optimize", () => {
  it("says in its message the iterations it reports, over every start tried", () => {
    const prep = prepareFit({
      syntax: parseModel(fs.readFileSync(`${HS}/model.lav`, "utf8"), {}),
      data: tableFromText(fs.readFileSync(`${HS}/data.csv`, "utf8"), "hs.csv"),
    });
    const opt = optimize(prep.prob, prep.start.theta, { maxIterations: 3, fallbackStarts: [prep.start.theta] });
    expect(opt.converged).toBe(false);
    expect(opt.message).toContain(`after ${opt.iterations} iterations from`);
  });
});
