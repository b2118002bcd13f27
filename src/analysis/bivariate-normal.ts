/**
 * The standard bivariate normal distribution function Φ₂(a, b; r) = P(X ≤ a, Y ≤ b), correlation r,
 * for the categorical omega of ordinal-reliability.ts (semTools' omegaCat calls mnormt::pmnorm, which
 * uses Genz's BVND for two dimensions): the polychoric code's Drezner-Wesolowsky/Genz method
 * (src/sem/ordinal/stats/bivariate-normal.ts), to about 1e-15 absolute; |r| = 1 exactly gives
 * Φ(min(a, b)) (r = 1) or max(0, Φ(a) + Φ(b) − 1) (r = −1).
 */
import { normalCdf } from "../sem/distributions/index.js";
import { bivariateNormalCdf as cdf } from "../sem/ordinal/stats/bivariate-normal.js";

export function bivariateNormalCdf(a: number, b: number, r: number): number {
  const pa = normalCdf(a);
  const pb = normalCdf(b);
  if (r >= 1) return Math.min(pa, pb);
  if (r <= -1) return Math.max(0, pa + pb - 1);
  return cdf(a, b, r, pa, pb);
}
