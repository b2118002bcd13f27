/**
 * Expected (Fisher) information of the ML estimator, per observation:
 *   I_ab = ½ tr(Σ⁻¹ Σ_a Σ⁻¹ Σ_b) + μ_aᵀ Σ⁻¹ μ_b,   summed over groups with weights n_g/N,
 * where Σ_a = ∂Σ/∂θ_a and μ_a = ∂μ/∂θ_a. It is never formed from the p*×p* weight matrix
 * (lavaan's Δᵀ(Σ⁻¹⊗Σ⁻¹)Δ/2): every Σ_a of a LISREL-type model is symmetric of rank ≤ 2,
 * Σ_a = u vᵀ + v uᵀ, so with K(x, y) = xᵀΣ⁻¹y
 *   ½ tr(Σ⁻¹Σ_aΣ⁻¹Σ_b) = K(v_a,u_b) K(v_b,u_a) + K(v_a,v_b) K(u_a,u_b),
 * and the whole matrix costs O(p²q + pq²) instead of O(p⁴). The same vectors give the
 * modification indices (see inference/modindices.ts).
 * The vectors, per matrix cell (e_i a unit vector):
 *   Λ_ij: u = e_i, v = (ΛM)_·j, μ_a = e_i (IBα)_j;   B_ij: u = G_·i, v = (ΛM)_·j, μ_a = G_·i (IBα)_j;
 *   Ψ_ij: u = G_·i, v = G_·j;   Θ_ij: u = e_i, v = e_j (v halved on the diagonal);
 *   ν_i: μ_a = e_i;   α_i: μ_a = G_·i.
 */
import { matmul, transpose } from "../linalg/dense.js";
import type { Cell } from "../model/representation.js";
import type { Implied } from "../model/implied.js";

export interface CellVectors {
  /** p×k, column c holds u of cell c */
  readonly U: Float64Array;
  readonly V: Float64Array;
  readonly D: Float64Array;
  readonly k: number;
}

/**
 * A derivative as columns of the extended basis Z = [e_1..e_p | G_·1..G_·m | (ΛM)_·1..(ΛM)_·m |
 * Σ_·1..Σ_·p] (column index, −1 for a zero vector) with coefficients:
 * Σ_a = cu (z_u z_vᵀ + z_v z_uᵀ), μ_a = cd z_d. The cells of the model matrices use the first
 * p + 2m columns (missing/h1-contracted.ts works in that basis); modification-index candidates
 * with an observed covariate also use Σ's (inference/mi-candidates.ts).
 */
export interface DerivativeCode {
  readonly u: number;
  readonly v: number;
  readonly cu: number;
  readonly d: number;
  readonly cd: number;
}

const NONE = -1;

/** The code of a matrix cell (the table in the header); without a mean structure, no μ_a for Λ and B. */
export function cellCode(c: Cell, p: number, m: number, IBalpha: Float64Array, meanstructure: boolean): DerivativeCode {
  const half = c.i === c.j ? 0.5 : 1;
  switch (c.kind) {
    case "lambda":
      return { u: c.i, v: p + m + c.j, cu: 1, d: meanstructure ? c.i : NONE, cd: IBalpha[c.j]! };
    case "beta":
      return { u: p + c.i, v: p + m + c.j, cu: 1, d: meanstructure ? p + c.i : NONE, cd: IBalpha[c.j]! };
    case "psi":
      return { u: p + c.i, v: p + c.j, cu: half, d: NONE, cd: 0 };
    case "theta":
      return { u: c.i, v: c.j, cu: half, d: NONE, cd: 0 };
    case "nu":
      return { u: NONE, v: NONE, cu: 0, d: c.i, cd: 1 };
    case "alpha":
      return { u: NONE, v: NONE, cu: 0, d: p + c.i, cd: 1 };
  }
}

/**
 * Derivative vectors (u, v, μ_a), column-wise in p×k arrays, from their codes: u = z_u, v = cu z_v, μ_a = cd z_d.
 */
export function codedVectors(codes: readonly DerivativeCode[], imp: Implied): CellVectors {
  const { p, m } = imp.mats;
  const k = codes.length;
  const U = new Float64Array(p * k);
  const V = new Float64Array(p * k);
  const D = new Float64Array(p * k);
  // column j of the row-major M (p rows of `stride`) times coef into column col of out
  const column = (out: Float64Array, col: number, M: Float64Array, stride: number, j: number, coef: number): void => {
    for (let r = 0; r < p; r++) out[r * k + col] = coef * M[r * stride + j]!;
  };
  const put = (out: Float64Array, col: number, b: number, coef: number): void => {
    if (b < 0) return;
    if (b < p) out[b * k + col] = coef;
    else if (b < p + m) column(out, col, imp.G, m, b - p, coef);
    else if (b < p + 2 * m) column(out, col, imp.LM, m, b - p - m, coef);
    else column(out, col, imp.sigma, p, b - p - 2 * m, coef);
  };
  codes.forEach((c, col) => {
    put(U, col, c.u, 1);
    put(V, col, c.v, c.cu);
    put(D, col, c.d, c.cd);
  });
  return { U, V, D, k };
}

/** Derivative vectors (u, v, μ_a) for a list of cells of one group, column-wise in p×k arrays. */
export function cellVectors(cells: readonly Cell[], imp: Implied, meanstructure: boolean): CellVectors {
  const { p, m } = imp.mats;
  return codedVectors(
    cells.map((c) => cellCode(c, p, m, imp.IBalpha, meanstructure)),
    imp,
  );
}

/** Xᵀ A Y for column blocks X (p×a) and precomputed AY (p×b). */
export function crossProduct(X: Float64Array, AY: Float64Array, p: number, a: number, b: number): Float64Array {
  const out = new Float64Array(a * b);
  for (let r = 0; r < p; r++) {
    const xr = r * a;
    const yr = r * b;
    for (let i = 0; i < a; i++) {
      const x = X[xr + i]!;
      if (x === 0) continue;
      const o = i * b;
      for (let j = 0; j < b; j++) out[o + j] += x * AY[yr + j]!;
    }
  }
  return out;
}

/**
 * Information block between cell sets A (rows) and B (columns) of one group, per observation:
 * returns an a×b row-major matrix.
 */
export function informationBlock(
  A: CellVectors,
  B: CellVectors,
  sigmaInv: Float64Array,
  p: number,
  meanstructure = true,
): Float64Array {
  const a = A.k;
  const b = B.k;
  const SiUb = matmul(sigmaInv, B.U, p, p, b);
  const SiVb = matmul(sigmaInv, B.V, p, p, b);
  const KuU = crossProduct(A.U, SiUb, p, a, b); // u_aᵀ Σ⁻¹ u_b
  const KuV = crossProduct(A.U, SiVb, p, a, b); // u_aᵀ Σ⁻¹ v_b
  // v_aᵀ Σ⁻¹ u_b: the transpose of KuV when both sets are the same (U is sparse, V dense: cheaper)
  const KvU = A === B ? transpose(KuV, a, a) : crossProduct(A.V, SiUb, p, a, b);
  const KvV = crossProduct(A.V, SiVb, p, a, b); // v_aᵀ Σ⁻¹ v_b
  const out = new Float64Array(a * b);
  for (let i = 0; i < a * b; i++) out[i] = KvU[i]! * KuV[i]! + KvV[i]! * KuU[i]!;
  if (meanstructure) {
    const KdD = crossProduct(A.D, matmul(sigmaInv, B.D, p, p, b), p, a, b);
    for (let i = 0; i < a * b; i++) out[i] += KdD[i]!;
  }
  return out;
}
