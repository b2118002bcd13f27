/**
 * The refits' ML kernel (ml-kernel.ts) and quasi-Newton run (quasi-newton.ts) against the
 * estimator they stand in for: F and ∂F of estimate/ml.ts at the same points (a CFA, a
 * multi-group CFA with means and equal loadings and intercepts, an SEM with regressions among
 * latent variables, a model with fixed.x covariates, labels with an equality constraint), F =
 * +Inf where Σ(θ) is not positive definite, and the refit from θ̂ reaching optimize.ts's solution.
 * The expected values are those of ml.ts and optimize.ts themselves (the engine's lavaan parity
 * is tested in tests/parity); the kernel must reproduce them up to rounding.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MlKernel } from "../../../src/sem/bootstrap/ml-kernel.js";
import { QuasiNewton } from "../../../src/sem/bootstrap/quasi-newton.js";
import { readTable } from "../../../src/sem/data/read-file.js";
import { evaluate, gradient, type Problem } from "../../../src/sem/estimate/ml.js";
import { optimize } from "../../../src/sem/estimate/optimize.js";
import { expectedInformation } from "../../../src/sem/estimate/info-total.js";
import { spdInverse } from "../../../src/sem/linalg/dense.js";
import { fitModel, type FitInput } from "../../../src/sem/fit-model.js";
import type { FitOptionsInput } from "../../../src/sem/options.js";
import { parseModel } from "../../../src/sem/syntax/index.js";

const CASES: { name: string; data: string; model: string; options?: FitOptionsInput }[] = [
  {
    name: "HS CFA",
    data: "datasets/holzinger-swineford-1939/data.csv",
    model: "datasets/holzinger-swineford-1939/three-factor.lav",
  },
  {
    name: "HS by school, equal loadings and intercepts",
    data: "tests/fixtures/extra/hs-multigroup-scalar/data.csv",
    model: "tests/fixtures/extra/hs-multigroup-scalar/model.lav",
    options: { group: "school", groupEqual: ["loadings", "intercepts"] },
  },
  {
    name: "Political Democracy SEM (B ≠ 0, :=)",
    data: "datasets/political-democracy/data.csv",
    model: "datasets/political-democracy/indirect-effect.lav",
  },
  {
    name: "SEM with fixed.x covariates",
    data: "tests/fixtures/extra/sem-observed-covariates/data.csv",
    model: "tests/fixtures/extra/sem-observed-covariates/model.lav",
  },
  {
    name: "labels and c == d",
    data: "tests/fixtures/extra/hs-labels-constraints/data.csv",
    model: "tests/fixtures/extra/hs-labels-constraints/model.lav",
  },
];

async function fitted(c: (typeof CASES)[number]) {
  const input: FitInput = {
    syntax: parseModel(readFileSync(c.model, "utf8"), { file: c.model }),
    data: readTable(c.data),
    options: c.options ?? {},
  };
  return fitModel(input);
}

/** θ̂ moved by a fixed pattern of relative steps (a point away from the optimum). */
function displaced(theta: Float64Array, size: number): Float64Array {
  return theta.map((x, i) => x + size * (0.5 + (i % 3)) * (Math.abs(x) + 0.1) * (i % 2 === 0 ? 1 : -1));
}

function absoluteGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let gap = 0;
  for (let i = 0; i < b.length; i++) gap = Math.max(gap, Math.abs(a[i]! - b[i]!));
  return gap;
}

function relativeGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 0;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]!));
  let gap = 0;
  for (let i = 0; i < b.length; i++) gap = Math.max(gap, Math.abs(a[i]! - b[i]!));
  return gap / scale;
}

describe("the refits' ML kernel", () => {
  for (const c of CASES) {
    it(`${c.name}: F and ∂F equal ml.ts's at θ̂ and away from it`, async () => {
      const fit = await fitted(c);
      const prob: Problem = fit.prob;
      expect(MlKernel.applies(prob)).toBe(true);
      if (c.options?.group !== undefined) expect(prob.rep.groups.map((g) => g.meanstructure)).toEqual([true, true]);
      const kernel = new MlKernel(prob.rep);
      kernel.use(prob);
      const g = new Float64Array(prob.rep.nfree);
      for (const theta of [fit.theta, displaced(fit.theta, 0.02), displaced(fit.theta, 0.1)]) {
        const ev = evaluate(prob, theta);
        expect(Number.isFinite(ev.f)).toBe(true);
        const f = kernel.evaluate(theta);
        expect(Math.abs(f - ev.f)).toBeLessThan(1e-12 * Math.max(1, Math.abs(ev.f)));
        kernel.gradient(g);
        // rounding is relative to the terms of ∂F (of the order of F), not to their sum, which is ~0 at θ̂
        expect(absoluteGap(g, gradient(prob, ev))).toBeLessThan(1e-12 * Math.max(1, Math.abs(ev.f)));
      }
    });
  }

  it("F = +Inf where Σ(θ) is not positive definite (a residual variance far below zero)", async () => {
    const fit = await fitted(CASES[0]!);
    const kernel = new MlKernel(fit.prob.rep);
    kernel.use(fit.prob);
    const theta = Float64Array.from(fit.theta);
    const x1 = fit.table.rows.find((r) => r.op === "~~" && r.lhs === "x1" && r.rhs === "x1")!;
    theta[x1.free - 1] = -5;
    expect(evaluate(fit.prob, theta).f).toBe(Infinity);
    expect(kernel.evaluate(theta)).toBe(Infinity);
  });

  it("refuses a problem of another representation", async () => {
    const a = await fitted(CASES[0]!);
    const b = await fitted(CASES[0]!);
    expect(() => new MlKernel(a.prob.rep).use(b.prob)).toThrow(/another representation/);
  });
});

describe("the quasi-Newton refit", () => {
  for (const c of CASES.slice(1, 4)) {
    it(`${c.name}: from a displaced start to optimize.ts's solution`, async () => {
      const fit = await fitted(c);
      const prob = fit.prob;
      const q = prob.rep.nfree;
      const H = expectedInformation(prob, evaluate(prob, fit.theta)).map((x) => 2 * x);
      const qn = new QuasiNewton(H, spdInverse({ n: q, a: H })!.inv.a);
      const kernel = new MlKernel(prob.rep);
      kernel.use(prob);
      const start = displaced(fit.theta, 0.01);
      const r = qn.run(kernel, start);
      expect(r).not.toBeNull();
      const ref = optimize(prob, start, { initialHessian: H });
      expect(ref.converged).toBe(true);
      expect(relativeGap(r!.theta, ref.theta)).toBeLessThan(1e-7);
      expect(Math.abs(r!.f - ref.evaluation.f)).toBeLessThan(1e-12);
      expect(r!.iterations).toBeGreaterThan(0);
    });
  }

  it("hands back a start where Σ is not positive definite", async () => {
    const fit = await fitted(CASES[0]!);
    const prob = fit.prob;
    const q = prob.rep.nfree;
    const H = expectedInformation(prob, evaluate(prob, fit.theta)).map((x) => 2 * x);
    const kernel = new MlKernel(prob.rep);
    kernel.use(prob);
    const theta = Float64Array.from(fit.theta).fill(-1);
    expect(new QuasiNewton(H, spdInverse({ n: q, a: H })!.inv.a).run(kernel, theta)).toBeNull();
  });
});
