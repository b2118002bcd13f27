/**
 * The casewise (full-information) normal log-likelihood of one group, summed per missing-data
 * pattern from the pattern's sufficient statistics (Arbuckle 1996; Finkbeiner 1979; lavaan's
 * lav_mvnorm_missing_loglik_samplestats). For pattern k with n_k rows observing the set o,
 * mean ȳ_k and N-divisor covariance S_k of its rows, d_k = ȳ_k − μ_o and E_k = Σ_oo⁻¹:
 *   −2 logL = Σ_k n_k [ p_k log 2π + log|Σ_oo| + tr(E_k (S_k + d_k d_kᵀ)) ].
 * Its derivative in the direction (dΣ, dμ) has the same form as complete-data ML
 * (estimate/ml.ts), with the weights summed over patterns (embedded in p×p, zero elsewhere):
 *   d(−2 logL) = tr(W dΣ) − 2 d̃ᵀ dμ,   W = Σ_k n_k [E_k − E_k (S_k + d_k d_kᵀ) E_k],   d̃ = Σ_k n_k E_k d_k.
 * One Cholesky factorisation of Σ_oo per pattern, never one per row.
 */
import { cholesky, inverseFromCholesky, logDetFromCholesky, matmul } from "../linalg/dense.js";
import type { MissingPattern } from "./patterns.js";

export interface PatternMetric {
  /** rows of the pattern */
  readonly n: number;
  /** E_k = Σ_oo⁻¹ embedded in a p×p matrix (zero in the rows and columns of missing variables) */
  readonly E: Float64Array;
}

export interface CasewiseTerms {
  /** −2 logL without the 2π constant: Σ_k n_k [log|Σ_oo| + tr(E_k C_k)] */
  readonly m2ll: number;
  /** Σ_k n_k p_k: the 2π constant is m2llConst · log 2π */
  readonly nObsCells: number;
  /** Σ_k n_k [E_k − E_k C_k E_k] (p×p), when asked for */
  readonly W: Float64Array | null;
  /** Σ_k n_k E_k d_k (p), when asked for */
  readonly dt: Float64Array | null;
  /** per pattern n_k and embedded E_k, when asked for */
  readonly metrics: PatternMetric[] | null;
}

export interface CasewiseOptions {
  gradient?: boolean;
  metrics?: boolean;
}

/** Σ_oo for the observed indices. */
export function subMatrix(A: Float64Array, p: number, obs: Int32Array): Float64Array {
  const k = obs.length;
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    const ra = obs[a]! * p;
    for (let b = 0; b < k; b++) out[a * k + b] = A[ra + obs[b]!]!;
  }
  return out;
}

/** target[o, o] += w · B (B is k×k). */
export function addEmbedded(target: Float64Array, p: number, obs: Int32Array, B: Float64Array, w: number): void {
  const k = obs.length;
  for (let a = 0; a < k; a++) {
    const ra = obs[a]! * p;
    for (let b = 0; b < k; b++) target[ra + obs[b]!] += w * B[a * k + b]!;
  }
}

/** The terms of the casewise likelihood at (Σ, μ); null when some Σ_oo is not positive definite. */
export function casewiseTerms(patterns: readonly MissingPattern[], sigma: Float64Array, mu: Float64Array, p: number, opts: CasewiseOptions = {}): CasewiseTerms | null {
  let m2ll = 0;
  let nObsCells = 0;
  const W = opts.gradient ? new Float64Array(p * p) : null;
  const dt = opts.gradient ? new Float64Array(p) : null;
  const metrics: PatternMetric[] | null = opts.metrics ? [] : null;
  for (const pat of patterns) {
    const { obs, n } = pat;
    const k = obs.length;
    const L = cholesky({ n: k, a: subMatrix(sigma, p, obs) });
    if (L === null) return null;
    const E = inverseFromCholesky(L).a;
    const d = new Float64Array(k);
    for (let a = 0; a < k; a++) d[a] = pat.mean[a]! - mu[obs[a]!]!;
    const C = Float64Array.from(pat.S);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) C[a * k + b] += d[a]! * d[b]!;
    let tr = 0;
    for (let i = 0; i < k * k; i++) tr += E[i]! * C[i]!;
    m2ll += n * (logDetFromCholesky(L) + tr);
    nObsCells += n * k;
    if (W !== null && dt !== null) {
      const ECE = matmul(matmul(E, C, k, k, k), E, k, k, k);
      for (let i = 0; i < k * k; i++) ECE[i] = E[i]! - ECE[i]!;
      addEmbedded(W, p, obs, ECE, n);
      for (let a = 0; a < k; a++) {
        let s = 0;
        for (let b = 0; b < k; b++) s += E[a * k + b]! * d[b]!;
        dt[obs[a]!] += n * s;
      }
    }
    if (metrics !== null) {
      const Ep = new Float64Array(p * p);
      addEmbedded(Ep, p, obs, E, 1);
      metrics.push({ n, E: Ep });
    }
  }
  return { m2ll, nObsCells, W, dt, metrics };
}

/** The full log-likelihood (with the 2π constant) from the terms. */
export function logLikelihood(t: CasewiseTerms): number {
  return -0.5 * (t.m2ll + t.nObsCells * Math.log(2 * Math.PI));
}
