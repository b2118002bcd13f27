/**
 * Detecting a singular sample covariance matrix and naming the variables that make it so.
 */
import { meanAndCovariance } from "../samplestats/index.js";

/** Relative residual variance (1 - R^2) below which a variable counts as a linear combination. */
const SINGULAR_TOLERANCE = 1e-10;
/** A regression coefficient counts as nonzero above this fraction of the largest one. */
const COEFFICIENT_TOLERANCE = 1e-6;
/** A standard deviation at most this fraction of the mean's size counts as zero (rounding). */
const ZERO_VARIATION = 1e-10;

/** The N-divisor covariance matrix (row-major p x p) of row-major n x p data. */
export function covarianceN(X: Float64Array, n: number, p: number): Float64Array {
  return meanAndCovariance(X, n, p).S;
}

/**
 * If the N-divisor covariance matrix of the data is singular, the names of a minimal set
 * of variables in a linear dependency: the first variable (in the given order) that is a
 * linear combination of earlier ones, preceded by the earlier ones with a nonzero
 * coefficient in that combination. A variable with zero variance (a standard deviation
 * at most 1e-10 of its mean's size, allowing for rounding) is returned alone.
 * Returns null when the matrix is positive definite (to a tolerance of 1e-10 on 1 - R^2).
 */
export function findCollinear(X: Float64Array, n: number, p: number, names: string[]): string[] | null {
  const { mean: means, S } = meanAndCovariance(X, n, p);
  const sd = Array.from({ length: p }, (_, j) => Math.sqrt(S[j * p + j]!));
  const zero = sd.findIndex((s, j) => !(s > ZERO_VARIATION * Math.abs(means[j])));
  if (zero >= 0) return [names[zero] ?? `variable ${zero + 1}`];
  const corr = (j: number, k: number): number => S[j * p + k] / (sd[j] * sd[k]);
  const basis: number[] = [];
  const L: number[][] = [];
  for (let j = 0; j < p; j++) {
    const y = forwardSolve(
      L,
      basis.map((b) => corr(b, j)),
    );
    const residual = 1 - y.reduce((sum, v) => sum + v * v, 0);
    if (residual < SINGULAR_TOLERANCE) {
      const beta = backSolve(L, y);
      const largest = Math.max(...beta.map(Math.abs));
      const involved = basis.filter((_, k) => Math.abs(beta[k]) > COEFFICIENT_TOLERANCE * largest);
      return [...involved, j].map((index) => names[index] ?? `variable ${index + 1}`);
    }
    L.push([...y, Math.sqrt(residual)]);
    basis.push(j);
  }
  return null;
}

/** Solve L y = r for lower-triangular L (given as rows). */
function forwardSolve(L: number[][], r: number[]): number[] {
  const y: number[] = [];
  for (let i = 0; i < r.length; i++) {
    const row = L[i];
    let sum = r[i];
    for (let k = 0; k < i; k++) sum -= row[k] * y[k];
    y.push(sum / row[i]);
  }
  return y;
}

/** Solve L' b = y for lower-triangular L (given as rows). */
function backSolve(L: number[][], y: number[]): number[] {
  const m = y.length;
  const b = new Array<number>(m).fill(0);
  for (let i = m - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < m; k++) sum -= L[k][i] * b[k];
    b[i] = sum / L[i][i];
  }
  return b;
}
