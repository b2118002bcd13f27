/**
 * Robust ML for complete data (listwise): MLM (Satorra-Bentler) and MLR (Huber-White with the
 * Yuan-Bentler "mplus" scaled test), as lavaan 0.6.14 computes them:
 *   MLM: vcov = E⁻¹ (Σ_g n_g/N Δ_gᵀW_gΓ_gW_gΔ_g) E⁻¹ / N, E the expected information
 *        (lav_model_nvcov_robust_sem); T/c with c = tr(UΓ)/df (lav_test_satorra_bentler).
 *   MLR: vcov = A⁻¹ B0 A⁻¹ / N, A the observed information (Hessian), B0 = (1/N) Σ_i s_i s_iᵀ
 *        (lav_model_nvcov_robust_sandwich); c from lav_test_yuan_bentler_mplus_trace.
 * The baseline (independence) model gets its own scaling factor the same way, for the scaled
 * and robust incremental indices.
 * Pieces: casewise.ts (complete-data providers), observed.ts (observed information), sandwich.ts,
 * scaled-test.ts, measures.ts (fit measures under lavaan's names).
 */
import { cellVectors, informationBlock, type CellVectors } from "../estimate/information.js";
import type { Evaluation, Problem } from "../estimate/ml.js";
import type { VcovResult } from "../inference/vcov.js";
import { spdInverse } from "../linalg/dense.js";
import {
  addCrossProduct,
  casewiseScores,
  exoProjection,
  gammaContributions,
  traceWGamma,
  type FreeCells,
  type GroupRows,
} from "./casewise.js";
import { robustFitMeasures } from "./measures.js";
import { observedInformationFast } from "./observed.js";
import { sandwichVcov } from "./sandwich.js";
import { satorraBentlerTrace, scaledTest, yuanBentlerMplusTrace, type ScaledTest } from "./scaled-test.js";
import type { FitMeasures } from "../fit/names.js";

export { mergeInLavaanOrder } from "./measures.js";

export type RobustEstimator = "MLM" | "MLR";

export interface RobustInput {
  readonly estimator: RobustEstimator;
  readonly prob: Problem;
  readonly theta: Float64Array;
  readonly evaluation: Evaluation;
  /** expected information per observation (estimate/info-total.ts) */
  readonly information: Float64Array;
  /** complete rows per group, columns in the model's observed-variable order */
  readonly rows: readonly { readonly X: Float64Array; readonly n: number }[];
  /** covariate columns under fixed.x (empty without fixed.x) */
  readonly exoIndex: readonly number[];
  /** the exogenous observed covariates' columns, with or without fixed.x (the baseline keeps their covariances) */
  readonly covariateIndex: readonly number[];
  readonly chisq: number;
  readonly df: number;
  /** sample moments without the fixed.x ones (lavaan's h1.ndat) */
  readonly nel: number;
  /** free parameters before equality constraints (lavaan's nx.free) */
  readonly npar: number;
  readonly baseline: { readonly chisq: number; readonly df: number };
}

export interface RobustOutput {
  readonly vcov: VcovResult;
  readonly measures: FitMeasures;
  readonly test: ScaledTest;
}

interface GroupPieces {
  readonly rows: GroupRows;
  readonly fc: FreeCells;
  readonly sigmaInv: Float64Array;
  readonly center: Float64Array;
  readonly P: Float64Array | null;
  readonly n: number;
}

function groupRows(input: RobustInput, g: number): GroupRows {
  const st = input.prob.stats.groups[g]!;
  return { X: input.rows[g]!.X, n: input.rows[g]!.n, p: st.p, mean: st.mean, S: st.S };
}

function modelPieces(input: RobustInput): GroupPieces[] {
  return input.prob.rep.groups.map((rep, g) => {
    const cells = rep.cells.filter((c) => c.free >= 0);
    const ge = input.evaluation.groups[g]!;
    const rows = groupRows(input, g);
    return {
      rows,
      n: rows.n,
      sigmaInv: ge.sigmaInv,
      fc: {
        vec: cellVectors(cells, ge.implied, rep.meanstructure),
        free: Int32Array.from(cells.map((c) => c.free)),
        meanstructure: rep.meanstructure,
      },
      center: rep.meanstructure ? ge.implied.mu : rows.mean,
      P: exoProjection(rows.S, rows.p, input.exoIndex),
    };
  });
}

