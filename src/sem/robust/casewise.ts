/**
 * Complete-data providers of the robust ML estimators: casewise scores (MLR), the casewise
 * contributions whose cross-product is Δᵀ W Γ W Δ (MLM), and tr(W Γ). A missing-data provider
 * replaces this file and keeps the rest of src/sem/robust/.
 *
 * Every derivative of Σ of a LISREL-type model is Σ_a = u vᵀ + v uᵀ (estimate/information.ts),
 * so for a symmetric E,  ½ tr(Σ⁻¹ E Σ⁻¹ Σ_a) = uᵀΣ⁻¹ E Σ⁻¹v, and for E = d dᵀ this is
 * (uᵀz)(vᵀz) with z = Σ⁻¹d. Most u, v are unit vectors (loadings, residual (co)variances), so
 * with z computed once (O(p²)) a case costs O(p² + nonzeros of u, v, μ_a) and no p*-sized
 * vector or matrix is ever formed.
 *
 * Casewise score of ML (Yuan & Bentler 2000; lavaan's lav_mvnorm_scores_mu_vech_sigma
 * followed by Δ, lav_model_information_firstorder):
 *   s_i,a = ½ tr(Σ⁻¹ (d_i d_iᵀ − Σ) Σ⁻¹ Σ_a) + μ_aᵀ Σ⁻¹ d_i,   d_i = x_i − μ̂
 *         = (uᵀΣ⁻¹d_i)(vᵀΣ⁻¹d_i) − uᵀΣ⁻¹v + μ_aᵀΣ⁻¹d_i,
 * with μ̂ = x̄ when the model has no mean structure (lavaan: "MEAN <- sample mean").
 *
 * Γ (Satorra & Bentler 1994; Browne 1984): the N-divisor covariance matrix of
 * z_i = (x_i, vech(d_i d_iᵀ)), d_i = x_i − x̄. Under fixed.x lavaan (lav_samplestats_Gamma,
 * fixed.x = TRUE) replaces z_i by z_i − ẑ_i, where ẑ_i uses the values predicted from the
 * covariates by least squares; centred, ẑ_i's deviation is h_i = P d_i with
 * P = S_{·x} S_xx⁻¹ (zero outside the covariate columns), so the covariate-only moments drop out.
 * Then Δᵀ W Γ W Δ = (1/n) Σ_i g_i g_iᵀ with W = W(Σ̂) the normal-theory weight and
 *   g_i,a = ½ tr(Σ⁻¹ (E_i − Ē) Σ⁻¹ Σ_a) + μ_aᵀ Σ⁻¹ (d_i − h_i),   E_i = d_i d_iᵀ − h_i
 *   h_iᵀ,
 * so the MLM meat needs no Γ matrix either (Γ itself is built only by gammaMatrix(), for tests
 * and small problems).
 */
import { matmul, spdInverse, square, transpose } from "../linalg/dense.js";
import { gram } from "../linalg/simd.js";
import type { CellVectors } from "../estimate/information.js";

/** The complete rows of one group: row-major n×p. */
export interface GroupRows {
  readonly X: Float64Array;
  readonly n: number;
  readonly p: number;
  /** sample mean and N-divisor covariance */
  readonly mean: Float64Array;
  readonly S: Float64Array;
}

/** Derivative vectors of the free cells of one group with the free index of each column. */
export interface FreeCells {
  readonly vec: CellVectors;
  /** free parameter index (0-based) of each column of vec */
  readonly free: Int32Array;
  readonly meanstructure: boolean;
}

/**
 * Fixed.x projection P = S_{·x} S_xx⁻¹ (p×p, nonzero only in the covariate columns):
 * h_i = P d_i is the centred least-squares prediction of the row from its covariates (the
 * covariates themselves predicted exactly). null without covariates.
 */
