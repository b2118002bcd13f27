/**
 * The PLS bootstrap with the toolkit's own random numbers: the same numbers on any number of
 * threads; agreement with seminr 2.3.1's mobi-boot (its own seed 123, R's random numbers) within
 * the Monte Carlo tolerances of the reference README (boot sd and t within 10% relative, boot mean
 * within 0.2 boot sd, interval bounds within 0.4 boot sd; seminr re-run with three other seeds
 * moved them by up to 7%, 0.1 and 0.26 boot sd); failed resamples counted by reason.
 */
import { describe, expect, it } from "vitest";
import { estimatePls } from "../../../src/pls/estimate.js";
import { preparePlsData } from "../../../src/pls/data.js";
import { parsePlsModel } from "../../../src/pls/syntax.js";
import { bootstrapPls, bootstrapPlsInThread, failedWarning } from "../../../src/pls/bootstrap/index.js";
import type { BootStatistic } from "../../../src/pls/bootstrap/summarize.js";
import { loadCase } from "../helpers.js";
import { loadResampleCase, readSeminr } from "./helpers.js";

interface RefRow {
  boot_mean: number;
  boot_sd: number;
  t_stat: number | null;
  "ci_lower_2.5": number;
  "ci_upper_97.5": number;
}

function withinMonteCarlo(o: BootStatistic, r: RefRow, what: string): void {
  const sd = r.boot_sd;
  if (sd < 1e-10) {
    expect(o.sd, what).toBeLessThan(1e-10);
    return;
  }
  expect(Math.abs(o.sd - sd) / sd, `${what} sd`).toBeLessThan(0.1);
  if (r.t_stat !== null) expect(Math.abs(o.t! - r.t_stat) / Math.abs(r.t_stat), `${what} t`).toBeLessThan(0.1);
  expect(Math.abs(o.mean - r.boot_mean) / sd, `${what} mean`).toBeLessThan(0.2);
  expect(Math.abs(o.lower - r["ci_lower_2.5"]) / sd, `${what} lower`).toBeLessThan(0.4);
  expect(Math.abs(o.upper - r["ci_upper_97.5"]) / sd, `${what} upper`).toBeLessThan(0.4);
}

describe("PLS bootstrap with the toolkit's random numbers", async () => {
  const { spec, data } = loadResampleCase("mobi-boot");
  const est = estimatePls(data, spec);

  it("gives the same numbers on one thread, two threads and in this thread alone", async () => {
    const one = await bootstrapPls(data, spec, est, {}, { draws: 96, seed: 7, workers: 1 });
    const two = await bootstrapPls(data, spec, est, {}, { draws: 96, seed: 7, workers: 2 });
    const here = bootstrapPlsInThread(data, spec, est, {}, { draws: 96, seed: 7 });
    expect(two.threads).toBe(2);
    expect(two.tables).toEqual(one.tables);
    expect(here.tables).toEqual(one.tables);
    const other = await bootstrapPls(data, spec, est, {}, { draws: 96, seed: 8, workers: 2 });
    expect(other.tables.paths[0]!.sd).not.toBe(one.tables.paths[0]!.sd);
  });

  const ref = readSeminr("mobi-boot").bootstrap;
  const boot = await bootstrapPls(data, spec, est, {}, { draws: 2000, seed: 20261206, workers: 2 });

  it("agrees with seminr's 2000 resamples within the Monte Carlo tolerances (seed 20261206)", () => {
    expect(boot.draws.failed).toBe(0);
    for (const r of ref.paths)
      withinMonteCarlo(
        boot.tables.paths.find((x) => x.a === r.from && x.b === r.to)!,
        r,
        r.from,
      );
    for (const table of ["loadings", "weights"] as const)
      for (const r of ref[table])
        withinMonteCarlo(
          boot.tables[table].find((x) => x.a === r.construct && x.b === r.indicator)!,
          r,
          `${table} ${r.indicator}`,
        );
    for (const r of ref.htmt)
      withinMonteCarlo(
        boot.tables.htmt.find((x) => x.a === r.construct_1 && x.b === r.construct_2)!,
        r,
        `htmt ${r.construct_1} ${r.construct_2}`,
      );
    for (const r of ref.total_paths)
      withinMonteCarlo(
        boot.tables.totalEffects.find((x) => x.a === r.from && x.b === r.to)!,
        r,
        `total ${r.from}`,
      );
  });

  it("counts resamples that cannot be estimated by reason and reports them", async () => {
    // 12 rows; item a2 differs from its constant value in row 0 only, so a resample without row 0
    // (probability (11/12)^12 ≈ 0.35) has a constant indicator and cannot be estimated
    const cols = {
      a1: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
      a2: Float64Array.from([9, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]),
      b1: Float64Array.from([2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11]),
      b2: Float64Array.from([1, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 12]),
    };
    const s = parsePlsModel("A =~ a1 + a2\nB =~ b1 + b2\nB ~ A\n", "small.pls");
    const d = preparePlsData(cols, s);
    const r = bootstrapPlsInThread(d, s, estimatePls(d, s), {}, { draws: 200, seed: 3 });
    expect(r.draws.failed).toBeGreaterThan(30);
    expect(r.draws.failed).toBeLessThan(110);
    expect(r.draws.successful + r.draws.failed).toBe(200);
    expect(r.draws.reasons.reduce((a, x) => a + x.count, 0)).toBe(r.draws.failed);
    expect(r.draws.reasons[0]!.reason).toMatch(/a2.*constant/);
    expect(failedWarning(r)).toMatch(
      new RegExp(`^${r.draws.failed} of 200 bootstrap resamples could not be estimated`),
    );
    expect(Number.isFinite(r.tables.paths[0]!.sd)).toBe(true);
  });
});

describe("PLS bootstrap of PLSc and of a two-stage higher-order model with missing cells", () => {
  it("re-estimates the PLSc corrections in every resample (mobi-plsc)", async () => {
    const { spec, data } = loadResampleCase("mobi-boot", { plsc: true });
    const est = estimatePls(data, spec, { plsc: true });
    const r = await bootstrapPls(data, spec, est, { plsc: true }, { draws: 64, seed: 5, workers: 1 });
    const path = est.pathCoefficients[0]!;
    const row = r.tables.paths.find((x) => x.a === path.from && x.b === path.to)!;
    expect(row.original).toBe(path.est);
    expect(r.draws.successful).toBe(64);
    expect(row.lower).toBeLessThan(row.original);
    expect(row.upper).toBeGreaterThan(row.original);
  });

  it("re-imputes each resample and runs both stages (corp-rep-hoc: REP of COMP, LIKE; missing cells)", async () => {
    const c = loadCase("corp-rep-hoc");
    const est = estimatePls(c.data, c.spec);
    expect(c.data.missing.imputed.length).toBeGreaterThan(0);
    const r = await bootstrapPls(c.data, c.spec, est, {}, { draws: 48, seed: 11, workers: 1 });
    expect(r.draws.successful).toBe(48);
    // a lower-order construct's items (stage 1) and the higher-order construct's rows (stage 2)
    expect(r.tables.loadings.some((x) => x.a === "COMP")).toBe(true);
    expect(r.tables.weights.some((x) => x.a === "REP" && x.b === "LIKE")).toBe(true);
    for (const t of Object.values(r.tables)) for (const x of t) expect(Number.isFinite(x.sd)).toBe(true);
  });
});
