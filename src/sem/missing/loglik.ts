/**
 * The casewise (full-information) normal log-likelihood of one group, summed per missing-data
 * pattern from the pattern's sufficient statistics (Arbuckle 1996; Finkbeiner 1979; lavaan's
 * lav_mvnorm_missing_loglik_samplestats). For pattern k with n_k rows observing the set o,
 * mean ȳ_k and N-divisor covariance S_k of its rows, d_k = ȳ_k − μ_o and E_k = Σ_oo⁻¹:
 *   −2 logL = Σ_k n_k [ p_k log 2π + log|Σ_oo| + tr(E_k (S_k + d_k d_kᵀ)) ].
 * Its derivative in the direction (dΣ, dμ) has the same form as complete-data ML
 * (estimate/ml.ts), with the weights summed over patterns (embedded in p×p, zero elsewhere):
 *   d(−2 logL) = tr(W dΣ) − 2 d̃ᵀ dμ,   W = Σ_k n_k [E_k − E_k (S_k + d_k d_kᵀ) E_k],   d̃ = Σ_k n_k
 *   E_k d_k.
 * One factorisation per pattern (or a downdate of Σ⁻¹, see casewiseTerms), never one per row.
 */
import { dot, matmul } from "../linalg/dense.js";
import { fullInverse, missingBlock, patternInverse } from "./inverse.js";
import type { MissingPattern } from "./patterns.js";
import { log } from "../numeric/index.js";

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
  readonly e: Float64Array;
}

function scratch(p: number): Scratch {
  return {
    L: new Float64Array(p * p),
    E: new Float64Array(p * p),
    T: new Float64Array(p * p),
    U: new Float64Array(p * p),
    e: new Float64Array(p),
  };
}

/**
 * Cost model of the two ways to handle a pattern of n rows (multiply-adds): the explicit inverse
 * of Σ_oo with the products of the gradient (~2.7 k³) against the downdate of Σ⁻¹ (Z_k in r²p,
 * G_k in r k min(k, 2n), the rows of Y1, Y2, Y3 in r(p + r k)).
 */
function useDowndate(k: number, r: number, n: number, p: number): boolean {
  return r * (r * p + k * Math.min(k, 2 * n) + p + r * k) < 2.7 * k * k * k;
}

/**
 * Data-only sums over the patterns handled by the downdate (see casewiseTerms), computed once per
 * pattern list: with a centre c (the rows' mean of each variable, so that no large values
 * cancel) and, over the downdate patterns k observing both i and j,
 *   T_ij = Σ_k n_k [S_k + (ȳ_k − c)(ȳ_k − c)ᵀ]_ij,   B_ij = Σ_k n_k (ȳ_k,i − c_i),   N_ij = Σ_k n_k,
 * the cross products C_s = Σ_k n_k (S_k + d_k d_kᵀ) (embedded) at any μ are, with δ = μ − c,
 *   C_s,ij = T_ij − B_ij δ_j − B_ji δ_i + N_ij δ_i δ_j,
 * O(p²) per evaluation instead of a pass over the patterns' k×k blocks.
 */
interface DowndateSums {
  /** per pattern: handled by the downdate of Σ⁻¹ */
  readonly low: Uint8Array;
  readonly c: Float64Array;
  readonly T: Float64Array;
  readonly B: Float64Array;
  readonly N: Float64Array;
  /** Σ_k n_k over the downdate patterns */
  readonly n: number;
}

const sumsCache = new WeakMap<readonly MissingPattern[], DowndateSums>();

function downdateSums(patterns: readonly MissingPattern[], p: number): DowndateSums {
  const hit = sumsCache.get(patterns);
  if (hit !== undefined) return hit;
  const c = new Float64Array(p);
  const cnt = new Float64Array(p);
  for (const pat of patterns)
    pat.obs.forEach((j, a) => {
      c[j] += pat.n * pat.mean[a]!;
      cnt[j] += pat.n;
    });
  for (let j = 0; j < p; j++) c[j] = cnt[j]! > 0 ? c[j]! / cnt[j]! : 0;
  const low = new Uint8Array(patterns.length);
  const T = new Float64Array(p * p),
    B = new Float64Array(p * p),
    N = new Float64Array(p * p);
  let n = 0;
  patterns.forEach((pat, idx) => {
    const { obs, n: nk, mean, S } = pat;
    const k = obs.length;
    if (!useDowndate(k, pat.mis.length, nk, p)) return;
    low[idx] = 1;
    n += nk;
    for (let a = 0; a < k; a++) {
      const ra = obs[a]! * p;
      const ya = mean[a]! - c[obs[a]!]!;
      for (let b = 0; b < k; b++) {
        const yb = mean[b]! - c[obs[b]!]!;
        T[ra + obs[b]!] += nk * (S[a * k + b]! + ya * yb);
        B[ra + obs[b]!] += nk * ya;
        N[ra + obs[b]!] += nk;
      }
    }
  });
  const sums = { low, c, T, B, N, n };
  sumsCache.set(patterns, sums);
  return sums;
}

