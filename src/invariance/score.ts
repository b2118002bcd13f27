/**
 * Univariate score tests (Lagrange multipliers) of releasing one equality constraint, or freeing
 * one fixed parameter, of a fitted model: lavaan 0.6.14's lavTestScore() (release mode; add mode
 * for a fixed parameter), with the expected information, as lavaan's default.
 *
 * lavaan works in the unconstrained parameter space x (every parameter-table row its own
 * parameter), with the score s = ∂logL/∂x / N at the constrained estimate and the expected
 * information I per observation, and for a constraint r computes X²_r = N sᵀ P_r s, P_r the upper
 * left block of the (generalized) inverse of [[I, R₋ᵣᵀ], [R₋ᵣ, 0]] (R₋ᵣ: every other constraint's
 * row of the constraint Jacobian). With the constrained model x = Kθ (K maps each free parameter
 * θ to the rows sharing it) and d the direction that releasing r opens (the unit vector of the
 * released copy, or of the freed parameter), null(R₋ᵣ) = span(K, d), sᵀK = 0 at θ̂, and the
 * block-inverse identity reduces that to the modification-index form (Sörbom 1989):
 *   X²_r = N (sᵀd)² / (dᵀId − dᵀIK (KᵀIK)⁻¹ KᵀId),
 * which needs only the q×q constrained information. The total test (every constraint released)
 * is N tᵀ M⁻ t with t = Dᵀs and M = DᵀID − DᵀIK (KᵀIK)⁻¹ KᵀID over all directions D, M⁻ a
 * generalized inverse (lavaan: MASS::ginv of I; the same number, t lying in the range of M).
 * Ordinal fits (WLSMV family): s and I are those of the weighted least-squares fit (score-ordinal.ts).
 */
import { gradient } from "../sem/estimate/ml.js";
import { expectedInformation } from "../sem/estimate/info-total.js";
import { chisqUpper } from "../sem/distributions/index.js";
import { cholesky, inverseFromCholesky } from "../sem/linalg/dense.js";
import type { FittedModel } from "../sem/fit-model.js";
import type { Representation } from "../sem/model/representation.js";
import { ordinalScoreBasis, type ScoreBasis } from "./score-ordinal.js";

/** One direction a test opens: the copy `row` of a parameter tied to `ref`, or a fixed `row` freed (ref −1). */
export interface Release {
  /** index into the parameter table's rows of the first (reference) copy; −1 for a fixed parameter freed */
  readonly ref: number;
  /** index into the parameter table's rows of the copy released, or of the fixed parameter freed */
  readonly row: number;
}

export interface ScoreTest {
  readonly release: Release;
  /** null when freeing it would leave the model not identified (no information in that direction) */
  readonly X2: number | null;
  readonly df: 1;
  readonly pvalue: number | null;
}

export interface ScoreTests {
  readonly total: { readonly X2: number | null; readonly df: number; readonly pvalue: number | null };
  readonly uni: readonly ScoreTest[];
}

/** Conditional information below this (lavaan's ε^(1/3), as in modindices) means "not identified if freed". */
const MIN_V = 6.0554544523933395e-6;

/** The directions of every equality constraint of the table: each copy after the first of a shared θ. */
export function equalityReleases(fitted: FittedModel): Release[] {
  const first = new Map<number, number>();
  const out: Release[] = [];
  fitted.table.rows.forEach((r, k) => {
    if (r.free <= 0 || r.group === 0) return;
    const f = first.get(r.free);
    if (f === undefined) first.set(r.free, k);
    else out.push({ ref: f, row: k });
  });
  return out;
}

/**
 * The univariate tests of `tests` and the total test of `all` (every constraint of the model, as
 * lavaan's total; fixed parameters freed count one each), at the fitted model's estimate.
 */
