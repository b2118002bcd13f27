/**
 * Fit measures of a scaled test under lavaan 0.6.14's fitMeasures() names (lav_fit_cfi_lavobject,
 * lav_fit_rmsea_lavobject, lav_fit_cfi/tli/rni/rmsea/rmsea_ci). T, df: the ML statistic; c its
 * scaling factor, tr = c·df; T_b, df_b, c_b the baseline's.
 * - "*.scaled": the ML formulas applied to the scaled statistics T/c, T_b/c_b (incremental
 *   indices), and RMSEA from T with df replaced by tr(UΓ) (lavaan's rmsea.scaled).
 * - "*.robust" (Brosseau-Liard, Savalei & Li 2012 for RMSEA; Brosseau-Liard & Savalei
 *   2014 for CFI/TLI): the population noncentrality estimated as T − c·df:
 *     CFI_r = 1 − max(T − c·df, 0) / max(T − c·df, T_b − c_b·df_b, 0),
 *     TLI_r = 1 − (T − c·df)·df_b / ((T_b − c_b·df_b)·df),   RNI_r = 1 − (T − c·df)/(T_b − c_b·df_b),
 *     RMSEA_r = √(max(T/(N·df) − c/N, 0))·√G,
 *   interval from λ solving P(χ²_df(λ) ≤ T/c) = .95/.05, bound √(c·λ/(N·df))·√G; close-fit
 *   p = P(χ²_df(λ₀) ≥ T/c) with λ₀ = N·df·0.05²/(c·G).
 * The formulas and their guards live in fit/incremental.ts and fit/rmsea.ts.
 */
import { incrementalIndices, robustIncremental } from "../fit/incremental.js";
import { FIT_MEASURE_NAMES, type FitMeasureName, type FitMeasures } from "../fit/names.js";
import { rmsea, rmseaCi, rmseaPClose, rmseaPNotClose } from "../fit/rmsea.js";
import type { ScaledTest } from "./scaled-test.js";

export interface RobustFitInput {
  readonly chisq: number;
  readonly df: number;
  readonly ntotal: number;
  readonly ngroups: number;
  readonly test: ScaledTest;
  readonly baseline: { readonly chisq: number; readonly df: number; readonly test: ScaledTest };
  /** MLR only: lavaan's scaling.factor.h1 / .h0 (not reported when df = 0, as lavaan) */
  readonly h1h0?: { readonly h1: number; readonly h0: number };
}

export function robustFitMeasures(input: RobustFitInput): FitMeasures {
  const { chisq: T, df, ntotal: N, ngroups: G, test, baseline: base } = input;
  const c = test.scalingFactor;
  const cb = base.test.scalingFactor;
  const sc = incrementalIndices({
    chisq: test.chisqScaled,
    df,
    baselineChisq: base.test.chisqScaled,
    baselineDf: base.df,
  });
  const rob = robustIncremental({ chisq: T, df, baselineChisq: base.chisq, baselineDf: base.df, c, cBaseline: cb });
  const trace = Number.isFinite(test.trace) && test.trace !== 0 ? test.trace : NaN;
  const scaledInput = { chisq: T, df: trace, ntotal: N, ngroups: G };
  const robustInput = { chisq: test.chisqScaled, df, ntotal: N, ngroups: G, c };
  const ciScaled = rmseaCi(scaledInput);
  const ciRobust = rmseaCi(robustInput);
  const out: FitMeasures = {
    "chisq.scaled": test.chisqScaled,
    "df.scaled": df,
    "pvalue.scaled": test.pvalueScaled,
    "chisq.scaling.factor": c,
    "baseline.chisq.scaled": base.test.chisqScaled,
    "baseline.df.scaled": base.df,
    "baseline.pvalue.scaled": base.test.pvalueScaled,
    "baseline.chisq.scaling.factor": cb,
    "cfi.scaled": sc.cfi,
    "tli.scaled": sc.tli,
    "cfi.robust": rob.cfi,
    "tli.robust": rob.tli,
    "nnfi.scaled": sc.nnfi,
    "rfi.scaled": sc.rfi,
    "nfi.scaled": sc.nfi,
    "pnfi.scaled": sc.pnfi,
    "ifi.scaled": sc.ifi,
    "rni.scaled": sc.rni,
    "nnfi.robust": rob.tli,
    "rni.robust": rob.rni,
  };
  if (input.h1h0 !== undefined && df > 0) {
    out["scaling.factor.h1"] = input.h1h0.h1;
    out["scaling.factor.h0"] = input.h1h0.h0;
  }
  // without a trace (df = 0) lavaan leaves the scaled RMSEA family NA (its df is NA)
  Object.assign(out, {
    "rmsea.scaled": rmsea(scaledInput),
    "rmsea.ci.lower.scaled": ciScaled.lower,
    "rmsea.ci.upper.scaled": ciScaled.upper,
    "rmsea.pvalue.scaled": rmseaPClose(scaledInput),
    "rmsea.notclose.pvalue.scaled": rmseaPNotClose(scaledInput),
    "rmsea.robust": rmsea({ chisq: T, df, ntotal: N, ngroups: G, c }),
    "rmsea.ci.lower.robust": ciRobust.lower,
    "rmsea.ci.upper.robust": ciRobust.upper,
    "rmsea.pvalue.robust": rmseaPClose(robustInput),
    "rmsea.notclose.pvalue.robust": rmseaPNotClose(robustInput),
  });
  return out;
}

/** A name of the scaled or robust family (reported only with a scaled test or under FIML). */
const isRobustName = (k: string): boolean => /\.(scaled|robust)$|scaling\.factor/.test(k);

/**
 * lavaan's order of fitMeasures() for a scaled test: each scaled or robust name right after the
 * standard name it follows in lavaan's list (fit/names.ts), in that list's order.
 */
const AFTER: ReadonlyMap<string, readonly FitMeasureName[]> = (() => {
  const after = new Map<string, FitMeasureName[]>();
  let anchor = "";
  for (const k of FIT_MEASURE_NAMES) {
    if (!isRobustName(k)) anchor = k;
    else after.set(anchor, [...(after.get(anchor) ?? []), k]);
  }
  return after;
})();

/**
 * The standard measures with the scaled and robust ones slotted in after their anchors; names
 * not listed keep their place.
 */
export function mergeInLavaanOrder(standard: FitMeasures, robust: FitMeasures): FitMeasures {
  const out: FitMeasures = {};
  for (const [k, v] of Object.entries(standard)) {
    out[k as FitMeasureName] = v;
    for (const r of AFTER.get(k) ?? []) if (r in robust) out[r] = robust[r]!;
  }
  for (const [k, v] of Object.entries(robust)) if (!(k in out)) out[k as FitMeasureName] = v;
  return out;
}