export function exoProjection(S: Float64Array, p: number, exoIndex: readonly number[]): Float64Array | null {
  const nx = exoIndex.length;
  if (nx === 0) return null;
  const Sxx = new Float64Array(nx * nx);
  exoIndex.forEach((a, i) => exoIndex.forEach((b, j) => (Sxx[i * nx + j] = S[a * p + b]!)));
  // S_xx is a principal block of the positive-definite sample covariance (checked in prepareFit)
  const inv = spdInverse(square(nx, Sxx))!.inv.a;
  const P = new Float64Array(p * p);
  for (let r = 0; r < p; r++) {
    for (let j = 0; j < nx; j++) {
      let s = 0;
      for (let i = 0; i < nx; i++) s += S[r * p + exoIndex[i]!]! * inv[i * nx + j]!;
      P[r * p + exoIndex[j]!] = s;
    }
  }
  return P;
}

/**
 * The distinct nonzero columns of a p×k row-major matrix, and which one each column is: most
 * derivative vectors are unit vectors (loadings, residual (co)variances), and the dense ones
 * repeat (every loading of factor j has v = (ΛM)_·j), so each distinct column is projected once.
 */
interface SparseColumns {
  readonly start: Int32Array;
  readonly row: Int32Array;
  readonly val: Float64Array;
  /** distinct column of each of the k columns */
  readonly of: Int32Array;
  readonly distinct: number;
}

function sparseColumns(M: Float64Array, p: number, k: number): SparseColumns {
  const start: number[] = [0];
  const rows: number[] = [];
  const vals: number[] = [];
  const of = new Int32Array(k);
  const seen = new Map<string, number>();
  for (let c = 0; c < k; c++) {
    const r: number[] = [];
    const v: number[] = [];
    for (let i = 0; i < p; i++) {
      const x = M[i * k + c]!;
      if (x !== 0) {
        r.push(i);
        v.push(x);
      }
    }
    const key = `${r.join(",")}|${v.join(",")}`;
    let id = seen.get(key);
    if (id === undefined) {
      id = seen.size;
      seen.set(key, id);
      rows.push(...r);
      vals.push(...v);
      start.push(rows.length);
    }
    of[c] = id;
  }
  return {
    start: Int32Array.from(start),
    row: Int32Array.from(rows),
    val: Float64Array.from(vals),
    of,
    distinct: seen.size,
  };
}

/** out_c = M_·cᵀ z for every column c (each distinct column computed once, in `tmp`). */
function project(M: SparseColumns, z: Float64Array, tmp: Float64Array, out: Float64Array): void {
  const { start, row, val, of } = M;
  for (let u = 0; u < M.distinct; u++) {
    let s = 0;
    for (let t = start[u]!; t < start[u + 1]!; t++) s += val[t]! * z[row[t]!]!;
    tmp[u] = s;
  }
  for (let c = 0; c < out.length; c++) out[c] = tmp[of[c]!]!;
}

/** y = A x for a p×p row-major A. */
function matVec(A: Float64Array, x: Float64Array, y: Float64Array, p: number): void {
  for (let r = 0; r < p; r++) {
    let s = 0;
    const o = r * p;
    for (let c = 0; c < p; c++) s += A[o + c]! * x[c]!;
    y[r] = s;
  }
}

interface Columns {
  readonly U: SparseColumns;
  readonly V: SparseColumns;
  readonly D: SparseColumns | null;
}

/**
 * n×q matrix of casewise contributions c_i,a = (uᵀz)(vᵀz) − (uᵀw)(vᵀw) + μ_aᵀ(z − w) with
 * z = Σ⁻¹d_i and w = Σ⁻¹h_i (h_i = P d_i; no w without covariates), summed over the columns
 * that share a free parameter. O(p² + nnz(U, V, D)) per case.
 */
