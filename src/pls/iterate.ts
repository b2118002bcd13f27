/**
 * The iterative outer loop of PLS (Wold; Lohmöller 1989) on the indicators' correlation matrix S,
 * as seminr 2.3.1 runs it: start weights 1; proxies standardised; inner weights by the path
 * weighting, factorial or centroid scheme; mode A (covariances with the inner proxy) or mode B
 * (regression of the inner proxy on the block) outer weights, each block rescaled to a
 * unit-variance composite; stop when the sum of absolute weight changes is below the tolerance,
 * the counter starting at 0. A proxy Z w has covariance S[:, block] w with every indicator, so an
 * iteration costs O(p^2), not O(n p).
 */
import { InputError } from "../sem/messages.js";
import { inverse, solve, sub, type Mat } from "./linalg.js";
import type { PlsBlock, PlsErrorCode, PlsPathSpec, PlsScheme } from "./types.js";

export interface StageInput {
  readonly n: number;
  readonly columns: Readonly<Record<string, Float64Array>>;
  /** One block per construct of the structural model, in model order. */
  readonly blocks: readonly PlsBlock[];
  readonly paths: readonly PlsPathSpec[];
  readonly scheme: PlsScheme;
  readonly maxIterations: number;
  readonly tolerance: number;
  /** Where the data come from, for messages. */
  readonly name: string;
}

export interface Layout {
  k: number;
  p: number;
  /** indicator indices (into S) of each block */
  idx: number[][];
  pred: number[][];
  succ: number[][];
}

export function layout(input: StageInput): Layout {
  const k = input.blocks.length;
  const pos = new Map(input.blocks.map((b, i) => [b.construct, i]));
  const idx: number[][] = [];
  let p = 0;
  for (const b of input.blocks) {
    idx.push(b.indicators.map((_, j) => p + j));
    p += b.indicators.length;
  }
  const pred: number[][] = Array.from({ length: k }, () => []);
  const succ: number[][] = Array.from({ length: k }, () => []);
  for (const path of input.paths) {
    const f = pos.get(path.from)!;
    const t = pos.get(path.to)!;
    pred[t]!.push(f);
    succ[f]!.push(t);
  }
  return { k, p, idx, pred, succ };
}

/** The first item of a block that is a linear combination of earlier ones, and those: names. */
function collinearItems(R: Mat, names: readonly string[]): string[] {
  const basis: number[] = [];
  for (let j = 0; j < R.length; j++) {
    const trial = [...basis, j];
    const inv = inverse(sub(R, trial));
    const diag = inv === null ? Infinity : inv[trial.length - 1]![trial.length - 1]!;
    if (!(diag < 1e10) || !(diag > 0)) {
      const beta =
        basis.length === 0
          ? []
          : (solve(
              sub(R, basis),
              basis.map((b) => R[b]![j]!),
            ) ?? []);
      const big = Math.max(0, ...beta.map(Math.abs));
      return [...basis.filter((_, i) => Math.abs(beta[i] ?? 0) > 1e-6 * big), j].map((i) => names[i]!);
    }
    basis.push(j);
  }
  return names.slice();
}

export interface OuterLoop {
  weights: number[][];
  iterations: number;
  converged: boolean;
  weightDiff: number;
}

/** Two or more predictors of `outcome` whose construct scores are collinear: an input error naming them. */
export function collinearPredictors(
  name: string,
  outcome: string,
  predictors: readonly string[],
): InputError<PlsErrorCode> {
  return new InputError<PlsErrorCode>(
    "E_PLS_COLLINEAR",
    `${name}: the construct scores of ${predictors.join(", ")} (predictors of ${outcome}) are collinear: ` +
      "the paths cannot be estimated; merge or drop constructs",
  );
}

/** The inner weights E (E[i][j]: weight of proxy i in the inner proxy of j). */
function innerWeights(C: Mat, L: Layout, scheme: PlsScheme, input: StageInput): Mat {
  const E: Mat = Array.from({ length: L.k }, () => new Array<number>(L.k).fill(0));
  for (let j = 0; j < L.k; j++) {
    if (scheme === "path") {
      for (const s of L.succ[j]!) E[s]![j] = C[s]![j]!;
      const pr = L.pred[j]!;
      if (pr.length > 0) {
        const beta = solve(
          sub(C, pr),
          pr.map((i) => C[i]![j]!),
        );
        if (beta === null)
          throw collinearPredictors(
            input.name,
            input.blocks[j]!.construct,
            pr.map((i) => input.blocks[i]!.construct),
          );
        pr.forEach((i, t) => (E[i]![j] = beta[t]!));
      }
    } else {
      for (const i of [...L.pred[j]!, ...L.succ[j]!]) {
        const c = C[i]![j]!;
        E[i]![j] = scheme === "factorial" ? c : Math.sign(c);
      }
    }
  }
  return E;
}

