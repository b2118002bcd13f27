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

/** Derivative vectors (u, v, μ_a) for a list of cells of one group, column-wise in p×k arrays. */
export function cellVectors(cells: readonly Cell[], imp: Implied, meanstructure: boolean): CellVectors {
  const { p, m } = imp.mats;
  const k = cells.length;
  const U = new Float64Array(p * k);
  const V = new Float64Array(p * k);
  const D = new Float64Array(p * k);
  const { G, LM, IBalpha } = imp;
  cells.forEach((c, col) => {
    const half = c.i === c.j ? 0.5 : 1;
    switch (c.kind) {
      case "lambda":
        U[c.i * k + col] = 1;
        for (let r = 0; r < p; r++) V[r * k + col] = LM[r * m + c.j]!;
        if (meanstructure) D[c.i * k + col] = IBalpha[c.j]!;
        break;
      case "beta":
        for (let r = 0; r < p; r++) {
          U[r * k + col] = G[r * m + c.i]!;
          V[r * k + col] = LM[r * m + c.j]!;
          if (meanstructure) D[r * k + col] = G[r * m + c.i]! * IBalpha[c.j]!;
        }
        break;
      case "psi":
        for (let r = 0; r < p; r++) {
          U[r * k + col] = G[r * m + c.i]!;
          V[r * k + col] = half * G[r * m + c.j]!;
        }
        break;
      case "theta":
        U[c.i * k + col] = 1;
        V[c.j * k + col] = half;
        break;
      case "nu":
        D[c.i * k + col] = 1;
        break;
      case "alpha":
        for (let r = 0; r < p; r++) D[r * k + col] = G[r * m + c.i]!;
        break;
    }
  });
  return { U, V, D, k };
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
export function informationBlock(A: CellVectors, B: CellVectors, sigmaInv: Float64Array, p: number, meanstructure = true): Float64Array {
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
