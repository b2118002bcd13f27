/**
 * Invariants of the ML objective on models built through the real pipeline pieces:
 * the analytic gradient equals finite differences of F (TOL.gradient), Σ(θ) and the expected
 * information are symmetric positive definite at the start, and a non-PD Σ(θ) gives F = +Inf.
 */
import { describe, expect, it } from "vitest";
import { expectedInformation } from "../../src/sem/estimate/info-total.js";
import { evaluate, gradient } from "../../src/sem/estimate/ml.js";
import { cholesky } from "../../src/sem/linalg/dense.js";
import { TOL, expectAllRelClose, maxAbs } from "./helpers.js";
import { F, MODELS, centralDiff, perturbed, stepFor } from "./models.js";

const { rel, floor } = TOL.gradient;

describe.each(MODELS)("%s", (_, build) => {
  const b = build();
  const { prob, table } = b;
  const q = prob.rep.nfree;

  it("has free parameters and finite start values", () => {
    expect(q).toBeGreaterThan(0);
    expect(b.start.length).toBe(q);
    for (const t of b.start) expect(Number.isFinite(t)).toBe(true);
  });

  it.each([
    ["start", 0],
    ["perturbed point 1", 11],
    ["perturbed point 2", 12],
  ])("analytic gradient = central finite differences of F at the %s", (_, seed) => {
    const theta = seed === 0 ? b.start : perturbed(b, seed);
    const ev = evaluate(prob, theta);
    expect(Number.isFinite(ev.f)).toBe(true);
    const g = gradient(prob, ev);
    const fd = Float64Array.from(theta, (t, i) => centralDiff(F(prob), theta, i, stepFor(t)));
    expect(maxAbs(g), "the gradient is not trivially zero").toBeGreaterThan(1e-4);
    expectAllRelClose(g, fd, rel, floor, "∂F/∂θ");
  });

  it("Σ(θ) at the start is symmetric and positive definite in every group", () => {
    const ev = evaluate(prob, b.start);
    expect(ev.groups.length).toBe(table.ngroups);
    for (const ge of ev.groups) {
      const { sigma } = ge.implied;
      const p = prob.rep.groups[0]!.p;
      expect(sigma.length).toBe(p * p);
      for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) expect(sigma[i * p + j]).toBe(sigma[j * p + i]);
      expect(cholesky({ n: p, a: sigma })).not.toBeNull();
    }
  });

  it.each([
    ["start", 0],
    ["perturbed point", 13],
  ])("the expected information at the %s is symmetric and positive definite", (_, seed) => {
    const theta = seed === 0 ? b.start : perturbed(b, seed);
    const info = expectedInformation(prob, evaluate(prob, theta));
    expect(info.length).toBe(q * q);
    const scale = maxAbs(info);
    const transposed = Float64Array.from(info, (_, k) => info[(k % q) * q + Math.floor(k / q)]!);
    expectAllRelClose(info, transposed, TOL.kernel.rel, scale, "I vs Iᵀ");
    expect(cholesky({ n: q, a: info }), "I(θ) is positive definite").not.toBeNull();
  });

  it("F = +Inf, without an exception, when θ makes Σ(θ) not positive definite", () => {
    const cell = prob.rep.groups[0]!.cells.find((c) => c.kind === "theta" && c.i === c.j && c.free >= 0);
    expect(cell, "a free residual variance of an observed variable").toBeDefined();
    const bad = Float64Array.from(b.start);
    bad[cell!.free] = -1e6;
    expect(() => evaluate(prob, bad)).not.toThrow();
    expect(evaluate(prob, bad).f).toBe(Infinity);
    const nan = Float64Array.from(b.start);
    nan[0] = NaN;
    expect(evaluate(prob, nan).f).toBe(Infinity);
  });
});
