/**
 * The casewise (full-information) normal log-likelihood of one group, summed per missing-data
 * pattern from the pattern's sufficient statistics (Arbuckle 1996; Finkbeiner 1979; lavaan's
 * lav_mvnorm_missing_loglik_samplestats). For pattern k with n_k rows observing the set o,
 * mean ȳ_k and N-divisor covariance S_k of its rows, d_k = ȳ_k − μ_o and E_k = Σ_oo⁻¹:
 *   −2 logL = Σ_k n_k [ p_k log 2π + log|Σ_oo| + tr(E_k (S_k + d_k d_kᵀ)) ].
 * Its derivative in the direction (dΣ, dμ) has the same form as complete-data ML
 * (estimate/ml.ts), with the weights summed over patterns (embedded in p×p, zero elsewhere):
 *   d(−2 logL) = tr(W dΣ) − 2 d̃ᵀ dμ,   W = Σ_k n_k [E_k − E_k (S_k + d_k d_kᵀ) E_k],   d̃ = Σ_k n_k E_k d_k.
 * One factorisation per pattern (or a downdate of Σ⁻¹, see casewiseTerms), never one per row.
 */
import { matmul } from "../linalg/dense.js";
import { fullInverse, missingBlock, patternInverse } from "./inverse.js";
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
  /** Σ⁻¹ of the full matrix */
  readonly P: Float64Array;
}

export interface CasewiseOptions {
  gradient?: boolean;
  metrics?: boolean;
  /** invert every Σ_oo directly (no downdate of Σ⁻¹); the reference the downdate is tested against */
  direct?: boolean;
}

/** target[o, o] += w · B (B is k×k). */
export function addEmbedded(target: Float64Array, p: number, obs: Int32Array, B: Float64Array, w: number): void {
  const k = obs.length;
  for (let a = 0; a < k; a++) {
    const ra = obs[a]! * p;
    for (let b = 0; b < k; b++) target[ra + obs[b]!] += w * B[a * k + b]!;
  }
}

/**
 * Scratch space of one call: the pattern kernels below work in place on flat k×k blocks
 * (k ≤ p), so that a call allocates nothing per pattern.
 */
interface Scratch {
  readonly L: Float64Array; // Cholesky factor, then L⁻¹ (lower)
  readonly E: Float64Array; // Σ_oo⁻¹
  readonly T: Float64Array; // E·S
  readonly U: Float64Array; // E·S·E
  readonly d: Float64Array;
  readonly e: Float64Array;
}

function scratch(p: number): Scratch {
  return { L: new Float64Array(p * p), E: new Float64Array(p * p), T: new Float64Array(p * p), U: new Float64Array(p * p), d: new Float64Array(p), e: new Float64Array(p) };
}

/** Cost model of the two ways to handle a pattern (multiply-adds): explicit inverse vs downdate of Σ⁻¹. */
function useDowndate(k: number, r: number, p: number): boolean {
  return r * (3 * p * p + k * k) < 2.7 * k * k * k;
}

/** Work space and accumulators of one casewiseTerms() call. */
interface Work {
  readonly p: number;
  readonly P: Float64Array;
  readonly logDetSigma: number;
  readonly ws: Scratch & { Z: Float64Array };
  readonly C: Float64Array;
  readonly ZC: Float64Array;
  readonly M: Float64Array;
  /** gradient accumulators (null without the gradient) */
  readonly W: Float64Array | null;
  readonly dt: Float64Array | null;
  readonly Y1: Float64Array | null;
  readonly Y2: Float64Array | null;
  readonly Cs: Float64Array | null;
  nLow: number;
}

function makeWork(p: number, P: Float64Array, logDetSigma: number, grad: boolean): Work {
  const z = (): Float64Array | null => (grad ? new Float64Array(p * p) : null);
  return {
    p, P, logDetSigma, ws: { ...scratch(p), Z: new Float64Array(p * p) },
    C: new Float64Array(p * p), ZC: new Float64Array(p * p), M: new Float64Array(p * p),
    W: z(), dt: grad ? new Float64Array(p) : null, Y1: z(), Y2: z(), Cs: z(), nLow: 0,
  };
}

