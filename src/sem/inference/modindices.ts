/**
 * Modification indices (Sörbom 1989; Saris, Satorra & Sörbom 1987), as lavaan's modindices():
 * for a parameter c fixed at zero, with s_c = −½ ∂F/∂c the score per observation and I the
 * expected information per observation,
 *   V_c = I_cc − I_cθ I_θθ⁻¹ I_θc,   mi = N s_c² / V_c,   epc = s_c / V_c,
 * and sepc.lv / sepc.all the expected change standardized as the parameter would be.
 * The information pieces come from the rank-2 derivative vectors (estimate/information.ts),
 * so no p*×p* matrix is formed: cost O(k·q·p + k·q²) for k candidates.
 */
import { cholesky, inverseFromCholesky } from "../linalg/dense.js";
import { cellVectors, informationBlock, type CellVectors } from "../estimate/information.js";
import { candidates, candidateVectors } from "./mi-candidates.js";
import { residualWeight, type Evaluation, type Problem } from "../estimate/ml.js";
import { nameIndex } from "../model/representation.js";
import type { ParameterTable } from "../partable/types.js";
import type { ModIndex } from "../results.js";
import type { ParameterRowsResult } from "./parameters.js";
import { standardizer, type StdRow } from "./standardized.js";
import type { Implied } from "../model/implied.js";

/** lavaan drops candidates whose conditional information is below ε^(1/3) (not identified if freed). */
const MIN_V = 6.0554544523933395e-6; // cbrt(2^-52) correctly rounded (a literal: Math.cbrt differs between engines)

export interface ModIndicesInput {
  table: ParameterTable;
  prob: Problem;
  evaluation: Evaluation;
  info: Float64Array;
  stdSource: ParameterRowsResult;
}

export function modificationIndices(input: ModIndicesInput): ModIndex[] {
  const { table, prob, evaluation: ev } = input;
  const q = prob.rep.nfree;
  const L = cholesky({ n: q, a: input.info });
  if (L === null) return [];
  const infoInv = inverseFromCholesky(L).a;
  const sepc = epcStandardizer(
    table,
    input.stdSource,
    ev.groups.map((g) => g.implied),
    prob.rep.groups[0]!.lv,
  );
  const out: ModIndex[] = [];
  prob.rep.groups.forEach((rep, g) => groupIndices(input, infoInv, sepc, rep, g, out));
  return out;
}

type Metric = { readonly w: number; readonly E: Float64Array };

/** The modification indices of group g's candidates (appended to `out`). */
function groupIndices(
  input: ModIndicesInput,
  infoInv: Float64Array,
  sepc: ReturnType<typeof epcStandardizer>,
  rep: Problem["rep"]["groups"][number],
  g: number,
  out: ModIndex[],
): void {
  const { table, prob, evaluation: ev } = input;
  const q = prob.rep.nfree;
  const N = prob.stats.ntotal;
  const cand = candidates(table, g + 1);
  if (cand.length === 0) return;
  const ge = ev.groups[g]!;
  const st = prob.stats.groups[g]!;
  const w = st.n / N;
  const p = rep.p;
  const cv = candidateVectors(cand, nameIndex(rep), ge.implied, rep.meanstructure);
  const freeCells = rep.cells.filter((c) => c.free >= 0);
  const fv = cellVectors(freeCells, ge.implied, rep.meanstructure);
  const k = cand.length;
  const kf = freeCells.length;
  // missing data: the expected information sums over the patterns' metrics (estimate/info-total.ts)
  const metrics: readonly Metric[] = ge.metrics ?? [{ w: 1, E: ge.sigmaInv }];
  // fixed.x: lavaan's expected information leaves out the covariates' own moments (the rows and
  // columns of Σ_xx and μ_x in its h1 weight, lav_mvnorm_information_expected with x.idx), so a
  // candidate's Σ_c enters the information without its x×x block: Σ̃_c = Σ_c − P Σ_c P (P keeps
  // the covariates' rows) = (u vᵀ + v uᵀ) + (Pu (−Pv)ᵀ + (−Pv) Puᵀ), a second rank-2 piece.
  // The free parameters' Σ_θ have no x×x block under fixed.x, so only candidates change.
  const xRows = exoRows(table, rep.ov);
  const pieces = xRows.length > 0 ? [cv, xBlockPiece(cv, xRows, p)] : [cv];
  const block = crossInformation(metrics, pieces, fv, k, kf, p, rep.meanstructure);
  const { W, dt } = residualWeight(rep.meanstructure, st, ge);
  const Ict = new Float64Array(q);
  const tmp = new Float64Array(q);
  for (let c = 0; c < k; c++) {
    Ict.fill(0);
    for (let b = 0; b < kf; b++) Ict[freeCells[b]!.free] += w * block[c * kf + b]!;
    const score = candidateScore(W, dt, cv, c, k, p, w);
    let Icc = 0;
    for (const mt of metrics)
      for (let x = 0; x < pieces.length; x++)
        for (let y = 0; y < pieces.length; y++) Icc += w * mt.w * pairInformation(pieces[x]!, pieces[y]!, c, mt.E, p);
    const V = Icc - explainedInformation(infoInv, Ict, tmp, q);
    if (!(V >= MIN_V)) continue;
    const epc = score / V;
    const s = sepc(cand[c]!, epc);
    out.push({ ...cand[c]!, mi: (N * score * score) / V, epc, "sepc.lv": s.lv, "sepc.all": s.all });
  }
}