export function scoreTests(fitted: FittedModel, tests: readonly Release[], all: readonly Release[]): ScoreTests {
  const rows = fitted.table.rows;
  // the x space: every free row, then the fixed rows some test frees
  const xOf = new Map<number, number>();
  const thetaOfX: number[] = [];
  rows.forEach((r, k) => {
    if (r.free > 0 && r.group > 0) {
      xOf.set(k, thetaOfX.length);
      thetaOfX.push(r.free - 1);
    }
  });
  for (const t of [...all, ...tests])
    if (!xOf.has(t.row)) {
      xOf.set(t.row, thetaOfX.length);
      thetaOfX.push(-1);
    }
  const n = thetaOfX.length;
  const q = fitted.table.nfree;
  const N = fitted.stats.ntotal;
  const { s, Ix } =
    fitted.opts.ordinal !== null ? ordinalScoreBasis(fitted, xOf, thetaOfX) : mlScoreBasis(fitted, xOf, n);
  // KᵀIK and its inverse
  const Ith = new Float64Array(q * q);
  for (let i = 0; i < n; i++) {
    const ti = thetaOfX[i]!;
    if (ti < 0) continue;
    for (let j = 0; j < n; j++) {
      const tj = thetaOfX[j]!;
      if (tj >= 0) Ith[ti * q + tj] += Ix[i * n + j]!;
    }
  }
  const L = cholesky({ n: q, a: Ith });
  const nan = { total: { X2: null, df: all.length, pvalue: null }, uni: tests.map(failed) };
  if (L === null) return nan;
  const IthInv = inverseFromCholesky(L).a;
  // for a direction x-index d: KᵀI e_d (q-vector)
  const kid = (d: number): Float64Array => {
    const b = new Float64Array(q);
    for (let i = 0; i < n; i++) {
      const ti = thetaOfX[i]!;
      if (ti >= 0) b[ti] += Ix[i * n + d]!;
    }
    return b;
  };
  const quad = (a: Float64Array, b: Float64Array): number => {
    let v = 0;
    for (let i = 0; i < q; i++) {
      let r = 0;
      for (let j = 0; j < q; j++) r += IthInv[i * q + j]! * b[j]!;
      v += a[i]! * r;
    }
    return v;
  };
  const uni = tests.map((t): ScoreTest => {
    const d = xOf.get(t.row)!;
    const b = kid(d);
    const V = Ix[d * n + d]! - quad(b, b);
    if (!(V >= MIN_V)) return failed(t);
    const X2 = (N * s[d]! * s[d]!) / V;
    return { release: t, X2, df: 1, pvalue: chisqUpper(X2, 1) };
  });
  const D = all.map((t) => xOf.get(t.row)!);
  const B = D.map(kid);
  const m = D.length;
  const M = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) M[a * m + b] = Ix[D[a]! * n + D[b]!]! - quad(B[a]!, B[b]!);
  const X2 =
    m === 0
      ? null
      : N *
        ginvQuadratic(
          M,
          Float64Array.from(D, (d) => s[d]!),
          m,
        );
  return { total: { X2, df: m, pvalue: X2 === null ? null : chisqUpper(X2, m) }, uni };
}

/** ML: the score ∂logL/∂x per observation (lavaan's gradient.logl / N) and the expected information, in x. */
function mlScoreBasis(fitted: FittedModel, xOf: ReadonlyMap<number, number>, n: number): ScoreBasis {
  const at = { prob: fitted.prob, theta: fitted.theta, evaluation: fitted.evaluation, information: fitted.information };
  const basis = fitted.method.modindicesBasis(at);
  const xrep = (rep: Representation): Representation => ({
    nfree: n,
    groups: rep.groups.map((g) => ({ ...g, cells: g.cells.map((c) => ({ ...c, free: xOf.get(c.row) ?? -1 })) })),
  });
  const grad = gradient({ ...fitted.prob, rep: xrep(fitted.prob.rep) }, fitted.evaluation);
  const s = grad.map((v) => -0.5 * v);
  const Ix = expectedInformation({ ...basis.prob, rep: xrep(basis.prob.rep) }, basis.evaluation);
  return { s, Ix };
}

function failed(release: Release): ScoreTest {
  return { release, X2: null, df: 1, pvalue: null };
}

/**
 * tᵀ M⁻ t for a symmetric positive semi-definite M, M⁻ a generalized inverse from a Cholesky
 * factorization with diagonal pivoting that stops at the numerical rank (pivots below √ε times
 * the largest diagonal, MASS::ginv's tolerance): with M = P [A B; Bᵀ BᵀA⁻¹B] Pᵀ, G = P [A⁻¹ 0; 0 0] Pᵀ
 * satisfies MGM = M, and tᵀGt is the same for every generalized inverse when t lies in M's range.
 */
export function ginvQuadratic(M: Float64Array, t: Float64Array, m: number): number {
  const a = Float64Array.from(M);
  const perm = Array.from({ length: m }, (_, i) => i);
  const x = Float64Array.from(t);
  let maxDiag = 0;
  for (let i = 0; i < m; i++) maxDiag = Math.max(maxDiag, a[i * m + i]!);
  const tol = 1.4901161193847656e-8 * maxDiag;
  let value = 0;
  for (let k = 0; k < m; k++) {
    let p = k;
    for (let i = k + 1; i < m; i++) if (a[perm[i]! * m + perm[i]!]! > a[perm[p]! * m + perm[p]!]!) p = i;
    [perm[k], perm[p]] = [perm[p]!, perm[k]!];
    const pk = perm[k]!;
    const piv = a[pk * m + pk]!;
    if (!(piv > tol)) break;
    // eliminate: one step of the outer-product Cholesky on the remaining block, and forward-solve t
    const yk = x[pk]! / Math.sqrt(piv);
    value += yk * yk;
    for (let i = k + 1; i < m; i++) {
      const pi = perm[i]!;
      const f = a[pi * m + pk]! / piv;
      x[pi] -= f * x[pk]!;
      for (let j = k + 1; j < m; j++) {
        const pj = perm[j]!;
        a[pi * m + pj] -= f * a[pk * m + pj]!;
      }
    }
  }
  return value;
}
