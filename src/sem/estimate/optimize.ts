/**
 * Minimises F(θ) by Fisher scoring, then quasi-Newton, with a backtracking line search:
 *   Δ = −H⁻¹ ∇F(θ),  θ ← θ + t Δ,  t halved until F decreases (Armijo, c = 1e-4).
 * Far from the optimum H = 2·I(θ), the expected Hessian of F (Jennrich & Sampson 1976; Lee &
 * Jennrich 1979). When the model does not fit exactly, 2·I differs from the true Hessian and
 * Fisher scoring converges only linearly (on the HS CFA: 35 steps, each halving the error), so
 * once the Newton decrement is below 1e-4 the last 2·I is refined by BFGS updates
 * (Nocedal & Wright 2006, eq. 6.19), which converge superlinearly and need no new information
 * matrix per step; a failed quasi-Newton step returns to Fisher scoring.
 * F sums p² terms, so its rounding noise is about ε·p²·|F|; the tolerance on the decrement is
 * never below four times that (large models reach that floor before 1e-14), and a line search
 * that finds no decrease within the noise ends the run as converged. When I(θ) is singular
 * or the step fails, a Levenberg–Marquardt ridge λ·diag(I) is added and grown; F = +Inf (a
 * non-positive-definite Σ(θ)) simply shortens the step. Converged when the Newton decrement
 * −∇Fᵀ Δ falls below 1e-14 (lavaan: nlminb with rel.tol 1e-10 on F/2).
 * A step moves no parameter by more than 5·(|θᵢ| + sᵢ), sᵢ its own scale, so that a poor start does not leap
 * into a degenerate region (a variance near zero with loadings growing without bound). When a run
 * still fails, the caller's fallback starts are tried (fitModel passes the data-driven start
 * without the user's start() values and lavaan's "simple" start).
 */
import { cholesky, choleskySolve } from "../linalg/dense.js";
import { evaluate, gradient, type Evaluation, type Problem } from "./ml.js";
import { expectedInformation } from "./info-total.js";
import { signFlippedStart, stalled } from "./restarts.js";

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
  /**
   * Start in quasi-Newton mode from this approximation of the Hessian of F (q×q, row-major),
   * refined by BFGS updates from the first step, instead of 2·I(θ) recomputed at each Fisher
   * step: for starts next to the solution, as the bootstrap's refits from θ̂ with 2·I(θ̂) of the
   * full sample. A failed quasi-Newton step returns to Fisher scoring.
   */
  initialHessian?: Float64Array;
}

/**
 * Solves (H + ridge·diag(H)) Δ = −g in the units of the problem: H is scaled to unit diagonal
 * first (D H D with D = diag(H)^-½, Jacobi), so that neither the small constant that keeps the
 * factorization alive nor the ridge depends on the units of the variables (a variable measured in
 * cents instead of euros multiplies its variance's information by 1e-8).
 */
function solveDamped(H: Float64Array, g: Float64Array, q: number, ridge: number): Float64Array | null {
  const d = new Float64Array(q);
  let maxDiag = 0;
  for (let i = 0; i < q; i++) maxDiag = Math.max(maxDiag, H[i * q + i]!);
  for (let i = 0; i < q; i++) {
    const h = H[i * q + i]!;
    d[i] =
      h > 0 && Number.isFinite(h)
        ? 1 / Math.sqrt(h)
        : maxDiag > 0 && Number.isFinite(maxDiag)
          ? 1 / Math.sqrt(maxDiag)
          : 1;
  }
  const A = new Float64Array(q * q);
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) A[i * q + j] = d[i]! * H[i * q + j]! * d[j]!;
  for (let i = 0; i < q; i++) A[i * q + i] += ridge * Math.max(A[i * q + i]!, 1e-8) + 1e-12;
  const L = cholesky({ n: q, a: A });
  if (L === null) return null;
  const dg = new Float64Array(q);
  for (let i = 0; i < q; i++) dg[i] = d[i]! * g[i]!;
  const step = choleskySolve(L, dg);
  for (let i = 0; i < q; i++) step[i] = -d[i]! * step[i]!;
  return step;
}

/** −∇Fᵀ Δ for the undamped step Δ = −H⁻¹∇F (0 when H cannot be factored). */
function undampedDecrement(H: Float64Array, g: Float64Array, q: number): number {
  const step = solveDamped(H, g, q, 0);
  if (step === null) return 0;
  let d = 0;
  for (let i = 0; i < q; i++) d -= g[i]! * step[i]!;
  return d;
}