/**
 * The independence model of fit/baseline.ts as free cells: per group the variance (u = e_j,
 * v = ½e_j) and, with a mean structure, the mean (μ_a = e_j) of every variable, at its estimate
 * Σ_b = diag(S) with the covariates' block of S kept, μ_b = x̄. Under fixed.x the covariates'
 * moments are fixed (no cells); without it their variances, covariances (u = e_i, v = e_j) and
 * means are free, as in lavaan's independence model. At this estimate the observed information
 * equals the expected one (the terms in S − Σ_b and x̄ − μ_b vanish).
 */
function baselinePieces(input: RobustInput): { pieces: GroupPieces[]; q: number; info: Float64Array } {
  const fixed = new Set(input.exoIndex);
  const block = new Set(input.covariateIndex);
  const meanstructure = input.prob.rep.groups[0]!.meanstructure;
  const pieces: GroupPieces[] = [];
  let offset = 0;
  const blocks: { vec: CellVectors; sigmaInv: Float64Array; p: number; offset: number; w: number }[] = [];
  input.prob.rep.groups.forEach((_, g) => {
    const rows = groupRows(input, g);
    const p = rows.p;
    const vars = Array.from({ length: p }, (_, j) => j).filter((j) => !fixed.has(j));
    const covs: [number, number][] = [];
    if (fixed.size === 0) for (const i of block) for (const j of block) if (i < j) covs.push([i, j]);
    const cells: { u: number; v: number; half: number; mean: boolean }[] = [
      ...vars.map((j) => ({ u: j, v: j, half: 0.5, mean: false })),
      ...covs.map(([i, j]) => ({ u: i, v: j, half: 1, mean: false })),
      ...(meanstructure ? vars.map((j) => ({ u: j, v: j, half: 0, mean: true })) : []),
    ];
    const k = cells.length;
    const U = new Float64Array(p * k);
    const V = new Float64Array(p * k);
    const D = new Float64Array(p * k);
    cells.forEach((c, col) => {
      if (c.mean) D[c.u * k + col] = 1;
      else {
        U[c.u * k + col] = 1;
        V[c.v * k + col] = c.half;
      }
    });
    const free = Int32Array.from(cells, (_, col) => offset + col);
    const B = new Float64Array(p * p);
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) if (i === j || (block.has(i) && block.has(j))) B[i * p + j] = rows.S[i * p + j]!;
    const sigmaInv = spdInverse({ n: p, a: B })!.inv.a;
    const vec: CellVectors = { U, V, D, k };
    pieces.push({
      rows,
      n: rows.n,
      sigmaInv,
      fc: { vec, free, meanstructure },
      center: rows.mean,
      P: exoProjection(rows.S, p, input.exoIndex),
    });
    blocks.push({ vec, sigmaInv, p, offset, w: rows.n / input.prob.stats.ntotal });
    offset += k;
  });
  const q = offset;
  const info = new Float64Array(q * q);
  for (const b of blocks) {
    const blk = informationBlock(b.vec, b.vec, b.sigmaInv, b.p, meanstructure);
    const k = b.vec.k;
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) info[(b.offset + i) * q + b.offset + j] += b.w * blk[i * k + j]!;
  }
  return { pieces, q, info };
}

/** MLM meat Σ_g (n_g/N) Δ_gᵀW_gΓ_gW_gΔ_g and Σ_g tr(W_gΓ_g), both at each group's Σ⁻¹. */
function gammaPieces(pieces: GroupPieces[], q: number, ntotal: number): { meat: Float64Array; trWG: number } {
  const meat = new Float64Array(q * q);
  let trWG = 0;
  for (const gp of pieces) {
    addCrossProduct(meat, gammaContributions(gp.rows, gp.sigmaInv, gp.fc, q, gp.P), gp.n, q, 1 / ntotal);
    trWG += traceWGamma(gp.rows, gp.sigmaInv, gp.fc.meanstructure, gp.P);
  }
  return { meat, trWG };
}

/** MLR meat (1/N) Σ_i s_i s_iᵀ over all groups. */
function scoreMeat(pieces: GroupPieces[], q: number, ntotal: number): Float64Array {
  const meat = new Float64Array(q * q);
  for (const gp of pieces)
    addCrossProduct(meat, casewiseScores(gp.rows, gp.center, gp.sigmaInv, gp.fc, q), gp.n, q, 1 / ntotal);
  return meat;
}

