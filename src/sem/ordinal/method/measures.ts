/**
 * fitMeasures() of a weighted least-squares fit to ordinal data, in lavaan 0.6.14's order and
 * with its conventions (lav_fit_measures and the lav_fit_* helpers):
 * - fmin = F/2, χ² = N·F; the scaled test of the estimator (tests.ts), its baseline likewise;
 * - the baseline is the independence model: thresholds, means and variances as sampled,
 *   correlations 0 (for WLS the first block re-estimated by generalized least squares);
 * - CFI, TLI, ... from fit/incremental.ts on the plain and on the scaled statistics;
 * - RMSEA with N − G (lavaan's divisor for estimators other than ML), its interval and p-values;
 * - RMR/SRMR/CRMR on the correlation residuals (and threshold residuals for the "mean" versions):
 *   sqrt(mean of squared residuals) per group, averaged with weights n_g/N; SRMR = the "nomean"
 *   Bentler version;
 * - GFI = 1 − eᵀWe / sᵀWs (weights n_g/N), AGFI and PGFI with the number of wls statistics;
 * - MFI = exp(−½ (χ² − df)/(N − G)); Hoelter's critical N with N − G;
 * - WRMR = √(χ²/m), m the number of wls statistics per group (lavaan's wrmr: the standard statistic, which for
 *   DWLS is Σ_g (n_g − 1) Σ e²/diag(Γ_g); Muthén 1998-2004).
 * - the scaled RMSEA: the scaled-shifted statistic on df, or the plain one on tr(UΓ) "degrees of
 *   freedom" for the other scaled tests (lav_fit_rmsea: XX2 = X2, df2 = trace.UGamma).
 * - ULS: no p-values for the standard statistics (NA in lavaan).
 * - the robust CFI/TLI/RNI/RMSEA of categorical data (Savalei 2021) from catml.ts, with the
 *   robust rules of fit/incremental.ts and fit/rmsea.ts, listed for the Satorra-Bentler and the
 *   scaled-shifted tests only (absent for WLSMVS, as lavaan's robust.flag); NA where lavaan gives
 *   NA: continuous variables (lav_fit_catml_dwls), equality constraints on thresholds (fit.ts).
 *   Several groups are summed (catml.ts).
 */
import { chisqUpper } from "../../distributions/index.js";
import { incrementalIndices, robustIncremental } from "../../fit/incremental.js";
import { hoelter } from "../../fit/measures.js";
import type { FitMeasures } from "../../fit/names.js";
import { rmsea, rmseaCi, rmseaPClose, rmseaPNotClose } from "../../fit/rmsea.js";
import type { Catml } from "./catml.js";
import type { ScaledStat, TestKind } from "./tests.js";

export interface OrdinalFitInput {
  readonly npar: number;
  /** F = Σ f_g (s − σ̂)ᵀW(s − σ̂) */
  readonly f: number;
  readonly df: number;
  readonly ntotal: number;
  readonly ngroups: number;
  readonly test: TestKind;
  /** unweighted least squares: lavaan gives no p-value for the standard statistic */
  readonly uls: boolean;
  /** the model's and the baseline's scaled statistics (null for the standard test) */
  readonly scaled: ScaledStat | null;
  readonly baseline: { readonly chisq: number; readonly df: number; readonly scaled: ScaledStat | null };
  /** per group, with the group's weight n_g/N */
  readonly residuals: readonly { readonly w: number; readonly std: ResidualSums; readonly raw: ResidualSums }[];
  /** Σ f_g eᵀW e and Σ f_g sᵀW s */
  readonly gfi: { readonly eWe: number; readonly sWs: number };
  /** the robust measures' ingredients (catml.ts), null where lavaan gives NA */
  readonly catml: Catml | null;
  /** total number of wls statistics */
  readonly nstat: number;
}

/** Sums of squared residuals for RMR/SRMR/CRMR, over all groups. */
export interface ResidualSums {
  /** squared correlation residuals (i < j) and their count */
  readonly offSq: number;
  readonly nOff: number;
  /** squared residuals on the diagonal (continuous variances, standardized) and their count */
  readonly diagSq: number;
  readonly nDiag: number;
  /** squared threshold/mean residuals and their count */
  readonly thSq: number;
  readonly nTh: number;
}

