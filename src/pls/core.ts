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
import { solve, sub, type Mat } from "./linalg.js";
import {
  collinearPredictors,
  indicatorCovariances,
  layout,
  outerLoop,
  proxyCorrelations,
  type StageInput,
} from "./iterate.js";
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

export type { StageInput } from "./iterate.js";

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
