/**
 * The options a resample, a fold or the map is estimated with are the analysis' own.
 */
import { describe, expect, it } from "vitest";
import { analyzePls } from "../../../src/pls/analyze.js";
import { optionsOfResults } from "../../../src/pls/bootstrap/apply.js";
import { plsImportancePerformance } from "../../../src/pls/ipma/apply.js";
import type { PlsOptions } from "../../../src/pls/types.js";
import { loadCase } from "../helpers.js";

describe("options of the resampling runs", () => {
  const c = loadCase("corp-rep-hoc");
  const columns = c.data.raw;

  it("round-trip through the results' settings (scheme, PLSc, missing, higher-order method, limits)", () => {
    const options: PlsOptions = {
      scheme: "factorial",
      plsc: true,
      missing: "listwise",
      hocMethod: "repeated",
      maxIterations: 120,
      tolerance: 1e-9,
    };
    const a = analyzePls(c.spec, columns, options, { dataName: "corp" });
    expect(optionsOfResults(a.results)).toEqual(options);
  });

  it("IPMA maps a higher-order construct from the two-stage estimate only", () => {
    const two = analyzePls(c.spec, columns, {}, { dataName: "corp" });
    expect(plsImportancePerformance(two, "CUSL", { min: 1, max: 7 }).constructs.length).toBeGreaterThan(2);
    const rep = analyzePls(c.spec, columns, { hocMethod: "repeated" }, { dataName: "corp" });
    expect(() => plsImportancePerformance(rep, "CUSL", { min: 1, max: 7 })).toThrow(/not from repeated indicators/);
  });
});