/**
 * H ← H + y yᵀ/(yᵀs) − (Hs)(Hs)ᵀ/(sᵀHs), s = θ₁ − θ₀, y = g₁ − g₀; skipped unless yᵀs >
 * 0.
 */
function bfgsUpdate(
  H: Float64Array,
  theta1: Float64Array,
  theta0: Float64Array,
  g1: Float64Array,
  g0: Float64Array,
): void {
  const q = theta1.length;
  const s = new Float64Array(q);
  const y = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    s[i] = theta1[i]! - theta0[i]!;
    y[i] = g1[i]! - g0[i]!;
  }
  const Hs = new Float64Array(q);
  let ys = 0;
  let sHs = 0;
  for (let i = 0; i < q; i++) {
    let a = 0;
    for (let j = 0; j < q; j++) a += H[i * q + j]! * s[j]!;
    Hs[i] = a;
    ys += y[i]! * s[i]!;
    sHs += s[i]! * a;
  }
  if (!(ys > 1e-12 * Math.sqrt(sHs * ys)) || !(sHs > 0)) return;
  for (let i = 0; i < q; i++)
    for (let j = 0; j < q; j++) H[i * q + j] += (y[i]! * y[j]!) / ys - (Hs[i]! * Hs[j]!) / sHs;
}

/**
 * The largest t ≤ 1 such that no parameter moves by more than 5·(|θᵢ| + sᵢ), with sᵢ = 1/√Hᵢᵢ the
 * parameter's own scale (a one-observation standard error): a covariance that starts at 0 between
 * variables measured in units of 1e30 must be allowed steps of that size (sᵢ = 1 when Hᵢᵢ is not
 * a positive number).
 */
function cappedLength(theta: Float64Array, step: Float64Array, H: Float64Array): number {
  const q = theta.length;
  let t = 1;
  for (let i = 0; i < q; i++) {
    const h = H[i * q + i]!;
    const scale = h > 0 && Number.isFinite(h) ? 1 / Math.sqrt(h) : 1;
    const limit = 5 * (Math.abs(theta[i]!) + scale);
    if (Math.abs(step[i]!) > limit) t = Math.min(t, limit / Math.abs(step[i]!));
  }
  return t;
}

/** At most this many sign-flip restarts after the given starts fail. */
const MAX_SIGN_RESTARTS = 4;

export function optimize(prob: Problem, start: Float64Array, opts: OptimizeOptions = {}): OptimizeResult {
  let best = fisherScoring(prob, start, opts);
  let iterations = best.iterations;
  let runs = 1;
  const first = best;
  // a restart's converged run wins only when it also improves on the failed runs: a stationary
  // point above them (a local solution reached from flipped signs, while F decreases further
  // towards a boundary) is not the maximum-likelihood solution
  const tryStart = (alt: Float64Array, mustImprove = false): OptimizeResult => {
    const next = fisherScoring(prob, alt, opts);
    iterations += next.iterations;
    runs++;
    const lower = next.evaluation.f < best.evaluation.f;
    if ((next.converged && (!mustImprove || lower)) || (!best.converged && lower)) best = next;
    return next;
  };
  for (const alt of opts.fallbackStarts ?? []) {
    if (best.converged) break;
    tryStart(alt);
  }
  // restarts with signs flipped towards where the previous run was heading (restarts.ts)
  let from = start;
  let reached = first.theta;
  for (let k = 0; k < MAX_SIGN_RESTARTS && !best.converged; k++) {
    const flipped = signFlippedStart(prob, from, reached);
    if (flipped === null) break;
    reached = tryStart(flipped, true).theta;
    from = flipped;
  }
  if (best.converged || runs === 1) return { ...best, iterations };
  const message =
    `no convergence after ` + `${iterations} iterations from ` + `${runs} starting points (the best: ${best.message})`;
  return { ...best, iterations, message };
}

