/**
 * The robust estimators' kernels (src/sem/robust/) against direct computations from their
 * definitions, on the HS data at a point away from the optimum (so nothing relies on ∇F = 0):
 * - Γ: the N-divisor covariance of z_i = (x_i, vech((x_i − x̄)(x_i − x̄)ᵀ)) (Browne 1984),
 *   under fixed.x with the least-squares predictions from the covariates subtracted (lavaan's
 *   lav_samplestats_Gamma, fixed.x = TRUE);
 * - W: the normal-theory weight, W_ab = ½ tr(Σ⁻¹E_aΣ⁻¹E_b) (E_a the symmetric unit matrix of
 *   vech element a) and Σ⁻¹ for the means;
 * - Δ: central differences of (μ(θ), vech Σ(θ));
 * - tr(UΓ) with U = W − WΔ(ΔᵀWΔ)⁻¹ΔᵀW (Satorra & Bentler 1994);
 * - casewise scores: central differences of ℓ_i(θ) = −½[p log 2π + log|Σ| + (x_i−μ)ᵀΣ⁻¹(x_i−μ)];
 * - tr(W(S)Γ) = ½(b₂,ₚ − p) with Mardia's (1970) multivariate kurtosis b₂,ₚ = (1/n)Σ(dᵀS⁻¹d)².
 * Comparisons with exact arithmetic on both sides use TOL.kernel relative to the size of the
 * matrix; those with central differences use TOL.gradient.
 */
import { describe, expect, it } from "vitest";
import { expectedInformation } from "../../src/sem/estimate/info-total.js";
import { cellVectors } from "../../src/sem/estimate/information.js";
import { evaluate, type Problem } from "../../src/sem/estimate/ml.js";
import { prepareFit, type PreparedFit } from "../../src/sem/fit-model.js";
import { spdInverse } from "../../src/sem/linalg/dense.js";
import {
  addCrossProduct,
  casewiseScores,
  exoProjection,
  gammaContributions,
  gammaMatrix,
  traceWGamma,
  type FreeCells,
  type GroupRows,
} from "../../src/sem/robust/casewise.js";
import { observedInformation, observedInformationFast } from "../../src/sem/robust/observed.js";
import { sandwichVcov } from "../../src/sem/robust/sandwich.js";
import { satorraBentlerTrace } from "../../src/sem/robust/scaled-test.js";
import type { GroupStats } from "../../src/sem/samplestats/index.js";
import { parseModel } from "../../src/sem/syntax/index.js";
import { TOL, expectAllRelClose, expectRelClose, maxAbs } from "./helpers.js";
import { loadCase } from "./problem.js";
import { perturbed } from "./models.js";

const hs = loadCase("hs-cfa-ml");
const mg = loadCase("hs-multigroup-metric");
const structural = parseModel(
  `visual  =~ x1 + a*x2 + a*x3
textual =~ x4 + x5 + x6
textual ~ visual + x7
x9 ~ textual + x7`,
  { file: "structural.lav" },
);

interface Setup {
  prep: PreparedFit;
  theta: Float64Array;
  rows: GroupRows;
  fc: FreeCells;
  sigmaInv: Float64Array;
  mu: Float64Array;
  ms: boolean;
  exo: number[];
}

function setup(which: "cfa" | "structural"): Setup {
  const prep =
    which === "cfa"
      ? prepareFit({ syntax: hs.syntax, data: hs.data })
      : prepareFit({ syntax: structural, data: hs.data, options: { meanstructure: true } });
  const theta = perturbed({ table: prep.table, prob: prep.prob, start: prep.start.theta }, 7);
  const ev = evaluate(prep.prob, theta);
  const rep = prep.prob.rep.groups[0]!;
  const cells = rep.cells.filter((c) => c.free >= 0);
  const st = prep.stats.groups[0]!;
  const g = prep.data.groups[0]!;
  const ov = prep.table.vars.ov;
  return {
    prep,
    theta,
    ms: rep.meanstructure,
    sigmaInv: ev.groups[0]!.sigmaInv,
    mu: ev.groups[0]!.implied.mu,
    rows: { X: g.X, n: g.n, p: st.p, mean: st.mean, S: st.S },
    fc: {
      vec: cellVectors(cells, ev.groups[0]!.implied, rep.meanstructure),
      free: Int32Array.from(cells.map((c) => c.free)),
      meanstructure: rep.meanstructure,
    },
    exo: prep.table.vars.ovX.map((v) => ov.indexOf(v)),
  };
}

