/**
 * Observed information of complete-data ML, per observation: A = ½ ∂²F/∂θ∂θᵀ, the Hessian of
 * −(1/N) log L (F = Σ_g (n_g/N) F_g, and log L = −(N/2) F + const). As lavaan's
 * lav_model_hessian, it is the numerical derivative of the analytic gradient with step
 * h = 10⁻⁶, then symmetrised. lavaan uses a four-point stencil; the central difference
 *   H_·j = [g(θ + h e_j) − g(θ − h e_j)] / (2h)
 * has truncation error h²·g‴/6 (about 10⁻¹³) and rounding error about ε‖g‖/h (10⁻¹⁰), so the
 * two agree far below the parity tolerances at half the cost (2q gradients).
 * Returns null when Σ(θ) is not positive definite at one of the displaced points.
 */
import { evaluate, gradient, type Problem } from "../estimate/ml.js";

export function observedInformation(prob: Problem, theta: Float64Array, h = 1e-6): Float64Array | null {
  const q = theta.length;
  const H = new Float64Array(q * q);
  const x = Float64Array.from(theta);
  for (let j = 0; j < q; j++) {
    for (const step of [-1, 1]) {
      x[j] = theta[j]! + step * h;
      const ev = evaluate(prob, x);
      if (!Number.isFinite(ev.f)) return null;
      const g = gradient(prob, ev);
      const w = step / (2 * h);
      for (let i = 0; i < q; i++) H[i * q + j] += w * g[i]!;
    }
    x[j] = theta[j]!;
  }
  const A = new Float64Array(q * q);
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) A[i * q + j] = 0.25 * (H[i * q + j]! + H[j * q + i]!);
  return A;
}
