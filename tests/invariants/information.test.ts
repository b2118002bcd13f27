/**
 * When the sample moments equal the implied moments (S = Σ(θ₀), x̄ = μ(θ₀)), F has its minimum
 * 0 at θ₀, its gradient vanishes there, and its Hessian is exactly twice the expected
 * information (the observed and expected information coincide at a perfect fit). The Hessian
 * is taken as central differences of the analytic gradient, already checked against F in
 * gradient.test.ts (tolerance TOL.information, relative to the size of the matrix).
 */
import { describe, expect, it } from "vitest";
import { expectedInformation } from "../../src/sem/estimate/info-total.js";
import { evaluate, gradient, type Problem } from "../../src/sem/estimate/ml.js";
import { spdInverse } from "../../src/sem/linalg/dense.js";
import type { GroupStats } from "../../src/sem/samplestats/index.js";
import { TOL, expectAllRelClose, expectRelClose, maxAbs } from "./helpers.js";
import { MODELS, grad, perturbed, stepFor } from "./models.js";

/** The same problem with each group's S and x̄ replaced by Σ(θ₀) and μ(θ₀). */
function perfectFit(prob: Problem, theta0: Float64Array): Problem {
  const ev = evaluate(prob, theta0);
  const groups: GroupStats[] = prob.stats.groups.map((st, g) => {
    const { sigma, mu } = ev.groups[g]!.implied;
    const inv = spdInverse({ n: st.p, a: sigma })!;
    const mean = prob.rep.groups[g]!.meanstructure ? mu : st.mean;
    return { ...st, S: Float64Array.from(sigma), mean: Float64Array.from(mean), Sinv: inv.inv.a, logDetS: inv.logDet };
  });
  return { ...prob, stats: { ...prob.stats, groups } };
}

describe.each(MODELS)("%s at a perfect fit", (_, build) => {
  const b = build();
  const theta0 = perturbed(b, 21);
  const prob = perfectFit(b.prob, theta0);
  const q = theta0.length;

  it("F(θ₀) = 0 and ∇F(θ₀) = 0, while F > 0 nearby", () => {
    const ev = evaluate(prob, theta0);
    const { rel, floor } = TOL.atZero;
    expectRelClose(ev.f, 0, rel, floor, "F(θ₀)");
    expectAllRelClose(gradient(prob, ev), new Float64Array(q), rel, floor, "∇F(θ₀)");
    const moved = Float64Array.from(theta0, (t) => t * 1.01 + 0.001);
    expect(evaluate(prob, moved).f).toBeGreaterThan(1e-8);
  });

  it("the Hessian of F (central differences of the analytic gradient) equals 2·I(θ₀)", () => {
    const info = expectedInformation(prob, evaluate(prob, theta0));
    const twice = Float64Array.from(info, (x) => 2 * x);
    const hess = new Float64Array(q * q);
    for (let j = 0; j < q; j++) {
      const h = stepFor(theta0[j]!);
      const at = (step: number): Float64Array =>
        grad(
          prob,
          Float64Array.from(theta0, (t, k) => (k === j ? t + step : t)),
        );
      const [p1, m1, p2, m2] = [at(h), at(-h), at(h / 2), at(-h / 2)];
      // Richardson-extrapolated central difference, as centralDiff does for F
      for (let i = 0; i < q; i++) hess[i * q + j] = ((4 * (p2[i]! - m2[i]!)) / h - (p1[i]! - m1[i]!) / (2 * h)) / 3;
    }
    const { rel, floor } = TOL.information;
    expectAllRelClose(hess, twice, rel, Math.max(floor, maxAbs(twice)), "∂²F/∂θ∂θᵀ vs 2I");
  });
});
