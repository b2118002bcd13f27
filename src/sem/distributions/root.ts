/**
 * Bracketed root finding by Brent's method: R. P. Brent (1973), "Algorithms for
 * Minimization without Derivatives", ch. 4 (the zeroin procedure; also Numerical
 * Recipes 9.3). Each step tries inverse quadratic interpolation through the last
 * three points (or the secant through two); the step is accepted only when it lands
 * well inside the current bracket and shrinks faster than bisection would have,
 * otherwise the bracket is bisected. Convergence is superlinear for smooth f and
 * never slower than bisection by more than a constant factor.
 */

export interface RootOptions {
  /** Stop once the bracket half-width is below relTol * |x| + absTol. */
  relTol?: number;
  absTol?: number;
  maxIterations?: number;
}

/**
 * A root of f in [lo, hi], given f(lo) = fLo and f(hi) = fHi of opposite signs
 * (or one of them zero).
 */
export function brentRoot(
  f: (x: number) => number,
  lo: number,
  hi: number,
  fLo: number,
  fHi: number,
  options: RootOptions = {},
): number {
  const relTol = options.relTol ?? 1e-13;
  const absTol = options.absTol ?? 0;
  const maxIterations = options.maxIterations ?? 500;
  // b: best estimate; a: previous estimate; c: end of the bracket opposite b.
  let a = lo,
    fa = fLo,
    b = hi,
    fb = fHi,
    c = lo,
    fc = fLo;
  let step = b - a,
    previousStep = step;
  for (let iter = 0; iter < maxIterations; iter++) {
    if (fb > 0 === fc > 0) {
      c = a;
      fc = fa;
      step = b - a;
      previousStep = step;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      fa = fb;
      b = c;
      fb = fc;
      c = a;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * (relTol * Math.abs(b) + absTol);
    const half = 0.5 * (c - b);
    if (Math.abs(half) <= tol || fb === 0) return b;
    if (Math.abs(previousStep) >= tol && Math.abs(fa) > Math.abs(fb)) {
      const { p, q } = interpolation(a, fa, b, fb, c, fc, half);
      if (2 * p < Math.min(3 * half * q - Math.abs(tol * q), Math.abs(previousStep * q))) {
        previousStep = step;
        step = p / q;
      } else {
        step = half;
        previousStep = half;
      }
    } else {
      step = half;
      previousStep = half;
    }
    a = b;
    fa = fb;
    b += Math.abs(step) > tol ? step : half > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}

/**
 * The interpolated step from b as p / q with p ≥ 0: the secant through a and b when a = c, else
 * inverse quadratic interpolation through a, b and c; half = (c − b) / 2.
 */
function interpolation(
  a: number,
  fa: number,
  b: number,
  fb: number,
  c: number,
  fc: number,
  half: number,
): { p: number; q: number } {
  const s = fb / fa;
  let p: number, q: number;
  if (a === c) {
    p = 2 * half * s;
    q = 1 - s; // secant
  } else {
    const qa = fa / fc,
      r = fb / fc; // inverse quadratic interpolation
    p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1));
    q = (qa - 1) * (r - 1) * (s - 1);
  }
  if (p > 0) q = -q;
  else p = -p;
  return { p, q };
}
