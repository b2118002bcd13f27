/**
 * Observed information of complete-data ML, per observation: A = ½ ∂²F/∂θ∂θᵀ, the Hessian of
 * −(1/N) log L (F = Σ_g (n_g/N) F_g, and log L = −(N/2) F + const). As lavaan's
 * lav_model_hessian, it is the numerical derivative of the analytic gradient with the
 * fourth-order central difference (Abramowitz & Stegun 25.3.6)
 *   H_·j = [g(θ − 2h e_j) − 8 g(θ − h e_j) + 8 g(θ + h e_j) − g(θ + 2h e_j)] / (12 h),  h = 10⁻⁶,
 * then symmetrised. Truncation error is O(h⁴); rounding about ε‖g‖/h.
 * Returns null when Σ(θ) is not positive definite at one of the displaced points.
 */
import { evaluate, gradient, type Problem } from "../estimate/ml.js";

export function observedInformation(prob: Problem, theta: Float64Array, h = 1e-6): Float64Array | null {
  const q = theta.length;
  const H = new Float64Array(q * q);
  const x = Float64Array.from(theta);
  const grad = (): Float64Array | null => {
    const ev = evaluate(prob, x);
    return Number.isFinite(ev.f) ? gradient(prob, ev) : null;
  };
  const steps = [-2, -1, 1, 2];
  const weights = [1, -8, 8, -1];
  for (let j = 0; j < q; j++) {
    for (let s = 0; s < 4; s++) {
      x[j] = theta[j]! + steps[s]! * h;
      const g = grad();
      if (g === null) return null;
      const w = weights[s]! / (12 * h);
      for (let i = 0; i < q; i++) H[i * q + j] += w * g[i]!;
    }
    x[j] = theta[j]!;
  }
  const A = new Float64Array(q * q);
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) A[i * q + j] = 0.25 * (H[i * q + j]! + H[j * q + i]!);
  return A;
}
