/**
 * The contracted observed h1 information (src/sem/missing/h1-contracted.ts, used for the FIML
 * standard errors) equals Δᵀ H Δ formed the long way: H from missing/h1-information.ts (itself
 * checked against a numerical Hessian in fiml.test.ts) and Δ from h1Jacobian. Checked on models
 * with every kind of cell: Bollen's SEM with regressions among latents and residual covariances
 * (pd-sem-fiml), observed covariates as dummy latents (pd-fixedx-fiml), intercepts and two groups
 * with shared loadings (hs-fiml-metric); at θ moved away from the start and at moments (μ, Σ)
 * that are not the model's (as the robust indices use them). Exact in exact arithmetic: TOL.kernel
 * scaled for the O(p⁴) sums.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readTable } from "../../src/sem/data/read-file.js";
import { prepareFit } from "../../src/sem/fit-model.js";
import { fillMatrices, impliedMoments } from "../../src/sem/model/implied.js";
import { addContractedH1, formH1Cheaper } from "../../src/sem/missing/h1-contracted.js";
import { h1Jacobian, h1ObservedInformation, h1Size } from "../../src/sem/missing/h1-information.js";
import { congruence } from "../../src/sem/linalg/dense.js";
import { parseModel } from "../../src/sem/syntax/index.js";
import type { Implied } from "../../src/sem/model/implied.js";
import type { GroupRepresentation } from "../../src/sem/model/representation.js";
import type { FimlGroup } from "../../src/sem/missing/objective.js";
import { TOL, expectAllRelClose, maxAbs } from "./helpers.js";

const EXTRA = "tests/fixtures/extra";
const CASES: [string, Record<string, unknown>][] = [
  ["pd-sem-fiml", { missing: "fiml" }],
  ["pd-fixedx-fiml", { missing: "fiml" }],
  ["hs-fiml-metric", { missing: "fiml", group: "school", groupEqual: ["loadings"] }],
];

describe.each(CASES)("contracted h1 information on %s", (name, options) => {
  const dir = `${EXTRA}/${name}`;
  const prep = prepareFit({
    syntax: parseModel(readFileSync(`${dir}/model.lav`, "utf8"), { file: "model.lav" }),
    data: readTable(`${dir}/data.csv`),
    options,
  });
  const q = prep.table.nfree;
  const theta = Float64Array.from(prep.start.theta, (x, i) => x * (1 + 0.03 * Math.sin(i + 1)));
  const fiml = prep.fiml!;

  for (const at of ["model", "shifted"] as const) {
    /** Σ_g f_g Δ_gᵀ H_g Δ_g by `add` at the model-implied moments or at EM-like moments away from them. */
    const sum = (
      add: (
        info: Float64Array,
        rep: GroupRepresentation,
        imp: Implied,
        grp: FimlGroup,
        mu: Float64Array,
        sigma: Float64Array,
        fg: number,
      ) => void,
    ): Float64Array => {
      const info = new Float64Array(q * q);
      prep.prob.rep.groups.forEach((rep, g) => {
        const imp = impliedMoments(fillMatrices(rep, theta, prep.prob.rowValues))!;
        const grp = fiml.groups[g]!;
        const st = fiml.stats.groups[g]!;
        const mu = at === "model" ? imp.mu : Float64Array.from(st.mean, (x) => x + 0.1);
        const sigma = at === "model" ? imp.sigma : st.S;
        add(info, rep, imp, grp, mu, sigma, grp.n / fiml.stats.ntotal);
      });
      return info;
    };
    it(`equals Δᵀ H Δ at the ${at === "model" ? "model-implied" : "shifted EM"} moments`, () => {
      const slow = sum((info, rep, imp, grp, mu, sigma, fg) => {
        const H = h1ObservedInformation(grp.patterns, mu, sigma, grp.p)!;
        const DHD = congruence(H, h1Jacobian(rep, imp, q), h1Size(grp.p), q);
        for (let i = 0; i < q * q; i++) info[i] += fg * DHD[i]!;
      });
      const fast = sum((info, rep, imp, grp, mu, sigma, fg) =>
        expect(addContractedH1(info, q, rep, imp, grp.patterns, mu, sigma, fg, grp.X, "contract")).toBe(true),
      );
      expectAllRelClose(fast, slow, TOL.kernel.rel * 1000, maxAbs(slow), "ΔᵀHΔ");
      // the formed route, from the rows of the small patterns, is the same
      const formed = sum((info, rep, imp, grp, mu, sigma, fg) =>
        expect(addContractedH1(info, q, rep, imp, grp.patterns, mu, sigma, fg, grp.X, "form")).toBe(true),
      );
      expectAllRelClose(formed, slow, TOL.kernel.rel * 1000, maxAbs(slow), "ΔᵀHΔ formed");
    });
  }
});

describe("the route to ΔᵀHΔ", () => {
  it("forms H for a few dozen variables and contracts for many (cost model of formH1Cheaper)", () => {
    expect(formH1Cheaper(25, 85)).toBe(true); // the bfi five-factor CFA: 325 vech pairs
    expect(formH1Cheaper(100, 300)).toBe(false); // 100 indicators: H would be 5,150 × 5,150
  });
});
