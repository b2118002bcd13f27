/**
 * The sample statistics of one group and their asymptotic covariance, by the casewise-score
 * approach of Muthén (1984), "A general structural equation model with dichotomous, ordered
 * categorical, and continuous latent variable indicators", Psychometrika 49, 115-132, as lavaan
 * 0.6.14 computes it (lav_muthen1984):
 *
 * The statistics theta = (thresholds and means, variances, correlations) solve the estimating
 * equations sum_n s_n(theta) = 0: the univariate scores of step one and, per pair, the score of
 * its correlation. Linearising, theta_hat - theta = B^-1 sum_n s_n with the block-triangular
 *   B = [A11 0; A21 A22],  A11: the univariate information (block-diagonal, one block a variable),
 *   A21: the cross-derivative of each correlation's score with the univariate parameters,
 *   A22: each correlation's own information (diagonal);
 * lavaan estimates every block by outer products of scores (A11 = sum s1 s1', A21 = sum s_rho s_uni'
 * with the bivariate likelihood's scores of the univariate parameters, A22 = sum s_rho^2). So each
 * case's influence is psi_n = B^-1 s_n:
 *   psi_uni = A11^-1 s_uni,   psi_rho = (s_rho - A21 psi_uni) / A22,
 * and Gamma = N sum_n psi_n psi_n' (lavaan's NACOV). Correlations involving continuous variables
 * go to the covariance scale by the delta method (cov = rho sd_i sd_j: lavaan's H matrix), and the
 * entries of means carry a minus sign (lavaan's WLS.obs holds -mean for continuous variables).
 *
 * Every psi of an ordered variable or an ordered pair depends on the case's categories alone, so
 * it is kept as a table over categories (with a last "missing" entry): the diagonal of Gamma (the
 * DWLS weights) then costs a sum over cells, and the N × m matrix of influences (from which the
 * full Gamma is a cross-product) is only formed when asked for.
 */
import { gram } from "../../linalg/simd.js";
import { type Codes, type ContinuousMargin, type Margin, type OrderedMargin } from "./margins.js";
import { bivariateTable, cellScores, polychoric, type PolychoricResult } from "./polychoric.js";
import { polyserial, polyserialScores } from "./polyserial.js";
import { pearson, pearsonScores } from "./pearson.js";

/** A variable of the group: its margin and its column (codes for ordered, values for continuous). */
export interface OrderedColumn {
  readonly margin: OrderedMargin;
  readonly codes: Codes;
}
export interface ContinuousColumn {
  readonly margin: ContinuousMargin;
  readonly values: Float64Array;
}
export type GroupVariable = OrderedColumn | ContinuousColumn;

/** Where the influence psi of one statistic comes from. */
type Source =
  | { readonly kind: "uni"; readonly v: number; readonly table: Float64Array }
  | {
      readonly kind: "pair";
      readonly v1: number;
      readonly v2: number;
      readonly table: Float64Array;
      readonly counts: Float64Array;
    }
  | { readonly kind: "case"; readonly values: Float64Array };

export interface PairNote {
  readonly i: number;
  readonly j: number;
  readonly result: PolychoricResult;
}

export interface GroupResult {
  readonly n: number;
  readonly th: Float64Array;
  readonly thVar: Int32Array;
  readonly thNumber: Int32Array;
  readonly cov: Float64Array;
  readonly wlsObs: Float64Array;
  readonly gammaDiag: Float64Array;
  /** the m × n matrix Z of casewise influences (Gamma = Z Z' / n), formed on each call */
  readonly influence: () => Float64Array;
  /** the full Gamma, formed on each call */
  readonly gamma: () => Float64Array;
  readonly pairs: readonly PairNote[];
}

const isOrdered = (v: GroupVariable): v is OrderedColumn => v.margin.kind === "ordered";

/** psi of a univariate table, per category (K entries, then 0 for missing). */
function uniTable(m: OrderedMargin, k: number): Float64Array {
  const t = new Float64Array(m.K + 1);
  for (let c = 0; c < m.K; c++) t[c] = m.influence[c * (m.K - 1) + k]!;
  return t;
}

