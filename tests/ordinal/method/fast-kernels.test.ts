/**
 * The fast kernels of the ordinal fit against their definitions computed the long way:
 * - Gamma = Z Zᵀ / N by the blocked WebAssembly product of rows written in place (linalg/gram-lower.ts)
 *   against the naive double sum, to 1e-12 of the entries' scale, exactly symmetric;
 * - Phi2 on a grid of thresholds (one quadrature per rho) against the cell-by-cell CDF: the same
 *   arithmetic, so the same numbers, in every branch of r;
 * - (Γ X)ᵀ and Xᵀ Y by the non-zeros of X (or dense) against plain products;
 * - the traces tr(ŨΓ̃), tr((ŨΓ̃)²) of the scaled tests and the sandwich A⁻¹BA⁻¹ from the q×q products
 *   against the m×m matrix Ũ = W̃ − W̃J̃A⁻¹J̃ᵀW̃ formed explicitly (diagonal and full weights, two groups);
 * - catML's k = tr(Uᵀ V U Γ) by the low-rank form against U = I − J_c E⁻¹ J_cᵀ W and the ML weight
 *   V[(ij),(kl)] = S_ik S_jl + S_il S_jk formed explicitly (Savalei 2021; lavaan's lav_fit_catml_dwls).
 * Inputs are random (mulberry32, fixed seeds) with fast-check choosing the sizes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spdInverse } from "../../../src/sem/linalg/dense.js";
import { lowerGramRows } from "../../../src/sem/linalg/gram-lower.js";
import { normalCdf } from "../../../src/sem/distributions/index.js";
import { bivariateNormalCdf, bivariateNormalCdfGrid } from "../../../src/sem/ordinal/stats/bivariate-normal.js";
import { lowerGram } from "../../../src/sem/ordinal/stats/group.js";
import { gammaTimesT, sparseCross } from "../../../src/sem/ordinal/method/gamma-products.js";
import { sandwich, traces, type TestGroup } from "../../../src/sem/ordinal/method/tests.js";
import { catml } from "../../../src/sem/ordinal/method/catml.js";
import type { Weight, WlsGroup } from "../../../src/sem/ordinal/method/objective.js";
import type { GroupLayout } from "../../../src/sem/ordinal/method/implied.js";

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const randomMatrix = (u: () => number, r: number, c: number, zeroShare = 0) =>
  Float64Array.from({ length: r * c }, () => (u() < zeroShare ? 0 : 2 * u() - 1));

/** A symmetric positive-definite n×n matrix X Xᵀ / k + δ I. */
function spd(u: () => number, n: number, delta = 0.1): Float64Array {
  const k = n + 3;
  const X = randomMatrix(u, n, k);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += X[i * k + t]! * X[j * k + t]!;
      out[i * n + j] = s / k + (i === j ? delta : 0);
    }
  return out;
}

function matmul(A: Float64Array, B: Float64Array, r: number, k: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += A[i * k + t]! * B[t * c + j]!;
      out[i * c + j] = s;
    }
  return out;
}

const transpose = (A: Float64Array, r: number, c: number) =>
  Float64Array.from({ length: r * c }, (_, k) => A[(k % r) * c + Math.floor(k / r)]!);

function maxRelDiff(a: Float64Array, b: Float64Array): number {
  let scale = 0;
  let worst = 0;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(b[i]!));
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst / Math.max(scale, 1e-300);
}

