/**
 * Monte Carlo power (as simsem's sim(): Pornprasertmanit, Miller, Schoemann & Jorgensen): for each
 * sample size, `reps` data sets drawn from the population covariance matrix Σ (multivariate normal
 * y = L z with Σ = L Lᵀ, or those values cut into ordered categories), the analysis model M fitted
 * to each by ML, and per free parameter of M:
 *   power     share of converged replications with p < α (the Wald z test of lavaan's output);
 *   bias      mean(θ̂) − θ, θ being M's value at Σ (M fitted to Σ itself: the population value
 *             when M holds, the pseudo-true value otherwise);
 *   seBias    (mean(SE) − sd(θ̂)) / sd(θ̂), simsem's relative SE bias;
 *   coverage  share of 95% Wald intervals θ̂ ± z.975 SE that contain θ;
 *   converged share of replications that converged, admissible the share of those with standard
 *             errors (an invertible information matrix) and no negative variance estimate.
 * Each replication draws from its own generator, seeded from (seed, sample-size index,
 * replication), so the numbers do not depend on how replications are spread over threads.
 * A replication's data enter the fit through their sample moments (the complete-data ML fit
 * depends on the data through x̄ and S alone), without building a table of text cells.
 */
import { cholesky, square } from "../sem/linalg/dense.js";
import { normalQuantile } from "../sem/distributions/index.js";
import { fitModel, prepareFit } from "../sem/fit-model.js";
import { momentsTable, type SampleMoments } from "../sem/samplecov/index.js";
import { parseModel, type ModelSyntax } from "../sem/syntax/index.js";
import { createRng } from "../instrument/rng.js";
import { InputError } from "../sem/messages.js";
import type { Estimator } from "../sem/options.js";
import { dropCompletelyAtRandom, fitRows } from "./fit-rows.js";
import { MomentsFitter } from "./fit-moments.js";

/** What a run is made of: plain data, so that worker threads can be given it. */
export interface MonteCarloSpec {
  /** the analysis model (lavaan syntax) and its file name for messages */
  readonly model: string;
  readonly modelFile: string;
  /** the population covariance matrix of the observed variables */
  readonly names: readonly string[];
  readonly sigma: Float64Array;
  /** per variable the thresholds that cut it into categories 1..K (null: continuous) */
  readonly cuts: readonly Float64Array[] | null;
  readonly ns: readonly number[];
  readonly reps: number;
  readonly seed: number;
  readonly alpha: number;
  /** ML (default): fitted to the sample moments; MLM, MLR: fitted from the rows (robust standard errors) */
  readonly estimator?: Estimator;
  /** the share of cells set missing completely at random, fitted by FIML (null or absent: complete data) */
  readonly missing?: number | null;
}

/** The free parameters of M, in the order of its parameter table. */
export interface FreeParameter {
  readonly lhs: string;
  readonly op: string;
  readonly rhs: string;
}

/** One replication: per free parameter est, se, p (NaN when not available); flags. */
export interface ReplicationResult {
  readonly est: Float64Array;
  readonly se: Float64Array;
  readonly p: Float64Array;
  readonly converged: boolean;
  readonly admissible: boolean;
}

/** A 53-bit seed for replication `rep` at sample-size index `k` (MurmurHash3's 32-bit finalizer on each word). */
export function replicationSeed(seed: number, k: number, rep: number): number {
  const mix = (h0: number): number => {
    let h = h0 >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
  };
  const lo = mix(mix(seed % 4294967296) ^ mix(rep + 0x9e3779b9) ^ Math.imul(k + 1, 0x27d4eb2f));
  const hi = mix(Math.floor(seed / 4294967296) ^ mix(k ^ 0x165667b1) ^ rep) & 0x1fffff;
  return hi * 4294967296 + lo;
}

/** Draws one data set of n rows (row-major n × p) for replication `rep` at sample-size index `k`. */
export function drawData(spec: MonteCarloSpec, L: Float64Array, n: number, k: number, rep: number): Float64Array {
  const p = spec.names.length;
  const rng = createRng(replicationSeed(spec.seed, k, rep));
  const X = new Float64Array(n * p);
  const z = new Float64Array(p);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < p; j++) z[j] = rng.normal();
    for (let i = 0; i < p; i++) {
      let s = 0;
      for (let j = 0; j <= i; j++) s += L[i * p + j]! * z[j]!;
      if (spec.cuts !== null) {
        const cut = spec.cuts[i]!;
        let c = 1;
        while (c <= cut.length && s > cut[c - 1]!) c++;
        s = c;
      }
      X[r * p + i] = s;
    }
  }
  return X;
}

/** Runs replications of one sample size in this thread (also the body of a worker's chunk). */
export class MonteCarloContext {
  readonly syntax: ModelSyntax;
  readonly L: Float64Array;
  /** "lhs op rhs" of the reported parameters, when replications are fitted from their rows */
  private readonly keys: string[] | null;
  /** the fits to the sample moments (ML on complete data) */
  private readonly moments: MomentsFitter | null;
  constructor(readonly spec: MonteCarloSpec) {
    this.syntax = parseModel(spec.model, { file: spec.modelFile });
    const L = cholesky(square(spec.names.length, spec.sigma));
    if (L === null) throw new InputError("E_MODEL", "the population covariance matrix is not positive definite");
    this.L = L.a;
    this.keys = fromRows(spec) ? populationTable(spec).params.map((r) => `${r.lhs} ${r.op} ${r.rhs}`) : null;
    this.moments = this.keys === null ? new MomentsFitter(this.syntax, spec.names, populationMoments(spec)) : null;
  }

