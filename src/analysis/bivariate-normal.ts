/**
 * The standard bivariate normal distribution function Φ₂(a, b; r) = P(X ≤ a, Y ≤ b), correlation r,
 * to about 1e-15 absolute, for the categorical omega of reliability.ts (semTools' omegaCat calls
 * mnormt::pmnorm, which uses Genz's BVND for two dimensions; this is the same method):
 * Drezner & Wesolowsky (1990), J. Statist. Comput. Simul. 35, 101-107, as refined by Genz (2004),
 * Statistics and Computing 14, 251-260, section 2.2:
 * - |r| < 0.925: P(X > h, Y > k) = Φ(-h)Φ(-k) + (1/2π) ∫₀^asin(r) exp(-(h² - 2hk sin t + k²) / (2 cos² t)) dt
 *   (Plackett's identity),
 *   by Gauss-Legendre quadrature with 6, 12 or 20 points (|r| below 0.3, 0.75, 0.925);
 * - |r| ≥ 0.925: the integral written from r = ±1 in x = √(1 - r²), its singular part in closed
 *   form and the rest by 20-point Gauss-Legendre (Genz 2004, eq. 3-4); |r| = 1 exactly gives
 *   Φ(min(a, b)) (r = 1) or max(0, Φ(a) + Φ(b) - 1) (r = -1).
 */
import { normalCdf } from "../sem/distributions/index.js";

const TWO_PI = 2 * Math.PI;

/** The positive half of the n-point Gauss-Legendre rule on [-1, 1] (n even): Newton on P_n. */
function legendreHalf(n: number): { x: number[]; w: number[] } {
  const x: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < n / 2; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 1;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = z;
      for (let j = 2; j <= n; j++) [p0, p1] = [p1, ((2 * j - 1) * z * p1 - (j - 1) * p0) / j];
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const step = p1 / dp;
      z -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    x.push(z);
    w.push(2 / ((1 - z * z) * dp * dp));
  }
  return { x, w };
}

const RULES = [6, 12, 20].map(legendreHalf);

/** P(X > h, Y > k) for the standard bivariate normal with correlation r. */
function upper(h: number, k: number, r: number): number {
  const rule = RULES[Math.abs(r) < 0.3 ? 0 : Math.abs(r) < 0.75 ? 1 : 2]!;
  let hk = h * k;
  if (Math.abs(r) < 0.925) {
    const hs = (h * h + k * k) / 2;
    const asr = Math.asin(r);
    let sum = 0;
    rule.x.forEach((xi, i) => {
      for (const s of [xi, -xi]) {
        const sn = Math.sin((asr * (s + 1)) / 2);
        sum += rule.w[i]! * Math.exp((sn * hk - hs) / (1 - sn * sn));
      }
    });
    return (sum * asr) / (2 * TWO_PI) + normalCdf(-h) * normalCdf(-k);
  }
  if (r < 0) {
    k = -k;
    hk = -hk;
  }
  let bvn = 0;
  if (Math.abs(r) < 1) {
    const as = (1 - r) * (1 + r);
    let a = Math.sqrt(as);
    const bs = (h - k) ** 2;
    const c = (4 - hk) / 8;
    const d = (12 - hk) / 16;
    bvn = a * Math.exp(-(bs / as + hk) / 2) * (1 - (c * (bs - as) * (1 - (d * bs) / 5)) / 3 + (c * d * as * as) / 5);
    if (hk > -160) {
      const b = Math.sqrt(bs);
      bvn -= Math.exp(-hk / 2) * Math.sqrt(TWO_PI) * normalCdf(-b / a) * b * (1 - (c * bs * (1 - (d * bs) / 5)) / 3);
    }
    a /= 2;
    rule.x.forEach((xi, i) => {
      for (const s of [xi, -xi]) {
        const xs = (a * (s + 1)) ** 2;
        const rs = Math.sqrt(1 - xs);
        const e = -(bs / xs + hk) / 2;
        if (e > -100)
          bvn +=
            a *
            rule.w[i]! *
            Math.exp(e) *
            (Math.exp((-hk * (1 - rs)) / (2 * (1 + rs))) / rs - (1 + c * xs * (1 + d * xs)));
      }
    });
    bvn = -bvn / TWO_PI;
  }
  if (r > 0) return bvn + normalCdf(-Math.max(h, k));
  return -bvn + Math.max(0, normalCdf(-h) - normalCdf(-k));
}

/** Φ₂(a, b; r) = P(X ≤ a, Y ≤ b). */
export function bivariateNormalCdf(a: number, b: number, r: number): number {
  return upper(-a, -b, r);
}