/** The candidates × free parameters block of the expected information (k × kf), summed over the metrics and pieces. */
function crossInformation(
  metrics: readonly Metric[],
  pieces: readonly CellVectors[],
  fv: CellVectors,
  k: number,
  kf: number,
  p: number,
  meanstructure: boolean,
): Float64Array {
  const block = new Float64Array(k * kf); // k × kf
  for (const mt of metrics)
    for (const piece of pieces) {
      const b = informationBlock(piece, fv, mt.E, p, meanstructure);
      for (let i = 0; i < k * kf; i++) block[i] += mt.w * b[i]!;
    }
  return block;
}

/** Candidate c's score (lavaan's gradient: the full weight W) from its vectors u, v and d. */
function candidateScore(
  W: Float64Array,
  dt: Float64Array,
  cv: CellVectors,
  c: number,
  k: number,
  p: number,
  w: number,
): number {
  let uWv = 0,
    dD = 0;
  for (let i = 0; i < p; i++) {
    let a = 0;
    for (let j = 0; j < p; j++) a += W[i * p + j]! * cv.V[j * k + c]!;
    uWv += cv.U[i * k + c]! * a;
    dD += dt[i]! * cv.D[i * k + c]!;
  }
  return -0.5 * w * (2 * uWv - 2 * dD);
}

/** The candidates × free parameters block of the expected information (k × kf), over the metrics and pieces. */
function explainedInformation(infoInv: Float64Array, Ict: Float64Array, tmp: Float64Array, q: number): number {
  for (let a = 0; a < q; a++) {
    let s = 0;
    for (let b = 0; b < q; b++) s += infoInv[a * q + b]! * Ict[b]!;
    tmp[a] = s;
  }
  let quad = 0;
  for (let a = 0; a < q; a++) quad += Ict[a]! * tmp[a]!;
  return quad;
}

/**
 * sepc.lv, sepc.all and sepc.nox of an expected change (lavaan's modindices(), cov.std = TRUE): a
 * variance candidate is standardized at its current value (0 when that is ~0), with the sign of
 * the change.
 */
export function epcStandardizer(
  table: ParameterTable,
  stdSource: ParameterRowsResult,
  implied: readonly Implied[],
  lvNames: readonly string[],
): (c: StdRow, epc: number) => { lv: number; all: number; nox: number } {
  const std = standardizer(table, stdSource.est, implied, lvNames);
  const current = new Map(table.rows.map((r, k) => [`${r.group}:${r.lhs} ${r.op} ${r.rhs}`, stdSource.est[k]!]));
  const exo = new Set(table.options.fixedX ? table.vars.ovX : []);
  return (c, epc) => {
    if (c.op === "~~" && c.lhs === c.rhs && !exo.has(c.lhs)) {
      const v = current.get(`${c.group}:${c.lhs} ~~ ${c.rhs}`) ?? 0;
      if (Math.abs(v) < Math.sqrt(2.220446049250313e-16)) return { lv: 0, all: 0, nox: 0 };
      const s = std(c, Math.abs(v));
      return { lv: Math.sign(epc) * s.lv, all: Math.sign(epc) * s.all, nox: Math.sign(epc) * s.nox };
    }
    return std(c, epc);
  };
}

/** The rows of the model's fixed.x covariates in the group's variable order (none without fixed.x). */
function exoRows(table: ParameterTable, ov: readonly string[]): number[] {
  if (!table.options.fixedX) return [];
  return table.vars.ovX.map((x) => ov.indexOf(x)).filter((i) => i >= 0);
}

/** The piece (Pu, −Pv, −Pd) that removes the covariates' x×x block (and μ_x) from each candidate. */
function xBlockPiece(cv: CellVectors, rows: readonly number[], p: number): CellVectors {
  const k = cv.k;
  const U = new Float64Array(p * k);
  const V = new Float64Array(p * k);
  const D = new Float64Array(p * k);
  for (const r of rows)
    for (let c = 0; c < k; c++) {
      U[r * k + c] = cv.U[r * k + c]!;
      V[r * k + c] = -cv.V[r * k + c]!;
      D[r * k + c] = -cv.D[r * k + c]!;
    }
  return { U, V, D, k };
}

/**
 * ½ tr(E Σ_a E Σ_b) + μ_aᵀ E μ_b for column c of two pieces a and b, with K(x, y) = xᵀ E y:
 * K(v_a, u_b) K(v_b, u_a) + K(v_a, v_b) K(u_a, u_b) + K(d_a, d_b) (estimate/information.ts).
 */
function pairInformation(a: CellVectors, b: CellVectors, c: number, E: Float64Array, p: number): number {
  const k = a.k;
  let vaub = 0,
    vbua = 0,
    vavb = 0,
    uaub = 0,
    dadb = 0;
  for (let i = 0; i < p; i++) {
    let eub = 0,
      evb = 0,
      edb = 0;
    for (let j = 0; j < p; j++) {
      const e = E[i * p + j]!;
      eub += e * b.U[j * k + c]!;
      evb += e * b.V[j * k + c]!;
      edb += e * b.D[j * k + c]!;
    }
    vaub += a.V[i * k + c]! * eub;
    vbua += a.U[i * k + c]! * evb;
    vavb += a.V[i * k + c]! * evb;
    uaub += a.U[i * k + c]! * eub;
    dadb += a.D[i * k + c]! * edb;
  }
  return vaub * vbua + vavb * uaub + dadb;
}
