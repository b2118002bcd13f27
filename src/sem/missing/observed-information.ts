/**
 * Observed information of the free parameters under full-information ML, per observation:
 *   I_obs(θ) = ½ ∂²F/∂θ∂θᵀ = −(1/N) ∂² logL/∂θ∂θᵀ,
 * lavaan's default with missing = "ml" (information = "observed", observed.information =
 * "hessian"; lav_model_hessian differentiates the analytic gradient numerically). Here the
 * Hessian is split by the chain rule through the h1 coordinates ξ = (μ, vech Σ):
 *   ½ ∂²F/∂θ∂θᵀ = Σ_g f_g Δ_gᵀ H_g Δ_g  +  ½ Σ_ξ (∂F/∂ξ) ∂²ξ/∂θ∂θᵀ,
 * with H_g the observed h1 information of the group at the model-implied moments
 * (missing/h1-information.ts) and Δ_g = ∂ξ/∂θᵀ; Δ_gᵀH_gΔ_g comes from H_g formed over the
 * patterns, or for many variables is contracted pattern by pattern in a small basis of derivative
 * vectors without forming H_g, whichever is cheaper (missing/h1-contracted.ts). The second
 * term is the derivative of the chain-rule gradient with the pattern weights W and d̃ frozen at θ
 * (estimate/ml.ts gradient()), taken by central differences: it needs only the model matrices,
 * no pass over the data, and Σ(θ), μ(θ) are low-order polynomials in most parameters, so the
 * O(h²) error (h = 1e-5·max(1, |θ_j|)) is far below the 1e-3 tolerance on standard errors.
 * Parameters that enter only Θ or ν (residual variances and covariances, intercepts) enter
 * (μ, vech Σ) linearly, so their columns of the second term are zero and are not differenced.
 * The result is symmetrised.
 */
import { gradient, type Evaluation, type GroupEval, type Problem } from "../estimate/ml.js";
import { fillMatrices, impliedMoments } from "../model/implied.js";
import { addContractedH1 } from "./h1-contracted.js";
import type { FimlGroup } from "./objective.js";

/** The gradient of F with the residual weights of `ev` frozen, at θ. */
function frozenGradient(prob: Problem, ev: Evaluation, theta: Float64Array): Float64Array | null {
  const groups: GroupEval[] = [];
  for (let g = 0; g < prob.rep.groups.length; g++) {
    const imp = impliedMoments(fillMatrices(prob.rep.groups[g]!, theta, prob.rowValues));
    if (imp === null) return null;
    groups.push({ ...ev.groups[g]!, implied: imp });
  }
  return gradient(prob, { f: ev.f, groups });
}

export function observedInformation(
  prob: Problem,
  ev: Evaluation,
  theta: Float64Array,
  fiml: readonly FimlGroup[],
): Float64Array | null {
  const q = theta.length;
  const info = new Float64Array(q * q);
  const N = prob.stats.ntotal;
  for (let g = 0; g < fiml.length; g++) {
    const grp = fiml[g]!;
    const imp = ev.groups[g]!.implied;
    if (!addContractedH1(info, q, prob.rep.groups[g]!, imp, grp.patterns, imp.mu, imp.sigma, grp.n / N, grp.X))
      return null;
  }
  // a parameter that enters only Θ or ν enters (μ, vech Σ) linearly: its second derivatives vanish
  const linear = new Array<boolean>(q).fill(true);
  for (const rep of prob.rep.groups)
    for (const c of rep.cells) if (c.free >= 0 && c.kind !== "theta" && c.kind !== "nu") linear[c.free] = false;
  const t = Float64Array.from(theta);
  for (let j = 0; j < q; j++) {
    if (linear[j]) continue;
    const h = 1e-5 * Math.max(1, Math.abs(theta[j]!));
    t[j] = theta[j]! + h;
    const up = frozenGradient(prob, ev, t);
    t[j] = theta[j]! - h;
    const down = frozenGradient(prob, ev, t);
    t[j] = theta[j]!;
    if (up === null || down === null) return null;
    for (let i = 0; i < q; i++) info[i * q + j] += (up[i]! - down[i]!) / (4 * h); // ½ of the central difference
  }
  for (let i = 0; i < q; i++)
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (info[i * q + j]! + info[j * q + i]!);
      info[i * q + j] = v;
      info[j * q + i] = v;
    }
  return info;
}
