/**
 * The ML discrepancy and its analytic gradient.
 *   F_g = log|Σ| + tr(S Σ⁻¹) − log|S| − p + (x̄−μ)ᵀ Σ⁻¹ (x̄−μ),   F = Σ_g (n_g/N) F_g,
 * with T = N·F the likelihood-ratio statistic (lavaan minimises F/2; same minimiser).
 * Gradient (Magnus & Neudecker; Bollen 1989 §4): with W = Σ⁻¹ − Σ⁻¹(S + ddᵀ)Σ⁻¹, d̃ = Σ⁻¹d, d =
 * x̄−μ,
 *   ∂F/∂Λ = 2 W Λ M − 2 d̃ (IB α)ᵀ,   ∂F/∂B = 2 Gᵀ W Λ M − 2 Gᵀd̃ (IB α)ᵀ,
 *   ∂F/∂Ψ = Gᵀ W G (×2 off the diagonal),   ∂F/∂Θ = W (×2 off the diagonal),
 *   ∂F/∂ν = −2 d̃,   ∂F/∂α = −2 Gᵀ d̃.
 * A Σ(θ) that is not positive definite gives F = +Inf (never an exception), so line searches back off.
 */
import { matmul, spdInverse, transpose } from "../linalg/dense.js";
import { fillMatrices, impliedMoments, type Implied } from "../model/implied.js";
import type { Representation } from "../model/representation.js";
import type { GroupStats, SampleStats } from "../samplestats/index.js";

export interface GroupEval {
  readonly implied: Implied;
  readonly sigmaInv: Float64Array;
  readonly f: number;
  /**
   * Another objective's weights of ∂F_g = tr(W dΣ) − 2 d̃ᵀdμ (full-information ML sums them over
   * missing-data patterns); absent for complete-data ML, where residualWeight() computes them.
   */
  readonly residual?: { readonly W: Float64Array; readonly dt: Float64Array };
  /**
   * The metrics of the expected information: I = Σ_k w_k [½ tr(E_k Σ_a E_k Σ_b) + μ_aᵀ E_k μ_b]
   * (w_k summing to 1); absent means the single metric Σ⁻¹ (complete data).
   */
  readonly metrics?: readonly { readonly w: number; readonly E: Float64Array }[];
}

/** An objective other than complete-data ML for group g (0-based) at its implied moments; null when not finite. */
export type GroupObjective = (g: number, implied: Implied) => GroupEval | null;

export interface Evaluation {
  readonly f: number;
  readonly groups: readonly GroupEval[];
}

export interface Problem {
  readonly rep: Representation;
  readonly stats: SampleStats;
  /** value of each parameter-table row when fixed */
  readonly rowValues: Float64Array;
  /** replaces the ML discrepancy of each group (full-information ML: missing/objective.ts) */
  readonly groupObjective?: GroupObjective;
  /**
   * An objective that is not a discrepancy of Σ and μ alone (weighted least squares on ordinal
   * statistics, ordinal/method): it evaluates, differentiates and gives its information itself.
   */
  readonly objective?: {
    evaluate(theta: Float64Array): Evaluation;
    gradient(ev: Evaluation): Float64Array;
    information(ev: Evaluation): Float64Array;
  };
}

/** F(θ) with the per-group pieces needed for the gradient; f = Infinity when Σ is not PD. */
export function evaluate(prob: Problem, theta: Float64Array): Evaluation {
  if (prob.objective !== undefined) return prob.objective.evaluate(theta);
  const groups: GroupEval[] = [];
  let f = 0;
  for (let g = 0; g < prob.rep.groups.length; g++) {
    const rep = prob.rep.groups[g]!;
    const st = prob.stats.groups[g]!;
    const imp = impliedMoments(fillMatrices(rep, theta, prob.rowValues));
    if (imp === null) return { f: Infinity, groups: [] };
    if (prob.groupObjective !== undefined) {
      const ge = prob.groupObjective(g, imp);
      if (ge === null || !Number.isFinite(ge.f)) return { f: Infinity, groups: [] };
      groups.push(ge);
      f += (st.n / prob.stats.ntotal) * ge.f;
      continue;
    }
    const inv = spdInverse({ n: rep.p, a: imp.sigma });
    if (inv === null) return { f: Infinity, groups: [] };
    const p = rep.p;
    const si = inv.inv.a;
    let tr = 0;
    for (let i = 0; i < p * p; i++) tr += st.S[i]! * si[i]!;
    let quad = 0;
    if (rep.meanstructure) {
      for (let i = 0; i < p; i++) {
        const di = st.mean[i]! - imp.mu[i]!;
        for (let j = 0; j < p; j++) quad += di * si[i * p + j]! * (st.mean[j]! - imp.mu[j]!);
      }
    }
    const fg = inv.logDet + tr - st.logDetS - p + quad;
    groups.push({ implied: imp, sigmaInv: si, f: fg });
    f += (st.n / prob.stats.ntotal) * fg;
  }
  return { f: Number.isFinite(f) ? f : Infinity, groups };
}

