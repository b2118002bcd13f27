/**
 * The unrestricted (h1) model under missing data: the ML means and covariance matrix of one group
 * by the EM algorithm (Dempster, Laird & Rubin 1977; Little & Rubin 2002, §11.2), with the
 * E-step computed per pattern from the pattern's sufficient statistics. For a pattern with
 * observed block o, missing block m, B = Σ_mo Σ_oo⁻¹ and imputed mean m̄ = μ_m + B(ȳ − μ_o):
 *   T1_o += n ȳ,   T1_m += n m̄,
 *   T2_oo += n (S + ȳȳᵀ),   T2_mo += n (m̄ ȳᵀ + B S),
 *   T2_mm += n (m̄ m̄ᵀ + B S Bᵀ + Σ_mm − B Σ_om),
 * and the M-step sets μ = T1/N, Σ = T2/N − μμᵀ.
 * As lavaan (lav_mvnorm_missing_h1_estimate_moments): start from the available-case means and
 * variances with zero covariances; after each step, when an eigenvalue of Σ falls below 1e-6,
 * max(diag Σ)·1e-8 is added to the diagonal; stop when no element of (μ, vech Σ) moves by 1e-5
 * or more, at most 500 steps. The same start and stopping rule give lavaan's h1 log-likelihood.
 */
import { cholesky } from "../linalg/dense.js";
import { fullInverse, missingBlock } from "./inverse.js";
import { casewiseTerms, logLikelihood } from "./loglik.js";
import type { MissingPattern } from "./patterns.js";

export interface H1Moments {
  readonly mean: Float64Array;
  readonly sigma: Float64Array;
  /** log-likelihood of the data at (mean, sigma), with the 2π constant */
  readonly logl: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export interface EmOptions {
  maxIterations?: number;
  tolerance?: number;
}

/**
 * Available-case means and N-divisor variances, zero covariances: lavaan's EM start, and the FIML
 * estimates of the independence (baseline) model, whose likelihood factorises over the variables.
 */
export function availableCaseMoments(
  patterns: readonly MissingPattern[],
  p: number,
): { mean: Float64Array; sigma: Float64Array } {
  const cnt = new Float64Array(p);
  const sum = new Float64Array(p);
  for (const pat of patterns)
    pat.obs.forEach((j, a) => {
      cnt[j] += pat.n;
      sum[j] += pat.n * pat.mean[a]!;
    });
  const mean = Float64Array.from(sum, (s, j) => s / cnt[j]!);
  const ss = new Float64Array(p);
  for (const pat of patterns) {
    const k = pat.obs.length;
    pat.obs.forEach((j, a) => {
      const d = pat.mean[a]! - mean[j]!;
      ss[j] += pat.n * (pat.S[a * k + a]! + d * d);
    });
  }
  const sigma = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    const v = ss[j]! / cnt[j]!;
    sigma[j * p + j] = Number.isFinite(v) && v !== 0 ? v : 1;
  }
  return { mean, sigma };
}

/**
 * The observed part of the sufficient statistics, the same at every step: Σ_k n_k ȳ_k and Σ_k n_k (S_k + ȳ_k
 * ȳ_kᵀ) on the observed blocks.
 */
function observedStatistics(patterns: readonly MissingPattern[], p: number): { T1: Float64Array; T2: Float64Array } {
  const T1 = new Float64Array(p);
  const T2 = new Float64Array(p * p);
  for (const { obs, n, S, mean } of patterns) {
    const k = obs.length;
    for (let a = 0; a < k; a++) {
      const ja = obs[a]!;
      T1[ja] += n * mean[a]!;
      for (let b = 0; b < k; b++) T2[ja * p + obs[b]!] += n * (S[a * k + b]! + mean[a]! * mean[b]!);
    }
  }
  return { T1, T2 };
}

/**
 * One E-step: the expected sufficient statistics T1 (p) and T2 (p×p) given (μ, Σ), added to the
 * observed part `base`; null if Σ is singular. The regression of the missing on the observed
 * block comes from P = Σ⁻¹ (missing/loglik.ts missingBlock): B = −P_mm⁻¹ P_mo and
 * Σ_mm − B Σ_om = P_mm⁻¹, so a pattern costs O(r k²) for r missing variables, or O(r k m) when it
 * keeps its rows' deviations F (m×k, n S = FᵀF: one or a few rows; missing/patterns.ts).
 */
export function eStep(
  patterns: readonly MissingPattern[],
  mean: Float64Array,
  sigma: Float64Array,
  p: number,
  base = observedStatistics(patterns, p),
): { T1: Float64Array; T2: Float64Array } | null {
  const fi = fullInverse(sigma, p);
  if (fi === null) return null;
  const P = fi.P;
  const T1 = Float64Array.from(base.T1);
  const T2 = Float64Array.from(base.T2);
  const ws = { L: new Float64Array(p * p), E: new Float64Array(p * p), Z: new Float64Array(p * p) };
  const wk = { B: new Float64Array(p * p), BS: new Float64Array(p * p), mbar: new Float64Array(p) };
  for (const pat of patterns) {
    if (pat.mis.length === 0) continue;
    if (Number.isNaN(missingBlock(P, p, pat.mis, ws))) return null;
    regressMissing(pat, ws.Z, mean, p, wk);
    addExpectedMissing(pat, ws.E, p, wk, T1, T2);
  }
  return { T1, T2 };
}

/** The work arrays of an E-step: B (r×k), n B S (r×k) and the conditional means of the missing block. */
interface EWork {
  B: Float64Array;
  BS: Float64Array;
  mbar: Float64Array;
}

