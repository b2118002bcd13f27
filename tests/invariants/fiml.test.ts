/**
 * Invariants of full-information ML (src/sem/missing/) on the HS items with about 12% of the
 * values missing (the shared hs-cfa-fiml data), one group and two groups (school):
 * - the casewise likelihood summed per pattern equals the sum of the rows' own normal
 *   log-densities (computed row by row here, with a Σ_oo inverse per row);
 * - the downdate of Σ⁻¹ gives the same terms as inverting every Σ_oo;
 * - the analytic gradient of F equals central differences of F;
 * - the observed information equals ½ × central differences of the analytic gradient;
 * - the h1 observed information equals the numerical Hessian of −logL/n in (μ, vech Σ);
 * - EM reaches the unrestricted maximum (zero score); with complete data one step gives x̄ and S;
 * - casewise scores add up to the gradient of logL;
 * - lavaan's pairwise moments equal R's cov(use = "pairwise") computed pair by pair.
 * Tolerances: TOL.gradient / TOL.information of helpers.ts (each tested in tolerances.test.ts);
 * TOL.kernel for identities that are exact in exact arithmetic.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readTable } from "../../src/sem/data/read-file.js";
import { parseModel } from "../../src/sem/syntax/index.js";
import { evaluate, gradient, type Problem } from "../../src/sem/estimate/ml.js";
import { spdInverse } from "../../src/sem/linalg/dense.js";
import { emMoments } from "../../src/sem/missing/em.js";
import { h1ObservedInformation, h1Size, vechPairs } from "../../src/sem/missing/h1-information.js";
import { casewiseTerms, logLikelihood } from "../../src/sem/missing/loglik.js";
import { observedInformation } from "../../src/sem/missing/observed-information.js";
import { missingPatterns, pairwiseMoments } from "../../src/sem/missing/patterns.js";
import { casewiseScores, h1CasewiseScores } from "../../src/sem/missing/scores.js";
import type { FimlGroup } from "../../src/sem/missing/objective.js";
import { prepareFit } from "../../src/sem/fit-model.js";
import { TOL, expectAllRelClose, expectRelClose, maxAbs } from "./helpers.js";
import { F, centralDiff, perturbed, stepFor } from "./models.js";
import { loadCase } from "./problem.js";
import type { FitMeasureName } from "../../src/sem/fit/names.js";
import { toFitResult } from "../../src/sem/views.js";

/**
 * Richardson-extrapolated central difference of a vector function along x_j (as centralDiff, all components at once).
 */
function centralDiffVector(f: (x: Float64Array) => Float64Array, x: Float64Array, j: number, h: number): Float64Array {
  const d = (step: number): Float64Array => {
    const up = Float64Array.from(x);
    const down = Float64Array.from(x);
    up[j] += step;
    down[j] -= step;
    const a = f(up);
    const b = f(down);
    return Float64Array.from(a, (v, i) => (v - b[i]!) / (2 * step));
  };
  const half = d(h / 2);
  const full = d(h);
  return Float64Array.from(half, (v, i) => (4 * v - full[i]!) / 3);
}

interface FimlBuilt {
  prob: Problem;
  start: Float64Array;
  groups: readonly FimlGroup[];
}

function build(group?: string): FimlBuilt {
  const c = loadCase("hs-cfa-fiml");
  const prep = prepareFit({
    syntax: c.syntax,
    data: c.data,
    options: { missing: "fiml", ...(group ? { group } : {}) },
  });
  return { prob: prep.prob, start: prep.start.theta, groups: prep.fiml!.groups };
}

/** −2 logL of one row, without 2π, by its own Σ_oo inverse (the per-row computation FIML avoids). */
function rowM2ll(x: Float64Array, sigma: Float64Array, mu: Float64Array, p: number): number {
  const obs = [...x.keys()].filter((j) => !Number.isNaN(x[j]!));
  const k = obs.length;
  const S = Float64Array.from({ length: k * k }, (_, c) => sigma[obs[Math.floor(c / k)]! * p + obs[c % k]!]!);
  const inv = spdInverse({ n: k, a: S })!;
  let q = 0;
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++)
      q += (x[obs[a]!]! - mu[obs[a]!]!) * inv.inv.a[a * k + b]! * (x[obs[b]!]! - mu[obs[b]!]!);
  return inv.logDet + q;
}