function contributions(
  rows: GroupRows,
  center: Float64Array,
  fc: FreeCells,
  sigmaInv: Float64Array,
  q: number,
  P: Float64Array | null,
): { C: Float64Array; cols: Columns } {
  const { n, p, X } = rows;
  const { vec, free } = fc;
  const k = vec.k;
  const cols: Columns = {
    U: sparseColumns(vec.U, p, k),
    V: sparseColumns(vec.V, p, k),
    D: fc.meanstructure ? sparseColumns(vec.D, p, k) : null,
  };
  const SP = P === null ? null : matmul(sigmaInv, P, p, p, p);
  const C = new Float64Array(n * q);
  const d = new Float64Array(p);
  const z = new Float64Array(p);
  const w = new Float64Array(p);
  const [a, b, e, a2, b2, e2, tmp] = Array.from({ length: 7 }, () => new Float64Array(k));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) d[j] = X[i * p + j]! - center[j]!;
    matVec(sigmaInv, d, z, p);
    project(cols.U, z, tmp, a);
    project(cols.V, z, tmp, b);
    if (cols.D !== null) project(cols.D, z, tmp, e);
    const o = i * q;
    if (SP !== null) {
      matVec(SP, d, w, p);
      project(cols.U, w, tmp, a2);
      project(cols.V, w, tmp, b2);
      if (cols.D !== null) project(cols.D, w, tmp, e2);
      for (let c = 0; c < k; c++) C[o + free[c]!] += a[c]! * b[c]! - a2[c]! * b2[c]! + e[c]! - e2[c]!;
    } else {
      for (let c = 0; c < k; c++) C[o + free[c]!] += a[c]! * b[c]! + e[c]!;
    }
  }
  return { C, cols };
}

/**
 * Casewise scores of the free parameters (n×q), ∂ log L_i/∂θ, at the implied moments Σ̂ and
 * center μ̂ (the sample mean when the model has no mean structure).
 */
export function casewiseScores(
  rows: GroupRows,
  center: Float64Array,
  sigmaInv: Float64Array,
  fc: FreeCells,
  q: number,
): Float64Array {
  const { C, cols } = contributions(rows, center, fc, sigmaInv, q, null);
  // constant uᵀΣ⁻¹v of each column, the expectation of (uᵀΣ⁻¹d)(vᵀΣ⁻¹d) under the model
  const p = rows.p;
  const kc = new Float64Array(q);
  const { U, V } = cols;
  for (let c = 0; c < fc.vec.k; c++) {
    const u = U.of[c]!;
    const v = V.of[c]!;
    let s = 0;
    for (let t = U.start[u]!; t < U.start[u + 1]!; t++) {
      const o = U.row[t]! * p;
      for (let r = V.start[v]!; r < V.start[v + 1]!; r++) s += U.val[t]! * V.val[r]! * sigmaInv[o + V.row[r]!]!;
    }
    kc[fc.free[c]!] += s;
  }
  subtractRow(C, rows.n, q, kc);
  return C;
}

/**
 * Casewise contributions g_i (n×q) whose N-divisor cross-product is Δᵀ W Γ W Δ of one group
 * (W at Σ̂; fixed.x residualization with P from exoProjection()).
 */
export function gammaContributions(
  rows: GroupRows,
  sigmaInv: Float64Array,
  fc: FreeCells,
  q: number,
  P: Float64Array | null,
): Float64Array {
  const { C } = contributions(rows, rows.mean, fc, sigmaInv, q, P);
  const mean = new Float64Array(q);
  for (let i = 0; i < rows.n; i++) for (let a = 0; a < q; a++) mean[a] += C[i * q + a]!;
  for (let a = 0; a < q; a++) mean[a] /= rows.n;
  subtractRow(C, rows.n, q, mean);
  return C;
}

function subtractRow(C: Float64Array, n: number, q: number, v: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const o = i * q;
    for (let a = 0; a < q; a++) C[o + a] -= v[a]!;
  }
}

/** out += w · CᵀC for an n×q row-major block C (the meat of a sandwich): linalg/simd.ts gram() of Cᵀ. */
export function addCrossProduct(out: Float64Array, C: Float64Array, n: number, q: number, w: number): void {
  const G = gram(transpose(C, n, q), q, n);
  for (let i = 0; i < q * q; i++) out[i] += w * G[i]!;
}