function fisherScoring(prob: Problem, start: Float64Array, opts: OptimizeOptions): OptimizeResult {
  const maxIt = opts.maxIterations ?? 500;
  const tol = opts.tolerance ?? 1e-14;
  const q = start.length;
  let theta: Float64Array = Float64Array.from(start);
  let ev = evaluate(prob, theta);
  const stop = (iterations: number, converged: boolean, message: string): OptimizeResult => ({
    theta,
    evaluation: ev,
    iterations,
    converged,
    message,
  });
  if (!Number.isFinite(ev.f))
    return stop(0, false, "the starting values give a covariance matrix that is not positive definite");
  let ridge = 0;
  const p2 = prob.rep.groups.reduce((a, g) => a + g.p * g.p, 0);
  const noise = (f: number): number => 4 * Number.EPSILON * p2 * Math.max(1, Math.abs(f));
  const seeded = opts.initialHessian !== undefined;
  let H: Float64Array | null = seeded ? Float64Array.from(opts.initialHessian!) : null;
  let g = gradient(prob, ev);
  let quasiNewton = seeded;
  const history: number[] = [];
  for (let it = 1; it <= maxIt; it++) {
    history.push(ev.f);
    if (stalled(history)) return stop(it - 1, false, "stalled (no progress in 100 steps)");
    if (!quasiNewton || H === null) {
      H = expectedInformation(prob, ev);
      for (let i = 0; i < q * q; i++) H[i] *= 2;
    }
    const damped = dampedStep(H, g, q, ridge);
    ridge = damped.ridge;
    const step = damped.step;
    if (step === null) return stop(it, false, "the information matrix cannot be factored");
    let slope = 0;
    for (let i = 0; i < q; i++) slope += g[i]! * step[i]!;
    if (-slope < Math.max(tol, noise(ev.f))) {
      // a heavily damped step is short wherever the gradient is: judge convergence undamped when I(θ) allows it
      if (ridge > 0 && undampedDecrement(H, g, q) >= Math.max(tol, noise(ev.f))) {
        ridge = 0;
        continue;
      }
      return stop(it - 1, true, "converged");
    }
    const t = cappedLength(theta, step, H);
    const found = lineSearch(prob, theta, ev, step, slope, t, noise(ev.f));
    if (found !== null) {
      if (-slope < 1e-4 || (seeded && quasiNewton)) {
        bfgsUpdate(H, found.trial, theta, found.g, g);
        quasiNewton = true;
      }
      theta = found.trial;
      ev = found.ev;
      g = found.g;
    }
    if (found === null && quasiNewton) {
      quasiNewton = false; // back to Fisher scoring
      continue;
    }
    if (found === null) {
      if (-slope < Math.max(1e-10, 1e3 * noise(ev.f)))
        return stop(it, true, "converged (no further decrease possible)");
      ridge = ridge === 0 ? 1e-4 : ridge * 10;
      if (ridge > 1e8) return stop(it, false, "the line search failed");
      continue;
    }
    ridge = found.t === 1 ? ridge / 10 : ridge;
    if (ridge < 1e-10) ridge = 0;
  }
  return stop(maxIt, false, `no convergence after ${maxIt} iterations`);
}

/** The Newton step for H with the ridge raised (×10 from 1e-6, up to 1e8) until H + ridge·I factors. */
function dampedStep(
  H: Float64Array,
  g: Float64Array,
  q: number,
  ridge0: number,
): { step: Float64Array | null; ridge: number } {
  let ridge = ridge0;
  let step = solveDamped(H, g, q, ridge);
  while (step === null && ridge < 1e8) {
    ridge = ridge === 0 ? 1e-6 : ridge * 10;
    step = solveDamped(H, g, q, ridge);
  }
  return { step, ridge };
}

/**
 * Backtracking (halving t from t0) to the first point θ + t·step with a finite f below f(θ) that meets
 * Armijo's condition (c = 1e-4); null when t falls under 1e-12, or under 1e-3 while the expected
 * decrease is within 1e3 times f's rounding noise (`noiseF`).
 */
function lineSearch(
  prob: Problem,
  theta: Float64Array,
  ev: Evaluation,
  step: Float64Array,
  slope: number,
  t0: number,
  noiseF: number,
): { trial: Float64Array; ev: Evaluation; g: Float64Array; t: number } | null {
  const q = theta.length;
  let t = t0;
  while (t > 1e-12 && !(t < 1e-3 && -slope < 1e3 * noiseF)) {
    const trial = new Float64Array(q);
    for (let i = 0; i < q; i++) trial[i] = theta[i]! + t * step[i]!;
    const evT = evaluate(prob, trial);
    if (Number.isFinite(evT.f) && evT.f < ev.f && evT.f <= ev.f + 1e-4 * t * slope) {
      return { trial, ev: evT, g: gradient(prob, evT), t };
    }
    t /= 2;
  }
  return null;
}
