/**
 * The trace of lavaan's FIML-corrected robust indices in their "V3" version (MLR with missing
 * data), k = tr(U W̃ U Γ̃) over the groups stacked, is computed by missing/robust-fit.ts traceV3()
 * without forming U, W̃ or Γ̃ (an identity in Σ_g tr(W_c W_m⁻¹ J_m W_m⁻¹) and q×q matrices). Here
 * the stacked matrices are formed as written in lav_fit_fiml_corrected and multiplied out with
 * the textbook triple loop, for the model and for the baseline (Δ selecting each group's means
 * and variances), on the HS items with about 12% missing (the shared hs-cfa-fiml data), in one
 * group and in two (school), at the start values and at a perturbed θ. The two are equal up to
 * rounding: TOL.illConditioned (1e-8 relative), since the long way sums terms of both signs
 * that are much larger than k.
 */
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/sem/estimate/ml.js";
import { prepareFit } from "../../src/sem/fit-model.js";
import { spdInverse } from "../../src/sem/linalg/dense.js";
import { correctedPieces, traceV3, type CorrectedPieces } from "../../src/sem/missing/robust-fit.js";
import { h1Size } from "../../src/sem/missing/h1-information.js";
import { firstOrderInformation, h1CasewiseScores } from "../../src/sem/missing/scores.js";
import { TOL, expectRelClose } from "./helpers.js";
import { perturbed } from "./models.js";
import { loadCase } from "./problem.js";

type M = number[][];
const zeros = (r: number, c: number): M => Array.from({ length: r }, () => new Array<number>(c).fill(0));
const fromFlat = (a: Float64Array, r: number, c: number): M =>
  Array.from({ length: r }, (_, i) => Array.from(a.subarray(i * c, i * c + c)));
const mm = (a: M, b: M): M => a.map((row) => b[0]!.map((_, j) => row.reduce((s, x, t) => s + x * b[t]![j]!, 0)));
const tr = (a: M): M => a[0]!.map((_, j) => a.map((row) => row[j]!));
const sub = (a: M, b: M): M => a.map((row, i) => row.map((x, j) => x - b[i]![j]!));
const scale = (a: M, f: number): M => a.map((row) => row.map((x) => x * f));
const trace = (a: M): number => a.reduce((s, row, i) => s + row[i]!, 0);
const inverse = (a: M): M =>
  fromFlat(spdInverse({ n: a.length, a: Float64Array.from(a.flat()) })!.inv.a, a.length, a.length);

/** Places per-group blocks on the diagonal of a stacked matrix. */
function blockDiagonal(blocks: readonly M[]): M {
  const n = blocks.reduce((s, b) => s + b.length, 0);
  const out = zeros(n, n);
  let off = 0;
  for (const b of blocks) {
    b.forEach((row, i) => row.forEach((x, j) => (out[off + i]![off + j] = x)));
    off += b.length;
  }
  return out;
}

/** tr(U W̃ U Γ̃), U = D_m − V E⁻¹ Vᵀ, V = stack(f_g W_m Δ_g), E = Σ_g f_g Δ_gᵀ W_m Δ_g, all formed. */
function longWay(pc: CorrectedPieces, Jm: readonly Float64Array[], deltas: readonly M[]): number {
  const Wm = pc.groups.map((g) => fromFlat(g.Wm, g.ps, g.ps));
  const Wmi = Wm.map(inverse);
  const Dm = blockDiagonal(Wm.map((w, i) => scale(w, pc.groups[i]!.fg)));
  const Wt = blockDiagonal(
    pc.groups.map((g, i) => scale(mm(mm(Wmi[i]!, fromFlat(g.Wc, g.ps, g.ps)), Wmi[i]!), 1 / g.fg)),
  );
  const Gt = blockDiagonal(
    pc.groups.map((g, i) => scale(mm(mm(Wmi[i]!, fromFlat(Jm[i]!, g.ps, g.ps)), Wmi[i]!), 1 / g.fg)),
  );
  const V = deltas.flatMap((D, i) => scale(mm(Wm[i]!, D), pc.groups[i]!.fg));
  const q = deltas[0]![0]!.length;
  const E = deltas
    .map((D, i) => mm(mm(tr(D), scale(Wm[i]!, pc.groups[i]!.fg)), D))
    .reduce((acc, Eg) => acc.map((row, a) => row.map((x, b) => x + Eg[a]![b]!)), zeros(q, q));
  const U = sub(Dm, mm(mm(V, inverse(E)), tr(V)));
  return trace(mm(mm(mm(U, Wt), U), Gt));
}

/** Δ of the baseline: each group's means and variances, parameters of its own (columns stacked by group). */
function baselineDeltas(pc: CorrectedPieces): M[] {
  const qb = pc.groups.reduce((s, g) => s + g.sel.length, 0);
  let col = 0;
  return pc.groups.map((g) => {
    const D = zeros(g.ps, qb);
    g.sel.forEach((r, c) => (D[r]![col + c] = 1));
    col += g.sel.length;
    return D;
  });
}

describe.each([
  ["one group", undefined],
  ["two groups (school)", "school"],
])("traceV3 against the stacked matrices, HS with missing values, %s", (_, group) => {
  const c = loadCase("hs-cfa-fiml");
  const prep = prepareFit({
    syntax: c.syntax,
    data: c.data,
    options: { missing: "fiml", ...(group ? { group } : {}) },
  });
  const { prob } = prep;
  const fiml = prep.fiml!;
  const q = prob.rep.nfree;
  const Jm = fiml.groups.map((grp, g) => {
    const st = fiml.stats.groups[g]!;
    return firstOrderInformation(
      h1CasewiseScores(grp.patterns, grp.X, grp.n, st.mean, st.S, grp.p)!,
      h1Size(grp.p),
      grp.n,
    );
  });

  it.each([
    ["the start values", 0],
    ["a perturbed θ", 31],
  ])("at %s: model and baseline traces equal the long way", (_, seed) => {
    const theta =
      seed === 0 ? prep.start.theta : perturbed({ prob, start: prep.start.theta, table: undefined as never }, seed);
    const pc = correctedPieces({ fiml, prob, evaluation: evaluate(prob, theta), df: prep.df, baselineDf: 0 });
    const ours = traceV3(pc, Jm);
    const k = longWay(
      pc,
      Jm,
      pc.groups.map((g) => fromFlat(g.D, g.ps, q)),
    );
    const kb = longWay(pc, Jm, baselineDeltas(pc));
    expect(Number.isFinite(ours.k) && Number.isFinite(ours.kb)).toBe(true);
    expectRelClose(ours.k, k, TOL.illConditioned.rel, Math.abs(k), "k");
    expectRelClose(ours.kb, kb, TOL.illConditioned.rel, Math.abs(kb), "k_b");
  });
});