/** −2 logL_k/n_k (without 2π) of a pattern by the inverse of its Σ_oo; adds to W and d̃. NaN if not PD. */
function directPattern(w: Work, pat: MissingPattern, sigma: Float64Array, d: Float64Array, metrics: PatternMetric[] | null): number {
  const { p, ws } = w;
  const { obs, n, S } = pat;
  const k = obs.length;
  const { E, T, U, e } = ws;
  const logDet = patternInverse(sigma, p, obs, ws);
  if (Number.isNaN(logDet)) return NaN;
  let tr = 0; // tr(E (S + d dᵀ)), and e = E d
  for (let a = 0; a < k; a++) {
    let s = 0;
    for (let b = 0; b < k; b++) {
      const x = E[a * k + b]!;
      tr += x * S[a * k + b]!;
      s += x * d[b]!;
    }
    e[a] = s;
    tr += d[a]! * s;
  }
  if (w.W !== null && w.dt !== null) {
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) { // T = E S
      let s = 0;
      for (let t = 0; t < k; t++) s += E[a * k + t]! * S[t * k + b]!;
      T[a * k + b] = s;
    }
    for (let a = 0; a < k; a++) for (let b = 0; b <= a; b++) { // W_k = E − E S E − e eᵀ
      let s = 0;
      for (let t = 0; t < k; t++) s += T[a * k + t]! * E[t * k + b]!;
      const v = E[a * k + b]! - s - e[a]! * e[b]!;
      U[a * k + b] = v;
      U[b * k + a] = v;
    }
    addEmbedded(w.W, p, obs, U, n);
    for (let a = 0; a < k; a++) w.dt[obs[a]!] += n * e[a]!;
  }
  if (metrics !== null) {
    const Ep = new Float64Array(p * p);
    addEmbedded(Ep, p, obs, E, 1);
    metrics.push({ n, E: Ep });
  }
  return logDet + tr;
}

/** The same by the downdate of P = Σ⁻¹ (see casewiseTerms); adds to the downdate accumulators. */
function downdatePattern(w: Work, pat: MissingPattern, d: Float64Array, metrics: PatternMetric[] | null): number {
  const { p, P, ws, C, ZC } = w;
  const { obs, mis, n, S } = pat;
  const k = obs.length;
  const r = mis.length;
  let logDet = w.logDetSigma;
  if (r > 0) {
    const lp = missingBlock(P, p, mis, ws);
    if (Number.isNaN(lp)) return NaN;
    logDet += lp;
  }
  const Z = ws.Z;
  // gather P_oo once (k×k, contiguous) and C = S + d dᵀ
  const Poo = ws.T;
  for (let a = 0; a < k; a++) {
    const ra = obs[a]! * p;
    for (let b = 0; b < k; b++) {
      Poo[a * k + b] = P[ra + obs[b]!]!;
      C[a * k + b] = S[a * k + b]! + d[a]! * d[b]!;
    }
  }
  let tr = 0;
  for (let c = 0; c < k * k; c++) tr += Poo[c]! * C[c]!;
  // Zo = Z_·o (r×k, contiguous), ZC = Zo C (r×k); tr(R_oo C) = Σ P_mo ∘ ZC
  const Zo = ws.U;
  for (let s = 0; s < r; s++) for (let a = 0; a < k; a++) Zo[s * k + a] = Z[s * p + obs[a]!]!;
  for (let s = 0; s < r; s++) {
    for (let a = 0; a < k; a++) ZC[s * k + a] = 0;
    for (let b = 0; b < k; b++) {
      const z = Zo[s * k + b]!;
      const cb = b * k;
      for (let a = 0; a < k; a++) ZC[s * k + a] += z * C[cb + a]!;
    }
    const rm = mis[s]! * p;
    for (let a = 0; a < k; a++) tr -= P[rm + obs[a]!]! * ZC[s * k + a]!;
  }
  if (w.dt !== null || metrics !== null) downdateScore(w, pat, d, Poo, Zo);
  if (w.W !== null) downdateAccumulate(w, pat);
  if (metrics !== null) {
    const Ep = new Float64Array(p * p);
    for (const i of obs) for (const j of obs) {
      let v = P[i * p + j]!;
      for (let s = 0; s < r; s++) v -= P[i * p + mis[s]!]! * Z[s * p + j]!;
      Ep[i * p + j] = v;
    }
    metrics.push({ n, E: Ep });
  }
  return logDet + tr;
}

/** e = E_k d (observed positions) = P_oo d − P_om (Z_·o d); adds n e to d̃. */
function downdateScore(w: Work, pat: MissingPattern, d: Float64Array, Poo: Float64Array, Zo: Float64Array): void {
  const { p, P } = w;
  const { obs, mis, n } = pat;
  const k = obs.length;
  const r = mis.length;
  const e = w.ws.e;
  const zd = w.ws.d.subarray(k); // spare room after d (k ≤ p, r = p − k)
  for (let s = 0; s < r; s++) {
    let v = 0;
    for (let a = 0; a < k; a++) v += Zo[s * k + a]! * d[a]!;
    zd[s] = v;
  }
  for (let a = 0; a < k; a++) {
    let v = 0;
    for (let b = 0; b < k; b++) v += Poo[a * k + b]! * d[b]!;
    const ra = obs[a]! * p;
    for (let s = 0; s < r; s++) v -= P[ra + mis[s]!]! * zd[s]!;
    e[a] = v;
    if (w.dt !== null) w.dt[obs[a]!] += n * v;
  }
}

