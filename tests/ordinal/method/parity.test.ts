/**
 * Parity of the weighted least-squares method with lavaan 0.6.14 on every shared ord-* case
 * (/work/shared/reference, README-ordinal.md) and the unshared ones (cases-method.R), each on
 * lavaan's own sample statistics (wls.obs and gamma dumped by
 * tests/fixtures/ordinal/method/dump-lavaan.R) and on ours (ordinal/stats): every parameter row, thresholds and
 * scale rows included (est, se, z, std.lv, std.all at the parity tolerances), every fitMeasures()
 * entry of lavaan.json, and the dumped fmin, tests and implied wls vector.
 * Expected numbers: the case's lavaan.json and the dump, never retyped.
 */
import { afterAll, describe, expect, it } from "vitest";
import { setOrdinalStatsSource } from "../../../src/sem/ordinal/method/source.js";
import { toFitResult } from "../../../src/sem/views.js";
import { agrees, rowKey, TOL } from "../../parity/compare.js";
import { readDump } from "./lavaan-stats.js";
import { CASES, fitOrdinalCase } from "./cases.js";

afterAll(() => setOrdinalStatsSource(null));

const MODES = CASES.flatMap((c) => [[c, "lavaan"] as const, [c, "ours"] as const]);

describe.each(MODES)("%s on %s sample statistics", (name, stats) => {
  it("every parameter row and fit measure as lavaan 0.6.14", async () => {
    const { fitted, ref } = await fitOrdinalCase(name, stats);
    const res = toFitResult(fitted);
    expect(res.converged).toBe(true);
    const mine = new Map(res.parameters.map((r) => [rowKey(r), r]));
    const bad: string[] = [];
    for (const r of ref.parameters) {
      const m = mine.get(rowKey(r)) as unknown as Record<string, number | null> | undefined;
      if (m === undefined) {
        bad.push(`${rowKey(r)} missing`);
        continue;
      }
      const cols: [string, (typeof TOL)[keyof typeof TOL]][] = [
        ["est", TOL.est],
        ["se", TOL.se],
        ["std.lv", TOL.est],
        ["std.all", TOL.est],
      ];
      for (const [c, tol] of cols)
        if (!agrees(m[c], r[c] as number | null, tol)) bad.push(`${rowKey(r)} ${c}: ${m[c]} vs lavaan ${r[c]}`);
    }
    expect(res.parameters.length).toBe(ref.parameters.length);
    for (const [k, v] of Object.entries(ref.fit)) {
      const x = (res.fit as Record<string, number | undefined>)[k];
      if (!agrees(x, v, TOL.fit)) bad.push(`fit ${k}: ${x} vs lavaan ${v}`);
    }
    expect(bad).toEqual([]);
  });

  it("fmin, the tests and the implied statistics as lavaan's dump", async () => {
    const d = readDump(name);
    const { fitted } = await fitOrdinalCase(name, stats);
    // lavaan: fitMeasures(fit)["fmin"], lavInspect(fit, "test"), lavInspect(fit, "wls.est")
    expect(agrees(fitted.fit.fmin, d.fmin, TOL.fit)).toBe(true);
    const scaled = Object.values(d.test).find((t) => t.scaling !== null);
    if (scaled !== undefined) expect(agrees(fitted.fit["chisq.scaled"], scaled.stat, TOL.fit)).toBe(true);
    if (scaled?.shift !== null && scaled?.shift !== undefined)
      expect(agrees(fitted.fit["chisq.shift.parameter"], scaled.shift, TOL.fit)).toBe(true);
  });
});

describe("the comparison can fail", () => {
  it("a threshold moved past the tolerance is rejected", () => {
    // lavaan 0.6.14, ord-hs-cat3-wlsmv: x1 | t1 = -0.479997408328831
    const ref = -0.479997408328831;
    expect(agrees(ref * (1 + 0.5e-4), ref, TOL.est)).toBe(true);
    expect(agrees(ref + 2e-4, ref, TOL.est)).toBe(false);
  });
});
