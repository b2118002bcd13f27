/** The models the estimator invariants run on: reference cases plus one built here. */
import { parseModel } from "../../src/sem/syntax/index.js";
import type { Problem } from "../../src/sem/estimate/ml.js";
import { evaluate, gradient } from "../../src/sem/estimate/ml.js";
import { normal, rng } from "./helpers.js";
import { buildProblem, loadCase, type Built, type Case } from "./problem.js";

/**
 * Within-group equal loadings (a shared label), an observed exogenous predictor (a dummy latent
 * with fixed.x), an observed outcome of a latent, a residual covariance, and a mean structure.
 */
const structural = `
visual  =~ x1 + a*x2 + a*x3
textual =~ x4 + x5 + x6
textual ~ visual + x7
x9 ~ textual + x7
x1 ~~ x4
`;

function withModel(c: Case, name: string, text: string): Case {
  return { ...c, name, syntax: parseModel(text, { file: `${name}.lav` }) };
}

export const MODELS: [string, () => Built][] = [
  ["HS 3-factor CFA", () => buildProblem(loadCase("hs-cfa-ml"))],
  ["HS CFA, std.lv", () => buildProblem(loadCase("hs-cfa-stdlv"))],
  ["HS second-order", () => buildProblem(loadCase("hs-second-order"))],
  ["PD SEM with residual covariances", () => buildProblem(loadCase("pd-sem"))],
  ["two groups (school), mean structure", () => buildProblem(loadCase("hs-multigroup-configural"))],
  ["two groups, equal loadings", () => buildProblem(loadCase("hs-multigroup-metric"))],
  [
    "labels, observed predictor, mean structure",
    () => buildProblem(withModel(loadCase("hs-cfa-ml"), "structural", structural), { meanstructure: true }),
  ],
];

/**
 * A point away from the start: every θ moved by 10% of max(|θ|, 0.1) (seeded), checked to give
 * a finite F so that Σ(θ) is still positive definite there.
 */
export function perturbed(b: Built, seed: number): Float64Array {
  const u = rng(seed);
  const theta = Float64Array.from(b.start, (t) => t + 0.1 * Math.max(Math.abs(t), 0.1) * normal(u));
  if (!Number.isFinite(evaluate(b.prob, theta).f)) throw new Error("perturbed point has a non-PD Σ");
  return theta;
}

/** Central difference of a scalar function along θ_i, Richardson-extrapolated: error O(h⁴). */
export function centralDiff(f: (t: Float64Array) => number, theta: Float64Array, i: number, h: number): number {
  const d = (step: number): number => {
    const up = Float64Array.from(theta);
    const down = Float64Array.from(theta);
    up[i] += step;
    down[i] -= step;
    return (f(up) - f(down)) / (2 * step);
  };
  return (4 * d(h / 2) - d(h)) / 3;
}

/** The step for θ_i: 1e-3 relative, at least 1e-3. */
export const stepFor = (t: number): number => 1e-3 * Math.max(1, Math.abs(t));

export const F =
  (prob: Problem) =>
  (t: Float64Array): number =>
    evaluate(prob, t).f;
export const grad = (prob: Problem, t: Float64Array): Float64Array => gradient(prob, evaluate(prob, t));
