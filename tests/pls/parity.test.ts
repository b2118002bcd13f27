/**
 * Parity with seminr 2.3.1 on the reference cases of tests/fixtures/pls (seminr.json of each,
 * written by its call.R): every deterministic output the reference README lists within 1e-6
 * (relative to max(1, |ref|)) and seminr's iteration counter exactly (compare.ts).
 */
import { describe, expect, test } from "vitest";
import { estimatePls } from "../../src/pls/estimate.js";
import { plsQuality } from "../../src/pls/quality.js";
import { compareEstimate, compareQuality } from "./compare.js";
import { loadCase } from "./helpers.js";

const CASES: [string, { plsc?: boolean }][] = [
  ["mobi-simple", {}],
  ["mobi-modeb", {}],
  ["mobi-plsc", { plsc: true }],
  ["corp-rep-hoc", {}],
];

describe.each(CASES)("%s", (name, options) => {
  const c = loadCase(name, options);
  const est = estimatePls(c.data, c.spec, c.options);

  test("estimate: weights, loadings, paths, R², scores, indicator means/sds, total effects, iterations", () => {
    expect(est.converged).toBe(true);
    expect(compareEstimate(est, c.ref)).toEqual([]);
  });

  test("quality: reliability, HTMT, Fornell-Larcker, cross-loadings, VIFs, f², AIC/BIC, descriptives", () => {
    expect(compareQuality(plsQuality(est, c.data, c.spec, c.options), c.ref)).toEqual([]);
  });
});

test("corp-rep-hoc: the 11 missing cells are mean-replaced and counted", () => {
  const c = loadCase("corp-rep-hoc");
  expect(c.data.missing.imputed.reduce((s, x) => s + x.count, 0)).toBe(11); // seminr.json n_missing_cells
  expect(estimatePls(c.data, c.spec).warnings.map((w) => w.code)).toEqual(["W_PLS_MEAN_REPLACED"]);
});