function vechIndex(p: number): [number, number][] {
  const out: [number, number][] = [];
  for (let j = 0; j < p; j++) for (let i = j; i < p; i++) out.push([i, j]);
  return out;
}

/** (μ, vech Σ) at θ. */
function moments(prob: Problem, theta: Float64Array, ms: boolean): number[] {
  const imp = evaluate(prob, theta).groups[0]!.implied;
  const p = prob.rep.groups[0]!.p;
  return [...(ms ? Array.from(imp.mu) : []), ...vechIndex(p).map(([i, j]) => imp.sigma[i * p + j]!)];
}

/** Δ (dim × q) by Richardson-extrapolated central differences. */
function deltaMatrix(prob: Problem, theta: Float64Array, ms: boolean): number[][] {
  const q = theta.length;
  const dim = moments(prob, theta, ms).length;
  const D = Array.from({ length: dim }, () => new Array<number>(q).fill(0));
  for (let j = 0; j < q; j++) {
    const h = 1e-3 * Math.max(1, Math.abs(theta[j]!));
    const d = (s: number): number[] => {
      const up = moments(
        prob,
        Float64Array.from(theta, (t, k) => (k === j ? t + s : t)),
        ms,
      );
      const dn = moments(
        prob,
        Float64Array.from(theta, (t, k) => (k === j ? t - s : t)),
        ms,
      );
      return up.map((u, a) => (u - dn[a]!) / (2 * s));
    };
    const [a, b] = [d(h), d(h / 2)];
    for (let r = 0; r < dim; r++) D[r]![j] = (4 * b[r]! - a[r]!) / 3;
  }
  return D;
}

/** W = blockdiag(Σ⁻¹ (means), ½ tr(Σ⁻¹E_aΣ⁻¹E_b)). */
function weightMatrix(sigmaInv: Float64Array, p: number, ms: boolean): number[][] {
  const idx = vechIndex(p);
  const M = idx.map(([i, j]) => {
    // Σ⁻¹ E with E = e_i e_jᵀ + e_j e_iᵀ (once on the diagonal)
    const out = new Float64Array(p * p);
    for (let r = 0; r < p; r++) {
      out[r * p + j] += sigmaInv[r * p + i]!;
      if (i !== j) out[r * p + i] += sigmaInv[r * p + j]!;
    }
    return out;
  });
  const off = ms ? p : 0;
  const dim = off + idx.length;
  const W = Array.from({ length: dim }, () => new Array<number>(dim).fill(0));
  if (ms) for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) W[i]![j] = sigmaInv[i * p + j]!;
  for (let a = 0; a < idx.length; a++) {
    for (let b = 0; b < idx.length; b++) {
      let t = 0;
      for (let r = 0; r < p; r++) for (let s = 0; s < p; s++) t += M[a]![r * p + s]! * M[b]![s * p + r]!;
      W[off + a]![off + b] = 0.5 * t;
    }
  }
  return W;
}