/** Adds the pattern to Cs, Y1 = Σ n (Z + M Z) rows and Y2 = Σ n Z C̃ rows (see casewiseTerms). */
function downdateAccumulate(w: Work, pat: MissingPattern): void {
  const { p, P, C, ZC, M } = w;
  const { obs, mis, n } = pat;
  const Z = w.ws.Z;
  const Y1 = w.Y1!, Y2 = w.Y2!, Cs = w.Cs!;
  const k = obs.length;
  const r = mis.length;
  w.nLow += n;
  for (let a = 0; a < k; a++) {
    const ra = obs[a]! * p;
    for (let b = 0; b < k; b++) Cs[ra + obs[b]!] += n * C[a * k + b]!;
  }
  if (r === 0) return;
  for (let s = 0; s < r; s++) for (let t = 0; t < r; t++) { // M = Z C̃ P_·m (r×r): R C̃ R = P_·m M Z
    let v = 0;
    const rt = mis[t]! * p;
    for (let a = 0; a < k; a++) v += ZC[s * k + a]! * P[rt + obs[a]!]!;
    M[s * r + t] = v;
  }
  for (let s = 0; s < r; s++) {
    const ro = mis[s]! * p;
    for (let c = 0; c < p; c++) {
      let v = Z[s * p + c]!;
      for (let t = 0; t < r; t++) v += M[s * r + t]! * Z[t * p + c]!;
      Y1[ro + c] += n * v;
    }
    for (let a = 0; a < k; a++) Y2[ro + obs[a]!] += n * ZC[s * k + a]!;
  }
}

/**
 * The terms of the casewise likelihood at (Σ, μ); null when some Σ_oo is not positive definite.
 * Patterns missing few variables (most of them) are handled from P = Σ⁻¹ by the downdate of
 * missingBlock(): with R_k = P_·m P_mm⁻¹ P_m· (rank r) and C̃_k = S_k + d_k d_kᵀ embedded,
 *   E_k = P − R_k,   Σ_k n_k E_k C̃_k E_k = P (Σ n_k C̃_k) P − A P − (A P)ᵀ + Σ_k n_k R_k C̃_k R_k,
 *   A = Σ_k n_k R_k C̃_k,
 * and, with P_·m X = P (E_m X) for the column selector E_m, every term is P times rows added per
 * pattern, so that a pattern costs O(r k² + r p) instead of O(k³) and the products with P are
 * done once. Patterns missing many variables are inverted directly (Cholesky of Σ_oo).
 */
export function casewiseTerms(patterns: readonly MissingPattern[], sigma: Float64Array, mu: Float64Array, p: number, opts: CasewiseOptions = {}): CasewiseTerms | null {
  const fi = fullInverse(sigma, p);
  if (fi === null) return null;
  const w = makeWork(p, fi.P, fi.logDet, opts.gradient === true);
  const metrics: PatternMetric[] | null = opts.metrics ? [] : null;
  const d = new Float64Array(p);
  let m2ll = 0;
  let nObsCells = 0;
  for (const pat of patterns) {
    const k = pat.obs.length;
    nObsCells += pat.n * k;
    for (let a = 0; a < k; a++) d[a] = pat.mean[a]! - mu[pat.obs[a]!]!;
    const direct = opts.direct === true || !useDowndate(k, pat.mis.length, p);
    const v = direct ? directPattern(w, pat, sigma, d, metrics) : downdatePattern(w, pat, d, metrics);
    if (Number.isNaN(v)) return null;
    m2ll += pat.n * v;
  }
  const { W, Y1, Y2, Cs, P } = w;
  if (W !== null && Y1 !== null && Y2 !== null && Cs !== null && w.nLow > 0) {
    // W += nLow·P − P·Y1 − [P Cs P − A P − (A P)ᵀ],  A = P·Y2
    const PY1 = matmul(P, Y1, p, p, p);
    const PCsP = matmul(P, matmul(Cs, P, p, p, p), p, p, p);
    const AP = matmul(P, matmul(Y2, P, p, p, p), p, p, p);
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) {
      const c = i * p + j;
      W[c] += w.nLow * P[c]! - PY1[c]! - (PCsP[c]! - AP[c]! - AP[j * p + i]!);
    }
    for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) {
      const v = 0.5 * (W[i * p + j]! + W[j * p + i]!);
      W[i * p + j] = v;
      W[j * p + i] = v;
    }
  }
  return { m2ll, nObsCells, W, dt: w.dt, metrics, P };
}

/** The full log-likelihood (with the 2π constant) from the terms. */
export function logLikelihood(t: CasewiseTerms): number {
  return -0.5 * (t.m2ll + t.nObsCells * Math.log(2 * Math.PI));
}
