/**
 * Step two for two ordered variables: the polychoric correlation by two-step maximum likelihood
 * (Olsson 1979, "Maximum likelihood estimation of the polychoric correlation coefficient",
 * Psychometrika 44, 443-460, section 3: the thresholds fixed at their univariate estimates, the
 * likelihood of the bivariate table maximised over rho alone), and the cell scores that the
 * asymptotic covariance needs (Muthén 1984).
 *
 * With thresholds a_i (rows) and b_j (columns) the probability of cell (i, j) is
 *   pi_ij = Phi2(a_i, b_j) - Phi2(a_{i-1}, b_j) - Phi2(a_i, b_{j-1}) + Phi2(a_{i-1}, b_{j-1}),
 * the log-likelihood l(rho) = sum n_ij log pi_ij, its derivative (Olsson 1979, eq. 15, by
 * Plackett's identity dPhi2/drho = phi2) sum n_ij phi_ij / pi_ij with phi_ij the same combination of
 * densities phi2, and its second derivative from d phi2 / d rho = phi2 g(u, v, rho),
 *   g = (uv (1 - rho^2) - rho (u^2 - 2 rho uv + v^2) + rho (1 - rho^2)) / (1 - rho^2)^2.
 * Newton's method, bracketed, on [-0.999, 0.999] (lavaan's bounds).
 *
 * lavaan's conventions (lav_bvord_cor_twostep_fit, 0.6.14), followed here:
 *  - 2 × 2 tables with one empty cell: 0.5 is moved into it from the other diagonal
 *    (zero.add = 0.5 with zero.keep.margins: the margins, hence the thresholds, stay as they are);
 *    larger tables are used as they are (zero.add[2] = 0); the correction enters the estimate of
 *    rho only, not the scores;
 *  - 2 × 2 tables with two empty cells: rho = 1 (if the first cell is filled) or -1;
 *  - 2 × 2 tables with n11 n22 = n12 n21: rho = 0; both thresholds exactly 0 (a median split):
 *    rho = -cos(2 pi n11 / n), the closed form of the tetrachoric correlation at zero thresholds;
 *  - cell probabilities below sqrt(machine epsilon) are floored there and their cells left out of
 *    the derivatives.
 */
import { phiFast, PhiFast } from "./normal-fast.js";
import { bivariateNormalCdfGrid, bivariateNormalDensity } from "./bivariate-normal.js";
import { type Codes, type OrderedMargin } from "./margins.js";

const RHO_BOUND = 0.999;
const TINY = Math.sqrt(Number.EPSILON);

export interface BivariateTable {
  /** (K1 + 1) × (K2 + 1) counts, row-major; index K1 (K2) counts rows where variable 1 (2) is missing */
  readonly all: Float64Array;
  /** K1 × K2 counts of the rows where both are observed */
  readonly freq: Float64Array;
}

export function bivariateTable(c1: Codes, K1: number, c2: Codes, K2: number): BivariateTable {
  const w = K2 + 1;
  const all = new Float64Array((K1 + 1) * w);
  for (let i = 0; i < c1.length; i++) {
    const a = c1[i]!;
    const b = c2[i]!;
    all[(a < 0 ? K1 : a) * w + (b < 0 ? K2 : b)]!++;
  }
  const freq = new Float64Array(K1 * K2);
  for (let a = 0; a < K1; a++) for (let b = 0; b < K2; b++) freq[a * K2 + b] = all[a * w + b]!;
  return { all, freq };
}

export interface PolychoricResult {
  readonly rho: number;
  /** the 2 × 2 table had one empty cell and lavaan's zero.add correction was applied */
  readonly zeroAdded: boolean;
  /** some cell of the table is empty (lavaan's zero.cell.tables) */
  readonly emptyCells: boolean;
  /** a 2 × 2 table with two empty cells: rho set to +-1 */
  readonly degenerate: boolean;
}

/** Cell probabilities pi (K1 × K2) and, if wanted, the phi combination and its rho derivative. */
interface CellTerms {
  readonly pi: Float64Array;
  readonly phi: Float64Array;
  readonly dphi: Float64Array | null;
}