describe("Gamma = Z Zᵀ / N in WebAssembly (lowerGramRows)", () => {
  it("equals the naive sum to 1e-12 and is exactly symmetric, over sizes across the panels and blocks", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 700 }), fc.nat(), (m, len, seed) => {
        const u = mulberry32(seed);
        const Z = randomMatrix(u, m, len, 0.2);
        const scale = 1 / len;
        const fast = lowerGramRows(m, len, (r, out, off) => out.set(Z.subarray(r * len, (r + 1) * len), off), scale);
        expect(fast).not.toBeNull();
        const naive = new Float64Array(m * m);
        for (let a = 0; a < m; a++)
          for (let b = 0; b < m; b++) {
            let s = 0;
            for (let t = 0; t < len; t++) s += Z[a * len + t]! * Z[b * len + t]!;
            naive[a * m + b] = scale * s;
          }
        expect(maxRelDiff(fast!, naive)).toBeLessThan(1e-12);
        expect(maxRelDiff(lowerGram(Z, m, len, scale), naive)).toBeLessThan(1e-12);
        for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) expect(fast![a * m + b]).toBe(fast![b * m + a]);
      }),
      { numRuns: 25, seed: 20261 },
    );
  });
});

describe("Phi2 on a grid of thresholds", () => {
  it("gives the numbers of the cell-by-cell CDF exactly, for r in every branch", () => {
    const u = mulberry32(7);
    for (const r of [0, 0.05, -0.29, 0.3, -0.6, 0.749, 0.75, -0.9, 0.924, 0.925, -0.95, 0.999, 1, -1]) {
      const h = Float64Array.from({ length: 5 }, () => 4 * u() - 2).sort();
      const k = Float64Array.from({ length: 3 }, () => 4 * u() - 2).sort();
      const ph = h.map(normalCdf);
      const pk = k.map(normalCdf);
      const out = new Float64Array(15);
      bivariateNormalCdfGrid(h, ph, k, pk, r, out);
      for (let a = 0; a < 5; a++)
        for (let b = 0; b < 3; b++) expect(out[a * 3 + b]).toBe(bivariateNormalCdf(h[a]!, k[b]!, r, ph[a]!, pk[b]!));
    }
  });
});

describe("products with Gamma by the non-zeros", () => {
  it("(Γ X)ᵀ and Xᵀ Y equal the plain products, sparse and dense", () => {
    for (const [seed, zeros] of [
      [1, 0.95],
      [2, 0.5],
      [3, 0],
    ] as const) {
      const u = mulberry32(seed);
      const [m, k, c] = [37, 9, 6];
      const G = spd(u, m);
      const X = randomMatrix(u, m, k, zeros);
      const YT = randomMatrix(u, c, m);
      expect(maxRelDiff(gammaTimesT(G, X, m, k), transpose(matmul(G, X, m, m, k), m, k))).toBeLessThan(1e-13);
      const XtY = matmul(transpose(X, m, k), transpose(YT, c, m), k, m, c);
      expect(
        maxRelDiff(
          sparseCross(X, YT, m, k, c, 0.5),
          XtY.map((x) => 0.5 * x),
        ),
      ).toBeLessThan(1e-13);
    }
  });
});

/** Ũ = W̃ − W̃J̃A⁻¹J̃ᵀW̃ over stacked groups (W̃ = ⊕ f W, J̃ stacked, A = J̃ᵀW̃J̃), and Γ̃ = ⊕ Γ/f. */
function explicitTraces(groups: TestGroup[], q: number) {
  const M = groups.reduce((a, g) => a + g.m, 0);
  const Wt = new Float64Array(M * M);
  const Gt = new Float64Array(M * M);
  const Jt = new Float64Array(M * q);
  let o = 0;
  for (const g of groups) {
    for (let i = 0; i < g.m; i++) {
      for (let j = 0; j < g.m; j++) {
        const w = "diag" in g.W ? (i === j ? g.W.diag[i]! : 0) : g.W.full[i * g.m + j]!;
        Wt[(o + i) * M + o + j] = g.f * w;
        Gt[(o + i) * M + o + j] = g.gamma[i * g.m + j]! / g.f;
      }
      for (let a = 0; a < q; a++) Jt[(o + i) * q + a] = g.J[i * q + a]!;
    }
    o += g.m;
  }
  const WJ = matmul(Wt, Jt, M, M, q);
  const A = matmul(transpose(Jt, M, q), WJ, q, M, q);
  const Ai = spdInverse({ n: q, a: A })!.inv.a;
  const P = matmul(matmul(WJ, Ai, M, q, q), transpose(WJ, M, q), M, q, M);
  const U = Wt.map((w, i) => w - P[i]!);
  const UG = matmul(U, Gt, M, M, M);
  let t1 = 0;
  let t2 = 0;
  for (let i = 0; i < M; i++) {
    t1 += UG[i * M + i]!;
    for (let j = 0; j < M; j++) t2 += UG[i * M + j]! * UG[j * M + i]!;
  }
  // sandwich: A⁻¹ (J̃ᵀW̃Γ̃W̃J̃) A⁻¹
  const B = matmul(transpose(WJ, M, q), matmul(Gt, WJ, M, M, q), q, M, q);
  return { t1, t2, sandwich: matmul(matmul(Ai, B, q, q, q), Ai, q, q, q) };
}

