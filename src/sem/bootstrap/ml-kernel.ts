/**
 * The complete-data ML discrepancy and its gradient for many fits of one model (the bootstrap's
 * refits): the formulas of estimate/ml.ts and model/implied.ts,
 *   Σ = Λ IB Ψ IBᵀ Λᵀ + Θ,  μ = ν + Λ IB α  (IB = (I − B)⁻¹),
 *   F_g = log|Σ| + tr(S Σ⁻¹) − log|S| − p + (x̄ − μ)ᵀ Σ⁻¹ (x̄ − μ),  F = Σ_g (n_g/N) F_g,
 * and the gradient through W = Σ⁻¹ − Σ⁻¹(S + ddᵀ)Σ⁻¹ (ml.ts), with the representation compiled
 * once into index arrays and every matrix in a buffer allocated once: an evaluation allocates
 * nothing (a model with regressions among latent variables allocates the small inverse of I − B).
 * A refit evaluates F and its gradient a dozen times, and for the small models bootstrapped most,
 * allocation and indirection cost more than the arithmetic.
 * It applies to problems whose objective is the complete-data ML discrepancy of Σ and μ (no
 * objective or group objective of another data method: applies()).
 */
import type { Problem } from "../estimate/ml.js";
import type { Representation } from "../model/representation.js";
import { GroupKernel } from "./group-kernel.js";

/** F and ∂F of complete-data ML for the problems of one representation. */
export class MlKernel {
  readonly rep: Representation;
  private readonly groups: GroupKernel[];
  private prob: Problem | null = null;
  /** the number of Σ cells, Σ_g p_g² (for the rounding noise of F) */
  readonly cells: number;

  constructor(rep: Representation) {
    this.rep = rep;
    this.groups = rep.groups.map((g) => new GroupKernel(g));
    this.cells = rep.groups.reduce((a, g) => a + g.p * g.p, 0);
  }

  /** Whether the problem's objective is the complete-data ML discrepancy this kernel computes. */
  static applies(prob: Problem): boolean {
    return prob.objective === undefined && prob.groupObjective === undefined;
  }

  /** The problem (sample statistics and fixed values) of the next evaluations; its rep must be this kernel's. */
  use(prob: Problem): void {
    if (prob.rep !== this.rep) throw new Error("MlKernel: the problem has another representation");
    this.prob = prob;
    for (const g of this.groups) g.fixed(prob.rowValues);
  }

  /** F(θ); Infinity when Σ(θ) is not positive definite (or I − B singular) in some group. */
  evaluate(theta: Float64Array): number {
    const { stats } = this.prob!;
    let f = 0;
    for (let g = 0; g < this.groups.length; g++) {
      const st = stats.groups[g]!;
      const fg = this.groups[g]!.evaluate(theta, st);
      if (!Number.isFinite(fg)) return Infinity;
      f += (st.n / stats.ntotal) * fg;
    }
    return Number.isFinite(f) ? f : Infinity;
  }

  /** ∂F/∂θ into `out` at the θ of the last evaluation (which must have been finite). */
  gradient(out: Float64Array): void {
    const { stats } = this.prob!;
    out.fill(0);
    for (let g = 0; g < this.groups.length; g++) {
      const st = stats.groups[g]!;
      this.groups[g]!.addGradient(st, st.n / stats.ntotal, out);
    }
  }
}
