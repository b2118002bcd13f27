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
 */
import { incrementalIndices } from "../fit/incremental.js";
import { chisqCdf, noncentralChisqCdf, noncentralChisqUpper, solveNoncentrality } from "../distributions/index.js";
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

/** lavaan's lav_fit_rmsea_ci with a scaling factor c (c = 1: the plain interval), lower and upper bound. */
function rmseaInterval(X2: number, df: number, N: number, G: number, c: number): [number, number] {
  if (!Number.isFinite(X2) || !Number.isFinite(df) || df < 1) return [0, 0];
  const toRmsea = (lambda: number): number => Math.sqrt((c * lambda) / (N * df)) * Math.sqrt(G);
  const cdf0 = chisqCdf(X2, df);
  const lower = cdf0 < 0.95 ? 0 : toRmsea(solveNoncentrality(X2, df, 0.95));
  // lavaan also returns 0 when the upper root lies beyond max(N, 4·X2), which needs a sample
  // of a few cases with a statistic near 0; that costly check is left out
  const upper = cdf0 < 0.05 ? 0 : toRmsea(solveNoncentrality(X2, df, 0.05));
  return [lower, upper];
}

function rmseaValue(X2: number, df: number, N: number, G: number, c: number): number {
  if (!(df > 0)) return 0;
  return Math.sqrt(Math.max(X2 / N / df - c / N, 0)) * Math.sqrt(G);
}

function closeFit(X2: number, df: number, N: number, G: number, c: number, h0: number, upper: boolean): number {
  if (!(df > 0) || !Number.isFinite(X2)) return NaN;
  const ncp = (N * df * h0 * h0) / c / G;
  return upper ? noncentralChisqUpper(X2, df, ncp) : noncentralChisqCdf(X2, df, ncp);
}

/** lavaan's lav_fit_cfi / lav_fit_tli / lav_fit_rni with c.hat (falls back to c = 1 when either is 1). */
function robustIncremental(
  T: number,
  df: number,
  c: number,
  Tb: number,
  dfb: number,
  cb: number,
): { cfi: number; tli: number; rni: number } {
  if (![T, df, c, Tb, dfb, cb].every(Number.isFinite)) return { cfi: NaN, tli: NaN, rni: NaN };
  const scaled = df > 0 && c !== 1 && cb !== 1;
  const m = scaled ? T - c * df : T - df;
  const mb = scaled ? Tb - cb * dfb : Tb - dfb;
  const t1 = Math.max(m, 0);
  const t2 = Math.max(m, mb, 0);
  const cfi = t2 === 0 ? 1 : 1 - t1 / t2;
  const tli = df > 0 && mb !== 0 ? 1 - (m * dfb) / (mb * df) : 1;
  const rni = mb === 0 ? NaN : 1 - m / mb;
  return { cfi, tli, rni };
}

export function robustFitMeasures(input: RobustFitInput): Record<string, number> {
  const { chisq: T, df, ntotal: N, ngroups: G, test, baseline: base } = input;
  const c = test.scalingFactor;
  const cb = base.test.scalingFactor;
  const sc = incrementalIndices({
    chisq: test.chisqScaled,
    df,
    baselineChisq: base.test.chisqScaled,
    baselineDf: base.df,
  });
  const rob = robustIncremental(T, df, c, base.chisq, base.df, cb);
  const trace = Number.isFinite(test.trace) && test.trace !== 0 ? test.trace : NaN;
  const ciScaled = rmseaInterval(T, trace, N, G, 1);
  const ciRobust = rmseaInterval(test.chisqScaled, df, N, G, c);
  const out: Record<string, number> = {
    "chisq.scaled": test.chisqScaled,
    "df.scaled": df,
    "pvalue.scaled": test.pvalueScaled,
    "chisq.scaling.factor": c,
    "baseline.chisq.scaled": base.test.chisqScaled,
    "baseline.df.scaled": base.df,
    "baseline.pvalue.scaled": base.test.pvalueScaled,
    "baseline.chisq.scaling.factor": cb,
    "cfi.scaled": sc.cfi!,
    "tli.scaled": sc.tli!,
    "cfi.robust": rob.cfi,
    "tli.robust": rob.tli,
    "nnfi.scaled": sc.nnfi!,
    "rfi.scaled": sc.rfi!,
    "nfi.scaled": sc.nfi!,
    "pnfi.scaled": sc.pnfi!,
    "ifi.scaled": sc.ifi!,
    "rni.scaled": sc.rni!,
    "nnfi.robust": rob.tli,
    "rni.robust": rob.rni,
  };
  if (input.h1h0 !== undefined && df > 0) {
    out["scaling.factor.h1"] = input.h1h0.h1;
    out["scaling.factor.h0"] = input.h1h0.h0;
  }
  // without a trace (df = 0) lavaan leaves the scaled RMSEA family NA
  const scaledRmsea = (x: number): number => (Number.isFinite(trace) ? x : NaN);
  Object.assign(out, {
    "rmsea.scaled": scaledRmsea(rmseaValue(T, trace, N, G, 1)),
    "rmsea.ci.lower.scaled": scaledRmsea(ciScaled[0]),
    "rmsea.ci.upper.scaled": scaledRmsea(ciScaled[1]),
    "rmsea.pvalue.scaled": closeFit(T, trace, N, G, 1, 0.05, true),
    "rmsea.notclose.pvalue.scaled": closeFit(T, trace, N, G, 1, 0.08, false),
    "rmsea.robust": rmseaValue(T, df, N, G, c),
    "rmsea.ci.lower.robust": ciRobust[0],
    "rmsea.ci.upper.robust": ciRobust[1],
    "rmsea.pvalue.robust": closeFit(test.chisqScaled, df, N, G, c, 0.05, true),
    "rmsea.notclose.pvalue.robust": closeFit(test.chisqScaled, df, N, G, c, 0.08, false),
  });
  return out;
}

/**
 * lavaan's order of fitMeasures() for a scaled test: each robust name right after the name it
 * follows in lavaan's output; names not listed keep their place.
 */
const AFTER: Record<string, string[]> = {
  pvalue: ["chisq.scaled", "df.scaled", "pvalue.scaled", "chisq.scaling.factor"],
  "baseline.pvalue": [
    "baseline.chisq.scaled",
    "baseline.df.scaled",
    "baseline.pvalue.scaled",
    "baseline.chisq.scaling.factor",
  ],
  tli: ["cfi.scaled", "tli.scaled", "cfi.robust", "tli.robust"],
  rni: [
    "nnfi.scaled",
    "rfi.scaled",
    "nfi.scaled",
    "pnfi.scaled",
    "ifi.scaled",
    "rni.scaled",
    "nnfi.robust",
    "rni.robust",
  ],
  bic2: ["scaling.factor.h1", "scaling.factor.h0"],
  "rmsea.notclose.h0": [
    "rmsea.scaled",
    "rmsea.ci.lower.scaled",
    "rmsea.ci.upper.scaled",
    "rmsea.pvalue.scaled",
    "rmsea.notclose.pvalue.scaled",
    "rmsea.robust",
    "rmsea.ci.lower.robust",
    "rmsea.ci.upper.robust",
    "rmsea.pvalue.robust",
    "rmsea.notclose.pvalue.robust",
  ],
};

export function mergeInLavaanOrder(
  standard: Record<string, number>,
  robust: Record<string, number>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(standard)) {
    out[k] = v;
    for (const r of AFTER[k] ?? []) if (r in robust) out[r] = robust[r]!;
  }
  for (const [k, v] of Object.entries(robust)) if (!(k in out)) out[k] = v;
  return out;
}
