/**
 * Comparing two nested steps: the difference test of lavaan 0.6.14's lavTestLRT (the plain
 * difference of the two χ² under ML; under MLM / MLR the scaled difference of Satorra & Bentler
 * 2001: c_d = (df₀c₀ − df₁c₁)/(df₀ − df₁), T_d = (T₀ − T₁)/c_d, with c₁ = 1 for a saturated less
 * constrained model and no test when c_d < 0, as lav_test_diff_SatorraBentler2001), the changes
 * in CFI, RMSEA and SRMR (semTools' compareFit: the more constrained model's value minus the less
 * constrained one's), and the verdict:
 * - cfi: the step fails when ΔCFI ≤ −0.01 (Cheung & Rensvold 2002); ΔRMSEA ≥ 0.015 (Chen 2007)
 *   is flagged beside it, not decided on;
 * - chisq: the step fails when the difference test's p < .05;
 * - both: the step fails when either does.
 * Under MLM / MLR the CFI and RMSEA compared are the robust ones (Brosseau-Liard & Savalei 2014).
 * Ordinal fits with a scaled test (WLSMV, WLSM, ...): the scaled ones (cfi.scaled, rmsea.scaled),
 * since lavaan 0.6.14 gives no robust CFI or RMSEA once thresholds are held equal across groups;
 * their difference test is satorra.2000 (satorra2000.ts), or Satorra-Bentler 2001 under WLSM.
 */
import { chisqUpper } from "../sem/distributions/index.js";
import type { FitMeasureName, FitMeasures } from "../sem/fit/names.js";
import type { Criterion } from "./steps.js";

export const CFI_CUTOFF = -0.01;
export const RMSEA_CUTOFF = 0.015;
export const ALPHA = 0.05;

export interface DiffTest {
  "chisq.diff": number | null;
  "df.diff": number;
  pvalue: number | null;
  /** lavTestLRT's method: "standard", "satorra.bentler.2001" or "satorra.2000" (ordinal, scaled and shifted) */
  method: "standard" | "satorra.bentler.2001" | "satorra.2000";
  /** satorra.2000 with scaled.shifted: T = a(T₀ − T₁) + b */
  a?: number;
  b?: number;
  /** Satorra-Bentler 2001: the scaling factor of the difference, c_d */
  "scaling.factor"?: number | null;
  /** standard method: lavTestLRT's RMSEA of the difference */
  "rmsea.diff.test"?: number | null;
}

/** The measures compared (plain, and the robust family under MLM / MLR). */
export interface Deltas {
  "cfi.diff": number | null;
  "rmsea.diff": number | null;
  "srmr.diff": number | null;
  "tli.diff": number | null;
  "aic.diff": number | null;
  "bic.diff": number | null;
  "cfi.scaled.diff"?: number | null;
  "rmsea.scaled.diff"?: number | null;
  "cfi.robust.diff"?: number | null;
  "rmsea.robust.diff"?: number | null;
}

/** The CFI and RMSEA a verdict reads: the plain ones (ML), robust (MLM / MLR) or scaled (ordinal). */
export type MeasureFamily = "plain" | "robust" | "scaled";

export interface Verdict {
  /** the CFI and RMSEA the verdict reads ("cfi", "cfi.robust" or "cfi.scaled") */
  cfiMeasure: "cfi" | "cfi.robust" | "cfi.scaled";
  rmseaMeasure: "rmsea" | "rmsea.robust" | "rmsea.scaled";
  cfiFails: boolean | null;
  chisqFails: boolean | null;
  /** ΔRMSEA ≥ 0.015 (reported beside the CFI criterion) */
  rmseaFlag: boolean | null;
  supported: boolean;
}

export type Comparison = DiffTest & Deltas & Verdict;

export interface CompareInput {
  less: FitMeasures;
  more: FitMeasures;
  robust: boolean;
  /** total N and number of groups, for the RMSEA of the difference */
  ntotal: number;
  ngroups: number;
  /** the measures the verdict reads (default: robust when `robust`, else plain) */
  family?: MeasureFamily;
  /** a difference test computed elsewhere (satorra.2000 for ordinal fits) */
  test?: DiffTest;
}

const num = (v: number | undefined): number | null => (v === undefined || !Number.isFinite(v) ? null : v);

