/**
 * Full-information ML as an objective of the optimizer (estimate/optimize.ts). Per group, in
 * lavaan's scale (estimator.FIML):
 *   F_g(θ) = −2 logL_g(θ)/n_g − (−2 logL_g,h1/n_g),
 * the casewise log-likelihood at the model-implied moments minus that of the unrestricted (EM)
 * model, so that F = Σ_g (n_g/N) F_g gives T = N·F = 2 (logL_h1 − logL_h0) as the likelihood-ratio
 * statistic and fmin = F/2, exactly as for complete data. The 2π constants cancel.
 * The gradient reuses the complete-data chain rule (estimate/ml.ts) with the pattern-summed
 * weights W/n_g and d̃/n_g of missing/loglik.ts. The optimizer's curvature is the complete-data
 * expected information at Σ(θ) (one metric, cheap); it overstates the information by the fraction
 * of missing information, so Fisher scoring still converges, and BFGS refines the last steps.
 */
import type { GroupEval, GroupObjective, Problem } from "../estimate/ml.js";
import { optimize } from "../estimate/optimize.js";
import type { Representation } from "../model/representation.js";
import type { SampleStats } from "../samplestats/index.js";
import { casewiseTerms } from "./loglik.js";
import type { MissingPattern } from "./patterns.js";

export interface FimlGroup {
  readonly patterns: readonly MissingPattern[];
  /** the group's rows, row-major n×p with NaN for missing cells (casewise scores need them) */
  readonly X: Float64Array;
  /** rows used (non-empty) */
  readonly n: number;
  readonly p: number;
  /** −2 logL of the unrestricted (EM) model without the 2π constant */
  readonly h1m2ll: number;
}

export interface FimlObjectiveOptions {
  /** also return the per-pattern metrics (for the expected information and modification indices) */
  metrics?: boolean;
}

export function fimlObjective(groups: readonly FimlGroup[], opts: FimlObjectiveOptions = {}): GroupObjective {
  return (g, implied): GroupEval | null => {
    const grp = groups[g]!;
    const t = casewiseTerms(grp.patterns, implied.sigma, implied.mu, grp.p, {
      gradient: true,
      metrics: opts.metrics === true,
    });
    if (t === null) return null;
    const n = grp.n;
    const W = t.W!.map((x) => x / n);
    const dt = t.dt!.map((x) => x / n);
    const ge: GroupEval = {
      implied,
      sigmaInv: t.P,
      f: (t.m2ll - grp.h1m2ll) / n,
      residual: { W, dt },
      ...(t.metrics !== null ? { metrics: t.metrics.map((m) => ({ w: m.n / n, E: m.E })) } : {}),
    };
    return ge;
  };
}

/** The FIML problem: the same representation and sample statistics (the EM moments), another objective. */
export function fimlProblem(
  rep: Representation,
  stats: SampleStats,
  rowValues: Float64Array,
  groups: readonly FimlGroup[],
  opts: FimlObjectiveOptions = {},
): Problem {
  return { rep, stats, rowValues, groupObjective: fimlObjective(groups, opts) };
}

/**
 * Starting values for the FIML optimizer: the complete-data ML fit of the model to the EM (h1)
 * moments, from `theta`. It costs O(p³) per step (no pass over the patterns), and the FIML
 * optimum lies close to it (they coincide for a saturated model; they differ only by the weighting
 * of the missing information), so the FIML run needs fewer of its costly steps; it still runs to
 * its own convergence criterion, so the estimates are those of the FIML likelihood. Falls back
 * to `theta` when that fit does not converge.
 */
export function emWarmStart(prob: Problem, theta: Float64Array): Float64Array {
  const plain: Problem = { rep: prob.rep, stats: prob.stats, rowValues: prob.rowValues };
  const r = optimize(plain, theta, { maxIterations: 100 });
  return r.converged ? r.theta : theta;
}