/** Scratch space of cellTerms (its results are read before the next call). */
let scratch = new Float64Array(0);

function cellTerms(m1: OrderedMargin, m2: OrderedMargin, rho: number, second: boolean): CellTerms {
  const K1 = m1.K,
    K2 = m2.K;
  // cumulative F, densities D and their rho-derivatives G on the (K1 + 1) × (K2 + 1) grid of limits
  // (index 0: -inf, K: +inf), then pi, phi, dphi per cell
  const w = K2 + 1;
  const grid = (K1 + 1) * w;
  const cells = K1 * K2;
  const o3 = 3 * grid;
  if (scratch.length < o3 + 4 * cells) scratch = new Float64Array(2 * (o3 + 4 * cells));
  const F = scratch.subarray(0, grid).fill(0);
  const D = scratch.subarray(grid, 2 * grid).fill(0);
  const G = scratch.subarray(2 * grid, 3 * grid).fill(0);
  const R = 1 - rho * rho;
  // lavaan evaluates the density at |rho| <= 0.9999 (a 2 x 2 table with two empty cells has rho = +-1)
  const rhoD = Math.max(-0.9999, Math.min(0.9999, rho));
  const inner = scratch.subarray(o3 + 3 * cells, o3 + 4 * cells);
  bivariateNormalCdfGrid(m1.th, m1.pth, m2.th, m2.pth, rho, inner);
  for (let a = 1; a <= K1; a++) {
    for (let b = 1; b <= K2; b++) {
      const idx = a * w + b;
      if (a === K1) F[idx] = b === K2 ? 1 : m2.pth[b - 1]!;
      else if (b === K2) F[idx] = m1.pth[a - 1]!;
      else {
        const u = m1.th[a - 1]!,
          v = m2.th[b - 1]!;
        F[idx] = inner[(a - 1) * (K2 - 1) + b - 1]!;
        const d = bivariateNormalDensity(u, v, rhoD);
        D[idx] = d;
        if (second) G[idx] = (d * (u * v * R - rho * (u * u - 2 * rho * u * v + v * v) + rho * R)) / (R * R);
      }
    }
  }
  const o = 3 * grid;
  const pi = scratch.subarray(o, o + cells);
  const phi = scratch.subarray(o + cells, o + 2 * cells);
  const dphi = scratch.subarray(o + 2 * cells, o + 3 * cells);
  for (let a = 0; a < K1; a++) {
    for (let b = 0; b < K2; b++) {
      const i11 = (a + 1) * w + b + 1,
        i01 = a * w + b + 1,
        i10 = (a + 1) * w + b,
        i00 = a * w + b;
      const p = F[i11]! - F[i01]! - F[i10]! + F[i00]!;
      pi[a * K2 + b] = p < TINY ? TINY : p;
      phi[a * K2 + b] = D[i11]! - D[i01]! - D[i10]! + D[i00]!;
      if (second) dphi[a * K2 + b] = G[i11]! - G[i01]! - G[i10]! + G[i00]!;
    }
  }
  return { pi, phi, dphi: second ? dphi : null };
}

/** First and second derivatives of the log-likelihood of the table `freq` at rho. */
function derivatives(m1: OrderedMargin, m2: OrderedMargin, freq: Float64Array, rho: number): [number, number] {
  const t = cellTerms(m1, m2, rho, true);
  let g = 0,
    h = 0;
  for (let c = 0; c < freq.length; c++) {
    const n = freq[c]!;
    if (n === 0 || t.pi[c]! <= TINY) continue;
    const r = t.phi[c]! / t.pi[c]!;
    g += n * r;
    h += n * (t.dphi![c]! / t.pi[c]! - r * r);
  }
  return [g, h];
}

/**
 * Maximises a one-parameter log-likelihood on [lo, hi] from its first and second derivatives:
 * Newton steps kept inside a bracket [a, b] with l'(a) > 0 > l'(b) (bisection when a step leaves it
 * or the curvature is not negative); an end is returned when the derivative does not change sign.
 */