/** lavTestLRT for one pair, the less constrained model first. */
export function diffTest(input: CompareInput): DiffTest {
  const { less, more } = input;
  const T1 = less.chisq!;
  const T0 = more.chisq!;
  const r1 = less.df!;
  const r0 = more.df!;
  const m = r0 - r1;
  if (!input.robust) {
    const d = T0 - T1;
    // lavaan's lav_fit_rmsea of the difference: sqrt(max(0, (X² − df)/(N df))) · sqrt(G)
    const rmsea = m > 0 ? Math.sqrt(Math.max(0, (d - m) / (input.ntotal * m))) * Math.sqrt(input.ngroups) : null;
    return {
      "chisq.diff": d,
      "df.diff": m,
      pvalue: m > 0 ? chisqUpper(Math.max(d, 0), m) : null,
      method: "standard",
      "rmsea.diff.test": rmsea,
    };
  }
  const c1 = r1 === 0 ? 1 : less["chisq.scaling.factor"]!;
  const c0 = more["chisq.scaling.factor"]!;
  if (m === 0)
    return {
      "chisq.diff": T0 - T1,
      "df.diff": 0,
      pvalue: null,
      method: "satorra.bentler.2001",
      "scaling.factor": null,
    };
  const cd = (r0 * c0 - r1 * c1) / m;
  if (!(cd >= 0))
    return { "chisq.diff": null, "df.diff": m, pvalue: null, method: "satorra.bentler.2001", "scaling.factor": null };
  const d = (T0 - T1) / cd;
  return {
    "chisq.diff": d,
    "df.diff": m,
    pvalue: chisqUpper(Math.max(d, 0), m),
    method: "satorra.bentler.2001",
    "scaling.factor": cd,
  };
}

function delta(a: FitMeasures, b: FitMeasures, name: FitMeasureName): number | null {
  const x = num(b[name]);
  const y = num(a[name]);
  return x === null || y === null ? null : x - y;
}

export function deltas(less: FitMeasures, more: FitMeasures, robust: boolean): Deltas {
  const out: Deltas = {
    "cfi.diff": delta(less, more, "cfi"),
    "rmsea.diff": delta(less, more, "rmsea"),
    "srmr.diff": delta(less, more, "srmr"),
    "tli.diff": delta(less, more, "tli"),
    "aic.diff": delta(less, more, "aic"),
    "bic.diff": delta(less, more, "bic"),
  };
  if (robust) {
    out["cfi.scaled.diff"] = delta(less, more, "cfi.scaled");
    out["rmsea.scaled.diff"] = delta(less, more, "rmsea.scaled");
    out["cfi.robust.diff"] = delta(less, more, "cfi.robust");
    out["rmsea.robust.diff"] = delta(less, more, "rmsea.robust");
  }
  return out;
}

/** The comparison of two nested steps with the verdict by `criterion`. */
export function compareSteps(input: CompareInput, criterion: Criterion): Comparison {
  const test = input.test ?? diffTest(input);
  const d = deltas(input.less, input.more, input.robust);
  const family = input.family ?? (input.robust ? "robust" : "plain");
  const cfiMeasure = family === "plain" ? "cfi" : family === "robust" ? "cfi.robust" : "cfi.scaled";
  const rmseaMeasure = family === "plain" ? "rmsea" : family === "robust" ? "rmsea.robust" : "rmsea.scaled";
  const dcfi = family === "plain" ? d["cfi.diff"] : (d[`${cfiMeasure}.diff` as "cfi.robust.diff"] ?? null);
  const drmsea = family === "plain" ? d["rmsea.diff"] : (d[`${rmseaMeasure}.diff` as "rmsea.robust.diff"] ?? null);
  // a tolerance of 1e-12 keeps a difference that is exactly at the cut-off on the side the rule names
  const cfiFails = dcfi === null ? null : dcfi <= CFI_CUTOFF + 1e-12;
  const chisqFails = test.pvalue === null ? (test["df.diff"] === 0 ? false : null) : test.pvalue < ALPHA;
  const rmseaFlag = drmsea === null ? null : drmsea >= RMSEA_CUTOFF - 1e-12;
  const fails =
    criterion === "cfi"
      ? cfiFails
      : criterion === "chisq"
        ? chisqFails
        : cfiFails === true || chisqFails === true
          ? true
          : cfiFails === null || chisqFails === null
            ? null
            : false;
  return { ...test, ...d, cfiMeasure, rmseaMeasure, cfiFails, chisqFails, rmseaFlag, supported: fails === false };
}