/** Work space and accumulators of one casewiseTerms() call. */
interface Work {
  readonly p: number;
  readonly P: Float64Array;
  readonly logDetSigma: number;
  readonly ws: Scratch & { Z: Float64Array };
  /** Z_·o (r×k) and G = Z_·o n_k C̃_k (r×k) of the current pattern, and Z_·o Fᵀ (r×m) */
  readonly Zo: Float64Array;
  readonly G: Float64Array;
  readonly ZF: Float64Array;
  /** gradient accumulators (null without the gradient) */
  readonly W: Float64Array | null;
  readonly dt: Float64Array | null;
  /**
   * downdate accumulators: Y1 = Σ n_k E_m Z_k, Y2 = Σ E_m G_k, Y3 = Σ E_m G_k Z_·oᵀ E_mᵀ (p×p), v = −Σ
   * n_k E_m Z_k d_k
   */
  readonly Y1: Float64Array | null;
  readonly Y2: Float64Array | null;
  readonly Y3: Float64Array | null;
  readonly v: Float64Array | null;
  /** Σ_k tr(P_·m G_k) over the downdate patterns */
  trLow: number;
}

function makeWork(p: number, P: Float64Array, logDetSigma: number, grad: boolean): Work {
  const z = (): Float64Array | null => (grad ? new Float64Array(p * p) : null);
  return {
    p,
    P,
    logDetSigma,
    ws: { ...scratch(p), Z: new Float64Array(p * p) },
    Zo: new Float64Array(p * p),
    G: new Float64Array(p * p),
    ZF: new Float64Array(p * p),
    W: z(),
    dt: grad ? new Float64Array(p) : null,
    Y1: z(),
    Y2: z(),
    Y3: z(),
    v: grad ? new Float64Array(p) : null,
    trLow: 0,
  };
}

