/** Polychoric correlations of a published table and against lavaan's lavCor; threshold SEs. */
import { describe, expect, it } from "vitest";
import { normalDensity, normalCdf } from "../../../src/sem/distributions/index.js";
import { ordinalStats } from "../../../src/sem/ordinal/stats/index.js";
import { maxRelDiff, readJson, runCase } from "./load.js";

/** Two ordered columns from a K1 x K2 table of counts (row-major). */
function columnsOf(table: number[][]): Float64Array[] {
  const x: number[] = [],
    y: number[] = [];
  table.forEach((row, a) =>
    row.forEach((n, b) => {
      for (let i = 0; i < n; i++) {
        x.push(a + 1);
        y.push(b + 1);
      }
    }),
  );
  return [Float64Array.from(x), Float64Array.from(y)];
}

describe("Olsson (1979)'s 3 x 3 example", () => {
  // Olsson, U. (1979), Psychometrika 44, 443-460: the two-step estimate of his 3 x 3 example is
  // rho = .49 with row thresholds -1.77, -.14 and column thresholds -.69, .67 (the table as
  // reproduced in the psych package's tetrachoric() examples); lavaan 0.6.14's lavCor gives
  // rho = 0.49137194922226 (olsson-1979.json, make-stats.R).
  const ref = readJson<{ table: number[][]; rho: number[]; th: number[] }>("olsson-1979.json");
  const st = ordinalStats(
    [columnsOf(ref.table)],
    [
      { name: "r", ordered: true },
      { name: "c", ordered: true },
    ],
    {
      missing: "listwise",
    },
  ).groups[0]!;
  it("gives Olsson's published values to two decimals", () => {
    expect(st.cov[1]).toBeCloseTo(0.49, 2);
    expect(Array.from(st.th)).toEqual([
      expect.closeTo(-1.77, 2),
      expect.closeTo(-0.14, 2),
      expect.closeTo(-0.69, 2),
      expect.closeTo(0.67, 2),
    ]);
  });
  it("gives lavaan's lavCor values", () => {
    expect(st.cov[1]).toBeCloseTo(ref.rho[0]!, 8);
    expect(maxRelDiff(st.th, ref.th)).toBeLessThan(1e-12);
  });
});

describe("lavCor(..., ordered = TRUE)", () => {
  it("reproduces the polychoric matrix of the HS 3-category items", () => {
    // lavcor-hs-cat3.json: lavCor(hs, ordered = names(hs), output = "cor"), lavaan 0.6.14
    const ref = readJson<{ names: string[]; cor: number[][] }>("lavcor-hs-cat3.json");
    const { stats } = runCase("ord-hs-cat3-wlsmv");
    expect(stats.groups[0]!.vars.map((v) => v.name)).toEqual(ref.names);
    expect(maxRelDiff(stats.groups[0]!.cov, ref.cor.flat())).toBeLessThan(1e-7);
  });
});

describe("threshold standard errors", () => {
  it("are the delta-method SEs of the cumulative proportions: sqrt(gamma_kk / N) = sqrt(P(1-P)/N) / phi(tau)", () => {
    // tau = Phi^-1(P) with P a cumulative proportion of a multinomial, so N Cov(tau_k, tau_l) =
    // P_k (1 - P_l) / (phi(tau_k) phi(tau_l)) for k <= l; Muthén's sandwich reduces to it because
    // at the ML thresholds the outer product of the scores equals the expected information.
    const { stats } = runCase("ord-bfi-2f");
    const g = stats.groups[0]!;
    const m = g.wlsObs.length;
    for (let k = 0; k < g.th.length; k++) {
      for (let l = k; l < g.th.length; l++) {
        const expected =
          g.thVar[k] === g.thVar[l]
            ? (normalCdf(g.th[k]!) * (1 - normalCdf(g.th[l]!))) / (normalDensity(g.th[k]!) * normalDensity(g.th[l]!))
            : null;
        if (expected !== null) expect(g.gamma[k * m + l]).toBeCloseTo(expected, 10);
      }
      const se = Math.sqrt(g.gammaDiag[k]! / g.nobs);
      const p = normalCdf(g.th[k]!);
      expect(se).toBeCloseTo(Math.sqrt((p * (1 - p)) / g.nobs) / normalDensity(g.th[k]!), 12);
    }
  });
});
