/**
 * Inverses of the observed blocks Σ_oo of missing-data patterns, the kernels of the casewise
 * likelihood (missing/loglik.ts), the EM steps (missing/em.ts) and the h1 informations:
 * - directly: Cholesky of Σ_oo (Golub & Van Loan, alg. 4.2.1), L⁻¹ by forward substitution,
 *   Σ_oo⁻¹ = L⁻ᵀ L⁻¹, log|Σ_oo| = 2 Σ log L_ii;
 * - by a downdate of P = Σ⁻¹ (partitioned inverse, Schur complements; e.g. Magnus & Neudecker
 *   1999, ch. 1): Σ_oo⁻¹ = P_oo − P_om P_mm⁻¹ P_mo and log|Σ_oo| = log|Σ| + log|P_mm|, which
 *   costs O(r²p) for r missing variables once P is known.
 * Work arrays are passed in, so that a loop over patterns allocates nothing.
 */
import { log } from "../numeric/index.js";

/**
 * Σ_oo⁻¹ of a pattern into ws.E (k×k) and log|Σ_oo|; NaN when Σ_oo is not positive definite.
 * Cholesky (Golub & Van Loan alg. 4.2.1), L⁻¹ by forward substitution, E = L⁻ᵀL⁻¹.
 */
export function patternInverse(
  sigma: Float64Array,
  p: number,
  obs: Int32Array,
  ws: { L: Float64Array; E: Float64Array },
): number {
  const k = obs.length;
  const l = ws.L;
  let logDet = 0;
  for (let i = 0; i < k; i++) {
    const ri = i * k;
    const si = obs[i]! * p;
    for (let j = 0; j <= i; j++) {
      const rj = j * k;
      let s = sigma[si + obs[j]!]!;
      for (let t = 0; t < j; t++) s -= l[ri + t]! * l[rj + t]!;
      if (i === j) {
        if (!(s > 0)) return NaN;
        const v = Math.sqrt(s);
        l[ri + i] = v;
        logDet += log(v);
      } else {
        l[ri + j] = s / l[rj + j]!;
      }
    }
  }
  // L⁻¹ in place, column by column from the diagonal (lower triangular)
  for (let j = 0; j < k; j++) {
    const inv = 1 / l[j * k + j]!;
    for (let i = j + 1; i < k; i++) {
      let s = -l[i * k + j]! * inv;
      for (let t = j + 1; t < i; t++) s -= l[i * k + t]! * l[t * k + j]!;
      l[i * k + j] = s / l[i * k + i]!;
    }
    l[j * k + j] = inv;
  }
  // the columns were updated in increasing j, so each l[t*k+j] (t > j) read above is already L⁻¹
  const E = ws.E;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let t = i; t < k; t++) s += l[t * k + i]! * l[t * k + j]!;
      E[i * k + j] = s;
      E[j * k + i] = s;
    }
  }
  return 2 * logDet;
}

/** Σ⁻¹ (p×p) and log|Σ| of the full covariance matrix; null when it is not positive definite. */
export function fullInverse(sigma: Float64Array, p: number): { P: Float64Array; logDet: number } | null {
  const all = Int32Array.from({ length: p }, (_, i) => i);
  const ws = { L: new Float64Array(p * p), E: new Float64Array(p * p) };
  const logDet = patternInverse(sigma, p, all, ws);
  return Number.isNaN(logDet) ? null : { P: ws.E, logDet };
}

/**
 * The missing block of a pattern from P = Σ⁻¹ (r = number of missing variables): into ws.Z the
 * r×p matrix Z = P_mm⁻¹ P_m·, and log|P_mm|; NaN when P_mm is not positive definite. Then
 * (Schur complements) Σ_oo⁻¹ embedded = P − P_·m Z, log|Σ_oo| = log|Σ| + log|P_mm|,
 * and Σ_mo Σ_oo⁻¹ = −(P_mm⁻¹ P_mo), Σ_mm − Σ_mo Σ_oo⁻¹ Σ_om = P_mm⁻¹ (EM, missing/em.ts).
 */
export function missingBlock(
  P: Float64Array,
  p: number,
  mis: Int32Array,
  ws: { L: Float64Array; E: Float64Array; Z: Float64Array },
): number {
  const r = mis.length;
  const logDet = patternInverse(P, p, mis, ws); // ws.E = P_mm⁻¹ (r×r)
  if (Number.isNaN(logDet)) return NaN;
  const Z = ws.Z;
  for (let s = 0; s < r; s++) {
    for (let c = 0; c < p; c++) {
      let v = 0;
      for (let t = 0; t < r; t++) v += ws.E[s * r + t]! * P[mis[t]! * p + c]!;
      Z[s * p + c] = v;
    }
  }
  return logDet;
}