  run(k: number, rep: number, q: number): ReplicationResult {
    const n = this.spec.ns[k]!;
    const X = drawData(this.spec, this.L, n, k, rep);
    try {
      if (this.moments !== null) return this.moments.fit(X, n, q);
      const rate = this.spec.missing ?? null;
      if (rate !== null) dropCompletelyAtRandom(X, rate, replicationSeed(this.spec.seed, -1 - k, rep));
      return fitRows(this.syntax, this.spec.names, X, n, this.keys!, {
        estimator: this.spec.estimator ?? "ML",
        fiml: rate !== null,
      });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const none = new Float64Array(q).fill(Number.NaN);
      return { est: none, se: none, p: none, converged: false, admissible: false };
    }
  }
}

/** Whether replications are fitted from their rows (robust estimator or missing values) rather than their moments. */
export function fromRows(spec: MonteCarloSpec): boolean {
  return (spec.estimator ?? "ML") !== "ML" || (spec.missing ?? null) !== null;
}

function populationMoments(spec: MonteCarloSpec): SampleMoments {
  return {
    file: "population",
    names: [...spec.names],
    groups: [{ label: "", nobs: Math.max(...spec.ns), cov: spec.sigma, mean: null, source: "the population matrix" }],
    rescale: false,
  };
}

/** M's free parameters, in the order of its parameter table fitted to the population matrix. */
function freeParameters(table: {
  nfree: number;
  rows: readonly (FreeParameter & { free: number })[];
}): FreeParameter[] {
  const out: FreeParameter[] = [];
  for (let j = 1; j <= table.nfree; j++) {
    const r = table.rows.find((row) => row.free === j)!;
    out.push({ lhs: r.lhs, op: r.op, rhs: r.rhs });
  }
  return out;
}

function populationTable(spec: MonteCarloSpec): { params: FreeParameter[] } {
  const syntax = parseModel(spec.model, { file: spec.modelFile });
  const moments = populationMoments(spec);
  return { params: freeParameters(prepareFit({ syntax, data: momentsTable(moments), moments, options: {} }).table) };
}

/**
 * M's free parameters and their values at Σ (M fitted to the population matrix). The robust
 * estimators and FIML have the same estimates at the population as ML; FIML's intercepts are not
 * reported.
 */
export async function trueValues(spec: MonteCarloSpec): Promise<{ params: FreeParameter[]; theta: Float64Array }> {
  const syntax = parseModel(spec.model, { file: spec.modelFile });
  const moments = populationMoments(spec);
  const fitted = await fitModel({ syntax, data: momentsTable(moments), moments, options: {} });
  const params = freeParameters(fitted.table);
  return { params, theta: Float64Array.from(params, (_, j) => fitted.theta[j]!) };
}

export interface MonteCarloRow {
  readonly n: number;
  readonly lhs: string;
  readonly op: string;
  readonly rhs: string;
  readonly population: number;
  readonly power: number;
  readonly bias: number;
  readonly seBias: number;
  /** the mean standard error and the standard deviation of the estimates over the replications */
  readonly meanSe: number;
  readonly sd: number;
  readonly coverage: number;
  readonly converged: number;
  readonly admissible: number;
}

/** The rows of one sample size from its replications (see the header for each column). */
export function summarize(
  n: number,
  params: readonly FreeParameter[],
  theta: Float64Array,
  results: readonly ReplicationResult[],
  alpha: number,
): MonteCarloRow[] {
  const z = normalQuantile(0.975);
  const used = results.filter((r) => r.converged);
  const converged = used.length / results.length;
  const admissible = used.length === 0 ? Number.NaN : used.filter((r) => r.admissible).length / used.length;
  return params.map((q, j) => {
    const est = used.map((r) => r.est[j]!).filter(Number.isFinite);
    const m = est.length;
    const meanEst = est.reduce((a, b) => a + b, 0) / m;
    const sd = Math.sqrt(est.reduce((a, b) => a + (b - meanEst) ** 2, 0) / (m - 1));
    const ses = used.map((r) => r.se[j]!).filter(Number.isFinite);
    const meanSe = ses.reduce((a, b) => a + b, 0) / ses.length;
    const withP = used.filter((r) => Number.isFinite(r.p[j]!));
    const withSe = used.filter((r) => Number.isFinite(r.se[j]!) && Number.isFinite(r.est[j]!));
    const covered = withSe.filter((r) => Math.abs(r.est[j]! - theta[j]!) <= z * r.se[j]!).length;
    return {
      n,
      ...q,
      population: theta[j]!,
      power: withP.length === 0 ? Number.NaN : withP.filter((r) => r.p[j]! < alpha).length / withP.length,
      bias: meanEst - theta[j]!,
      seBias: (meanSe - sd) / sd,
      meanSe,
      sd,
      coverage: withSe.length === 0 ? Number.NaN : covered / withSe.length,
      converged,
      admissible,
    };
  });
}