/** psi of the polychoric correlation of an ordered pair, per cell (missing rows and columns last). */
function orderedPair(
  m1: OrderedMargin,
  c1: Codes,
  m2: OrderedMargin,
  c2: Codes,
): { rho: number; table: Float64Array; counts: Float64Array; result: PolychoricResult } {
  const tab = bivariateTable(c1, m1.K, c2, m2.K);
  const result = polychoric(m1, m2, tab.freq);
  const rho = result.rho;
  const cs = cellScores(m1, m2, rho);
  const K1 = m1.K,
    K2 = m2.K,
    t1 = K1 - 1,
    t2 = K2 - 1;
  const a21a = new Float64Array(t1);
  const a21b = new Float64Array(t2);
  let a22 = 0;
  for (let c = 0; c < K1 * K2; c++) {
    const f = tab.freq[c]!;
    if (f === 0) continue;
    const s = cs.rho[c]!;
    a22 += f * s * s;
    for (let k = 0; k < t1; k++) a21a[k] += f * s * cs.th1[c * t1 + k]!;
    for (let k = 0; k < t2; k++) a21b[k] += f * s * cs.th2[c * t2 + k]!;
  }
  const w = K2 + 1;
  const table = new Float64Array((K1 + 1) * w);
  for (let a = 0; a <= K1; a++) {
    let u = 0;
    if (a < K1) for (let k = 0; k < t1; k++) u += a21a[k]! * m1.influence[a * t1 + k]!;
    for (let b = 0; b <= K2; b++) {
      let v = 0;
      if (b < K2) for (let k = 0; k < t2; k++) v += a21b[k]! * m2.influence[b * t2 + k]!;
      const s = a < K1 && b < K2 ? cs.rho[a * K2 + b]! : 0;
      table[a * w + b] = (s - u - v) / a22;
    }
  }
  return { rho, table, counts: tab.all, result };
}

/** psi of the covariance of two continuous variables, casewise. */
function continuousPair(
  m1: ContinuousMargin,
  y1: Float64Array,
  m2: ContinuousMargin,
  y2: Float64Array,
): { rho: number; values: Float64Array } {
  const rho = pearson(y1, m1, y2, m2);
  const sc = pearsonScores(y1, m1, y2, m2, rho);
  const a = [0, 0, 0, 0];
  const uni = [sc.mean1, sc.var1, sc.mean2, sc.var2];
  const psi = [m1.influenceMean, m1.influenceVar, m2.influenceMean, m2.influenceVar];
  let a22 = 0;
  for (let n = 0; n < y1.length; n++) {
    const s = sc.rho[n]!;
    a22 += s * s;
    for (let k = 0; k < 4; k++) a[k] += s * uni[k]![n]!;
  }
  const values = new Float64Array(y1.length);
  for (let n = 0; n < y1.length; n++) {
    let r = sc.rho[n]!;
    for (let k = 0; k < 4; k++) r -= a[k]! * psi[k]![n]!;
    r /= a22;
    // delta method to cov = rho sd1 sd2 (sd_i = sqrt(var_i))
    values[n] =
      m1.sd * m2.sd * r +
      ((m2.sd * rho) / (2 * m1.sd)) * m1.influenceVar[n]! +
      ((m1.sd * rho) / (2 * m2.sd)) * m2.influenceVar[n]!;
  }
  return { rho, values };
}

/** psi of the covariance of a continuous and an ordered variable (rho sd), casewise. */
function mixedPair(
  mx: ContinuousMargin,
  y: Float64Array,
  mo: OrderedMargin,
  codes: Codes,
): { rho: number; values: Float64Array } {
  const rho = polyserial(y, mx, codes, mo);
  const sc = polyserialScores(y, mx, codes, mo, rho);
  const t = mo.K - 1;
  let aMean = 0,
    aVar = 0,
    a22 = 0;
  const aTh = new Float64Array(t);
  for (let n = 0; n < y.length; n++) {
    const s = sc.rho[n]!;
    if (s === 0) continue;
    a22 += s * s;
    aMean += s * sc.mean[n]!;
    aVar += s * sc.variance[n]!;
    for (let k = 0; k < t; k++) aTh[k] += s * sc.th[n * t + k]!;
  }
  const values = new Float64Array(y.length);
  for (let n = 0; n < y.length; n++) {
    let r = sc.rho[n]! - aMean * mx.influenceMean[n]! - aVar * mx.influenceVar[n]!;
    const c = codes[n]!;
    if (c >= 0) for (let k = 0; k < t; k++) r -= aTh[k]! * mo.influence[c * t + k]!;
    r /= a22;
    values[n] = mx.sd * r + (rho / (2 * mx.sd)) * mx.influenceVar[n]!;
  }
  return { rho, values };
}

function codesOf(v: GroupVariable): Codes | null {
  return isOrdered(v) ? v.codes : null;
}

/** Sum over rows of psi^2 for one statistic. */
function sumSquares(src: Source, vars: readonly GroupVariable[]): number {
  if (src.kind === "case") {
    let s = 0;
    for (const x of src.values) s += x * x;
    return s;
  }
  if (src.kind === "uni") {
    const m = vars[src.v]!.margin as OrderedMargin;
    let s = 0;
    for (let c = 0; c < m.K; c++) s += m.counts[c]! * src.table[c]! * src.table[c]!;
    return s;
  }
  let s = 0;
  for (let c = 0; c < src.counts.length; c++) s += src.counts[c]! * src.table[c]! * src.table[c]!;
  return s;
}