/**
 * The regression of the pattern's missing block on its observed one, B = −Z_·o with Z = P_mm⁻¹ P_m·,
 * the conditional means mbar = μ_m + B (ȳ − μ_o), and BS = n B S, as (B Fᵀ) F where the pattern
 * keeps the factor F.
 */
function regressMissing(pat: MissingPattern, Z: Float64Array, mean: Float64Array, p: number, wk: EWork): void {
  const { obs, mis, n, S } = pat;
  const k = obs.length;
  const r = mis.length;
  const ybar = pat.mean;
  const { B, BS, mbar } = wk;
  for (let i = 0; i < r; i++) for (let a = 0; a < k; a++) B[i * k + a] = -Z[i * p + obs[a]!]!;
  for (let i = 0; i < r; i++) {
    let s = mean[mis[i]!]!;
    for (let a = 0; a < k; a++) s += B[i * k + a]! * (ybar[a]! - mean[obs[a]!]!);
    mbar[i] = s;
  }
  if (pat.dev !== null) {
    const { m, F } = pat.dev;
    for (let i = 0; i < r; i++) for (let b = 0; b < k; b++) BS[i * k + b] = 0;
    for (let i = 0; i < r; i++)
      for (let t = 0; t < m; t++) {
        let s = 0;
        for (let a = 0; a < k; a++) s += B[i * k + a]! * F[t * k + a]!;
        for (let b = 0; b < k; b++) BS[i * k + b] += s * F[t * k + b]!;
      }
  } else {
    for (let i = 0; i < r; i++)
      for (let b = 0; b < k; b++) {
        let s = 0;
        for (let a = 0; a < k; a++) s += B[i * k + a]! * S[a * k + b]!;
        BS[i * k + b] = n * s;
      }
  }
}

/** Adds the pattern's expected missing parts of T1 and T2; Cmm = P_mm⁻¹ = Σ_mm − B Σ_om (r×r). */
function addExpectedMissing(
  pat: MissingPattern,
  Cmm: Float64Array,
  p: number,
  wk: EWork,
  T1: Float64Array,
  T2: Float64Array,
): void {
  const { obs, mis, n } = pat;
  const k = obs.length;
  const r = mis.length;
  const ybar = pat.mean;
  const { B, BS, mbar } = wk;
  for (let i = 0; i < r; i++) {
    const mi = mis[i]!;
    T1[mi] += n * mbar[i]!;
    for (let b = 0; b < k; b++) {
      const v = n * mbar[i]! * ybar[b]! + BS[i * k + b]!;
      T2[mi * p + obs[b]!] += v;
      T2[obs[b]! * p + mi] += v;
    }
    for (let j = 0; j <= i; j++) {
      const mj = mis[j]!;
      let bsb = 0;
      for (let a = 0; a < k; a++) bsb += BS[i * k + a]! * B[j * k + a]!;
      const v = n * (mbar[i]! * mbar[j]! + Cmm[i * r + j]!) + bsb;
      T2[mi * p + mj] += v;
      if (i !== j) T2[mj * p + mi] += v;
    }
  }
}

/** True when the smallest eigenvalue of the symmetric A is below `tol` (A − tol·I not positive definite). */
function smallestEigenBelow(A: Float64Array, p: number, tol: number): boolean {
  const B = Float64Array.from(A);
  for (let i = 0; i < p; i++) B[i * p + i] -= tol;
  return cholesky({ n: p, a: B }) === null;
}

/** EM estimates of the saturated means and covariance matrix of one group. */
export function emMoments(patterns: readonly MissingPattern[], p: number, opts: EmOptions = {}): H1Moments {
  const maxIt = opts.maxIterations ?? 500;
  const tol = opts.tolerance ?? 1e-5;
  const N = patterns.reduce((a, pt) => a + pt.n, 0);
  let { mean, sigma } = availableCaseMoments(patterns, p);
  let it = 0;
  let converged = false;
  const base = observedStatistics(patterns, p);
  while (it < maxIt) {
    it++;
    const st = eStep(patterns, mean, sigma, p, base);
    if (st === null) break;
    const mu = Float64Array.from(st.T1, (t) => t / N);
    const sg = new Float64Array(p * p);
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) sg[i * p + j] = st.T2[i * p + j]! / N - mu[i]! * mu[j]!;
    for (let i = 0; i < p; i++)
      for (let j = 0; j < i; j++) {
        const v = 0.5 * (sg[i * p + j]! + sg[j * p + i]!);
        sg[i * p + j] = v;
        sg[j * p + i] = v;
      }
    if (smallestEigenBelow(sg, p, 1e-6)) {
      let maxDiag = 0;
      for (let i = 0; i < p; i++) maxDiag = Math.max(maxDiag, sg[i * p + i]!);
      for (let i = 0; i < p; i++) sg[i * p + i] += maxDiag * 1e-8;
    }
    let delta = 0;
    for (let i = 0; i < p; i++) delta = Math.max(delta, Math.abs(mu[i]! - mean[i]!));
    for (let i = 0; i < p; i++)
      for (let j = 0; j <= i; j++) delta = Math.max(delta, Math.abs(sg[i * p + j]! - sigma[i * p + j]!));
    mean = mu;
    sigma = sg;
    if (delta < tol) {
      converged = true;
      break;
    }
  }
  const t = casewiseTerms(patterns, sigma, mean, p);
  return { mean, sigma, logl: t === null ? NaN : logLikelihood(t), iterations: it, converged };
}
