/**
 * The size limit of the FIML h1 informations (missing/robust-fit.ts H1_MAX_COORDINATES): above
 * it, ML with FIML skips lavaan's FIML-corrected robust indices with the W_ROBUST_SKIPPED warning
 * (every other result computed), and MLR with FIML, whose scaled test needs the same inverse, is
 * refused before any fitting with one E_MODEL line. The counts of coordinates are closed forms:
 * p means and p(p+1)/2 (co)variances, less a fixed.x covariate block's own moments.
 * The data: a one-factor model of 101 simulated indicators (5,252 coordinates, just above the
 * limit) with one missing cell in each of the first 20 rows. Below the limit every FIML test of
 * the suite computes the indices (100 indicators, just below it, would take about a minute).
 */
import { describe, expect, it } from "vitest";
import { formatText } from "../../../src/sem/format/text.js";
import type { DataTable } from "../../../src/sem/data/index.js";
import { fitModel } from "../../../src/sem/fit-model.js";
import { InputError } from "../../../src/sem/messages.js";
import { H1_MAX_COORDINATES, h1Coordinates } from "../../../src/sem/missing/h1-limit.js";
import { parseModel } from "../../../src/sem/syntax/index.js";
import type { FitMeasureName } from "../../../src/sem/fit/names.js";
import { toFitResult } from "../../../src/sem/views.js";

/** A one-factor model of p indicators, N rows (loadings 0.7, seeded normal draws), cell (i, i) missing for i < 20. */
function oneFactor(p: number, n: number): { table: DataTable; model: string } {
  let s = 20261205;
  const u = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296;
  const normal = (): number => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const columns = Array.from({ length: p }, (_, j) => `y${j + 1}`);
  const rows = Array.from({ length: n }, (_, i) => {
    const eta = normal();
    return columns.map((_, j) => (i < 20 && j === i ? "" : (0.7 * eta + Math.sqrt(0.51) * normal()).toFixed(5)));
  });
  return {
    table: { file: "sim.csv", columns, rows, lineOf: rows.map((_, i) => i + 2), delimiter: ",", decimal: "." },
    model: `f =~ ${columns.join(" + ")}\n`,
  };
}

describe("the number of h1 coordinates", () => {
  it("is p + p(p+1)/2, less a fixed.x block's k + k(k+1)/2", () => {
    expect(h1Coordinates(25, [])).toBe(25 + 325);
    expect(h1Coordinates(100, [])).toBe(5150);
    expect(h1Coordinates(101, [])).toBe(5252);
    expect(h1Coordinates(5, [0, 1])).toBe(20 - (2 + 3));
  });

  it("puts 100 variables within the limit and 101 above it", () => {
    expect(h1Coordinates(100, [])).toBeLessThanOrEqual(H1_MAX_COORDINATES);
    expect(h1Coordinates(101, [])).toBeGreaterThan(H1_MAX_COORDINATES);
  });
});

describe("FIML above the limit (101 indicators)", () => {
  const { table, model } = oneFactor(101, 250);
  const syntax = parseModel(model, { file: "one-factor.lav" });

  it("ML: fits, skips the robust indices with W_ROBUST_SKIPPED, and prints no robust lines", async () => {
    const r = toFitResult(await fitModel({ syntax, data: table, options: { missing: "fiml" } }));
    expect(r.converged).toBe(true);
    expect(r.missingPatterns).toEqual([21]);
    expect(r.fit["cfi.robust"]).toBeUndefined();
    expect(r.fit["rmsea.robust"]).toBeUndefined();
    for (const k of ["chisq", "cfi", "rmsea", "srmr", "logl", "unrestricted.logl"] as FitMeasureName[])
      expect(Number.isFinite(r.fit[k]), k).toBe(true);
    expect(r.parameters.every((p) => p.se === null || Number.isFinite(p.se))).toBe(true);
    const w = r.warnings.filter((x) => x.code === "W_ROBUST_SKIPPED");
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain("5,252 means and (co)variances of 101 variables");
    const text = formatText(r, "test");
    expect(text).not.toContain("Robust Comparative Fit Index");
    expect(text).not.toContain("Robust RMSEA");
  });

  it("MLR: refused with one E_MODEL line naming the model file, the size and what to use instead", async () => {
    const err = await fitModel({ syntax, data: table, options: { missing: "fiml", estimator: "MLR" } }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    expect(e.code).toBe("E_MODEL");
    expect(e.message).not.toContain("\n");
    expect(e.message).toMatch(
      new RegExp(
        String.raw`^one-factor\.lav: --estimator MLR with --missing fiml needs .* 5,252 .* 101 variables .*` +
          String.raw`use --estimator ML with --missing fiml, or MLR with listwise deletion$`,
      ),
    );
  });

  it("MLR with listwise deletion is not concerned by the limit", async () => {
    const r = toFitResult(await fitModel({ syntax, data: table, options: { estimator: "MLR" } }));
    expect(r.converged).toBe(true);
    expect(r.warnings.some((x) => x.code === "W_ROBUST_SKIPPED")).toBe(false);
  });
});