const NA_TEST: ScaledTest = { trace: NaN, scalingFactor: NaN, chisqScaled: NaN, pvalueScaled: NaN };

/** The robust vcov and the scaled tests of the model and of the baseline model, with MLR's h1/h0 scaling factors. */
interface RobustTests {
  vcov: VcovResult;
  test: ScaledTest;
  baseTest: ScaledTest;
  h1h0?: { h1: number; h0: number };
}

type BaselinePieces = ReturnType<typeof baselinePieces>;

/** MLM: the sandwich with Γ's meat, Satorra-Bentler scaled tests. */
function satorraBentler(input: RobustInput, pieces: GroupPieces[], base: BaselinePieces): RobustTests {
  const q = input.prob.rep.nfree;
  const N = input.prob.stats.ntotal;
  const { meat, trWG } = gammaPieces(pieces, q, N);
  const sw = sandwichVcov(input.information, meat, q, N);
  const test =
    sw.breadInverse === null
      ? NA_TEST
      : scaledTest(input.chisq, input.df, satorraBentlerTrace(trWG, sw.breadInverse, meat, q));
  const b = gammaPieces(base.pieces, base.q, N);
  const bw = sandwichVcov(base.info, b.meat, base.q, N);
  const baseTest =
    bw.breadInverse === null
      ? NA_TEST
      : scaledTest(
          input.baseline.chisq,
          input.baseline.df,
          satorraBentlerTrace(b.trWG, bw.breadInverse, b.meat, base.q),
        );
  return { vcov: sw.vcov, test, baseTest };
}

/** MLR: the sandwich of the observed information with the casewise scores' meat, Yuan-Bentler (Mplus) scaled tests. */
function huberWhite(input: RobustInput, pieces: GroupPieces[], base: BaselinePieces): RobustTests {
  const q = input.prob.rep.nfree;
  const N = input.prob.stats.ntotal;
  const A = observedInformationFast(input.prob, input.theta, input.evaluation);
  const meat = scoreMeat(pieces, q, N);
  const sw = A === null ? null : sandwichVcov(A, meat, q, N);
  const vcov = sw?.vcov ?? { ok: false, involved: [] };
  // tr(A1⁻¹B1) of the unstructured model, at the sample moments: tr(W(S)Γ) per group
  let traceH1 = 0;
  pieces.forEach(
    (gp, g) => (traceH1 += traceWGamma(gp.rows, input.prob.stats.groups[g]!.Sinv, gp.fc.meanstructure, gp.P)),
  );
  let test: ScaledTest;
  let h1h0: { h1: number; h0: number } | undefined;
  if (sw === null || sw.breadInverse === null) test = NA_TEST;
  else {
    const yb = yuanBentlerMplusTrace(traceH1, input.nel, sw.breadInverse, meat, q, input.npar);
    test = scaledTest(input.chisq, input.df, yb.trace);
    h1h0 = { h1: yb.scalingFactorH1, h0: yb.scalingFactorH0 };
  }
  const bmeat = scoreMeat(base.pieces, base.q, N);
  const bw = sandwichVcov(base.info, bmeat, base.q, N);
  const baseTest =
    bw.breadInverse === null
      ? NA_TEST
      : scaledTest(
          input.baseline.chisq,
          input.baseline.df,
          yuanBentlerMplusTrace(traceH1, input.nel, bw.breadInverse, bmeat, base.q, base.q).trace,
        );
  return { vcov, test, baseTest, h1h0 };
}

export function robustEstimation(input: RobustInput): RobustOutput {
  const pieces = modelPieces(input);
  const base = baselinePieces(input);
  const { vcov, test, baseTest, h1h0 } =
    input.estimator === "MLM" ? satorraBentler(input, pieces, base) : huberWhite(input, pieces, base);
  const measures = robustFitMeasures({
    chisq: input.chisq,
    df: input.df,
    ntotal: input.prob.stats.ntotal,
    ngroups: pieces.length,
    test,
    baseline: { chisq: input.baseline.chisq, df: input.baseline.df, test: baseTest },
    h1h0,
  });
  return { vcov, measures, test };
}
