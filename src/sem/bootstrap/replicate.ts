/**
 * One bootstrap replication: resample rows within groups, refit, keep the estimates (and, for
 * the Bollen-Stine test, the statistic T* = N·F). Nothing else is computed per replication: no
 * standard errors, fit measures or modification indices (lavaan does the same with se = "none",
 * test = "none" in lav_bootstrap_internal). Each refit starts from the full-sample estimates θ̂,
 * in quasi-Newton mode with the Hessian of F at θ̂ of the full sample as the first Hessian
 * (BFGS refines it; context.ts startHessian): for complete-data ML by quasi-newton.ts on the
 * allocation-free kernel (ml-kernel.ts), otherwise, or when that run hands the refit back, by
 * optimize.ts; when that fails, once more from the data-driven start values.
 *
 * Two paths give the same numbers:
 * - the direct path (ML-family estimators with listwise complete data: ML, MLM, MLR, whose
 *   estimates are the ML estimates): the resampled rows of the numeric data set give new
 *   sample moments, the fixed.x rows take the new sample's values, and the fitted model's
 *   problem is reused;
 * - the general path, for any other combination of fit options (e.g. a missing-data method):
 *   the resampled raw rows of the data table go through the pipeline's preparation
 *   (fit-model.ts problemOf) and the problem it builds is optimized, so the replication is
 *   fitted exactly as the user's model was.
 * The main thread describes the run once (context.ts: ContextData, plain cloneable data);
 * every thread builds its ReplicationContext from that same description, so a replication's
 * result does not depend on where it runs. This module imports only the estimation kernels, so
 * that worker threads start fast; problemOf() is handed in for the general path.
 */
import type { Problem } from "../estimate/ml.js";
import { optimize } from "../estimate/optimize.js";
import { startValues } from "../estimate/start.js";
import type { FitInput } from "../fit-model.js";
import { InputError } from "../messages.js";
import type { Representation } from "../model/representation.js";
import type { ParameterTable } from "../partable/types.js";
import { groupStats, type SampleStats } from "../samplestats/index.js";
import { spdInverse } from "../linalg/dense.js";
import { MlKernel } from "./ml-kernel.js";
import { QuasiNewton } from "./quasi-newton.js";
import { STREAM_PURPOSE } from "./prng.js";
import { gatherRows, resampleIndices } from "./resample.js";

/** Everything a thread needs to run replications: plain, structured-cloneable data (context.ts builds it). */
export interface ContextData {
  readonly input: FitInput;
  /** full-sample estimates of the free parameters */
  readonly thetaHat: Float64Array;
  readonly seed: number;
  /** the direct path applies (see above) */
  readonly direct: boolean;
  readonly table: ParameterTable;
  readonly rep: Representation;
  /** values of the fixed rows in the full sample */
  readonly rowValues: Float64Array;
  /** per group: label, numeric rows (n×p), 1-based data row numbers */
  readonly groups: readonly { label: string; X: Float64Array; rowIds: readonly number[] }[];
  /** 2·I(θ̂) of the full sample: the quasi-Newton start of every refit (undefined: plain Fisher scoring) */
  readonly hessian: Float64Array | undefined;
  /** per group, the Bollen-Stine transformed rows, or null when not asked */
  readonly bollenStineX: Float64Array[] | null;
}

/** The pipeline's preparation reduced to the problem it builds: the general path's way to fit a data table. */
export type ProblemFor = (input: FitInput) => Problem;

export type TaskKind = "ordinary" | "bollenStine" | "jackknife";

/** 0 used; 1 the optimizer did not converge; 2 the replication could not be fitted at all. */
export type ReplicationStatus = 0 | 1 | 2;

export interface ReplicationOutcome {
  status: ReplicationStatus;
  theta: Float64Array;
  /** N·F at the replication's estimates (the likelihood-ratio statistic for ML) */
  chisq: number;
  /** a free variance estimated below zero (kept, as lavaan keeps non-admissible solutions) */
  negativeVariance: boolean;
  /** why a replication was not used */
  reason: string;
}

export class ReplicationContext {
  readonly data: ContextData;
  private readonly problemFor: ProblemFor | undefined;
  private readonly groupX: Float64Array[];
  private readonly sizes: number[];
  private readonly p: number;
  private readonly hasExo: boolean;
  private readonly varianceIndex: number[];
  /** the refits' quasi-Newton runs from θ̂ (null without a positive-definite start Hessian) */
  private readonly quasiNewton: QuasiNewton | null;
  private kernel: MlKernel | null = null;

  /** `problemFor` is needed on the general path only (data.direct false). */
  constructor(data: ContextData, problemFor?: ProblemFor) {
    if (!data.direct && problemFor === undefined) throw new Error("the general replication path needs problemOf()");
    this.data = data;
    this.problemFor = problemFor;
    this.p = data.table.vars.ov.length;
    this.groupX = data.groups.map((g) => g.X);
    this.sizes = this.groupX.map((X) => X.length / this.p);
    this.hasExo = data.table.rows.some((r) => r.exo);
    this.varianceIndex = [
      ...new Set(data.table.rows.filter((r) => r.op === "~~" && r.lhs === r.rhs && r.free > 0).map((r) => r.free - 1)),
    ];
    const q = data.thetaHat.length;
    const inv = data.hessian === undefined ? null : spdInverse({ n: q, a: data.hessian });
    this.quasiNewton = inv === null ? null : new QuasiNewton(data.hessian!, inv.inv.a);
  }

  get groupSizes(): readonly number[] {
    return this.sizes;
  }

  get ntotal(): number {
    return this.sizes.reduce((a, n) => a + n, 0);
  }