/** ∂F/∂θ at an evaluation with finite F. */
export function gradient(prob: Problem, ev: Evaluation): Float64Array {
  if (prob.objective !== undefined) return prob.objective.gradient(ev);
  const weights = prob.rep.groups.map((rep, g) =>
    residualWeight(rep.meanstructure, prob.stats.groups[g]!, ev.groups[g]!),
  );
  return gradientWithWeights(
    prob,
    ev.groups.map((ge) => ge.implied),
    weights,
  );
}

/**
 * Σ_g (n_g/N) [tr(W_g Σ_a) − 2 d̃_gᵀ μ_a] with Σ_a, μ_a taken at the model matrices `implied` and
 * W_g, d̃_g given: ∂F/∂θ when they are residualWeight()'s at the same point (robust/observed.ts
 * holds them fixed to differentiate Σ_a and μ_a alone).
 */
export function gradientWithWeights(
  prob: Problem,
  implied: readonly Implied[],
  weights: readonly { W: Float64Array; dt: Float64Array }[],
): Float64Array {
  const grad = new Float64Array(prob.rep.nfree);
  prob.rep.groups.forEach((rep, g) => {
    const st = prob.stats.groups[g]!;
    const { p, m } = rep;
    const { G, LM, IBalpha } = implied[g]!;
    const { W, dt } = weights[g]!;
    const WLM = matmul(W, LM, p, p, m);
    const Gt = transpose(G, p, m);
    const needB = rep.cells.some((c) => c.free >= 0 && (c.kind === "beta" || c.kind === "psi"));
    const GtWLM = needB ? matmul(Gt, WLM, m, p, m) : new Float64Array(0);
    const GtW = needB ? matmul(Gt, W, m, p, p) : new Float64Array(0);
    const GtWG = needB ? matmul(GtW, G, m, p, m) : new Float64Array(0);
    const Gtd = matmul(Gt, dt, m, p, 1);
    const w = st.n / prob.stats.ntotal;
    for (const c of rep.cells) {
      if (c.free < 0) continue;
      let v = 0;
      switch (c.kind) {
        case "lambda":
          v = 2 * WLM[c.i * m + c.j]! - 2 * dt[c.i]! * IBalpha[c.j]!;
          break;
        case "beta":
          v = 2 * GtWLM[c.i * m + c.j]! - 2 * Gtd[c.i]! * IBalpha[c.j]!;
          break;
        case "psi":
          v = (c.i === c.j ? 1 : 2) * GtWG[c.i * m + c.j]!;
          break;
        case "theta":
          v = (c.i === c.j ? 1 : 2) * W[c.i * p + c.j]!;
          break;
        case "nu":
          v = -2 * dt[c.i]!;
          break;
        case "alpha":
          v = -2 * Gtd[c.i]!;
          break;
      }
      grad[c.free] += w * v;
    }
  });
  return grad;
}

/**
 * W = Σ⁻¹ − Σ⁻¹(S + ddᵀ)Σ⁻¹ and d̃ = Σ⁻¹d (d = x̄ − μ; zero without a mean structure):
 * ∂F_g = tr(W dΣ) − 2 d̃ᵀdμ.
 */
export function residualWeight(
  meanstructure: boolean,
  st: GroupStats,
  ge: GroupEval,
): { W: Float64Array; dt: Float64Array } {
  if (ge.residual !== undefined) return ge.residual;
  const p = st.p;
  const si = ge.sigmaInv;
  const mu = ge.implied.mu;
  const dt = new Float64Array(p);
  if (meanstructure) {
    for (let i = 0; i < p; i++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += si[i * p + j]! * (st.mean[j]! - mu[j]!);
      dt[i] = s;
    }
  }
  const W = matmul(si, matmul(st.S, si, p, p, p), p, p, p);
  for (let i = 0; i < p * p; i++) W[i] = si[i]! - W[i]!;
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) W[i * p + j] -= dt[i]! * dt[j]!;
  return { W, dt };
}