/** Least-squares fitted values of every column from [1, covariates] (covariates reproduce themselves). */
function fitted(X: Float64Array, n: number, p: number, exo: number[]): Float64Array {
  const k = exo.length + 1;
  const A = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const design = (r: number): number[] => [1, ...exo.map((e) => X[r * p + e]!)];
  for (let r = 0; r < n; r++) {
    const x = design(r);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) A[a]![b] += x[a]! * x[b]!;
  }
  const out = new Float64Array(n * p);
  for (let col = 0; col < p; col++) {
    const rhs = new Array<number>(k).fill(0);
    for (let r = 0; r < n; r++) design(r).forEach((x, a) => (rhs[a] += x * X[r * p + col]!));
    // Gaussian elimination on a copy (k is 2 here)
    const M = A.map((row, a) => [...row, rhs[a]!]);
    for (let c = 0; c < k; c++) {
      for (let r = c + 1; r < k; r++) {
        const f = M[r]![c]! / M[c]![c]!;
        for (let j = c; j <= k; j++) M[r]![j] -= f * M[c]![j]!;
      }
    }
    const beta = new Array<number>(k).fill(0);
    for (let c = k - 1; c >= 0; c--) {
      let s = M[c]![k]!;
      for (let j = c + 1; j < k; j++) s -= M[c]![j]! * beta[j]!;
      beta[c] = s / M[c]![c]!;
    }
    for (let r = 0; r < n; r++) out[r * p + col] = design(r).reduce((s, x, a) => s + x * beta[a]!, 0);
  }
  return out;
}

/** Γ from its definition; with covariates, z_i − ẑ_i (ẑ from the fitted values). */
function gammaDirect(rows: GroupRows, ms: boolean, exo: number[]): number[][] {
  const { X, n, p } = rows;
  const idx = vechIndex(p);
  const z = (Y: Float64Array): number[][] => {
    const mean = new Array<number>(p).fill(0);
    for (let r = 0; r < n; r++) for (let j = 0; j < p; j++) mean[j] += Y[r * p + j]! / n;
    return Array.from({ length: n }, (_, r) => [
      ...(ms ? Array.from(Y.subarray(r * p, r * p + p)) : []),
      ...idx.map(([i, j]) => (Y[r * p + i]! - mean[i]!) * (Y[r * p + j]! - mean[j]!)),
    ]);
  };
  let Z = z(X);
  if (exo.length > 0) {
    const Zh = z(fitted(X, n, p, exo));
    Z = Z.map((row, r) => row.map((v, a) => v - Zh[r]![a]!));
  }
  const dim = Z[0]!.length;
  const zbar = new Array<number>(dim).fill(0);
  for (const row of Z) row.forEach((v, a) => (zbar[a] += v / n));
  const G = Array.from({ length: dim }, () => new Array<number>(dim).fill(0));
  for (const row of Z)
    for (let a = 0; a < dim; a++)
      for (let b = 0; b < dim; b++) G[a]![b] += ((row[a]! - zbar[a]!) * (row[b]! - zbar[b]!)) / n;
  return G;
}

const mm = (A: number[][], B: number[][]): number[][] =>
  A.map((row) => B[0]!.map((_, j) => row.reduce((s, x, k) => s + x * B[k]![j]!, 0)));
const tr = (A: number[][]): number[][] => A[0]!.map((_, j) => A.map((row) => row[j]!));
const trace = (A: number[][]): number => A.reduce((s, row, i) => s + row[i]!, 0);
const flat = (A: number[][]): Float64Array => Float64Array.from(A.flat());

function inverse(A: number[][]): number[][] {
  const n = A.length;
  const inv = spdInverse({ n, a: flat(A) })!.inv.a;
  return Array.from({ length: n }, (_, i) => Array.from(inv.subarray(i * n, i * n + n)));
}

