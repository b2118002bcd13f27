/**
 * Step one of the two-step estimation of Olsson (1979) and Muthén (1984): each variable alone.
 *
 * An ordered variable with K categories gets K - 1 thresholds, the normal quantiles of its
 * cumulative proportions, tau_k = Phi^-1((n_1 + ... + n_k) / n) (the maximum-likelihood estimate of
 * the probit model without covariates, lavaan's lav_uvord_fit), from the rows where it is observed.
 * A continuous variable gets its mean and its maximum-likelihood variance (divisor n, as lavaan's
 * lav_uvreg_fit: the residual sum of squares over the number of rows).
 *
 * For the asymptotic covariance (Muthén 1984) each needs its casewise scores, the derivatives of a
 * case's log-likelihood, and the inverse of their cross-product A11 (lavaan estimates the
 * information of step one by the outer product of the scores):
 *  - ordered, a case in category c: d log pi_c / d tau_k = (1[c = k] - 1[c = k + 1]) phi(tau_k) / pi_c,
 *    a function of the category alone (so tabulated per category);
 *  - continuous: d/d mu = e / s2 and d/d s2 = -1 / (2 s2) + e^2 / (2 s2^2), e = y - mu.
 */
import { normalCdf, normalDensity, normalQuantile } from "../../distributions/index.js";
import { spdInverse } from "../../linalg/dense.js";

/** Category codes of one variable: 0..K-1, or -1 where the value is missing. */
export type Codes = Int32Array;

export interface OrderedMargin {
  readonly kind: "ordered";
  /** number of categories */
  readonly K: number;
  /** rows where the variable is observed */
  readonly n: number;
  readonly counts: Float64Array;
  /** K - 1 thresholds */
  readonly th: Float64Array;
  /** Phi(th) */
  readonly pth: Float64Array;
  /** per category c (row-major K × (K - 1)): the scores of the thresholds of a case in category c */
  readonly score: Float64Array;
  /** per category c (K × (K - 1)): A11^-1 times the scores, the case's influence on the thresholds */
  readonly influence: Float64Array;
}

export interface ContinuousMargin {
  readonly kind: "continuous";
  readonly n: number;
  readonly mean: number;
  /** maximum-likelihood variance (divisor n) */
  readonly variance: number;
  readonly sd: number;
  /** casewise influence of each row on (mean, variance): A11^-1 times the scores; 0 where missing */
  readonly influenceMean: Float64Array;
  readonly influenceVar: Float64Array;
}

export type Margin = OrderedMargin | ContinuousMargin;

/** Phi(b) - Phi(a), a < b, without cancellation in the upper tail. */
export function normalInterval(a: number, b: number): number {
  return a > 0 ? normalCdf(-a) - normalCdf(-b) : normalCdf(b) - normalCdf(a);
}

/** Step one for an ordered variable coded 0..K-1 (-1 missing). */
export function orderedMargin(codes: Codes, K: number): OrderedMargin {
  const counts = new Float64Array(K);
  let n = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c >= 0) {
      counts[c]!++;
      n++;
    }
  }
  const th = new Float64Array(K - 1);
  const pth = new Float64Array(K - 1);
  let cum = 0;
  for (let k = 0; k < K - 1; k++) {
    cum += counts[k]! / n;
    th[k] = normalQuantile(cum);
    pth[k] = normalCdf(th[k]!);
  }
  const m = K - 1;
  const score = new Float64Array(K * m);
  for (let c = 0; c < K; c++) {
    const lower = c === 0 ? Number.NEGATIVE_INFINITY : th[c - 1]!;
    const upper = c === K - 1 ? Number.POSITIVE_INFINITY : th[c]!;
    const pi = normalInterval(lower, upper);
    if (c < m) score[c * m + c] = normalDensity(th[c]!) / pi;
    if (c > 0) score[c * m + c - 1] = -normalDensity(th[c - 1]!) / pi;
  }
  // A11 = sum_c n_c s_c s_c' (outer product of the scores)
  const a11 = new Float64Array(m * m);
  for (let c = 0; c < K; c++) {
    for (let k = 0; k < m; k++) {
      const sk = score[c * m + k]!;
      if (sk === 0) continue;
      for (let l = 0; l < m; l++) a11[k * m + l] += counts[c]! * sk * score[c * m + l]!;
    }
  }
  const inv = spdInverse({ n: m, a: a11 });
  if (inv === null) throw new Error("internal: singular threshold information");
  const influence = new Float64Array(K * m);
  for (let c = 0; c < K; c++) {
    for (let k = 0; k < m; k++) {
      let s = 0;
      for (let l = 0; l < m; l++) s += inv.inv.a[k * m + l]! * score[c * m + l]!;
      influence[c * m + k] = s;
    }
  }
  return { kind: "ordered", K, n, counts, th, pth, score, influence };
}

/** Step one for a continuous variable (NaN missing). */
export function continuousMargin(y: ArrayLike<number>): ContinuousMargin {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (!Number.isNaN(v)) {
      n++;
      sum += v;
    }
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (!Number.isNaN(v)) ss += (v - mean) * (v - mean);
  }
  const variance = ss / n;
  // casewise scores and their 2 × 2 outer-product information
  const len = y.length;
  const sMean = new Float64Array(len);
  const sVar = new Float64Array(len);
  let a00 = 0,
    a01 = 0,
    a11 = 0;
  for (let i = 0; i < len; i++) {
    const v = y[i]!;
    if (Number.isNaN(v)) continue;
    const e = v - mean;
    sMean[i] = e / variance;
    sVar[i] = -1 / (2 * variance) + (e * e) / (2 * variance * variance);
    a00 += sMean[i]! * sMean[i]!;
    a01 += sMean[i]! * sVar[i]!;
    a11 += sVar[i]! * sVar[i]!;
  }
  const det = a00 * a11 - a01 * a01;
  const influenceMean = new Float64Array(len);
  const influenceVar = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    influenceMean[i] = (a11 * sMean[i]! - a01 * sVar[i]!) / det;
    influenceVar[i] = (-a01 * sMean[i]! + a00 * sVar[i]!) / det;
  }
  return { kind: "continuous", n, mean, variance, sd: Math.sqrt(variance), influenceMean, influenceVar };
}

/**
 * The lower and upper limits, on the latent scale, of category c of an ordered variable (infinite
 * for the outer categories).
 */
export function categoryLimits(m: OrderedMargin, c: number): [number, number] {
  return [c === 0 ? Number.NEGATIVE_INFINITY : m.th[c - 1]!, c === m.K - 1 ? Number.POSITIVE_INFINITY : m.th[c]!];
}
