/**
 * Comparison helpers and the named tolerances used by the distribution tests.
 * tolerances.test.ts checks, for every tolerance listed here, that a value just
 * outside it is rejected and a value just inside it is accepted.
 */

/**
 * Relative tolerances. Measured worst errors against the references are noted; the
 * tolerance leaves a margin of at least about 2.5x.
 */
export const REL = {
  /** lgamma, pnorm, qnorm vs R (worst measured 1.3e-14, lgamma(1.5)). */
  e13: 1e-13,
  /**
   * pgamma / pchisq / qchisq vs R, noncentral (ncp < 80, where R sums the requested tail
   * directly) vs R, noncentral vs mpmath, RMSEA ncp vs the tight R / mpmath roots
   * (worst measured 6.2e-14: far upper tail pchisq(832, 99) ~ 3e-116; R 4.2.2 itself
   * is off by 1.5e-13 at pchisq(121.244, 24, ncp = 50, lower.tail = FALSE)).
   */
  e12: 1e-12,
  /** Noncentral lower tail vs R for ncp >= 80, where R's own error reaches 4e-11. */
  e10: 1e-10,
  /**
   * lavaan's RMSEA interval: lavaan finds lambda with uniroot's default tolerance
   * (~1.2e-4 absolute in lambda), so its bounds differ from the exact ones by up to
   * 5e-9 relative in this case.
   */
  e8: 1e-8,
} as const;

/** Absolute tolerances. */
export const ABS = {
  /** Round trips and identities such as P + Q = 1 (worst measured ~4e-16). */
  e14: 1e-14,
  /** lgamma near its zeros at 1 and 2 (worst measured 3.5e-15). */
  lgammaZeros: 1e-14,
  /**
   * Noncentral upper tail vs R for ncp >= 80: R forms it as 1 - lower, so only its
   * absolute error (<= 4e-11 measured) is meaningful.
   */
  e10: 1e-10,
} as const;

export function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

/** Throws unless |actual - expected| <= rel * |expected| (NaN never passes). */
export function expectRelClose(actual: number, expected: number, rel: number, label = ""): void {
  const error = relativeError(actual, expected);
  if (!(error <= rel)) {
    throw new Error(`${label} expected ${expected}, got ${actual}: relative error ${error} > ${rel}`);
  }
}

/** Throws unless |actual - expected| <= abs (NaN never passes). */
export function expectAbsClose(actual: number, expected: number, abs: number, label = ""): void {
  const error = actual === expected ? 0 : Math.abs(actual - expected);
  if (!(error <= abs)) {
    throw new Error(`${label} expected ${expected}, got ${actual}: absolute error ${error} > ${abs}`);
  }
}
