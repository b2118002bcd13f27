/**
 * The correlation of each pair of variables (polychoric, Pearson or polyserial) and its influence
 * psi_rho = (s_rho - A21 psi_uni) / A22 (Muthén 1984; see group.ts), moved to the covariance scale
 * by the delta method where continuous variables are involved.
 */
import { type Codes, type ContinuousMargin, type OrderedMargin } from "./margins.js";
import { bivariateTable, cellScores, polychoric, type PolychoricResult } from "./polychoric.js";
import { polyserial, polyserialScores } from "./polyserial.js";
import { pearson, pearsonScores } from "./pearson.js";

/** psi of the polychoric correlation of an ordered pair, per cell (missing rows and columns last). */
export function orderedPair(
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
export function continuousPair(
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
export function mixedPair(
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
