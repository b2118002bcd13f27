/**
 * A Monte Carlo replication fitted to its sample moments by ML (the default estimator), with the
 * expected-information standard errors, leaving out the views a replication does not need
 * (standardized values, fit measures). Per free parameter est, se and the two-sided z-test p;
 * inadmissible: no standard errors (a singular information matrix) or a negative variance.
 *
 * MomentsFitter prepares the model once (the pipeline's preparation on the population moments,
 * fit-model.ts prepareFit) and fits each replication's moments from the model's values at the
 * population, θ₀, by the bootstrap's quasi-Newton refit (sem/bootstrap/quasi-newton.ts, BFGS
 * from 2·I(θ₀) with the allocation-free ML kernel): a replication's estimates lie near θ₀. Where
 * that run hands the replication back (no decrease found, too many steps), fitMoments() fits it
 * through the whole preparation and optimize.ts from the data-driven start values, as every
 * replication was fitted before; both reach the same minimum of F within its convergence rule.
 */
import { MlKernel } from "../sem/bootstrap/ml-kernel.js";
import { QuasiNewton } from "../sem/bootstrap/quasi-newton.js";
import { normalTwoSidedP } from "../sem/distributions/index.js";
import { expectedInformation } from "../sem/estimate/info-total.js";
import { evaluate, type Evaluation, type Problem } from "../sem/estimate/ml.js";
import { optimize } from "../sem/estimate/optimize.js";
import { startValues } from "../sem/estimate/start.js";
import { prepareFit, type PreparedFit } from "../sem/fit-model.js";
import { vcovFromInformation } from "../sem/inference/vcov.js";
import { spdInverse } from "../sem/linalg/dense.js";
import type { ParameterTable } from "../sem/partable/types.js";
import { groupStats, meanAndCovariance } from "../sem/samplestats/index.js";
import { momentsTable, type SampleMoments } from "../sem/samplecov/index.js";
import type { ModelSyntax } from "../sem/syntax/index.js";
import type { ReplicationResult } from "./montecarlo.js";

/** The replication's result from its estimates and information (q: the parameters reported). */
function resultOf(table: ParameterTable, theta: Float64Array, info: Float64Array, n: number, q: number) {
  const est = new Float64Array(q).fill(Number.NaN);
  const se = new Float64Array(q).fill(Number.NaN);
  const pv = new Float64Array(q).fill(Number.NaN);
  const nfree = table.nfree;
  const vc = vcovFromInformation(info, nfree, n);
  for (let j = 0; j < Math.min(q, nfree); j++) {
    est[j] = theta[j]!;
    if (vc.ok) {
      se[j] = Math.sqrt(vc.vcov[j * nfree + j]!);
      pv[j] = normalTwoSidedP(est[j]! / se[j]!);
    }
  }
  const heywood = table.rows.some((r) => r.free > 0 && r.op === "~~" && r.lhs === r.rhs && theta[r.free - 1]! < 0);
  return { est, se, p: pv, converged: true, admissible: vc.ok && !heywood };
}

function notConverged(q: number): ReplicationResult {
  const none = new Float64Array(q).fill(Number.NaN);
  return { est: none, se: none, p: none, converged: false, admissible: false };
}

/** The replication fitted through the pipeline's preparation and optimize.ts from the data-driven start. */
export function fitMoments(
  syntax: ModelSyntax,
  names: readonly string[],
  X: Float64Array,
  n: number,
  q: number,
): ReplicationResult {
  const p = names.length;
  const { mean, S } = meanAndCovariance(X, n, p);
  const moments: SampleMoments = {
    file: "replication",
    names: [...names],
    groups: [{ label: "", nobs: n, cov: S, mean, source: "the replication's data" }],
    rescale: false, // S already has the N divisor
  };
  const prep = prepareFit({ syntax, data: momentsTable(moments), moments, options: {} });
  const starts = prep.method.starts(prep.prob, prep.start.theta);
  const opt = optimize(prep.prob, starts.first);
  if (!opt.converged || !Number.isFinite(opt.evaluation.f)) return notConverged(q);
  const info = prep.method.information(prep.prob, opt.evaluation, opt.theta);
  return resultOf(prep.table, opt.theta, info, n, q);
}

/** Fits replications of one model and population from θ₀ (see the header). */
export class MomentsFitter {
  private readonly prep: PreparedFit;
  private readonly theta0: Float64Array;
  private readonly kernel: MlKernel;
  private readonly quasiNewton: QuasiNewton | null;
  private readonly hasExo: boolean;

  /** `population`: the population's moments (one group, no means), as the model's true values are fitted. */
  constructor(
    private readonly syntax: ModelSyntax,
    private readonly names: readonly string[],
    population: SampleMoments,
  ) {
    const prep = prepareFit({ syntax, data: momentsTable(population), moments: population, options: {} });
    this.prep = prep;
    const opt = optimize(prep.prob, prep.method.starts(prep.prob, prep.start.theta).first);
    this.theta0 = opt.theta;
    this.kernel = new MlKernel(prep.prob.rep);
    this.hasExo = prep.table.rows.some((r) => r.exo);
    const ev = evaluate(prep.prob, opt.theta);
    const q = opt.theta.length;
    const H = opt.converged && Number.isFinite(ev.f) ? expectedInformation(prep.prob, ev).map((x) => 2 * x) : null;
    const inv = H === null ? null : spdInverse({ n: q, a: H });
    this.quasiNewton =
      H === null || inv === null || !MlKernel.applies(prep.prob) ? null : new QuasiNewton(H, inv.inv.a);
  }

  /** The replication of rows X (n × p); q: the parameters reported. */
  fit(X: Float64Array, n: number, q: number): ReplicationResult {
    const p = this.names.length;
    const st = this.quasiNewton === null ? null : groupStats("", X, n, p);
    if (this.quasiNewton === null || st === null) return fitMoments(this.syntax, this.names, X, n, q);
    const stats = { groups: [st], ntotal: n };
    const { table, prob: prob0, method } = this.prep;
    const rowValues = this.hasExo ? startValues(table, stats).rowValues : prob0.rowValues;
    const prob: Problem = { ...prob0, stats, rowValues };
    this.kernel.use(prob);
    const r = this.quasiNewton.run(this.kernel, this.theta0);
    if (r === null) return fitMoments(this.syntax, this.names, X, n, q);
    const ev: Evaluation = evaluate(prob, r.theta);
    if (!Number.isFinite(ev.f)) return fitMoments(this.syntax, this.names, X, n, q);
    return resultOf(table, r.theta, method.information(prob, ev, r.theta), n, q);
  }
}
