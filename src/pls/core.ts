/**
 * One stage of PLS path modelling: Wold's iterative algorithm in Lohmöller's (1989) formulation,
 * with seminr 2.3.1's conventions (start weights 1; proxies standardised with n - 1; inner
 * weights by the path weighting, factorial or centroid scheme; mode A or mode B outer weights;
 * each block's weights rescaled to a unit-variance composite; stop when the sum of absolute
 * weight changes is below the tolerance; the counter starts at 0).
 *
 * Everything is computed from the indicators' correlation matrix S: a proxy Z w has covariance
 * S[:, block] w with every indicator, so an iteration costs O(p^2), not O(n p). The construct
 * scores (Z W) are formed once at the end.
 */
import { InputError } from "../sem/messages.js";
import { inverse, solve, sub, type Mat } from "./linalg.js";
import { consistentCorrections } from "./plsc.js";
import type {
  PlsBlock,
  PlsErrorCode,
  PlsOuterRow,
  PlsPathRow,
  PlsPathSpec,
  PlsRSquared,
  PlsScheme,
  PlsStage,
} from "./types.js";

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

interface Layout {
  k: number;
  p: number;
  /** indicator indices (into S) of each block */
  idx: number[][];
  pred: number[][];
  succ: number[][];
}

function layout(input: StageInput): Layout {
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

/** Standardised indicator columns (mean 0, sd 1 with n - 1), their means and sds. */
function standardise(input: StageInput): { Z: Float64Array[]; means: number[]; sds: number[]; names: string[] } {
  const names = input.blocks.flatMap((b) => b.indicators);
  const n = input.n;
  const Z: Float64Array[] = [];
  const means: number[] = [];
  const sds: number[] = [];
  for (const name of names) {
    const x = input.columns[name]!;
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i]!;
    const mean = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (x[i]! - mean) ** 2;
    const sd = Math.sqrt(ss / (n - 1));
    if (!(sd > 0)) throw new InputError<PlsErrorCode>("E_CONSTANT", `${input.name}: indicator ${name} is constant`);
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) z[i] = (x[i]! - mean) / sd;
    Z.push(z);
    means.push(mean);
    sds.push(sd);
  }
  return { Z, means, sds, names };
}

/** S = Z'Z / (n - 1), row-major p x p. */
function crossProducts(Z: Float64Array[], n: number): Float64Array {
  const p = Z.length;
  const S = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    const za = Z[a]!;
    for (let b = 0; b <= a; b++) {
      const zb = Z[b]!;
      let s = 0;
      for (let i = 0; i < n; i++) s += za[i]! * zb[i]!;
      S[a * p + b] = S[b * p + a] = s / (n - 1);
    }
  }
  return S;
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
function collinearPredictors(name: string, outcome: string, predictors: readonly string[]): InputError<PlsErrorCode> {
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
function indicatorCovariances(S: Float64Array, L: Layout, w: number[][]): Float64Array[] {
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
function proxyCorrelations(A: Float64Array[], L: Layout, w: number[][]): { C: Mat; sd: number[] } {
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

/** OLS of each endogenous construct on its predecessors from a correlation matrix: paths and R². */
export function structuralFromCorrelations(
  C: Mat,
  constructs: readonly string[],
  pred: readonly (readonly number[])[],
  n: number,
  name = "data",
): { B: Mat; rsquared: PlsRSquared[] } {
  const k = constructs.length;
  const B: Mat = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const rsquared: PlsRSquared[] = [];
  for (let j = 0; j < k; j++) {
    const pr = pred[j]!;
    if (pr.length === 0) continue;
    const beta = solve(
      sub(C, pr),
      pr.map((i) => C[i]![j]!),
    );
    if (beta === null)
      throw collinearPredictors(
        name,
        constructs[j]!,
        pr.map((i) => constructs[i]!),
      );
    pr.forEach((i, t) => (B[i]![j] = beta[t]!));
    const r2 = pr.reduce((s, i, t) => s + beta[t]! * C[i]![j]!, 0);
    rsquared.push({ construct: constructs[j]!, r2, adjR2: 1 - ((1 - r2) * (n - 1)) / (n - pr.length - 1) });
  }
  return { B, rsquared };
}

/** Estimates one stage. `commonFactor` blocks get the PLSc corrections. */
export function estimateStage(input: StageInput): PlsStage {
  const L = layout(input);
  const { Z, means, sds, names } = standardise(input);
  const S = crossProducts(Z, input.n);
  const loop = outerLoop(S, L, input.blocks, input);
  const w = loop.weights;
  const constructs = input.blocks.map((b) => b.construct);
  const A = indicatorCovariances(S, L, w);
  const { C } = proxyCorrelations(A, L, w);
  const scores: Record<string, Float64Array> = {};
  input.blocks.forEach((b, j) => {
    const sc = new Float64Array(input.n);
    L.idx[j]!.forEach((x, t) => {
      const z = Z[x]!;
      const wt = w[j]![t]!;
      for (let i = 0; i < input.n; i++) sc[i]! += z[i]! * wt;
    });
    scores[b.construct] = sc;
  });
  const blockS = (j: number): Mat => L.idx[j]!.map((x) => L.idx[j]!.map((y) => S[x * L.p + y]!));
  const pc = consistentCorrections(input.blocks, w, blockS, C);
  const { B, rsquared } = structuralFromCorrelations(pc.C, constructs, L.pred, input.n, input.name);
  const outer: PlsOuterRow[] = [];
  input.blocks.forEach((b, j) => {
    const corrected = pc.loadings[j];
    L.idx[j]!.forEach((x, t) => {
      outer.push({
        construct: b.construct,
        indicator: b.indicators[t]!,
        weight: w[j]![t]!,
        loading: corrected !== null && corrected !== undefined ? corrected[t]! : A[j]![x]!,
      });
    });
  });
  const pathCoefficients: PlsPathRow[] = input.paths.map((p) => ({
    from: p.from,
    to: p.to,
    est: B[constructs.indexOf(p.from)]![constructs.indexOf(p.to)]!,
  }));
  return {
    n: input.n,
    constructs,
    endogenous: constructs.filter((_, j) => L.pred[j]!.length > 0),
    blocks: input.blocks,
    paths: input.paths,
    outer,
    pathCoefficients,
    pathMatrix: B,
    rsquared,
    scores,
    scoreCorrelations: C,
    rhoA: Object.fromEntries(constructs.map((c, j) => [c, pc.rhoA[j]!])),
    iterations: loop.iterations,
    converged: loop.converged,
    weightDiff: loop.weightDiff,
    indicatorMeans: Object.fromEntries(names.map((nm, i) => [nm, means[i]!])),
    indicatorSds: Object.fromEntries(names.map((nm, i) => [nm, sds[i]!])),
  };
}