export function ordinalFitMeasures(i: OrdinalFitInput): FitMeasures {
  const N = i.ntotal;
  const n1 = N - i.ngroups; // lavaan's N for estimators other than ML: N − G
  const chisq = N * i.f;
  const out = testMeasures(i, chisq);
  addIncremental(out, i, chisq);
  const s = i.scaled;
  const robustListed = i.test === "satorra.bentler" || i.test === "scaled.shifted";
  Object.assign(out, rmseaBlock(chisq, i.df, n1, i.ngroups, ""));
  if (s !== null) {
    // lavaan: the scaled-shifted statistic on df; otherwise the plain statistic on tr(UΓ) degrees of freedom
    const shifted = i.test === "scaled.shifted";
    Object.assign(out, rmseaBlock(shifted ? s.chisq : chisq, shifted ? i.df : s.trace1, n1, i.ngroups, ".scaled"));
    if (robustListed) for (const k of ROBUST_RMSEA) out[k] = NaN;
    if (robustListed && i.catml !== null) Object.assign(out, robustRmsea(i.catml, n1, i.ngroups));
  }
  addOtherMeasures(out, i, chisq, n1);
  return out;
}

/** The test statistic, the scaled test and the baseline model's test, in lavaan's order. */
function testMeasures(i: OrdinalFitInput, chisq: number): FitMeasures {
  const out: FitMeasures = {
    npar: i.npar,
    fmin: i.f / 2,
    chisq,
    df: i.df,
    pvalue: i.df > 0 && !i.uls ? chisqUpper(chisq, i.df) : NaN,
  };
  const s = i.scaled;
  const bs = i.baseline.scaled;
  if (s !== null) {
    out["chisq.scaled"] = s.chisq;
    out["df.scaled"] = s.df;
    out["pvalue.scaled"] = s.pvalue;
    out["chisq.scaling.factor"] = s.scaling;
    if (i.test === "scaled.shifted") out["chisq.shift.parameter"] = s.chisq - chisq / s.scaling;
  }
  out["baseline.chisq"] = i.baseline.chisq;
  out["baseline.df"] = i.baseline.df;
  out["baseline.pvalue"] = i.uls ? NaN : chisqUpper(i.baseline.chisq, i.baseline.df);
  if (bs !== null) {
    out["baseline.chisq.scaled"] = bs.chisq;
    out["baseline.df.scaled"] = bs.df;
    out["baseline.pvalue.scaled"] = bs.pvalue;
    out["baseline.chisq.scaling.factor"] = bs.scaling;
  }
  return out;
}

/** The incremental indices (CFI, TLI, ...), plain, scaled and robust (catML), in lavaan's order. */
function addIncremental(out: FitMeasures, i: OrdinalFitInput, chisq: number): void {
  const s = i.scaled;
  const bs = i.baseline.scaled;
  const plain = incrementalIndices({ chisq, df: i.df, baselineChisq: i.baseline.chisq, baselineDf: i.baseline.df });
  const sc =
    s !== null && bs !== null
      ? incrementalIndices({ chisq: s.chisq, df: s.df, baselineChisq: bs.chisq, baselineDf: bs.df })
      : null;
  const k = i.catml;
  const rob =
    k === null
      ? null
      : robustIncremental({
          chisq: k.chisq,
          df: k.df,
          baselineChisq: k.baselineChisq,
          baselineDf: k.baselineDf,
          c: k.c,
          cBaseline: k.cBaseline,
        });
  out.cfi = plain.cfi;
  out.tli = plain.tli;
  // lavaan lists the robust measures only for these tests (lav_fit_cfi_lavobject, lav_fit_rmsea_lavobject:
  // robust.flag); a mean-and-variance adjusted test (WLSMVS) has none, not even NA
  const robustListed = i.test === "satorra.bentler" || i.test === "scaled.shifted";
  if (sc !== null) {
    out["cfi.scaled"] = sc.cfi;
    out["tli.scaled"] = sc.tli;
    if (robustListed) {
      out["cfi.robust"] = rob?.cfi ?? NaN;
      out["tli.robust"] = rob?.tli ?? NaN;
    }
  }
  Object.assign(out, { nnfi: plain.nnfi, rfi: plain.rfi, nfi: plain.nfi, pnfi: plain.pnfi });
  Object.assign(out, { ifi: plain.ifi, rni: plain.rni });
  if (sc !== null) {
    out["nnfi.scaled"] = sc.nnfi;
    out["rfi.scaled"] = sc.rfi;
    out["nfi.scaled"] = sc.nfi;
    out["pnfi.scaled"] = sc.pnfi;
    out["ifi.scaled"] = sc.ifi;
    out["rni.scaled"] = sc.rni;
    if (robustListed) {
      out["nnfi.robust"] = rob?.tli ?? NaN;
      out["rni.robust"] = rob?.rni ?? NaN;
    }
  }
}