/** Writes n psi values of one statistic, times `scale`, into out[offset ..]. */
function writeRow(
  src: Source,
  vars: readonly GroupVariable[],
  n: number,
  scale: number,
  out: Float64Array,
  offset: number,
) {
  if (src.kind === "case") {
    for (let i = 0; i < n; i++) out[offset + i] = scale * src.values[i]!;
  } else if (src.kind === "uni") {
    const codes = codesOf(vars[src.v]!)!;
    const miss = src.table.length - 1;
    for (let i = 0; i < n; i++) out[offset + i] = scale * src.table[codes[i]! < 0 ? miss : codes[i]!]!;
  } else {
    const c1 = codesOf(vars[src.v1]!)!;
    const c2 = codesOf(vars[src.v2]!)!;
    const K1 = (vars[src.v1]!.margin as OrderedMargin).K;
    const K2 = (vars[src.v2]!.margin as OrderedMargin).K;
    const w = K2 + 1;
    for (let i = 0; i < n; i++) {
      const a = c1[i]! < 0 ? K1 : c1[i]!;
      const b = c2[i]! < 0 ? K2 : c2[i]!;
      out[offset + i] = scale * src.table[a * w + b]!;
    }
  }
}

/** Univariate entries: th (thresholds and means) and the variances of continuous variables. */
function univariate(vars: readonly GroupVariable[]) {
  const th: number[] = [],
    thVar: number[] = [],
    thNumber: number[] = [],
    variances: number[] = [];
  const sources: Source[] = [];
  const varSources: Source[] = [];
  vars.forEach((v, i) => {
    if (isOrdered(v)) {
      for (let k = 0; k < v.margin.K - 1; k++) {
        th.push(v.margin.th[k]!);
        thVar.push(i);
        thNumber.push(k + 1);
        sources.push({ kind: "uni", v: i, table: uniTable(v.margin, k) });
      }
    } else {
      const m = v.margin;
      th.push(m.mean);
      thVar.push(i);
      thNumber.push(0);
      sources.push({ kind: "case", values: m.influenceMean.map((x) => -x) });
      variances.push(m.variance);
      varSources.push({ kind: "case", values: m.influenceVar });
    }
  });
  return { th, thVar, thNumber, variances, sources, varSources };
}

export function groupStatistics(vars: readonly GroupVariable[], n: number): GroupResult {
  const p = vars.length;
  const uni = univariate(vars);
  const cov = new Float64Array(p * p);
  vars.forEach((v, i) => (cov[i * p + i] = isOrdered(v) ? 1 : v.margin.variance));
  const covEntries: number[] = [];
  const pairSources: Source[] = [];
  const pairs: PairNote[] = [];
  for (let j = 0; j < p - 1; j++) {
    for (let i = j + 1; i < p; i++) {
      const vi = vars[i]!,
        vj = vars[j]!;
      let value: number;
      if (isOrdered(vi) && isOrdered(vj)) {
        const r = orderedPair(vi.margin, vi.codes, vj.margin, vj.codes);
        value = r.rho;
        pairSources.push({ kind: "pair", v1: i, v2: j, table: r.table, counts: r.counts });
        pairs.push({ i, j, result: r.result });
      } else if (!isOrdered(vi) && !isOrdered(vj)) {
        const r = continuousPair(vi.margin, vi.values, vj.margin, vj.values);
        value = r.rho * vi.margin.sd * vj.margin.sd;
        pairSources.push({ kind: "case", values: r.values });
      } else {
        const x = (isOrdered(vi) ? vj : vi) as ContinuousColumn;
        const o = (isOrdered(vi) ? vi : vj) as OrderedColumn;
        const r = mixedPair(x.margin, x.values, o.margin, o.codes);
        value = r.rho * x.margin.sd;
        pairSources.push({ kind: "case", values: r.values });
      }
      cov[i * p + j] = cov[j * p + i] = value;
      covEntries.push(value);
    }
  }
  const sources = [...uni.sources, ...uni.varSources, ...pairSources];
  const wlsObs = Float64Array.from([
    ...uni.th.map((t, k) => (uni.thNumber[k] === 0 ? -t : t)),
    ...uni.variances,
    ...covEntries,
  ]);
  const m = sources.length;
  const gammaDiag = Float64Array.from(sources, (s) => n * sumSquares(s, vars));
  const len = vars[0] === undefined ? 0 : isOrdered(vars[0]) ? vars[0].codes.length : vars[0].values.length;
  const influence = (): Float64Array => {
    const z = new Float64Array(m * len);
    sources.forEach((s, k) => writeRow(s, vars, len, n, z, k * len));
    return z;
  };
  const gamma = (): Float64Array => {
    const g = gram(influence(), m, len);
    for (let k = 0; k < g.length; k++) g[k] = g[k]! / n;
    return g;
  };
  return {
    n,
    th: Float64Array.from(uni.th),
    thVar: Int32Array.from(uni.thVar),
    thNumber: Int32Array.from(uni.thNumber),
    cov,
    wlsObs,
    gammaDiag,
    influence,
    gamma,
    pairs,
  };
}

export type { Margin };
