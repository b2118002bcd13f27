/**
 * x^y in plain IEEE-754 double arithmetic (same bits in every conforming engine; Math.pow and `**`
 * differ between engines in the last bit).
 *
 * Method (as fdlibm's e_pow.c and Tang's exp, in outline): x^y = exp(y · log x) with log x carried
 * in double-double so that the product y · log x keeps about 2^-60 relative accuracy, and the low part
 * of y · log x passed into exp's reduced argument. The double-double pieces are Dekker's exact
 * product (Veltkamp splitting) and Knuth's two-sum (T. J. Dekker, "A floating-point technique for
 * extending the available precision", Numer. Math. 18 (1971) 224–242). Integer exponents up to 64
 * use binary powering in double-double, so exact powers (10^3, 2^-5) come out exact.
 * Special values follow ECMAScript's Number::exponentiate (which differs from C's pow at |x| = 1,
 * y = ±Infinity: NaN).
 */
import { logDoubleDouble, productError } from "./double-double.js";
import { expReduced } from "./elementary.js";

function isOddInteger(y: number): boolean {
  return Number.isInteger(y) && Math.abs(y) < 9007199254740992 && Math.abs(y % 2) === 1;
}

/** Special operands (zeros, infinities, NaN, negative bases); null when x is positive and finite. */
function special(x: number, y: number): number | null {
  if (y === 0) return 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  const ax = Math.abs(x);
  if (!Number.isFinite(y)) {
    if (ax === 1) return Number.NaN;
    return ax > 1 === y > 0 ? Number.POSITIVE_INFINITY : 0;
  }
  if (x === 0 || !Number.isFinite(x)) {
    const big = (x === 0) === y < 0; // 0^-y and Infinity^y are infinite
    const negative = (x < 0 || Object.is(x, -0)) && isOddInteger(y);
    const mag = big ? Number.POSITIVE_INFINITY : 0;
    return negative ? -mag : mag;
  }
  if (x < 0) {
    if (!Number.isInteger(y)) return Number.NaN;
    const m = positivePow(-x, y);
    return isOddInteger(y) ? -m : m;
  }
  return null;
}

/** Binary powering in double-double for integer 1 ≤ n ≤ 64; null when an intermediate leaves [2^-900, 2^900]. */
function integerPow(x: number, n: number): [number, number] | null {
  let rh = 1;
  let rl = 0;
  let bh = x;
  let bl = 0;
  for (let e = n; ;) {
    if (e & 1) [rh, rl] = mulDD(rh, rl, bh, bl);
    e >>= 1;
    if (e === 0) break;
    [bh, bl] = mulDD(bh, bl, bh, bl);
    const a = Math.abs(bh);
    if (!(a > 1.5e-271 && a < 6.7e270)) return null;
  }
  const a = Math.abs(rh);
  return a > 1.5e-271 && a < 6.7e270 ? [rh, rl] : null;
}

/** (ah + al)(bh + bl) in double-double (Dekker's product of the high parts plus the cross terms). */
function mulDD(ah: number, al: number, bh: number, bl: number): [number, number] {
  const p = ah * bh;
  const e = productError(ah, bh, p) + (ah * bl + al * bh);
  const h = p + e;
  return [h, e - (h - p)];
}

function positivePow(x: number, y: number): number {
  if (y === 1 || x === 1) return x;
  if (y === 2) return x * x;
  if (y === -1) return 1 / x;
  if (y === 0.5) return Math.sqrt(x);
  if (Number.isInteger(y) && Math.abs(y) <= 64) {
    const r = integerPow(x, Math.abs(y));
    if (r !== null) return y > 0 ? r[0] + r[1] : 1 / r[0] - r[1] / (r[0] * r[0]);
  }
  const [lh, ll] = logDoubleDouble(x);
  if (Math.abs(y * lh) > 1000) return y * lh > 0 ? Number.POSITIVE_INFINITY : 0; // far beyond exp's range
  // z = y (lh + ll) in double-double: Dekker's product y·lh plus y·ll
  const p = y * lh;
  const e = productError(y, lh, p) + y * ll;
  const zh = p + e;
  return expReduced(zh, e - (zh - p)); // e^(zh + zl), |zl| ≤ ulp(zh), within 1 ulp
}

/** x^y as ECMAScript defines it; the same bits in every engine. */
export function pow(x: number, y: number): number {
  return special(x, y) ?? positivePow(x, y);
}