/** SRMR/RMR, Hoelter's N, GFI and its kin, McDonald's MFI and WRMR. */
function addOtherMeasures(out: FitMeasures, i: OrdinalFitInput, chisq: number, n1: number): void {
  const res: Record<string, number> = {};
  for (const g of i.residuals)
    for (const [k, v] of Object.entries(residualMeasures(g.std, g.raw))) res[k] = (res[k] ?? 0) + g.w * v!;
  Object.assign(out, res);
  out.srmr_mplus = NaN;
  out.srmr_mplus_nomean = NaN;
  out.cn_05 = hoelter(chisq, i.df, n1, 0.95);
  out.cn_01 = hoelter(chisq, i.df, n1, 0.99);
  const gfi = 1 - i.gfi.eWe / i.gfi.sWs;
  out.gfi = gfi;
  out.agfi = i.df > 0 ? 1 - (i.nstat / i.df) * (1 - gfi) : 1;
  out.pgfi = i.nstat > 0 ? (i.df / i.nstat) * gfi : NaN;
  out.mfi = Math.exp(-0.5 * ((chisq - i.df) / n1));
  out.wrmr = Math.sqrt(chisq / (i.nstat / i.ngroups));
}

const ROBUST_RMSEA = [
  "rmsea.robust",
  "rmsea.ci.lower.robust",
  "rmsea.ci.upper.robust",
  "rmsea.pvalue.robust",
  "rmsea.notclose.pvalue.robust",
] as const;

/** lavaan's robust RMSEA of categorical data: X3 with ĉ, its interval and p-values from X3/ĉ (lav_fit_rmsea). */
function robustRmsea(k: Catml, n: number, ngroups: number): FitMeasures {
  const plain = { chisq: k.chisq, df: k.df, ntotal: n, ngroups, c: k.c };
  const scaled = { ...plain, chisq: k.scaled };
  const ci = rmseaCi(scaled);
  return {
    "rmsea.robust": rmsea(plain),
    "rmsea.ci.lower.robust": ci.lower,
    "rmsea.ci.upper.robust": ci.upper,
    "rmsea.pvalue.robust": rmseaPClose(scaled),
    "rmsea.notclose.pvalue.robust": rmseaPNotClose(scaled),
  };
}

function rmseaBlock(chisq: number, df: number, n: number, ngroups: number, suffix: "" | ".scaled"): FitMeasures {
  const input = { chisq, df, ntotal: n, ngroups };
  const ci = rmseaCi(input);
  const out: Record<string, number> = {
    [`rmsea${suffix}`]: rmsea(input),
    [`rmsea.ci.lower${suffix}`]: ci.lower,
    [`rmsea.ci.upper${suffix}`]: ci.upper,
  };
  if (suffix === "") out["rmsea.ci.level"] = 0.9;
  out[`rmsea.pvalue${suffix}`] = rmseaPClose(input);
  if (suffix === "") out["rmsea.close.h0"] = 0.05;
  out[`rmsea.notclose.pvalue${suffix}`] = rmseaPNotClose(input);
  if (suffix === "") out["rmsea.notclose.h0"] = 0.08;
  return out as FitMeasures;
}

function residualMeasures(r: ResidualSums, raw: ResidualSums): FitMeasures {
  const rootMean = (x: ResidualSums, mean: boolean): number =>
    Math.sqrt((x.offSq + x.diagSq + (mean ? x.thSq : 0)) / (x.nOff + x.nDiag + (mean ? x.nTh : 0)));
  const nomean = Math.sqrt((r.offSq + r.diagSq) / (r.nOff + r.nDiag));
  const withMean = Math.sqrt((r.offSq + r.diagSq + r.thSq) / (r.nOff + r.nDiag + r.nTh));
  const crmrNomean = Math.sqrt(r.offSq / r.nOff);
  const crmr = Math.sqrt((r.offSq + r.thSq) / (r.nOff + r.nTh));
  return {
    rmr: rootMean(raw, true),
    rmr_nomean: rootMean(raw, false),
    srmr: nomean,
    srmr_bentler: withMean,
    srmr_bentler_nomean: nomean,
    crmr,
    crmr_nomean: crmrNomean,
  };
}
