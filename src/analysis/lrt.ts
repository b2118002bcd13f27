/**
 * Chi-square difference tests between nested models, as lavaan 0.6.14's lavTestLRT():
 * models sorted by degrees of freedom (least restricted first); each row compares a model with
 * the one before it.
 * - ML: Δχ² = T₀ - T₁ on Δdf = r₀ - r₁ degrees of freedom, upper-tail χ² p-value.
 * - Robust estimators (MLR, MLM: a fit with chisq.scaling.factor): the scaled difference of
 *   Satorra & Bentler (2001, eq. 8), lavaan's method = "satorra.bentler.2001":
 *   c_d = (r₀c₀ - r₁c₁)/(r₀ - r₁), Δχ²_scaled = (T₀ - T₁)/c_d with the unscaled T; c₁ = 1 when
 *   the less restricted model is saturated (r₁ = 0); a negative c_d gives no test (lavaan: NA
 *   and a warning).
 * Equivalent models (Δdf = 0) get their Δχ² and no p-value, as in lavaan.
 * - Ordered items: lavTestLRT's default for a scaled-and-shifted or mean-and-variance adjusted test
 *   (WLSMV, ULSMV, WLSMVS) is Satorra's (2000) scaled and shifted difference (method "satorra.2000"),
 *   which needs both fits' Jacobians and the asymptotic covariance of the statistics: the caller
 *   passes it as `satorra2000` (src/invariance/satorra2000.ts computes it). WLSM and ULSM have a
 *   Satorra-Bentler scaled test, so their difference is Satorra-Bentler 2001 as above; DWLS, ULS and
 *   WLS the plain difference.
 */
import { chisqUpper } from "../sem/distributions/index.js";

export interface ModelFit {
  model: string;
  chisq: number;
  df: number;
  npar: number;
  aic: number;
  bic: number;
  /** chisq.scaling.factor of a robust fit; absent for ML */
  scaling?: number;
}

export interface LrtRow {
  model: string;
  Df: number;
  AIC: number;
  BIC: number;
  Chisq: number;
  /** null on the first (least restricted) row */
  "Chisq diff": number | null;
  "Df diff": number | null;
  "Pr(>Chisq)": number | null;
  /** c_d of Satorra-Bentler (2001); null for ML or when it cannot be computed */
  "scaling.factor": number | null;
}

export interface Lrt {
  method: "standard" | "satorra.bentler.2001" | "satorra.2000";
  rows: LrtRow[];
  warnings: string[];
}

function difference(
  m1: ModelFit,
  m0: ModelFit,
  scaled: boolean,
  warnings: string[],
): Pick<LrtRow, "Chisq diff" | "Df diff" | "Pr(>Chisq)" | "scaling.factor"> {
  const m = m0.df - m1.df;
  const raw = m0.chisq - m1.chisq;
  if (m === 0) return { "Chisq diff": raw, "Df diff": 0, "Pr(>Chisq)": null, "scaling.factor": null };
  if (!scaled)
    return { "Chisq diff": raw, "Df diff": m, "Pr(>Chisq)": chisqUpper(Math.max(raw, 0), m), "scaling.factor": null };
  const c1 = m1.df === 0 ? 1 : m1.scaling!;
  const cd = (m0.df * m0.scaling! - m1.df * c1) / m;
  if (!(cd > 0)) {
    warnings.push(
      `${m0.model} vs ${m1.model}: the Satorra-Bentler ` +
        `(2001) scaling factor is negative ` +
        `(${cd.toPrecision(4)}); no scaled test`,
    );
    return { "Chisq diff": null, "Df diff": m, "Pr(>Chisq)": null, "scaling.factor": null };
  }
  const t = raw / cd;
  return { "Chisq diff": t, "Df diff": m, "Pr(>Chisq)": chisqUpper(Math.max(t, 0), m), "scaling.factor": cd };
}

/** Satorra's (2000) difference test of fits `less` and `more` (indices into the fits given). */
export type Satorra2000 = (
  less: number,
  more: number,
) => { "chisq.diff": number | null; "df.diff": number; pvalue: number | null };

/**
 * lavTestLRT(...) over two or more fits of the same data; `satorra2000`: the difference test of fits
 * of ordered items with a scaled-and-shifted (or mean-and-variance adjusted) test.
 */
export function chisqDifferenceTest(fits: readonly ModelFit[], satorra2000?: Satorra2000): Lrt {
  const scaled = fits.every((f) => f.scaling !== undefined);
  const order = fits.map((_, i) => i).sort((a, b) => fits[a]!.df - fits[b]!.df);
  const warnings: string[] = [];
  const rows = order.map((i, k): LrtRow => {
    const f = fits[i]!;
    const base = { model: f.model, Df: f.df, AIC: f.aic, BIC: f.bic, Chisq: f.chisq };
    if (k === 0) return { ...base, "Chisq diff": null, "Df diff": null, "Pr(>Chisq)": null, "scaling.factor": null };
    const prev = order[k - 1]!;
    if (satorra2000 === undefined) return { ...base, ...difference(fits[prev]!, f, scaled, warnings) };
    const d = satorra2000(prev, i);
    return {
      ...base,
      "Chisq diff": d["chisq.diff"],
      "Df diff": d["df.diff"],
      "Pr(>Chisq)": d.pvalue,
      "scaling.factor": null,
    };
  });
  const method = satorra2000 !== undefined ? "satorra.2000" : scaled ? "satorra.bentler.2001" : "standard";
  return { method, rows, warnings };
}
