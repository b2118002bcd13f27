/**
 * Minimises F(θ) by Fisher scoring with a backtracking line search:
 *   Δ = −(2 I(θ))⁻¹ ∇F(θ),  θ ← θ + t Δ,  t halved until F decreases (Armijo, c = 1e-4).
 * The expected Hessian of F is 2·I(θ) (Jennrich & Sampson 1976; Lee & Jennrich 1979), so near
 * the optimum the steps are nearly Newton steps and convergence is fast. When I(θ) is singular
 * or the step fails, a Levenberg–Marquardt ridge λ·diag(I) is added and grown; F = +Inf (a
 * non-positive-definite Σ(θ)) simply shortens the step. Converged when the Newton decrement
 * −∇Fᵀ Δ falls below 1e-14 (lavaan: nlminb with rel.tol 1e-10 on F/2).
 * A step moves no parameter by more than 5·(1 + |θᵢ|), so that a poor start does not leap into
 * a degenerate region (a variance near zero with loadings growing without bound). When a run
 * still fails, the caller's fallback starts are tried (fitModel passes the data-driven start
 * without the user's start() values and lavaan's "simple" start).
 */
import { cholesky, choleskySolve } from "../linalg/dense.js";
import { evaluate, gradient, type Evaluation, type Problem } from "./ml.js";
import { expectedInformation } from "./info-total.js";

export interface OptimizeResult {
  readonly theta: Float64Array;
  readonly evaluation: Evaluation;
  readonly iterations: number;
  readonly converged: boolean;
  readonly message: string;
}

export interface OptimizeOptions {
  maxIterations?: number;
  tolerance?: number;
  /**
   * Starts to try, in order, when the run from `start` does not converge (e.g. the data-driven
   * default start when the user's start() values are poor). The first converged run wins;
   * otherwise the run with the lowest F is returned, marked not converged.
   */
  fallbackStarts?: readonly Float64Array[];
}

function solveDamped(H: Float64Array, g: Float64Array, q: number, ridge: number): Float64Array | null {
  const A = Float64Array.from(H);
  for (let i = 0; i < q; i++) A[i * q + i] += ridge * Math.max(H[i * q + i]!, 1e-8) + 1e-12;
  const L = cholesky({ n: q, a: A });
  if (L === null) return null;
  const step = choleskySolve(L, g);
  for (let i = 0; i < q; i++) step[i] = -step[i]!;
  return step;
}

/** The largest t ≤ 1 such that no parameter moves by more than 5·(1 + |θᵢ|). */
function cappedLength(theta: Float64Array, step: Float64Array): number {
  let t = 1;
  for (let i = 0; i < theta.length; i++) {
    const limit = 5 * (1 + Math.abs(theta[i]!));
    if (Math.abs(step[i]!) > limit) t = Math.min(t, limit / Math.abs(step[i]!));
  }
  return t;
}

export function optimize(prob: Problem, start: Float64Array, opts: OptimizeOptions = {}): OptimizeResult {
  let best = fisherScoring(prob, start, opts);
  let iterations = best.iterations;
  for (const alt of opts.fallbackStarts ?? []) {
    if (best.converged) break;
    const next = fisherScoring(prob, alt, opts);
    iterations += next.iterations;
    if (next.converged || !(best.evaluation.f <= next.evaluation.f)) best = next;
  }
  return { ...best, iterations };
}

function fisherScoring(prob: Problem, start: Float64Array, opts: OptimizeOptions): OptimizeResult {
  const maxIt = opts.maxIterations ?? 500;
  const tol = opts.tolerance ?? 1e-14;
  const q = start.length;
  let theta = Float64Array.from(start);
  let ev = evaluate(prob, theta);
  if (!Number.isFinite(ev.f)) {
    return { theta, evaluation: ev, iterations: 0, converged: false, message: "the starting values give a covariance matrix that is not positive definite" };
  }
  let ridge = 0;
  for (let it = 1; it <= maxIt; it++) {
    const g = gradient(prob, ev);
    const H = expectedInformation(prob, ev);
    for (let i = 0; i < q * q; i++) H[i] *= 2;
    let step = solveDamped(H, g, q, ridge);
    while (step === null && ridge < 1e8) {
      ridge = ridge === 0 ? 1e-6 : ridge * 10;
      step = solveDamped(H, g, q, ridge);
    }
    if (step === null) return { theta, evaluation: ev, iterations: it, converged: false, message: "the information matrix cannot be factored" };
    let slope = 0;
    for (let i = 0; i < q; i++) slope += g[i]! * step[i]!;
    if (-slope < tol) return { theta, evaluation: ev, iterations: it - 1, converged: true, message: "converged" };
    let t = cappedLength(theta, step);
    let accepted = false;
    while (t > 1e-12) {
      const trial = new Float64Array(q);
      for (let i = 0; i < q; i++) trial[i] = theta[i]! + t * step[i]!;
      const evT = evaluate(prob, trial);
      if (Number.isFinite(evT.f) && evT.f <= ev.f + 1e-4 * t * slope) {
        theta = trial;
        ev = evT;
        accepted = true;
        break;
      }
      t /= 2;
    }
    if (!accepted) {
      if (-slope < 1e-10) return { theta, evaluation: ev, iterations: it, converged: true, message: "converged (no further decrease possible)" };
      ridge = ridge === 0 ? 1e-4 : ridge * 10;
      if (ridge > 1e8) return { theta, evaluation: ev, iterations: it, converged: false, message: "the line search failed" };
      continue;
    }
    ridge = t === 1 ? ridge / 10 : ridge;
    if (ridge < 1e-10) ridge = 0;
  }
  return { theta, evaluation: ev, iterations: maxIt, converged: false, message: `no convergence after ${maxIt} iterations` };
}