describe.each([
  ["HS CFA, 12% missing, FIML", undefined],
  ["two groups (school), FIML", "school"],
])("%s", (_, group) => {
  const b = build(group);
  const { prob } = b;
  const q = prob.rep.nfree;
  const theta1 = perturbed({ prob, start: b.start, table: undefined as never }, 21);

  it("has incomplete rows grouped into many patterns", () => {
    for (const g of b.groups) {
      expect(g.patterns.length).toBeGreaterThan(10);
      expect(g.patterns.reduce((a, pt) => a + pt.n, 0)).toBe(g.n);
      expect(g.patterns.some((pt) => pt.obs.length === g.p)).toBe(true);
    }
  });

  it("the per-pattern likelihood equals the sum over rows of each row's own density", () => {
    const ev = evaluate(prob, theta1);
    b.groups.forEach((g, gi) => {
      const { sigma, mu } = ev.groups[gi]!.implied;
      let rows = 0;
      for (let r = 0; r < g.n; r++) rows += rowM2ll(g.X.subarray(r * g.p, (r + 1) * g.p), sigma, mu, g.p);
      const t = casewiseTerms(g.patterns, sigma, mu, g.p)!;
      expectRelClose(t.m2ll, rows, TOL.kernel.rel * 100, 1, "−2 logL");
    });
  });

  it("the downdate of Σ⁻¹ gives the terms of the direct Σ_oo inverses", () => {
    const ev = evaluate(prob, theta1);
    b.groups.forEach((g, gi) => {
      const { sigma, mu } = ev.groups[gi]!.implied;
      const a = casewiseTerms(g.patterns, sigma, mu, g.p, { gradient: true, metrics: true })!;
      const d = casewiseTerms(g.patterns, sigma, mu, g.p, { gradient: true, metrics: true, direct: true })!;
      expectRelClose(a.m2ll, d.m2ll, 1e-12, 1, "m2ll");
      expectAllRelClose(a.W!, d.W!, 1e-10, maxAbs(d.W!), "W");
      expectAllRelClose(a.dt!, d.dt!, 1e-10, maxAbs(d.dt!), "d̃");
      a.metrics!.forEach((m, k) => expectAllRelClose(m.E, d.metrics![k]!.E, 1e-10, maxAbs(d.metrics![k]!.E), "E_k"));
    });
  });

  it.each([
    ["start", 0],
    ["perturbed point", 1],
  ])("analytic gradient = central finite differences of F at the %s", (_, which) => {
    const theta = which === 0 ? b.start : theta1;
    const g = gradient(prob, evaluate(prob, theta));
    const fd = Float64Array.from(theta, (t, i) => centralDiff(F(prob), theta, i, stepFor(t)));
    expect(maxAbs(g)).toBeGreaterThan(1e-4);
    expectAllRelClose(g, fd, TOL.gradient.rel, TOL.gradient.floor, "∂F/∂θ");
  });

  it("the observed information = ½ × central differences of the analytic gradient", () => {
    const ev = evaluate(prob, theta1);
    const info = observedInformation(prob, ev, theta1, b.groups)!;
    const fd = new Float64Array(q * q);
    for (let j = 0; j < q; j++) {
      const col = centralDiffVector((t) => gradient(prob, evaluate(prob, t)), theta1, j, stepFor(theta1[j]!));
      for (let i = 0; i < q; i++) fd[i * q + j] = 0.5 * col[i]!;
    }
    const sym = Float64Array.from(fd, (_, k) => 0.5 * (fd[k]! + fd[(k % q) * q + Math.floor(k / q)]!));
    expectAllRelClose(info, sym, TOL.information.rel * 10, maxAbs(sym), "I_obs");
  });

  it("casewise scores add up to the gradient of logL", () => {
    const ev = evaluate(prob, theta1);
    const g = gradient(prob, ev); // ∂F/∂θ, F = Σ_g (n_g/N)(−2 logL_g/n_g) + const
    const sum = new Float64Array(q);
    b.groups.forEach((gr, gi) => {
      const S = casewiseScores(prob.rep.groups[gi]!, ev.groups[gi]!.implied, q, gr.patterns, gr.X, gr.n)!;
      // stored by parameter (q×n)
      for (let r = 0; r < gr.n; r++) for (let a = 0; a < q; a++) sum[a] += S[a * gr.n + r]!;
    });
    const expected = Float64Array.from(g, (x) => (-prob.stats.ntotal / 2) * x);
    expectAllRelClose(sum, expected, 1e-10, maxAbs(expected), "Σ_i s_i");
  });
});