/** −2 logL_k/n_k (without 2π) of a pattern by the inverse of its Σ_oo; adds to W and d̃. NaN if not PD. */
function directPattern(
  w: Work,
  pat: MissingPattern,
  sigma: Float64Array,
  d: Float64Array,
  metrics: PatternMetric[] | null,
): number {
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
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++) {
        // T = E S
        let s = 0;
        for (let t = 0; t < k; t++) s += E[a * k + t]! * S[t * k + b]!;
        T[a * k + b] = s;
      }
    for (let a = 0; a < k; a++)
      for (let b = 0; b <= a; b++) {
        // W_k = E − E S E − e eᵀ
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

/**
 * A pattern handled by the downdate of P = Σ⁻¹ (see casewiseTerms): log|Σ_oo| (returned; NaN if
 * P_mm is not PD), and its terms in the missing rows: G = Z_·o n_k C̃_k, tr(P_·m G), and with the
 * gradient the rows of Y1, Y2, Y3 and v. n_k S_k enters as FᵀF when the pattern keeps the
 * factor F (one or a few rows), so that the pattern costs O(r k m) instead of O(r k²).
 */
function downdatePattern(w: Work, pat: MissingPattern, d: Float64Array, metrics: PatternMetric[] | null): number {
  const { p, P, ws, G } = w;
  const { obs, mis, n } = pat;
  const k = obs.length;
  const r = mis.length;
  if (r === 0) {
    if (metrics !== null) metrics.push({ n, E: P.slice() });
    return w.logDetSigma;
  }
  const lp = missingBlock(P, p, mis, ws);
  if (Number.isNaN(lp)) return NaN;
  missingRowProducts(w, pat, d);
  // tr(P_·m G) = Σ_s Σ_a P[o_a, m_s] G[s, a]
  let tr = 0;
  for (let s = 0; s < r; s++) {
    const rm = mis[s]! * p; // P is symmetric: P[o_a, m_s] = P[m_s, o_a]
    for (let a = 0; a < k; a++) tr += P[rm + obs[a]!]! * G[s * k + a]!;
  }
  w.trLow += tr;
  addGradientRows(w, pat);
  if (metrics !== null) metrics.push({ n, E: downdatedInverse(P, ws.Z, obs, mis, p) });
  return w.logDetSigma + lp;
}

/**
 * The pattern's products with Z = P_mm⁻¹ P_m· (in w.ws.Z): Zo = Z_·o (r×k, contiguous), zd = Z_·o d
 * (in w.ws.e) and G = Zo (n S) + n zd dᵀ, with n S = FᵀF where the pattern keeps the factor F.
 */
function missingRowProducts(w: Work, pat: MissingPattern, d: Float64Array): void {
  const { p, ws, Zo, G, ZF } = w;
  const { obs, mis, n, S, dev } = pat;
  const k = obs.length;
  const r = mis.length;
  const Z = ws.Z;
  const zd = ws.e;
  for (let s = 0; s < r; s++) {
    let v = 0;
    for (let a = 0; a < k; a++) {
      const z = Z[s * p + obs[a]!]!;
      Zo[s * k + a] = z;
      v += z * d[a]!;
    }
    zd[s] = v;
  }
  if (dev !== null) {
    const { m, F } = dev;
    for (let s = 0; s < r; s++)
      for (let i = 0; i < m; i++) {
        let v = 0;
        for (let a = 0; a < k; a++) v += Zo[s * k + a]! * F[i * k + a]!;
        ZF[s * m + i] = v;
      }
    for (let s = 0; s < r; s++)
      for (let a = 0; a < k; a++) {
        let v = n * zd[s]! * d[a]!;
        for (let i = 0; i < m; i++) v += ZF[s * m + i]! * F[i * k + a]!;
        G[s * k + a] = v;
      }
  } else {
    for (let s = 0; s < r; s++) {
      const gs = s * k;
      const nz = n * zd[s]!;
      for (let a = 0; a < k; a++) G[gs + a] = nz * d[a]!;
      for (let b = 0; b < k; b++) {
        const z = n * Zo[gs + b]!;
        const sb = b * k;
        for (let a = 0; a < k; a++) G[gs + a] += z * S[sb + a]!;
      }
    }
  }
}

/** With the gradient: the pattern's rows of Y1, Y2, Y3 and v (see casewiseTerms). */
function addGradientRows(w: Work, pat: MissingPattern): void {
  if (w.Y1 === null || w.Y2 === null || w.Y3 === null || w.v === null) return;
  const { p, ws, Zo, G, Y1, Y2, Y3, v } = w;
  const { obs, mis, n } = pat;
  const k = obs.length;
  const r = mis.length;
  const Z = ws.Z;
  const zd = ws.e;
  for (let s = 0; s < r; s++) {
    const ro = mis[s]! * p;
    for (let c = 0; c < p; c++) Y1[ro + c] += n * Z[s * p + c]!;
    for (let a = 0; a < k; a++) Y2[ro + obs[a]!] += G[s * k + a]!;
    for (let t = 0; t < r; t++) {
      let x = 0;
      for (let a = 0; a < k; a++) x += G[s * k + a]! * Zo[t * k + a]!;
      Y3[ro + mis[t]!] += x;
    }
    v[mis[s]!] -= n * zd[s]!;
  }
}

/** The embedded inverse E_k = P − P_·m Z (p×p, zero outside the observed block). */
function downdatedInverse(P: Float64Array, Z: Float64Array, obs: Int32Array, mis: Int32Array, p: number): Float64Array {
  const r = mis.length;
  const Ep = new Float64Array(p * p);
  for (const i of obs)
    for (const j of obs) {
      let x = P[i * p + j]!;
      for (let s = 0; s < r; s++) x -= P[i * p + mis[s]!]! * Z[s * p + j]!;
      Ep[i * p + j] = x;
    }
  return Ep;
}

/**
 * The terms of the casewise likelihood at (Σ, μ); null when some Σ_oo is not positive definite.
 * Patterns missing few variables (most of them) are handled from P = Σ⁻¹: with the missing set m
 * (r variables), Z_k = P_mm⁻¹ P_m· (r×p) and the column selector E_m, the Schur complement gives
 * the embedded inverse E_k = P − P E_m Z_k = P Q_k, Q_k = I − E_m Z_k, and log|Σ_oo| = log|Σ| +
 * log|P_mm| (missing/inverse.ts missingBlock). With C̃_k = S_k + d_k d_kᵀ embedded, C_s = Σ n_k C̃_k
 * (DowndateSums, O(p²)) and G_k = Z_k n_k C̃_k (r×p, nonzero in the observed columns):
 *   Σ_k n_k tr(E_k C̃_k) = tr(P C_s) − Σ_k tr(P E_m G_k),
 *   Σ_k n_k E_k = n P − P Y1,   Σ_k n_k E_k C̃_k E_k = P (C_s − Y2 − Y2ᵀ + Y3) P,
 *   Σ_k n_k E_k d_k = P (Σ_k n_k d_k − Σ_k n_k E_m Z_k d_k),
 * with Y1 = Σ n_k E_m Z_k, Y2 = Σ E_m G_k and Y3 = Σ E_m G_k Z_kᵀ E_mᵀ added row by row, so that a
 * pattern costs O(r²p + r k min(k, n_k)) and the products with P are done once. A complete
 * pattern costs nothing beyond its share of C_s. Patterns missing many variables are inverted
 * directly (Cholesky of Σ_oo).
 */
export function casewiseTerms(
  patterns: readonly MissingPattern[],
  sigma: Float64Array,
  mu: Float64Array,
  p: number,
  opts: CasewiseOptions = {},
): CasewiseTerms | null {
  const fi = fullInverse(sigma, p);
  if (fi === null) return null;
  const P = fi.P;
  const w = makeWork(p, P, fi.logDet, opts.gradient === true);
  const metrics: PatternMetric[] | null = opts.metrics ? [] : null;
  const sums = opts.direct === true ? null : downdateSums(patterns, p);
  const d = new Float64Array(p);
  let m2ll = 0;
  let nObsCells = 0;
  for (const [idx, pat] of patterns.entries()) {
    const k = pat.obs.length;
    nObsCells += pat.n * k;
    for (let a = 0; a < k; a++) d[a] = pat.mean[a]! - mu[pat.obs[a]!]!;
    if (sums !== null && sums.low[idx] === 1) {
      const logDet = downdatePattern(w, pat, d, metrics);
      if (Number.isNaN(logDet)) return null;
      m2ll += pat.n * logDet;
    } else {
      const v = directPattern(w, pat, sigma, d, metrics);
      if (Number.isNaN(v)) return null;
      m2ll += pat.n * v;
    }
  }
  if (sums !== null && sums.n > 0) m2ll += addDowndateSums(w, sums, mu);
  return { m2ll, nObsCells, W: w.W, dt: w.dt, metrics, P };
}

/**
 * The downdated patterns' terms from their sums: tr(P C_s) − Σ_k tr(P E_m G_k) (returned), and
 * with the gradient their share of W and dt (see casewiseTerms).
 */
function addDowndateSums(w: Work, sums: DowndateSums, mu: Float64Array): number {
  const { p, P } = w;
  const { T, B, N, c } = sums;
  const delta = Float64Array.from(mu, (x, i) => x - c[i]!);
  const Cs = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      const ij = i * p + j;
      Cs[ij] = T[ij]! - B[ij]! * delta[j]! - B[j * p + i]! * delta[i]! + N[ij]! * delta[i]! * delta[j]!;
    }
  const terms = dot(P, 0, Cs, 0, p * p) - w.trLow; // tr(P C_s), both symmetric
  const { W, dt, Y1, Y2, Y3, v } = w;
  if (W !== null && dt !== null && Y1 !== null && Y2 !== null && Y3 !== null && v !== null) {
    for (let i = 0; i < p; i++) v[i] += B[i * p + i]! - N[i * p + i]! * delta[i]!; // Σ_k n_k d_k (embedded)
    for (let i = 0; i < p; i++) dt[i] += dot(P, i * p, v, 0, p);
    const M = new Float64Array(p * p); // C_s − Y2 − Y2ᵀ + Y3
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) M[i * p + j] = Cs[i * p + j]! - Y2[i * p + j]! - Y2[j * p + i]! + Y3[i * p + j]!;
    const PY1 = matmul(P, Y1, p, p, p);
    const PMP = matmul(P, matmul(M, P, p, p, p), p, p, p);
    for (let c2 = 0; c2 < p * p; c2++) W[c2] += sums.n * P[c2]! - PY1[c2]! - PMP[c2]!;
    for (let i = 0; i < p; i++)
      for (let j = 0; j < i; j++) {
        const x = 0.5 * (W[i * p + j]! + W[j * p + i]!);
        W[i * p + j] = x;
        W[j * p + i] = x;
      }
  }
  return terms;
}

/** The full log-likelihood (with the 2π constant) from the terms. */
export function logLikelihood(t: CasewiseTerms): number {
  return -0.5 * (t.m2ll + t.nObsCells * log(2 * Math.PI));
}
