/**
 * exp, log and log1p in plain IEEE-754 double arithmetic (+, −, ×, ÷, exact bit moves), so every
 * conforming JavaScript engine returns the same bits; Math.exp and Math.log are not correctly
 * rounded and differ in their last bit between engines (Node's V8 against Chromium's, for one).
 *
 * Method: argument reduction to a small interval plus a minimax polynomial, as in Sun's fdlibm
 * (K. C. Ng, 1993; e_exp.c, e_log.c, s_log1p.c) and P. T. P. Tang, "Table-driven implementation of
 * the exponential function in IEEE floating-point arithmetic", ACM TOMS 15 (1989) 144–157:
 *   exp: x = k ln2 + r, |r| ≤ ln2/2, ln2 split as ln2_hi + ln2_lo (ln2_hi with trailing zero bits, so
 *        k·ln2_hi is exact); exp(r) = 1 + r + r·c/(2 − c) with c = r − r²·P(r²), P of degree 4;
 *        then exp(x) = 2^k exp(r).
 *   log: x = 2^k (1 + f), 1 + f in [√2/2, √2); with s = f/(2 + f), log(1 + f) = 2s + 2s³/3 + … =
 *        f − f²/2 + s(f²/2 + R(s²)), R of degree 7 in s; log x = k ln2 + log(1 + f).
 *   log1p: the same on u = 1 + x, with the rounding error of 1 + x carried as c/u.
 * The polynomial coefficients are fdlibm's published minimax coefficients (error below 2^-58 on the
 * reduced range); the code is this project's. Measured error: within 1 ulp of the true value
 * (tests/unit/numeric).
 */

const view = new DataView(new ArrayBuffer(8));

/** High 32 bits of x's IEEE representation (sign, exponent, top 20 bits of the significand). */
export function highWord(x: number): number {
  view.setFloat64(0, x);
  return view.getUint32(0);
}

/** x with its high word replaced by hi (low word kept). */
export function withHighWord(x: number, hi: number): number {
  view.setFloat64(0, x);
  view.setUint32(0, hi >>> 0);
  return view.getFloat64(0);
}

/** 2^n for integer n in [−1022, 1023], exact (built by doubling, which is exact). */
const POW2 = new Float64Array(2046);
POW2[1022] = 1;
for (let i = 1023; i < 2046; i++) POW2[i] = POW2[i - 1]! * 2;
for (let i = 1021; i >= 0; i--) POW2[i] = POW2[i + 1]! / 2;

/** y · 2^k for integer k in [−1100, 1100]: exact except for the one rounding into the subnormals. */
export function scale2(y: number, k: number): number {
  if (k > 1023) return y * 2 * POW2[k - 1 + 1022]!;
  if (k < -1022) return y * POW2[k + 1000 + 1022]! * POW2[-1000 + 1022]!;
  return y * POW2[k + 1022]!;
}

export const LN2_HI = 6.9314718036912381649e-1;
export const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;
const EXP_OVER = 7.09782712893383973096e2;
const EXP_UNDER = -7.4513321910194110842e2;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;

/** e^x, within 1 ulp; the same bits in every engine. */
export function exp(x: number): number {
  return expReduced(x, 0);
}

/** e^(x + xl) for a low part |xl| ≤ ulp(x) (0 for plain exp): xl joins the reduced argument. */
export function expReduced(x: number, xl: number): number {
  if (!(x === x)) return x;
  if (x > EXP_OVER) return Number.POSITIVE_INFINITY;
  if (x < EXP_UNDER) return 0;
  const ax = Math.abs(x);
  if (ax < 3.725290298461914e-9) return 1 + (x + xl); // |x| < 2^-28: exp(x) = 1 + x to double precision
  let k = 0;
  let hi = x;
  let lo = -xl;
  if (ax > 0.5 * LN2_HI) {
    k = ax < 1.5 * LN2_HI ? (x < 0 ? -1 : 1) : Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
    hi = x - k * LN2_HI; // exact: k·LN2_HI is exact and the subtraction cancels
    lo = k * LN2_LO - xl;
  }
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0 && lo === 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  return k === 0 ? y : scale2(y, k);
}

const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;
/** High word of √2/2 (0x3fe6a09e): significands are moved into [√2/2, √2). */
export const SQRT_HALF_HI = 0x3fe6a09e;
const TWO54 = 18014398509481984;

/** R(z) with log(1 + f) = 2s + s·R(s²), s = f/(2 + f): fdlibm's minimax polynomial. */
export function logPolynomial(z: number): number {
  const w = z * z;
  return w * (LG2 + w * (LG4 + w * LG6)) + z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
}

/** s(f²/2 + R(s²)) − f²/2 + f + k·ln2 + c = log(2^k (1 + f)) for 1 + f in [√2/2, √2). */
function log1pReduced(f: number, k: number, c: number): number {
  const hfsq = 0.5 * f * f;
  const s = f / (2 + f);
  return s * (hfsq + logPolynomial(s * s)) + (k * LN2_LO + c) - hfsq + f + k * LN2_HI;
}

/** Natural logarithm, within 1 ulp; the same bits in every engine. */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= TWO54; // subnormal: scale into the normal range
    k = -54;
  }
  const hx = highWord(x) + (0x3ff00000 - SQRT_HALF_HI);
  k += (hx >>> 20) - 0x3ff;
  const m = withHighWord(x, (hx & 0x000fffff) + SQRT_HALF_HI);
  return log1pReduced(m - 1, k, 0);
}

/** log(1 + x), accurate for small |x|, within 1 ulp; the same bits in every engine. */
export function log1p(x: number): number {
  if (!(x >= -1)) return Number.NaN;
  if (x === -1) return Number.NEGATIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return x;
  if (Math.abs(x) < 1.1102230246251565e-16) return x; // |x| < 2^-53
  if (x > -0.2928932188134524 && x < 0.41421356237309503) return log1pReduced(x, 0, 0);
  const u = 1 + x;
  const hu = highWord(u) + (0x3ff00000 - SQRT_HALF_HI);
  const k = (hu >>> 20) - 0x3ff;
  // c/u corrects for the rounding of 1 + x (zero once 1 + x is exact or x dominates)
  const c = k < 54 ? (k >= 2 ? 1 - (u - x) : x - (u - 1)) / u : 0;
  const m = withHighWord(u, (hu & 0x000fffff) + SQRT_HALF_HI);
  return log1pReduced(m - 1, k, c);
}