describe("the traces of the scaled tests and the sandwich from q×q products", () => {
  for (const full of [false, true]) {
    it(`equal the explicit Ũ formula (${full ? "full" : "diagonal"} weights, two groups)`, () => {
      const u = mulberry32(full ? 11 : 12);
      const q = 6;
      const groups: TestGroup[] = [
        [20, 0.4],
        [15, 0.6],
      ].map(([m, f]) => {
        const gamma = spd(u, m!);
        const W: Weight = full
          ? { full: spdInverse({ n: m!, a: gamma })!.inv.a }
          : { diag: Float64Array.from({ length: m! }, () => 0.5 + u()) };
        return { m: m!, J: randomMatrix(u, m!, q, 0.6), W, gamma, f: f! };
      });
      const want = explicitTraces(groups, q);
      const got = traces(groups, q);
      expect(Math.abs(got.t1 - want.t1) / Math.abs(want.t1)).toBeLessThan(1e-11);
      expect(Math.abs(got.t2 - want.t2) / Math.abs(want.t2)).toBeLessThan(1e-11);
      expect(maxRelDiff(sandwich(groups, q, true)!, want.sandwich)).toBeLessThan(1e-11);
    });
  }
});

interface CatmlGroupCase {
  readonly p: number;
  readonly off: number;
  readonly m: number;
  readonly f: number;
  readonly J: Float64Array;
  readonly W: Weight;
  readonly gamma: Float64Array;
  readonly S: Float64Array;
}

/**
 * k = tr(Uᵀ Ṽ U Γ̃) over the stacked correlation blocks, U = I − J_c E⁻¹ J_cᵀ W̃ with W̃ = ⊕ f W_c,
 * Γ̃ = ⊕ Γ_c / f, Ṽ = ⊕ f V and V the ML weight of S = Σ̂⁻¹, all formed explicitly.
 */
