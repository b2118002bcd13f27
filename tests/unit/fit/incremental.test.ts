/**
 * lavaan 0.6.14's guards of the incremental indices (lav_fit_cfi, lav_fit_tli, lav_fit_rni,
 * lav_fit_nfi, lav_fit_rfi, lav_fit_ifi, lav_fit_pnfi), lav_fit_agfi, lav_fit_pgfi and lav_fit_cn,
 * each on inputs made to sit on one side of it; the values are the closed forms of those functions.
 */
import { describe, expect, it } from "vitest";
import { cfi, ifi, nearZero, nfi, pnfi, rfi, rni, tli } from "../../../src/sem/fit/incremental.js";
import { agfi, pgfi } from "../../../src/sem/fit/gfi.js";
import { hoelter } from "../../../src/sem/fit/measures.js";

const base = { baselineChisq: 900, baselineDf: 36 };

describe("nearZero: R's isTRUE(all.equal(x, 0))", () => {
  it("is true up to √ε = 1.49e-8 and false just above", () => {
    expect(nearZero(1e-14)).toBe(true);
    expect(nearZero(1.49e-8)).toBe(true);
    expect(nearZero(1.5e-8)).toBe(false);
    expect(nearZero(NaN)).toBe(false);
  });
});

describe("CFI", () => {
  it("1 when both terms are round-off (saturated model, weak baseline), not 1 − t1/t2 = 0", () => {
    expect(cfi({ chisq: 8.9e-14, df: 0, baselineChisq: 0.32, baselineDf: 1 })).toBe(1);
  });
  it("1 − t1/t2 otherwise; 0 when the model fits worse than the baseline", () => {
    expect(cfi({ chisq: 85, df: 24, ...base })).toBeCloseTo(1 - 61 / 864, 15);
    expect(cfi({ chisq: 1275, df: 4, baselineChisq: 2.8, baselineDf: 6 })).toBe(0);
  });
  it("robust: T − c·df when df > 0 and neither factor is 1; the plain terms otherwise", () => {
    const i = { chisq: 85, df: 24, ...base, c: 1.2, cBaseline: 1.5 };
    expect(cfi(i)).toBeCloseTo(1 - (85 - 28.8) / (900 - 54), 15);
    expect(cfi({ ...i, cBaseline: 1 })).toBeCloseTo(1 - 61 / 864, 15);
  });
});

describe("TLI, RNI", () => {
  it("TLI 1 at df = 0 and when its denominator is 0; not clipped above 1", () => {
    expect(tli({ chisq: 0, df: 0, ...base })).toBe(1);
    expect(tli({ chisq: 30, df: 24, baselineChisq: 36, baselineDf: 36 })).toBe(1);
    expect(tli({ chisq: 10, df: 24, ...base })).toBeGreaterThan(1);
  });
  it("RNI NA when the baseline's T − df is round-off", () => {
    expect(Number.isNaN(rni({ chisq: 30, df: 24, baselineChisq: 36 + 1e-10, baselineDf: 36 }))).toBe(true);
    expect(rni({ chisq: 30, df: 24, ...base })).toBeCloseTo(1 - 6 / 864, 15);
  });
});

describe("NFI, RFI, PNFI", () => {
  it("NFI and RFI NA when the model's df exceeds the baseline's; PNFI still given", () => {
    const i = { chisq: 9.68, df: 8, baselineChisq: 1780, baselineDf: 6 };
    expect(Number.isNaN(nfi(i))).toBe(true);
    expect(Number.isNaN(rfi(i))).toBe(true);
    expect(pnfi(i)).toBeCloseTo((8 / 6) * ((1780 - 9.68) / 1780), 15);
  });
  it("NFI NA when the baseline χ² is round-off; 1 at df = 0", () => {
    expect(Number.isNaN(nfi({ chisq: 1, df: 2, baselineChisq: 1e-12, baselineDf: 6 }))).toBe(true);
    expect(nfi({ chisq: 1e-13, df: 0, ...base })).toBe(1);
  });
  it("RFI 1 at df = 0 and when T/df exceeds Tb/dfb", () => {
    expect(rfi({ chisq: 1e-13, df: 0, ...base })).toBe(1);
    expect(rfi({ chisq: 1275, df: 4, baselineChisq: 2.8, baselineDf: 6 })).toBe(1);
    expect(rfi({ chisq: 85, df: 24, ...base })).toBeCloseTo((25 - 85 / 24) / 25, 15);
  });
  it("PNFI NA without a baseline df or statistic", () => {
    expect(Number.isNaN(pnfi({ chisq: 1, df: 0, baselineChisq: 0, baselineDf: 1 }))).toBe(true);
  });
});

describe("IFI", () => {
  it("1 when the baseline χ² is below the model's df; NA when equal up to round-off", () => {
    expect(ifi({ chisq: 1275, df: 4, baselineChisq: 2.8, baselineDf: 6 })).toBe(1);
    expect(Number.isNaN(ifi({ chisq: 3, df: 4, baselineChisq: 4 + 1e-10, baselineDf: 6 }))).toBe(true);
    expect(ifi({ chisq: 85, df: 24, ...base })).toBeCloseTo(815 / 876, 15);
  });
});

describe("AGFI, PGFI, Hoelter's N", () => {
  it("AGFI 1 at df = 0; PGFI NA without moments", () => {
    expect(agfi(0.99, 6, 0)).toBe(1);
    expect(agfi(0.99, 45, 24)).toBeCloseTo(1 - (45 / 24) * 0.01, 15);
    expect(Number.isNaN(pgfi(0.99, 0, 0))).toBe(true);
  });
  it("cn: NA at df = 0 with χ² below machine epsilon, 1 at df = 0 above it", () => {
    expect(Number.isNaN(hoelter(1e-17, 0, 301, 0.95))).toBe(true);
    expect(hoelter(4e-13, 0, 301, 0.95)).toBe(1);
    // χ²_{.95, 24} = 36.4150285 (R: qchisq(0.95, 24))
    expect(hoelter(85.3, 24, 301, 0.95)).toBeCloseTo((36.4150285 * 301) / 85.3 + 1, 5);
  });
});
