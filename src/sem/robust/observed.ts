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
import { expectedInformation } from "../estimate/info-total.js";
import { cellVectors, crossProduct } from "../estimate/information.js";
import {
  evaluate,
  gradient,
  gradientWithWeights,
  residualWeight,
  type Evaluation,
  type Problem,
} from "../estimate/ml.js";
import { matmul } from "../linalg/dense.js";
import { fillMatrices, impliedMoments, type Implied } from "../model/implied.js";

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

/**
 * The same observed information, analytic except for the second derivatives of Σ(θ) and μ(θ).
 * Differentiating ∂F/∂θ_a = tr(WΣ_a) − 2d̃ᵀμ_a once more (W = Σ⁻¹ − Σ⁻¹(S + ddᵀ)Σ⁻¹,
 * d = x̄ − μ, d̃ = Σ⁻¹d; Magnus & Neudecker's matrix differentials) gives
 *   ½ ∂²F/∂θ_a∂θ_b = [½ tr(Σ⁻¹Σ_aΣ⁻¹Σ_b) + μ_aᵀΣ⁻¹μ_b]            (the expected
 *   information)
 *                  − tr(Σ_a Σ⁻¹ Σ_b W)
 *                  + μ_bᵀΣ⁻¹Σ_a d̃ + μ_aᵀΣ⁻¹Σ_b d̃
 *                  + ½ [tr(W Σ_ab) − 2 d̃ᵀ μ_ab].
 * The middle terms come from the rank-2 vectors of Σ_a = u vᵀ + v uᵀ (estimate/information.ts):
 *   tr(Σ_aΣ⁻¹Σ_bW) = (v_aᵀΣ⁻¹u_b)(v_bᵀWu_a) + (v_aᵀΣ⁻¹v_b)(u_bᵀWu_a) +
 *   (u_aᵀΣ⁻¹u_b)(v_bᵀWv_a)
 *                   + (u_aᵀΣ⁻¹v_b)(u_bᵀWv_a),
 *   μ_bᵀΣ⁻¹Σ_a d̃ = (μ_bᵀΣ⁻¹u_a)(v_aᵀd̃) + (μ_bᵀΣ⁻¹v_a)(u_aᵀd̃);
 * the last bracket is the derivative of ∂F/∂θ_a with W and d̃ held fixed
 * (ml.ts gradientWithWeights), taken by central differences: each costs O(p²m) instead of a
 * full gradient's O(p³), and it vanishes for the parameters Σ and μ are linear in.
 * Returns null when the model matrices are singular at a displaced point.
 */
export function observedInformationFast(
  prob: Problem,
  theta: Float64Array,
  ev: Evaluation,
  h = 1e-6,
): Float64Array | null {
  const q = theta.length;
  const A = expectedInformation(prob, ev);
  const weights = prob.rep.groups.map((rep, g) =>
    residualWeight(rep.meanstructure, prob.stats.groups[g]!, ev.groups[g]!),
  );
  for (let g = 0; g < weights.length; g++) addCurvatureTerms(A, q, prob, g, ev, weights[g]!);
  // ½ [tr(WΣ_ab) − 2d̃ᵀμ_ab]: central differences of the gradient with W, d̃ fixed
  const H = weightedGradientDifferences(prob, theta, weights, h);
  if (H === null) return null;
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) A[i * q + j] += 0.25 * (H[i * q + j]! + H[j * q + i]!);
  return A;
}

/**
 * Adds group g's middle terms (n_g/N) [μ_bᵀΣ⁻¹Σ_a d̃ + μ_aᵀΣ⁻¹Σ_b d̃ − tr(Σ_a Σ⁻¹ Σ_b W)] into A
 * by free-parameter index, from the rank-2 vectors of its free cells.
 */
function addCurvatureTerms(
  A: Float64Array,
  q: number,
  prob: Problem,
  g: number,
  ev: Evaluation,
  weights: ReturnType<typeof residualWeight>,
): void {
  const rep = prob.rep.groups[g]!;
  const cells = rep.cells.filter((c) => c.free >= 0);
  const k = cells.length;
  if (k === 0) return;
  const p = rep.p;
  const ge = ev.groups[g]!;
  const { U, V, D } = cellVectors(cells, ge.implied, rep.meanstructure);
  const { W, dt } = weights;
  const SiU = matmul(ge.sigmaInv, U, p, p, k);
  const SiV = matmul(ge.sigmaInv, V, p, p, k);
  const WU = matmul(W, U, p, p, k);
  const WV = matmul(W, V, p, p, k);
  const sUU = crossProduct(U, SiU, p, k, k);
  const sUV = crossProduct(U, SiV, p, k, k);
  const sVV = crossProduct(V, SiV, p, k, k);
  const wUU = crossProduct(U, WU, p, k, k);
  const wUV = crossProduct(U, WV, p, k, k);
  const wVV = crossProduct(V, WV, p, k, k);
  // μ_bᵀΣ⁻¹u_a, μ_bᵀΣ⁻¹v_a (rows b) and u_aᵀd̃, v_aᵀd̃
  const dU = rep.meanstructure ? crossProduct(D, SiU, p, k, k) : null;
  const dV = rep.meanstructure ? crossProduct(D, SiV, p, k, k) : null;
  const ud = new Float64Array(k);
  const vd = new Float64Array(k);
  for (let r = 0; r < p; r++) {
    for (let c = 0; c < k; c++) {
      ud[c] += U[r * k + c]! * dt[r]!;
      vd[c] += V[r * k + c]! * dt[r]!;
    }
  }
  const cross = (b: number, a: number): number =>
    dU === null || dV === null ? 0 : dU[b * k + a]! * vd[a]! + dV[b * k + a]! * ud[a]!;
  const w = prob.stats.groups[g]!.n / prob.stats.ntotal;
  for (let a = 0; a < k; a++) {
    const fa = cells[a]!.free;
    for (let b = 0; b < k; b++) {
      const C =
        sUV[b * k + a]! * wUV[a * k + b]! +
        sVV[a * k + b]! * wUU[b * k + a]! +
        sUU[a * k + b]! * wVV[b * k + a]! +
        sUV[a * k + b]! * wUV[b * k + a]!;
      A[fa * q + cells[b]!.free] += w * (cross(b, a) + cross(a, b) - C);
    }
  }
}

/**
 * The central differences H_·j = [g(θ + h e_j) − g(θ − h e_j)] / (2h) of the gradient with the
 * weights W and d̃ held fixed (q×q, not symmetrised); null when the model matrices are singular at
 * a displaced point.
 */
function weightedGradientDifferences(
  prob: Problem,
  theta: Float64Array,
  weights: ReturnType<typeof residualWeight>[],
  h: number,
): Float64Array | null {
  const q = theta.length;
  const H = new Float64Array(q * q);
  const x = Float64Array.from(theta);
  for (let j = 0; j < q; j++) {
    for (const step of [-1, 1]) {
      x[j] = theta[j]! + step * h;
      const implied: Implied[] = [];
      for (const rep of prob.rep.groups) {
        const imp = impliedMoments(fillMatrices(rep, x, prob.rowValues));
        if (imp === null) return null;
        implied.push(imp);
      }
      const g = gradientWithWeights(prob, implied, weights);
      const wj = step / (2 * h);
      for (let i = 0; i < q; i++) H[i * q + j] += wj * g[i]!;
    }
    x[j] = theta[j]!;
  }
  return H;
}