function explicitCatmlTrace(groups: readonly CatmlGroupCase[], q: number, Einv: Float64Array): number {
  const M = groups.reduce((a, g) => a + (g.p * (g.p - 1)) / 2, 0);
  const Wt = new Float64Array(M * M);
  const Gt = new Float64Array(M * M);
  const Vt = new Float64Array(M * M);
  const Jc = new Float64Array(M * q);
  let o = 0;
  for (const g of groups) {
    const pairs: [number, number][] = [];
    for (let j = 0; j < g.p; j++) for (let i = j + 1; i < g.p; i++) pairs.push([i, j]);
    const mc = pairs.length;
    for (let a = 0; a < mc; a++) {
      for (let t = 0; t < q; t++) Jc[(o + a) * q + t] = g.J[(g.off + a) * q + t]!;
      for (let c = 0; c < mc; c++) {
        const w = "diag" in g.W ? (a === c ? g.W.diag[g.off + a]! : 0) : g.W.full[(g.off + a) * g.m + g.off + c]!;
        Wt[(o + a) * M + o + c] = g.f * w;
        Gt[(o + a) * M + o + c] = g.gamma[(g.off + a) * g.m + g.off + c]! / g.f;
        const [i, j] = pairs[a]!;
        const [s, t] = pairs[c]!;
        Vt[(o + a) * M + o + c] = g.f * (g.S[i * g.p + s]! * g.S[j * g.p + t]! + g.S[i * g.p + t]! * g.S[j * g.p + s]!);
      }
    }
    o += mc;
  }
  const P = matmul(matmul(Jc, Einv, M, q, q), matmul(transpose(Jc, M, q), Wt, q, M, M), M, q, M);
  const U = P.map((x, k) => (Math.floor(k / M) === k % M ? 1 : 0) - x);
  const VU = matmul(Vt, U, M, M, M);
  const UG = matmul(U, Gt, M, M, M);
  // tr(Uᵀ Ṽ U Γ̃) = Σ (Ṽ U)_ac (U Γ̃)_ac
  let tr = 0;
  for (let i = 0; i < M * M; i++) tr += VU[i]! * UG[i]!;
  return tr;
}

/** A random correlation matrix (p×p) from a positive-definite one. */
function correlation(u: () => number, p: number): Float64Array {
  const C = spd(u, p, 0.3);
  return C.map((x, k) => x / Math.sqrt(C[Math.floor(k / p) * (p + 1)]! * C[(k % p) * (p + 1)]!));
}

describe("catML's trace by the low-rank form", () => {
  for (const [full, ngroups] of [
    [false, 1],
    [true, 1],
    [false, 2],
    [true, 2],
  ] as const) {
    const what = `${full ? "full" : "diagonal"} weight, ${ngroups} group(s)`;
    it(`equals tr(UᵀVUΓ) with U and V formed explicitly (${what})`, () => {
      const u = mulberry32(full ? 21 + ngroups : 31 + ngroups);
      const p = 6;
      const nth = 8;
      const mc = (p * (p - 1)) / 2;
      const m = nth + mc;
      const q = 7;
      const ns = [500, 300].slice(0, ngroups);
      const cases: CatmlGroupCase[] = [];
      const groups: WlsGroup[] = [];
      const inputs = { gammas: [] as Float64Array[], R: [] as Float64Array[], sigma: [] as Float64Array[] };
      const Js: Float64Array[] = [];
      for (const n of ns) {
        // thresholds (first 4 columns) touch threshold rows only, like a CFA's Jacobian
        const J = new Float64Array(m * q);
        for (let i = 0; i < m; i++)
          for (let a = 0; a < q; a++) if (i < nth === a < 4 && u() < 0.7) J[i * q + a] = 2 * u() - 1;
        const gamma = spd(u, m);
        const W: Weight = full
          ? { full: spdInverse({ n: m, a: gamma })!.inv.a }
          : { diag: Float64Array.from({ length: m }, () => 0.5 + u()) };
        const layout = { p, m, cont: [] as number[], thVar: new Int32Array(nth) } as unknown as GroupLayout;
        groups.push({ n, layout, s: new Float64Array(m), W });
        const sigma = correlation(u, p);
        inputs.gammas.push(gamma);
        inputs.R.push(correlation(u, p));
        inputs.sigma.push(sigma);
        Js.push(J);
        const f = n / ns.reduce((a, b) => a + b, 0);
        cases.push({ p, off: nth, m, f, J, W, gamma, S: spdInverse({ n: p, a: sigma })!.inv.a });
      }
      const Einv = spd(u, q);
      const df = 9;
      const out = catml({ groups, ...inputs, J: Js, Einv, q, df });
      expect(out).not.toBeNull();
      const want = explicitCatmlTrace(cases, q, Einv);
      expect(Math.abs(out!.c * df - want) / Math.abs(want)).toBeLessThan(1e-11);
    });
  }
});