describe.each(["cfa", "structural"] as const)("robust kernels, %s model", (which) => {
  const s = setup(which);
  const { rows, fc, sigmaInv, ms, theta, prep } = s;
  const p = rows.p;
  const q = theta.length;
  const P = exoProjection(rows.S, p, s.exo);
  const G = gammaDirect(rows, ms, s.exo);
  const W = weightMatrix(sigmaInv, p, ms);
  const Delta = deltaMatrix(prep.prob, theta, ms);

  it(
    which === "cfa"
      ? "has no covariates and no mean structure"
      : "has a fixed.x covariate, a mean structure and an equality constraint",
    () => {
      expect(s.exo.length).toBe(which === "cfa" ? 0 : 1);
      expect(ms).toBe(which !== "cfa");
      const copies = prep.table.rows.filter((r) => r.free > 0).length;
      if (which === "cfa") expect(prep.table.nfree).toBe(copies);
      else expect(prep.table.nfree).toBe(copies - 1);
    },
  );

  it("tr(WΓ) equals the trace of the explicit product", () => {
    const direct = trace(mm(W, G));
    expectRelClose(traceWGamma(rows, sigmaInv, ms, P), direct, TOL.kernel.rel, Math.abs(direct));
  });

  it("the casewise contributions give Δᵀ W Γ W Δ", () => {
    const WD = mm(W, Delta);
    const direct = flat(mm(mm(tr(WD), G), WD));
    const meat = new Float64Array(q * q);
    addCrossProduct(meat, gammaContributions(rows, sigmaInv, fc, q, P), rows.n, q, 1 / rows.n);
    expectAllRelClose(meat, direct, TOL.gradient.rel, maxAbs(direct));
  });

  it("tr(UΓ) of the Satorra-Bentler test equals the explicit U = W − WΔ(ΔᵀWΔ)⁻¹ΔᵀW", () => {
    const WD = mm(W, Delta);
    const E = mm(tr(Delta), WD);
    const correction = mm(mm(WD, inverse(E)), mm(tr(WD), G));
    const U = mm(W, G).map((row, i) => row.map((v, j) => v - correction[i]![j]!));
    const direct = trace(U);
    const meat = new Float64Array(q * q);
    addCrossProduct(meat, gammaContributions(rows, sigmaInv, fc, q, P), rows.n, q, 1 / rows.n);
    const ours = satorraBentlerTrace(traceWGamma(rows, sigmaInv, ms, P), flat(inverse(E)), meat, q);
    expectRelClose(ours, direct, TOL.gradient.rel, Math.abs(direct));
  });

  it("casewise scores are the derivatives of each row's log-likelihood", () => {
    const center = ms ? s.mu : rows.mean;
    const sc = casewiseScores(rows, center, sigmaInv, fc, q);
    const loglik = (t: Float64Array, r: number): number => {
      const ev = evaluate(prep.prob, t).groups[0]!;
      const inv = spdInverse({ n: p, a: ev.implied.sigma })!;
      const m = ms ? ev.implied.mu : rows.mean;
      let quad = 0;
      for (let i = 0; i < p; i++)
        for (let j = 0; j < p; j++)
          quad += (rows.X[r * p + i]! - m[i]!) * inv.inv.a[i * p + j]! * (rows.X[r * p + j]! - m[j]!);
      return -0.5 * (p * Math.log(2 * Math.PI) + inv.logDet + quad);
    };
    for (const r of [0, 17, rows.n - 1]) {
      const fd = Array.from({ length: q }, (_, j) => {
        const h = 1e-3 * Math.max(1, Math.abs(theta[j]!));
        const d = (st: number): number =>
          (loglik(
            Float64Array.from(theta, (t, k) => (k === j ? t + st : t)),
            r,
          ) -
            loglik(
              Float64Array.from(theta, (t, k) => (k === j ? t - st : t)),
              r,
            )) /
          (2 * st);
        return (4 * d(h / 2) - d(h)) / 3;
      });
      expectAllRelClose(
        sc.subarray(r * q, r * q + q),
        fd,
        TOL.gradient.rel,
        Math.max(maxAbs(fd), TOL.gradient.floor),
        `scores of row ${r}`,
      );
    }
  });
});