export function maximise1d(deriv: (x: number) => [number, number], start: number, lo: number, hi: number): number {
  let a = lo,
    b = hi;
  let x = Math.min(hi, Math.max(lo, start));
  for (let iter = 0; iter < 200; iter++) {
    const [g, h] = deriv(x);
    if (g === 0) return x;
    if (g > 0) a = x;
    else b = x;
    let next = h < 0 ? x - g / h : Number.NaN;
    if (!(next > a && next < b)) {
      if (g > 0 && x === hi) return hi;
      if (g < 0 && x === lo) return lo;
      // a step past an end of [lo, hi] that still rises there: try the end itself
      if (g > 0 && b === hi && !(next < hi)) next = hi;
      else if (g < 0 && a === lo && !(next > lo)) next = lo;
      else next = (a + b) / 2;
    }
    // quadratic convergence: a Newton step below 1e-9 leaves an error of order 1e-18
    if (Math.abs(next - x) < (h < 0 ? 1e-9 : 1e-13) || b - a < 1e-14) return next;
    x = next;
  }
  return x;
}

/** Pearson correlation of the category codes, lavaan's starting value. */
function codeCorrelation(freq: Float64Array, K1: number, K2: number): number {
  let n = 0,
    s1 = 0,
    s2 = 0,
    s11 = 0,
    s22 = 0,
    s12 = 0;
  for (let a = 0; a < K1; a++) {
    for (let b = 0; b < K2; b++) {
      const f = freq[a * K2 + b]!;
      n += f;
      s1 += f * a;
      s2 += f * b;
      s11 += f * a * a;
      s22 += f * b * b;
      s12 += f * a * b;
    }
  }
  const r = (s12 - (s1 * s2) / n) / Math.sqrt((s11 - (s1 * s1) / n) * (s22 - (s2 * s2) / n));
  return Number.isFinite(r) && Math.abs(r) < 1 ? r : 0;
}

/** The two-step polychoric correlation of a table (K1 × K2 counts of the rows observing both). */
export function polychoric(m1: OrderedMargin, m2: OrderedMargin, table: Float64Array): PolychoricResult {
  const K1 = m1.K,
    K2 = m2.K;
  let freq = table;
  const emptyCells = table.some((f) => f === 0);
  let zeroAdded = false;
  if (K1 === 2 && K2 === 2) {
    const empty = [0, 1, 2, 3].filter((c) => table[c] === 0);
    if (empty.length === 2) {
      return { rho: table[0]! > 0 ? 1 : -1, zeroAdded, emptyCells, degenerate: true };
    }
    if (empty.length === 1) {
      // move 0.5 into the empty cell from the other diagonal: the margins are unchanged
      const onMain = empty[0] === 0 || empty[0] === 3;
      const d = onMain ? 0.5 : -0.5;
      freq = Float64Array.from([table[0]! + d, table[1]! - d, table[2]! - d, table[3]! + d]);
      zeroAdded = true;
    }
    if (freq[0]! * freq[3]! === freq[1]! * freq[2]!) return { rho: 0, zeroAdded, emptyCells, degenerate: false };
    if (m1.th[0] === 0 && m2.th[0] === 0) {
      const n = freq[0]! + freq[1]! + freq[2]! + freq[3]!;
      return { rho: -Math.cos((2 * Math.PI * freq[0]!) / n), zeroAdded, emptyCells, degenerate: false };
    }
  }
  const rho = maximise1d((r) => derivatives(m1, m2, freq, r), codeCorrelation(freq, K1, K2), -RHO_BOUND, RHO_BOUND);
  return { rho, zeroAdded, emptyCells, degenerate: false };
}

/** The cell scores of a pair at rho: d log pi_ij / d rho and / d(thresholds of each variable). */
export interface CellScores {
  /** K1 × K2 */
  readonly rho: Float64Array;
  /** K1 × K2 × (K1 - 1) */
  readonly th1: Float64Array;
  /** K1 × K2 × (K2 - 1) */
  readonly th2: Float64Array;
}

