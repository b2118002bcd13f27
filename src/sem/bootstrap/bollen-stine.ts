/**
 * The Bollen-Stine transformation (Bollen & Stine 1992, Sociological Methods & Research 21,
 * 205-229, eq. 5): each group's data are rotated so that their sample moments equal the
 * moments the fitted model implies,
 *     Z = (X − 1 x̄ᵀ) S^{-1/2} Σ̂^{1/2}  (+ 1 μ̂ᵀ with a mean structure),
 * with symmetric square roots (as lavaan, lav_bootstrap.R). Resampling rows of Z draws from a
 * population in which the model holds exactly, so the bootstrap distribution of T* = N·F_ML
 * estimates the distribution of T under H0, and the Bollen-Stine p-value is the proportion of
 * T* larger than the T of the original data (lavaan: sum(T* > T) / B over the successful draws).
 * Without a mean structure the means do not enter the fit, and Z stays centred (lavaan).
 */
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { pow } from "../numeric/index.js";

/** A^{1/2} or A^{-1/2} of a symmetric positive definite p×p matrix, by its eigen decomposition. */
export function symmetricPower(a: Float64Array, p: number, power: 0.5 | -0.5): Float64Array {
  const m = new Matrix(p, p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) m.set(i, j, (a[i * p + j]! + a[j * p + i]!) / 2);
  const evd = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  const values = evd.realEigenvalues;
  const V = evd.eigenvectorMatrix;
  const out = new Float64Array(p * p);
  for (let k = 0; k < p; k++) {
    const d = pow(Math.max(values[k]!, 0), power);
    for (let i = 0; i < p; i++) {
      const vik = V.get(i, k) * d;
      for (let j = 0; j < p; j++) out[i * p + j] += vik * V.get(j, k);
    }
  }
  return out;
}

export interface BollenStineGroup {
  X: Float64Array;
  n: number;
  p: number;
  mean: Float64Array;
  S: Float64Array;
  sigma: Float64Array;
  /** the model-implied means, or null without a mean structure */
  mu: Float64Array | null;
}

/** The transformed n×p block of one group. */
export function bollenStineTransform(g: BollenStineGroup): Float64Array {
  const { X, n, p } = g;
  const sInvSqrt = symmetricPower(g.S, p, -0.5);
  const sigmaSqrt = symmetricPower(g.sigma, p, 0.5);
  const A = new Float64Array(p * p); // S^{-1/2} Σ̂^{1/2}
  for (let i = 0; i < p; i++)
    for (let k = 0; k < p; k++) {
      const v = sInvSqrt[i * p + k]!;
      for (let j = 0; j < p; j++) A[i * p + j] += v * sigmaSqrt[k * p + j]!;
    }
  const Z = new Float64Array(n * p);
  const d = new Float64Array(p);
  for (let r = 0; r < n; r++) {
    for (let k = 0; k < p; k++) d[k] = X[r * p + k]! - g.mean[k]!;
    for (let j = 0; j < p; j++) {
      let s = g.mu === null ? 0 : g.mu[j]!;
      for (let k = 0; k < p; k++) s += d[k]! * A[k * p + j]!;
      Z[r * p + j] = s;
    }
  }
  return Z;
}