describe("Γ and the unstructured trace", () => {
  const s = setup("cfa");
  const { rows } = s;

  it("gammaMatrix() builds Γ as defined", () => {
    for (const ms of [false, true]) {
      const direct = gammaDirect(rows, ms, []);
      const ours = gammaMatrix(rows, ms);
      expect(ours.dim).toBe(direct.length);
      expectAllRelClose(ours.G, flat(direct), TOL.kernel.rel, maxAbs(flat(direct)));
    }
  });

  it("tr(W(S)Γ) is half of Mardia's kurtosis minus p (plus p with the means)", () => {
    const Sinv = s.prep.stats.groups[0]!.Sinv;
    const p = rows.p;
    let b2p = 0;
    for (let r = 0; r < rows.n; r++) {
      let m = 0;
      for (let i = 0; i < p; i++)
        for (let j = 0; j < p; j++)
          m += (rows.X[r * p + i]! - rows.mean[i]!) * Sinv[i * p + j]! * (rows.X[r * p + j]! - rows.mean[j]!);
      b2p += (m * m) / rows.n;
    }
    expectRelClose(traceWGamma(rows, Sinv, false, null), 0.5 * (b2p - p), TOL.kernel.rel, b2p);
    expectRelClose(traceWGamma(rows, Sinv, true, null), 0.5 * (b2p - p) + p, TOL.kernel.rel, b2p);
  });
});

describe("observed information and the sandwich", () => {
  it("at a perfect fit the observed information equals the expected information", () => {
    const s = setup("structural");
    const prob = s.prep.prob;
    const ev = evaluate(prob, s.theta);
    const groups: GroupStats[] = prob.stats.groups.map((st, g) => {
      const { sigma, mu } = ev.groups[g]!.implied;
      const inv = spdInverse({ n: st.p, a: sigma })!;
      return { ...st, S: Float64Array.from(sigma), mean: Float64Array.from(mu), Sinv: inv.inv.a, logDetS: inv.logDet };
    });
    const perfect: Problem = { ...prob, stats: { ...prob.stats, groups } };
    const obs = observedInformation(perfect, s.theta)!;
    const exp = expectedInformation(perfect, evaluate(perfect, s.theta));
    expectAllRelClose(obs, exp, TOL.information.rel, maxAbs(exp));
  });

  it.each([
    ["CFA", (): PreparedFit => setup("cfa").prep],
    ["structural model with a covariate, means and an equality", (): PreparedFit => setup("structural").prep],
    [
      "two groups, equal loadings",
      (): PreparedFit => prepareFit({ syntax: mg.syntax, data: mg.data, options: mg.options }),
    ],
  ] as [string, () => PreparedFit][])(
    "the analytic observed information equals central differences of the gradient away from the optimum (%s)",
    (_, make) => {
      const prep = make();
      const theta = perturbed({ table: prep.table, prob: prep.prob, start: prep.start.theta }, 11);
      const numeric = observedInformation(prep.prob, theta)!;
      const fast = observedInformationFast(prep.prob, theta, evaluate(prep.prob, theta))!;
      expectAllRelClose(fast, numeric, TOL.information.rel, maxAbs(numeric));
    },
  );

  it("with the meat equal to the bread the sandwich is the inverse information over N", () => {
    const A = Float64Array.from([4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2]);
    const sw = sandwichVcov(A, A, 3, 50);
    const inv = spdInverse({ n: 3, a: A })!.inv.a.map((x) => x / 50);
    expectAllRelClose(sw.vcov.ok ? sw.vcov.vcov : [], inv, TOL.kernel.rel, maxAbs(inv));
  });

  it("computes A⁻¹BA⁻¹/N (diagonal bread, by hand)", () => {
    const sw = sandwichVcov(Float64Array.from([2, 0, 0, 4]), Float64Array.from([1, 0.5, 0.5, 2]), 2, 10);
    // A⁻¹ = diag(1/2, 1/4): [[1/4, 0.5/8], [0.5/8, 2/16]] / 10
    expectAllRelClose(sw.vcov.ok ? sw.vcov.vcov : [], [0.025, 0.00625, 0.00625, 0.0125], TOL.kernel.rel, 0.025);
  });

  it("reports a singular bread as not identified", () => {
    const sw = sandwichVcov(Float64Array.from([1, 1, 1, 1]), Float64Array.from([1, 0, 0, 1]), 2, 10);
    expect(sw.vcov.ok).toBe(false);
    expect(sw.breadInverse).toBeNull();
  });
});