/**
 * d log pi_ij / d a_k = (1[i = k] Z_i - 1[i = k + 1] Z_{i-1}) / pi_ij with
 * Z_i = phi(a_i) (Phi((b_j - rho a_i) / s) - Phi((b_{j-1} - rho a_i) / s)), s = sqrt(1 - rho^2)
 * (the derivative of Phi2 in its first limit), and likewise for the column thresholds.
 */
export function cellScores(m1: OrderedMargin, m2: OrderedMargin, rho: number): CellScores {
  const K1 = m1.K,
    K2 = m2.K;
  const t = cellTerms(m1, m2, rho, false);
  const s = Math.sqrt(1 - rho * rho);
  const sRho = new Float64Array(K1 * K2);
  const th1 = new Float64Array(K1 * K2 * (K1 - 1));
  const th2 = new Float64Array(K1 * K2 * (K2 - 1));
  // E1[a][b] = phi(u_a) Phi((v_b - rho u_a) / s) at the finite limits u_a of variable 1 (a = 1..K1-1),
  // b = 0..K2 (Phi = 0, 1 at v = -inf, +inf); E2 likewise with the roles exchanged
  const E1 = edges(limits(m1), limits(m2), rho, s);
  const E2 = edges(limits(m2), limits(m1), rho, s);
  const w1 = K2 + 1,
    w2 = K1 + 1;
  for (let a = 0; a < K1; a++) {
    for (let b = 0; b < K2; b++) {
      const c = a * K2 + b;
      const pi = t.pi[c]!;
      if (pi <= TINY) continue;
      sRho[c] = t.phi[c]! / pi;
      if (s === 0) {
        // rho = +-1 (two empty cells): lavaan takes half the density for each limit's derivative
        if (a < K1 - 1) th1[c * (K1 - 1) + a] = (0.5 * phiFast(m1.th[a]!)) / pi;
        if (a > 0) th1[c * (K1 - 1) + a - 1] = (-0.5 * phiFast(m1.th[a - 1]!)) / pi;
        if (b < K2 - 1) th2[c * (K2 - 1) + b] = (0.5 * phiFast(m2.th[b]!)) / pi;
        if (b > 0) th2[c * (K2 - 1) + b - 1] = (-0.5 * phiFast(m2.th[b - 1]!)) / pi;
        continue;
      }
      // derivative of pi_ab in the upper (a + 1) and lower (a) limit of the row category
      if (a < K1 - 1) th1[c * (K1 - 1) + a] = (E1[(a + 1) * w1 + b + 1]! - E1[(a + 1) * w1 + b]!) / pi;
      if (a > 0) th1[c * (K1 - 1) + a - 1] = -(E1[a * w1 + b + 1]! - E1[a * w1 + b]!) / pi;
      if (b < K2 - 1) th2[c * (K2 - 1) + b] = (E2[(b + 1) * w2 + a + 1]! - E2[(b + 1) * w2 + a]!) / pi;
      if (b > 0) th2[c * (K2 - 1) + b - 1] = -(E2[b * w2 + a + 1]! - E2[b * w2 + a]!) / pi;
    }
  }
  return { rho: sRho, th1, th2 };
}

/** phi(u_a) Phi((v_b - rho u_a) / s) over the limits u (rows, 0 at infinite u) and v (columns). */
function edges(u: Float64Array, v: Float64Array, rho: number, s: number): Float64Array {
  const w = v.length;
  const out = new Float64Array(u.length * w);
  for (let a = 1; a < u.length - 1; a++) {
    const d = phiFast(u[a]!);
    for (let b = 1; b < w; b++) {
      const p = b === w - 1 ? 1 : s === 0 ? (v[b]! >= rho * u[a]! ? 1 : 0) : PhiFast((v[b]! - rho * u[a]!) / s);
      out[a * w + b] = d * p;
    }
  }
  return out;
}

/** -inf, the thresholds, +inf */
export function limits(m: OrderedMargin): Float64Array {
  const out = new Float64Array(m.K + 1);
  out[0] = Number.NEGATIVE_INFINITY;
  out.set(m.th, 1);
  out[m.K] = Number.POSITIVE_INFINITY;
  return out;
}
