/**
 * The extra-precision pieces of pow (pow.ts), log2 and log10: log x as a double-double lh + ll, and
 * e^(zh + zl) with the low part zl folded into exp's reduced argument (elementary.ts; fdlibm / Tang).
 * log x = k ln2 + log(1 + f) with log(1 + f) = 2 atanh(s) = 2s + s·(2s²/3 + 2s⁴/5 + …), s = f/(2 + f),
 * s carried in double-double (Dekker's exact product), so that only the series term (below 0.0035) is
 * rounded; the series is the atanh Taylor series to 2^-72 rather than fdlibm's minimax polynomial
 * (accurate to about 2^-58 only). Measured: |error| about 2^-62 |log x|.
 */
import { expReduced, highWord, LN2_HI, LN2_LO, SQRT_HALF_HI, withHighWord } from "./elementary.js";

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitting constant

/**
 * The rounding error of the product p = fl(a·b), so that a·b = p + e exactly (Dekker 1971: a and
 * b split into 26-bit halves by Veltkamp's constant, the partial products summed in this order).
 */
export function productError(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const a1 = t - (t - a);
  const a2 = a - a1;
  t = SPLIT * b;
  const b1 = t - (t - b);
  const b2 = b - b1;
  return a1 * b1 - p + a1 * b2 + a2 * b1 + a2 * b2;
}

/** Knuth's two-sum accumulation: adds b to (h, l). */
function add(h: number, l: number, b: number): [number, number] {
  const s = h + b;
  const bv = s - h;
  const err = h - (s - bv) + (b - bv);
  return [s, l + err];
}

/** 2z/3 + 2z²/5 + … + 2z^14/29 for z = s² ≤ 0.0295: 2 atanh(s) − 2s = s·(this), truncation below 2^-72. */
function atanhSeries(z: number): number {
  let sum = 2 / 31;
  for (let n = 29; n >= 3; n -= 2) sum = 2 / n + z * sum;
  return z * sum;
}

/** log x for finite x > 0 as lh + ll, |error| about 2^-60 |log x|. */
export function logDoubleDouble(x: number): [number, number] {
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984;
    k = -54;
  }
  const hx = highWord(x) + (0x3ff00000 - SQRT_HALF_HI);
  k += (hx >>> 20) - 0x3ff;
  const f = withHighWord(x, (hx & 0x000fffff) + SQRT_HALF_HI) - 1; // exact (Sterbenz)
  // s = f / (2 + f) in double-double: d = dh + dl exactly, then one Newton correction of the quotient
  const dh = 2 + f;
  const dl = f - (dh - 2);
  const sh = f / dh;
  const p = sh * dh;
  const pe = productError(sh, dh, p); // sh·dh = p + pe exactly
  const sl = (f - p - pe - sh * dl) / dh;
  const z = sh * sh;
  // 2 atanh(s) − 2s at s = sh + sl: its value at sh plus sl times its derivative 2s²/(1 − s²)
  const tail = 2 * sl + (sh * atanhSeries(z) + (sl * 2 * z) / (1 - z));
  let [h, l] = add(k * LN2_HI, 0, 2 * sh);
  [h, l] = add(h, l, tail);
  [h, l] = add(h, l, k * LN2_LO);
  const s = h + l;
  return [s, l - (s - h)];
}

/** (lh + ll) / (ch + cl) rounded to double: quotient of the high parts, then one exact-remainder correction. */
function divide(lh: number, ll: number, ch: number, cl: number): number {
  const q = lh / ch;
  const p = q * ch;
  const pe = productError(q, ch, p); // q·ch = p + pe exactly
  return q + (lh - p - pe + ll - q * cl) / ch;
}

/** log x / log base for base 2 or 10 through the double-double log (exact at exact powers of the base). */
export function logBase(x: number, base: 2 | 10): number {
  if (!(x > 0) || x === Number.POSITIVE_INFINITY) return x === 0 ? Number.NEGATIVE_INFINITY : x > 0 ? x : Number.NaN;
  const [lh, ll] = logDoubleDouble(x);
  // ln 2 and ln 10 as double-doubles (mpmath, 200 bits)
  return base === 2
    ? divide(lh, ll, 0.6931471805599453, 2.3190468138462996e-17)
    : divide(lh, ll, 2.302585092994046, -2.1707562233822494e-16);
}
