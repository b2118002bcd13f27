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
import { lowerGramRows } from "../../linalg/gram-lower.js";
import { gemmNT } from "../../linalg/simd.js";
import { type Codes, type ContinuousMargin, type Margin, type OrderedMargin } from "./margins.js";
import { type PolychoricResult } from "./polychoric.js";
import { continuousPair, mixedPair, orderedPair } from "./pairs.js";

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

/**
 * scale · Z Zᵀ (m × m) for row-major Z (m × len), only the lower triangle computed: by blocks of
 * rows, each block's products with the rows up to its own (about half of the full product's
 * multiply-adds; the blocks go through the WebAssembly kernel when large enough), then mirrored.
 */
export function lowerGram(z: Float64Array, m: number, len: number, scale: number): Float64Array {
  const out = new Float64Array(m * m);
  const rowsPerBlock = Math.max(32, Math.ceil(m / 8));
  for (let r0 = 0; r0 < m; r0 += rowsPerBlock) {
    const r1 = Math.min(m, r0 + rowsPerBlock);
    const block = gemmNT(z.subarray(r0 * len, r1 * len), z.subarray(0, r1 * len), r1 - r0, r1, len);
    for (let a = r0; a < r1; a++) {
      for (let b = 0; b <= a; b++) {
        const v = scale * block[(a - r0) * r1 + b]!;
        out[a * m + b] = v;
        out[b * m + a] = v;
      }
    }
  }
  return out;
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
  const gamma = (): Float64Array =>
    lowerGramRows(m, len, (k, out, offset) => writeRow(sources[k]!, vars, len, n, out, offset), 1 / n) ??
    lowerGram(influence(), m, len, 1 / n);
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
