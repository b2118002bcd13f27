/**
 * The PLS bootstrap against seminr 2.3.1 on mobi-boot (bootstrap_model(nboot = 2000, seed = 123)),
 * re-running seminr's own 2000 resamples (boot_indices.csv, written by the case's call.R): every
 * column of summary(boot) for paths, loadings, weights, HTMT and total effects within 1e-6 (the README's
 * tolerance for the bootstrap with seminr's resamples; intervals from R's type-7 quantile).
 * seminr sums B + B² + … for the total effects and stops early in 2 of the 2000 replicates
 * (README: up to 8e-5 on Image -> Loyalty in those two, below 1e-7 on the reported statistics);
 * the closed form (I − B)⁻¹ − I is used here.
 */
import { describe, expect, it } from "vitest";
import { estimatePls } from "../../../src/pls/estimate.js";
import { bootstrapPls } from "../../../src/pls/bootstrap/index.js";
import type { BootStatistic } from "../../../src/pls/bootstrap/summarize.js";
import { close, loadResampleCase, readBootIndices, readSeminr } from "./helpers.js";

interface RefRow {
  original: number;
  boot_mean: number;
  boot_sd: number;
  t_stat: number | null;
  "ci_lower_2.5": number;
  "ci_upper_97.5": number;
}

function compare(ours: BootStatistic, ref: RefRow, what: string): void {
  const tol = 1e-6;
  expect(close(ours.original, ref.original, tol), `${what} original`).toBe(true);
  expect(close(ours.mean, ref.boot_mean, tol), `${what} mean`).toBe(true);
  expect(close(ours.sd, ref.boot_sd, tol), `${what} sd`).toBe(true);
  if (ref.t_stat === null) expect(ours.t, `${what} t`).toBeNull();
  else expect(close(ours.t!, ref.t_stat, tol), `${what} t ${ours.t} ${ref.t_stat}`).toBe(true);
  expect(close(ours.lower, ref["ci_lower_2.5"], tol), `${what} lower`).toBe(true);
  expect(close(ours.upper, ref["ci_upper_97.5"], tol), `${what} upper`).toBe(true);
}

describe("PLS bootstrap, mobi-boot with seminr's 2000 resamples", async () => {
  const { spec, data } = loadResampleCase("mobi-boot");
  const est = estimatePls(data, spec);
  const ref = readSeminr("mobi-boot").bootstrap;
  const resamples = readBootIndices();
  const boot = await bootstrapPls(data, spec, est, {}, { draws: 2000, seed: 123, resamples, workers: 2 });

  it("uses every resample, as seminr (nboot_successful 2000)", () => {
    expect(resamples.length).toBe(2000);
    expect(boot.draws).toEqual({ requested: 2000, successful: ref.nboot_successful, failed: 0, reasons: [] });
  });

  it("paths: estimate, boot mean, boot sd, t and the 2.5%/97.5% percentiles within 1e-6", () => {
    expect(boot.tables.paths.length).toBe(ref.paths.length);
    for (const r of ref.paths as (RefRow & { from: string; to: string })[]) {
      const o = boot.tables.paths.find((x) => x.a === r.from && x.b === r.to)!;
      compare(o, r, `${r.from} -> ${r.to}`);
    }
  });

  it("loadings and weights (the single-item loading has no t, as seminr)", () => {
    for (const table of ["loadings", "weights"] as const) {
      expect(boot.tables[table].length).toBe(ref[table].length);
      for (const r of ref[table] as (RefRow & { indicator: string; construct: string })[]) {
        const o = boot.tables[table].find((x) => x.a === r.construct && x.b === r.indicator)!;
        compare(o, r, `${table} ${r.construct} ${r.indicator}`);
      }
    }
  });

  it("HTMT (upper triangle, row construct before column construct)", () => {
    expect(boot.tables.htmt.length).toBe(ref.htmt.length);
    for (const r of ref.htmt as (RefRow & { construct_1: string; construct_2: string })[]) {
      const o = boot.tables.htmt.find((x) => x.a === r.construct_1 && x.b === r.construct_2)!;
      compare(o, r, `htmt ${r.construct_1} ${r.construct_2}`);
    }
  });

  it("total effects", () => {
    expect(boot.tables.totalEffects.length).toBe(ref.total_paths.length);
    for (const r of ref.total_paths as (RefRow & { from: string; to: string })[]) {
      const o = boot.tables.totalEffects.find((x) => x.a === r.from && x.b === r.to)!;
      compare(o, r, `total ${r.from} -> ${r.to}`);
    }
  });
});