describe("h1 (unrestricted) pieces on the HS data with missing values", () => {
  const b = build();
  const g = b.groups[0]!;
  const p = g.p;
  const em = emMoments(g.patterns, p, { tolerance: 1e-13, maxIterations: 5000 });

  /** ∂(−logL/n)/∂ξ in (μ, vech Σ) from the pattern-summed weights. */
  const xiGradient = (mu: Float64Array, sigma: Float64Array): Float64Array => {
    const t = casewiseTerms(g.patterns, sigma, mu, p, { gradient: true })!;
    const out = new Float64Array(h1Size(p));
    for (let i = 0; i < p; i++) out[i] = -t.dt![i]! / g.n;
    vechPairs(p).forEach(({ i, j }, c) => (out[p + c] = ((i === j ? 0.5 : 1) * t.W![i * p + j]!) / g.n));
    return out;
  };
  const unpack = (xi: Float64Array): { mu: Float64Array; sigma: Float64Array } => {
    const mu = xi.slice(0, p);
    const sigma = new Float64Array(p * p);
    vechPairs(p).forEach(({ i, j }, c) => {
      sigma[i * p + j] = xi[p + c]!;
      sigma[j * p + i] = xi[p + c]!;
    });
    return { mu, sigma };
  };
  const pack = (mu: Float64Array, sigma: Float64Array): Float64Array =>
    Float64Array.from([...mu, ...vechPairs(p).map(({ i, j }) => sigma[i * p + j]!)]);

  it("EM converges to a point where the score of the saturated model vanishes", () => {
    expect(em.converged).toBe(true);
    const gr = xiGradient(em.mean, em.sigma);
    expect(maxAbs(gr)).toBeLessThan(1e-9);
    // and lavaan's stopping rule (1e-5) leaves the log-likelihood within 1e-6 of that maximum
    expectRelClose(emMoments(g.patterns, p).logl, em.logl, 1e-9, 1, "logL of EM with lavaan's tolerance");
  });

  it("with complete data one EM step gives the sample means and the N-divisor covariance", () => {
    const rows = g.patterns.find((pt) => pt.obs.length === p)!;
    const one = emMoments([rows], p);
    expect(one.iterations).toBeLessThanOrEqual(2);
    expectAllRelClose(one.mean, rows.mean, TOL.kernel.rel * 10, 1, "mean");
    expectAllRelClose(one.sigma, rows.S, TOL.kernel.rel * 10, maxAbs(rows.S), "S");
  });

  it(`the h1 observed information equals the Hessian of −logL/n in (μ, vech Σ) \
by differences of its gradient`, () => {
    const xi0 = pack(em.mean, em.sigma);
    // away from the maximum too: shift the means
    const xi = Float64Array.from(xi0, (x, i) => (i < p ? x + 0.1 : x));
    const { mu, sigma } = unpack(xi);
    const ps = h1Size(p);
    const fd = new Float64Array(ps * ps);
    for (let j = 0; j < ps; j++) {
      const col = centralDiffVector(
        (x) => {
          const u = unpack(x);
          return xiGradient(u.mu, u.sigma);
        },
        xi,
        j,
        1e-4 * Math.max(1, Math.abs(xi[j]!)),
      );
      for (let i = 0; i < ps; i++) fd[i * ps + j] = col[i]!;
    }
    // from the patterns' moments alone, and from the rows of the patterns with fewer rows than variables
    const H = h1ObservedInformation(g.patterns, mu, sigma, p)!;
    expectAllRelClose(H, fd, TOL.information.rel * 10, maxAbs(fd), "H_h1");
    expect(g.patterns.some((pt) => pt.n < pt.obs.length)).toBe(true);
    const HX = h1ObservedInformation(g.patterns, mu, sigma, p, g.X)!;
    expectAllRelClose(HX, H, TOL.kernel.rel * 100, maxAbs(H), "H_h1 from the rows");
  });

  it("h1 casewise scores add up to the h1 gradient of logL", () => {
    const mu = Float64Array.from(em.mean, (x) => x + 0.05);
    const S = h1CasewiseScores(g.patterns, g.X, g.n, mu, em.sigma, p)!;
    const ps = h1Size(p);
    const sum = new Float64Array(ps);
    // stored by coordinate (p*×n)
    for (let r = 0; r < g.n; r++) for (let c = 0; c < ps; c++) sum[c] += S[c * g.n + r]!;
    const expected = Float64Array.from(xiGradient(mu, em.sigma), (x) => -g.n * x);
    expectAllRelClose(sum, expected, 1e-10, maxAbs(expected), "Σ_i s_i");
  });

  it('pairwise moments equal cov(use = "pairwise") computed pair by pair, rescaled by (N−1)/N', () => {
    const { mean, cov } = pairwiseMoments(g.patterns, p);
    for (let i = 0; i < p; i++)
      for (let j = 0; j <= i; j++) {
        const xs: number[] = [];
        const ys: number[] = [];
        for (let r = 0; r < g.n; r++) {
          const x = g.X[r * p + i]!,
            y = g.X[r * p + j]!;
          if (!Number.isNaN(x) && !Number.isNaN(y)) {
            xs.push(x);
            ys.push(y);
          }
        }
        const mx = xs.reduce((a, v) => a + v, 0) / xs.length;
        const my = ys.reduce((a, v) => a + v, 0) / ys.length;
        const c = xs.reduce((a, v, k) => a + (v - mx) * (ys[k]! - my), 0) / (xs.length - 1);
        expectRelClose(cov[i * p + j]!, (c * (g.n - 1)) / g.n, 1e-12, 1, `cov ${i},${j}`);
        if (i === j) expectRelClose(mean[i]!, mx, 1e-12, 1, `mean ${i}`);
      }
  });

  it("the log-likelihood of the EM moments is the logL of the h1 model reported as unrestricted.logl by lavaan", () => {
    // lavaan 0.6.14, fitMeasures(cfa(HS.model, hsmiss, missing = "fiml"))["unrestricted.logl"]
    expectRelClose(emMoments(g.patterns, p).logl, -3248.66748136978, 1e-9, 1, "unrestricted.logl");
    const t = casewiseTerms(g.patterns, em.sigma, em.mean, p)!;
    expectRelClose(logLikelihood(t), em.logl, 1e-14, 1, "logL");
  });
});