  run(kind: TaskKind, index: number): ReplicationOutcome {
    if (kind === "jackknife") return this.fitRows(this.leaveOneOut(index), this.groupX);
    const source = kind === "bollenStine" ? this.data.bollenStineX : this.groupX;
    if (source === null) throw new Error("Bollen-Stine data were not prepared");
    const purpose = kind === "bollenStine" ? STREAM_PURPOSE.bollenStine : STREAM_PURPOSE.ordinary;
    return this.fitRows(resampleIndices(this.data.seed, index, this.sizes, purpose), source);
  }

  /** Row positions of every group without global row `i` (rows numbered across groups in order). */
  private leaveOneOut(i: number): Int32Array[] {
    let offset = 0;
    return this.sizes.map((n) => {
      const drop = i - offset;
      offset += n;
      const keep = drop >= 0 && drop < n ? n - 1 : n;
      const out = new Int32Array(keep);
      for (let r = 0, k = 0; r < n; r++) if (r !== drop) out[k++] = r;
      return out;
    });
  }

  /** Fits the rows at `positions` (per group) of `source` (the data, or their Bollen-Stine transform). */
  private fitRows(positions: Int32Array[], source: Float64Array[]): ReplicationOutcome {
    try {
      const prob = this.data.direct
        ? this.directProblem(positions.map((ix, g) => gatherRows(source[g]!, this.p, ix)))
        : this.generalProblem(positions, source);
      if (typeof prob === "string") return this.failed(prob);
      const opt = this.optimizeFrom(prob);
      const theta = opt.theta;
      const negativeVariance = this.varianceIndex.some((k) => theta[k]! < 0);
      return {
        status: opt.converged ? 0 : 1,
        theta,
        chisq: prob.stats.ntotal * opt.f,
        negativeVariance,
        reason: opt.converged ? "" : `not converged: ${opt.message}`,
      };
    } catch (e) {
      if (e instanceof InputError) return this.failed(e.message);
      throw e;
    }
  }

  private failed(reason: string): ReplicationOutcome {
    return {
      status: 2,
      theta: new Float64Array(this.data.thetaHat.length).fill(NaN),
      chisq: NaN,
      negativeVariance: false,
      reason,
    };
  }

  /**
   * The refit from θ̂: the quasi-Newton run (quasi-newton.ts) for complete-data ML; when it does
   * not apply or hands the refit back, optimize.ts from θ̂ with the start Hessian, then once more
   * from the data-driven start values if that fails.
   */
  private optimizeFrom(prob: Problem): { theta: Float64Array; f: number; converged: boolean; message: string } {
    if (this.quasiNewton !== null && MlKernel.applies(prob)) {
      if (this.kernel?.rep !== prob.rep) this.kernel = new MlKernel(prob.rep);
      this.kernel.use(prob);
      const r = this.quasiNewton.run(this.kernel, this.data.thetaHat);
      if (r !== null) return { theta: r.theta, f: r.f, converged: true, message: "converged" };
    }
    const first = optimize(prob, this.data.thetaHat, { initialHessian: this.data.hessian });
    let best = first;
    if (!first.converged) {
      const second = optimize(prob, startValues(this.data.table, prob.stats).theta);
      if (second.converged || second.evaluation.f < first.evaluation.f) best = second;
    }
    return { theta: best.theta, f: best.evaluation.f, converged: best.converged, message: best.message };
  }

  /** New sample moments for the prepared problem; a string says why there are none. */
  private directProblem(blocks: Float64Array[]): Problem | string {
    const groups = [];
    for (let g = 0; g < blocks.length; g++) {
      const n = blocks[g]!.length / this.p;
      const st = groupStats(this.data.groups[g]!.label, blocks[g]!, n, this.p);
      if (st === null)
        return `the sample covariance matrix${blocks.length > 1 ? ` of group ${g + 1}` : ""} is not positive definite`;
      groups.push(st);
    }
    const stats: SampleStats = { groups, ntotal: groups.reduce((a, s) => a + s.n, 0) };
    const rowValues = this.hasExo ? startValues(this.data.table, stats).rowValues : this.data.rowValues;
    return { rep: this.data.rep, stats, rowValues };
  }

  /**
   * The replication's rows as a data table prepared by problemOf(): the raw rows (cells as read)
   * for the original data, the model variables' cells replaced by the transformed values for
   * the Bollen-Stine data. Groups keep their order, so they are numbered as before.
   */
  private generalProblem(positions: Int32Array[], source: Float64Array[]): Problem {
    const table = this.data.input.data;
    const transformed = source !== this.groupX;
    const cols = this.data.table.vars.ov.map((v) => table.columns.indexOf(v));
    const rows: string[][] = [];
    const lineOf: number[] = [];
    this.data.groups.forEach((grp, g) => {
      for (const pos of positions[g]!) {
        const rowId = grp.rowIds[pos]!;
        const cells = table.rows[rowId - 1]!;
        rows.push(transformed ? this.cellsFrom(cells, cols, source[g]!, pos, table.decimal) : cells);
        lineOf.push(table.lineOf[rowId - 1]!);
      }
    });
    return this.problemFor!({ ...this.data.input, data: { ...table, rows, lineOf } });
  }

  /** The row's cells with the model variables written from row `r` of a numeric block (exact round trip). */
  private cellsFrom(cells: string[], cols: number[], block: Float64Array, r: number, decimal: string): string[] {
    const out = [...cells];
    cols.forEach((c, j) => {
      const s = String(block[r * this.p + j]!);
      out[c] = decimal === "," ? s.replace(".", ",") : s;
    });
    return out;
  }
}
