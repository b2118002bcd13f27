/**
 * The standard bivariate normal distribution with correlation r: density, and the probability
 * P(X > h, Y > k) to about 1e-15 absolute.
 *
 * The probability follows Drezner & Wesolowsky (1990), "On the computation of the bivariate normal
 * integral", J. Statist. Comput. Simul. 35, 101-107, with the refinements of Genz (2004), "Numerical
 * computation of rectangular bivariate and trivariate normal and t probabilities", Statistics and
 * Computing 14, 251-260 (section 2.2):
 *  - |r| < 0.925: Plackett's identity dP/dr = phi2(h, k; r) integrated from 0 with the substitution
 *      r = sin(t):  P = Phi(-h) Phi(-k) + (1 / 2pi) int_0^asin(r) exp(-(h^2 - 2hk sin t + k^2) / (2 cos^2 t)) dt,
 *    by Gauss-Legendre quadrature of 6, 12 or 20 points (|r| below 0.3, 0.75, 0.925);
 *  - |r| >= 0.925: the same integral written from r = +-1 with x = sqrt(1 - r^2) as variable, whose
 *    singular part is integrated in closed form (a two-term expansion of exp(-hk / (1 + sqrt(1 - x^2)))
 *    in x^2) and the smooth rest by 20-point Gauss-Legendre (Genz 2004, eq. 3-4).
 * The Gauss-Legendre nodes are computed here (Newton's method on the Legendre polynomial).
 */
import { PhiFast } from "./normal-fast.js";

const TWO_PI = 2 * Math.PI;
const SQRT_TWO_PI = Math.sqrt(TWO_PI);

interface HalfRule {
  /** the positive nodes of the n-point Gauss-Legendre rule on [-1, 1] (n even) */
  readonly x: Float64Array;
  readonly w: Float64Array;
}

/** Gauss-Legendre rule of n points (n even), positive half: Newton on P_n from Chebyshev guesses. */
function gaussLegendreHalf(n: number): HalfRule {
  const half = n / 2;
  const x = new Float64Array(half);
  const w = new Float64Array(half);
  for (let i = 0; i < half; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = z;
      for (let j = 2; j <= n; j++) {
        const p2 = ((2 * j - 1) * z * p1 - (j - 1) * p0) / j;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x[i] = z;
    w[i] = 2 / ((1 - z * z) * dp * dp);
  }
  return { x, w };
}

const RULE6 = gaussLegendreHalf(6);
const RULE12 = gaussLegendreHalf(12);
const RULE20 = gaussLegendreHalf(20);

/** Standard bivariate normal density phi2(h, k; r), |r| < 1. */
export function bivariateNormalDensity(h: number, k: number, r: number): number {
  const s = 1 - r * r;
  return Math.exp(-(h * h - 2 * r * h * k + k * k) / (2 * s)) / (TWO_PI * Math.sqrt(s));
}

/**
 * P(X > h, Y > k) for the standard bivariate normal with correlation r (|r| <= 1), h and k finite.
 * `qh` = Phi(-h) and `qk` = Phi(-k) are passed in (callers evaluate many r at the same h, k).
 */
export function bivariateNormalUpper(h: number, k: number, r: number, qh: number, qk: number): number {
  const hk = h * k;
  if (Math.abs(r) < 0.925) {
    if (r === 0) return qh * qk;
    const rule = Math.abs(r) < 0.3 ? RULE6 : Math.abs(r) < 0.75 ? RULE12 : RULE20;
    const hs = (h * h + k * k) / 2;
    const asr = Math.asin(r);
    let sum = 0;
    for (let i = 0; i < rule.x.length; i++) {
      const s1 = Math.sin((asr * (1 - rule.x[i]!)) / 2);
      const s2 = Math.sin((asr * (1 + rule.x[i]!)) / 2);
      sum += rule.w[i]! * (Math.exp((s1 * hk - hs) / (1 - s1 * s1)) + Math.exp((s2 * hk - hs) / (1 - s2 * s2)));
    }
    return (sum * asr) / (4 * Math.PI) + qh * qk;
  }
  // |r| >= 0.925: from the nearer end r = +-1. For r < 0, P(X > h, Y > k; r) =
  // P(X > h) - P(X > h, -Y > -k; -r), so the series is taken at (h, -k) and -r.
  const kk = r < 0 ? -k : k;
  const hkk = r < 0 ? -hk : hk;
  let bvn = 0;
  if (Math.abs(r) < 1) {
    const as = (1 - r) * (1 + r);
    let a = Math.sqrt(as);
    const bs = (h - kk) * (h - kk);
    const c = (4 - hkk) / 8;
    const d = (12 - hkk) / 16;
    const asr0 = -(bs / as + hkk) / 2;
    if (asr0 > -100) bvn = a * Math.exp(asr0) * (1 - (c * (bs - as) * (1 - (d * bs) / 5)) / 3 + (c * d * as * as) / 5);
    if (hkk > -100) {
      const b = Math.sqrt(bs);
      bvn -= Math.exp(-hkk / 2) * SQRT_TWO_PI * PhiFast(-b / a) * b * (1 - (c * bs * (1 - (d * bs) / 5)) / 3);
    }
    a /= 2;
    for (let i = 0; i < 2 * RULE20.x.length; i++) {
      const node = i < RULE20.x.length ? -RULE20.x[i]! : RULE20.x[i - RULE20.x.length]!;
      const xs = (a * (1 + node)) ** 2;
      const asr = -(bs / xs + hkk) / 2;
      if (asr <= -100) continue;
      const rs = Math.sqrt(1 - xs);
      const ep = Math.exp(-bs / (2 * xs) - hkk / (1 + rs)) / rs;
      bvn += a * RULE20.w[i % RULE20.x.length]! * (ep - Math.exp(asr) * (1 + c * xs * (1 + d * xs)));
    }
    bvn = -bvn / TWO_PI;
  }
  if (r > 0) return bvn + Math.min(qh, qk);
  // r < 0: P(X > h) - P(X > h, Y < k; r) with P(X > h, Y' > -k; -r) = bvn + Phi(-max(h, -k))
  return Math.max(0, qh - (1 - qk)) - bvn;
}

/**
 * Phi2(h, k; r) = P(X < h, Y < k); h, k may be infinite. `ph` = Phi(h), `pk` = Phi(k).
 */
export function bivariateNormalCdf(h: number, k: number, r: number, ph: number, pk: number): number {
  if (h === Number.NEGATIVE_INFINITY || k === Number.NEGATIVE_INFINITY) return 0;
  if (h === Number.POSITIVE_INFINITY) return pk;
  if (k === Number.POSITIVE_INFINITY) return ph;
  return bivariateNormalUpper(-h, -k, r, ph, pk);
}

/** The quadrature of bivariateNormalUpper for one r (|r| < 0.925, r ≠ 0): its sines depend on r alone. */
interface RhoRule {
  readonly w: Float64Array;
  readonly s1: Float64Array;
  readonly s2: Float64Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  readonly asr: number;
}

function rhoRule(r: number): RhoRule {
  const rule = Math.abs(r) < 0.3 ? RULE6 : Math.abs(r) < 0.75 ? RULE12 : RULE20;
  const n = rule.x.length;
  const asr = Math.asin(r);
  const s1 = new Float64Array(n);
  const s2 = new Float64Array(n);
  const d1 = new Float64Array(n);
  const d2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s1[i] = Math.sin((asr * (1 - rule.x[i]!)) / 2);
    s2[i] = Math.sin((asr * (1 + rule.x[i]!)) / 2);
    d1[i] = 1 - s1[i]! * s1[i]!;
    d2[i] = 1 - s2[i]! * s2[i]!;
  }
  return { w: rule.w, s1, s2, d1, d2, asr };
}