describe("the downdate of Σ⁻¹ on 25 items with 3% missing (bfi-fiml-3pct: 344 patterns of every kind)", () => {
  const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "extra", "bfi-fiml-3pct");
  const syntax = parseModel(readFileSync(join(dir, "model.lav"), "utf8"), { file: "model.lav" });
  const prep = prepareFit({ syntax, data: readTable(join(dir, "data.csv")), options: { missing: "fiml" } });
  const g = prep.fiml!.groups[0]!;
  const p = g.p;
  const ev = evaluate(prep.prob, perturbed({ prob: prep.prob, start: prep.start.theta, table: undefined as never }, 5));
  const { sigma, mu } = ev.groups[0]!.implied;

  /** The downdate against the direct inverses, all terms; the data shifted by `shift` in every cell. */
  const compare = (shift: number): void => {
    const X = g.X.map((x) => x + shift);
    const pats = missingPatterns(X, g.n, p);
    const m = mu.map((x) => x + shift);
    const a = casewiseTerms(pats, sigma, m, p, { gradient: true, metrics: true })!;
    const d = casewiseTerms(pats, sigma, m, p, { gradient: true, metrics: true, direct: true })!;
    expectRelClose(a.m2ll, d.m2ll, 1e-12, 1, "m2ll");
    expectAllRelClose(a.W!, d.W!, 1e-10, maxAbs(d.W!), "W");
    expectAllRelClose(a.dt!, d.dt!, 1e-10, maxAbs(d.dt!), "d̃");
    a.metrics!.forEach((mt, k) => expectAllRelClose(mt.E, d.metrics![k]!.E, 1e-10, maxAbs(d.metrics![k]!.E), "E_k"));
  };

  it(
    "has patterns of each kind the downdate treats apart: " +
      "complete, single rows, a few rows kept as a factor, " +
      "many rows",
    () => {
      const kinds = { complete: 0, single: 0, factor: 0, covariance: 0 };
      for (const pat of g.patterns) {
        if (pat.mis.length === 0) kinds.complete++;
        else if (pat.dev === null) kinds.covariance++;
        else if (pat.dev.m === 0) kinds.single++;
        else kinds.factor++;
      }
      expect(kinds.complete).toBe(1);
      for (const [kind, count] of Object.entries(kinds)) expect(count, kind).toBeGreaterThan(0);
    },
  );

  it("gives the terms of the direct Σ_oo inverses", () => compare(0));

  it("keeps its precision when every value is shifted by 10⁴ (the data-only sums are centred)", () => compare(1e4));
});

describe("FIML on complete data is complete-data ML with a mean structure", () => {
  it("gives the same estimates, chi-square, log-likelihoods and incremental indices", async () => {
    const { fitModel } = await import("../../src/sem/fit-model.js");
    const c = loadCase("hs-cfa-ml");
    const ml = toFitResult(await fitModel({ syntax: c.syntax, data: c.data, options: { meanstructure: true } }));
    const fiml = toFitResult(await fitModel({ syntax: c.syntax, data: c.data, options: { missing: "fiml" } }));
    expect(fiml.missingPatterns).toEqual([1]);
    expectAllRelClose(
      fiml.parameters.map((r) => r.est!),
      ml.parameters.map((r) => r.est!),
      1e-7,
      1,
      "est",
    );
    for (const k of [
      "chisq",
      "df",
      "logl",
      "unrestricted.logl",
      "baseline.chisq",
      "cfi",
      "tli",
      "rmsea",
      "srmr",
      "aic",
      "bic",
    ] as FitMeasureName[]) {
      expectRelClose(fiml.fit[k]!, ml.fit[k]!, 1e-7, 1, k);
    }
  });
});
