/**
 * Observed information of the free parameters under full-information ML, per observation:
 *   I_obs(θ) = ½ ∂²F/∂θ∂θᵀ = −(1/N) ∂² logL/∂θ∂θᵀ,
 * lavaan's default with missing = "ml" (information = "observed", observed.information =
 * "hessian"; lav_model_hessian differentiates the analytic gradient numerically). Here too the
 * analytic gradient is differenced, by central differences with step h_j = 1e-5·max(1, |θ_j|):
 * the truncation error is O(h²) (about 1e-10 relative) and the rounding error O(ε/h), both far
 * below the 1e-3 tolerance on standard errors; the result is symmetrised.
 */
import { evaluate, gradient, type Problem } from "../estimate/ml.js";

export function observedInformation(prob: Problem, theta: Float64Array): Float64Array | null {
  const q = theta.length;
  const H = new Float64Array(q * q);
  const t = Float64Array.from(theta);
  for (let j = 0; j < q; j++) {
    const h = 1e-5 * Math.max(1, Math.abs(theta[j]!));
    t[j] = theta[j]! + h;
    const evUp = evaluate(prob, t);
    t[j] = theta[j]! - h;
    const evDown = evaluate(prob, t);
    t[j] = theta[j]!;
    if (!Number.isFinite(evUp.f) || !Number.isFinite(evDown.f)) return null;
    const up = gradient(prob, evUp);
    const down = gradient(prob, evDown);
    for (let i = 0; i < q; i++) H[i * q + j] = (up[i]! - down[i]!) / (4 * h); // ½ of the central difference
  }
  for (let i = 0; i < q; i++) for (let j = 0; j < i; j++) {
    const v = 0.5 * (H[i * q + j]! + H[j * q + i]!);
    H[i * q + j] = v;
    H[j * q + i] = v;
  }
  return H;
}