/**
 * Phi2(h_a, k_b; r) for every pair of the finite limits h (nh) and k (nk), with ph = Phi(h) and
 * pk = Phi(k), into out[a·nk + b]: the numbers of bivariateNormalCdf, by the same arithmetic, with
 * the quadrature's sines (which depend on r alone) computed once for the whole grid.
 */
export function bivariateNormalCdfGrid(
  h: ArrayLike<number>,
  ph: ArrayLike<number>,
  k: ArrayLike<number>,
  pk: ArrayLike<number>,
  r: number,
  out: Float64Array,
): void {
  const nh = h.length;
  const nk = k.length;
  if (!(Math.abs(r) < 0.925) || r === 0) {
    for (let a = 0; a < nh; a++)
      for (let b = 0; b < nk; b++) out[a * nk + b] = bivariateNormalCdf(h[a]!, k[b]!, r, ph[a]!, pk[b]!);
    return;
  }
  const q = rhoRule(r);
  const n = q.w.length;
  for (let a = 0; a < nh; a++) {
    const ha = -h[a]!;
    for (let b = 0; b < nk; b++) {
      const kb = -k[b]!;
      if (!Number.isFinite(ha) || !Number.isFinite(kb)) {
        out[a * nk + b] = bivariateNormalCdf(h[a]!, k[b]!, r, ph[a]!, pk[b]!);
        continue;
      }
      const hk = ha * kb;
      const hs = (ha * ha + kb * kb) / 2;
      let sum = 0;
      for (let i = 0; i < n; i++)
        sum += q.w[i]! * (Math.exp((q.s1[i]! * hk - hs) / q.d1[i]!) + Math.exp((q.s2[i]! * hk - hs) / q.d2[i]!));
      out[a * nk + b] = (sum * q.asr) / (4 * Math.PI) + ph[a]! * pk[b]!;
    }
  }
}
