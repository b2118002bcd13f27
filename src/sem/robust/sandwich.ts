/**
 * The sandwich (Huber 1967; White 1982) covariance of the estimates:
 *   vcov(θ̂) = A⁻¹ B A⁻¹ / N,
 * with A the bread (information per observation: expected for MLM, observed for MLR) and B the
 * meat (per observation: Δᵀ W Γ W Δ for MLM, (1/N) Σ_i s_i s_iᵀ of the casewise scores for MLR),
 * as lavaan's lav_model_nvcov_robust_sem / lav_model_nvcov_robust_sandwich (NVarCov / N).
 * Any provider (complete or missing data) can feed it: it only needs the two q×q matrices.
 * When B = A it reduces to A⁻¹/N, the plain ML covariance.
 */
import { vcovFromInformation, type VcovResult } from "../inference/vcov.js";

export interface SandwichResult {
  readonly vcov: VcovResult;
  /** A⁻¹ (not divided by N), or null when A is singular */
  readonly breadInverse: Float64Array | null;
}

export function sandwichVcov(bread: Float64Array, meat: Float64Array, q: number, ntotal: number): SandwichResult {
  const inv = vcovFromInformation(bread, q, 1);
  if (!inv.ok) return { vcov: inv, breadInverse: null };
  const Ainv = inv.vcov;
  const out = new Float64Array(q * q);
  const AB = new Float64Array(q * q);
  for (let i = 0; i < q; i++) {
    for (let k = 0; k < q; k++) {
      const a = Ainv[i * q + k]!;
      if (a === 0) continue;
      for (let j = 0; j < q; j++) AB[i * q + j] += a * meat[k * q + j]!;
    }
  }
  for (let i = 0; i < q; i++) {
    for (let k = 0; k < q; k++) {
      const a = AB[i * q + k]!;
      if (a === 0) continue;
      for (let j = 0; j < q; j++) out[i * q + j] += a * Ainv[k * q + j]!;
    }
  }
  for (let i = 0; i < q; i++) {
    for (let j = 0; j < i; j++) {
      const s = (0.5 * (out[i * q + j]! + out[j * q + i]!)) / ntotal;
      out[i * q + j] = s;
      out[j * q + i] = s;
    }
    out[i * q + i] /= ntotal;
  }
  return { vcov: { ok: true, vcov: out }, breadInverse: Ainv };
}

/** tr(A⁻¹ B) for symmetric q×q A⁻¹ and B. */
export function traceProduct(Ainv: Float64Array, B: Float64Array, q: number): number {
  let s = 0;
  for (let i = 0; i < q * q; i++) s += Ainv[i]! * B[i]!;
  return s;
}