/** Covariances of every indicator with each block's composite: A[j][x] = (S[:, block j] w_j)[x]. */
export function indicatorCovariances(S: Float64Array, L: Layout, w: number[][]): Float64Array[] {
  const A: Float64Array[] = [];
  for (let j = 0; j < L.k; j++) {
    const a = new Float64Array(L.p);
    const idx = L.idx[j]!;
    const wj = w[j]!;
    for (let x = 0; x < L.p; x++) {
      let s = 0;
      const row = x * L.p;
      for (let t = 0; t < idx.length; t++) s += S[row + idx[t]!]! * wj[t]!;
      a[x] = s;
    }
    A.push(a);
  }
  return A;
}

/** Proxy correlations C and sds from the covariances A. */
export function proxyCorrelations(A: Float64Array[], L: Layout, w: number[][]): { C: Mat; sd: number[] } {
  const cov: Mat = Array.from({ length: L.k }, () => new Array<number>(L.k).fill(0));
  for (let i = 0; i < L.k; i++) {
    const idx = L.idx[i]!;
    const wi = w[i]!;
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let t = 0; t < idx.length; t++) s += wi[t]! * A[j]![idx[t]!]!;
      cov[i]![j] = cov[j]![i] = s;
    }
  }
  const sd = cov.map((r, i) => Math.sqrt(r[i]!));
  const C = cov.map((r, i) => r.map((v, j) => (i === j ? 1 : v / (sd[i]! * sd[j]!))));
  return { C, sd };
}

/** The iterative outer loop: final (rescaled) weights, seminr's iteration counter, convergence. */
export function outerLoop(S: Float64Array, L: Layout, blocks: readonly PlsBlock[], input: StageInput): OuterLoop {
  const Rinv: (Mat | null)[] = blocks.map((b, j) => {
    if (b.mode !== "B") return null;
    const idx = L.idx[j]!;
    const R = idx.map((x) => idx.map((y) => S[x * L.p + y]!));
    const inv = inverse(R);
    const bad = inv === null || inv.some((r, i) => !(r[i]! < 1e10));
    if (bad)
      throw new InputError<PlsErrorCode>(
        "E_PLS_COLLINEAR",
        `${input.name}: the mode B block of ${b.construct} has collinear indicators (${collinearItems(
          R,
          b.indicators,
        ).join(", ")}): drop one or use mode A ('=~')`,
      );
    return inv;
  });
  let w: number[][] = blocks.map((b) => b.indicators.map(() => 1));
  let diff = Infinity;
  let it = 0;
  let converged = false;
  for (it = 0; it <= input.maxIterations; it++) {
    const A = indicatorCovariances(S, L, w);
    const { C, sd } = proxyCorrelations(A, L, w);
    const E = innerWeights(C, L, input.scheme, input);
    // inner proxy j = sum_i E[i][j] Y_i / sd~_j with Y_i = Z w_i / sd_i
    const next: number[][] = [];
    for (let j = 0; j < L.k; j++) {
      let v = 0;
      for (let i = 0; i < L.k; i++) for (let l = 0; l < L.k; l++) v += E[i]![j]! * E[l]![j]! * C[i]![l]!;
      const sdInner = Math.sqrt(v);
      const idx = L.idx[j]!;
      const r = idx.map((x) => {
        let s = 0;
        for (let i = 0; i < L.k; i++) if (E[i]![j] !== 0) s += (E[i]![j]! * A[i]![x]!) / sd[i]!;
        return s / sdInner;
      });
      const inv = Rinv[j];
      const raw = inv === null || inv === undefined ? r : inv.map((row) => row.reduce((s, v2, t) => s + v2 * r[t]!, 0));
      // rescale: the composite Z_block w has sd sqrt(w' R w)
      let q = 0;
      for (let a = 0; a < idx.length; a++)
        for (let b = 0; b < idx.length; b++) q += raw[a]! * raw[b]! * S[idx[a]! * L.p + idx[b]!]!;
      const s = Math.sqrt(q);
      next.push(raw.map((x) => x / s));
    }
    diff = 0;
    for (let j = 0; j < L.k; j++) for (let t = 0; t < next[j]!.length; t++) diff += Math.abs(next[j]![t]! - w[j]![t]!);
    w = next;
    if (diff < input.tolerance) {
      converged = true;
      break;
    }
  }
  return { weights: w, iterations: Math.min(it, input.maxIterations), converged, weightDiff: diff };
}