/**
 * tr(W Γ) of one group, W = W(Σ) the normal-theory weight at Σ (and mean block Σ⁻¹ when
 * `means`), Γ the N-divisor fourth-moment matrix (fixed.x residualized with P). From
 * zᵀ W z' = ½ tr(Σ⁻¹ E Σ⁻¹ E') for the covariance part:
 *   tr(WΓ) = (1/n) Σ_i ½ [(dᵀΣ⁻¹d)² − 2 (dᵀΣ⁻¹h)² + (hᵀΣ⁻¹h)²] − ½ tr((Σ⁻¹Ē)²) +
 *   [tr(Σ⁻¹Ē)],
 * Ē = S − P S (the mean of E_i; (1/n)Σ(d−h)(d−h)ᵀ is Ē too). With W at S and no covariates the
 * first terms are half Mardia's multivariate kurtosis: ½ (b₂,p − p).
 */
export function traceWGamma(rows: GroupRows, sigmaInv: Float64Array, means: boolean, P: Float64Array | null): number {
  const { n, p, X, mean } = rows;
  const d = new Float64Array(p);
  const z = new Float64Array(p);
  const h = new Float64Array(p);
  let acc = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) d[j] = X[i * p + j]! - mean[j]!;
    for (let r = 0; r < p; r++) {
      let s = 0;
      const o = r * p;
      for (let c = 0; c < p; c++) s += sigmaInv[o + c]! * d[c]!;
      z[r] = s;
    }
    let alpha = 0;
    for (let r = 0; r < p; r++) alpha += d[r]! * z[r]!;
    if (P === null) {
      acc += 0.5 * alpha * alpha;
      continue;
    }
    for (let r = 0; r < p; r++) {
      let s = 0;
      for (let c = 0; c < p; c++) s += P[r * p + c]! * d[c]!;
      h[r] = s;
    }
    let beta = 0;
    let gamma = 0;
    for (let r = 0; r < p; r++) {
      beta += h[r]! * z[r]!;
      let s = 0;
      for (let c = 0; c < p; c++) s += sigmaInv[r * p + c]! * h[c]!;
      gamma += h[r]! * s;
    }
    acc += 0.5 * (alpha * alpha - 2 * beta * beta + gamma * gamma);
  }
  const Ebar = Float64Array.from(rows.S);
  if (P !== null) {
    const PS = matmul(P, rows.S, p, p, p);
    for (let i = 0; i < p * p; i++) Ebar[i] -= PS[i]!;
  }
  const M = matmul(sigmaInv, Ebar, p, p, p);
  let trM = 0;
  let trM2 = 0;
  for (let i = 0; i < p; i++) {
    trM += M[i * p + i]!;
    for (let j = 0; j < p; j++) trM2 += M[i * p + j]! * M[j * p + i]!;
  }
  return acc / n - 0.5 * trM2 + (means ? trM : 0);
}

/**
 * Γ itself (for tests and small problems only: (p + p*)² entries): the N-divisor covariance of
 * z_i = (x_i if `means`, vech(d_i d_iᵀ)), vech in lavaan's column-wise lower-triangle order.
 */
export function gammaMatrix(rows: GroupRows, means: boolean): { G: Float64Array; dim: number } {
  const { n, p, X, mean } = rows;
  const ps = (p * (p + 1)) / 2;
  const dim = ps + (means ? p : 0);
  const Z = new Float64Array(n * dim);
  for (let i = 0; i < n; i++) {
    let c = 0;
    if (means) for (let j = 0; j < p; j++) Z[i * dim + c++] = X[i * p + j]!;
    for (let col = 0; col < p; col++) {
      for (let row = col; row < p; row++)
        Z[i * dim + c++] = (X[i * p + row]! - mean[row]!) * (X[i * p + col]! - mean[col]!);
    }
  }
  const zbar = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let c = 0; c < dim; c++) zbar[c] += Z[i * dim + c]! / n;
  for (let i = 0; i < n; i++) for (let c = 0; c < dim; c++) Z[i * dim + c] -= zbar[c]!;
  const G = new Float64Array(dim * dim);
  addCrossProduct(G, Z, n, dim, 1 / n);
  return { G, dim };
}
