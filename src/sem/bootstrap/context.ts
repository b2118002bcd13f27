/**
 * The description of a bootstrap run that every thread works from (ContextData, replicate.ts),
 * built once in the main thread from prepareFit(): which replication path applies, the numeric
 * rows per group, the prepared problem's pieces, the quasi-Newton start 2·I(θ̂), and the
 * Bollen-Stine data when the test is asked for. Building it here keeps the heavier modules
 * (options parsing, the data layer, the eigen decomposition) out of the worker threads.
 */
import { evaluate } from "../estimate/ml.js";
import { expectedInformation } from "../estimate/info-total.js";
import { prepareFit, type FitInput, type PreparedFit } from "../fit-model.js";
import { InputError } from "../messages.js";
import { bollenStineTransform } from "./bollen-stine.js";
import { ReplicationContext, type ContextData } from "./replicate.js";

export interface ContextRequest {
  readonly input: FitInput;
  readonly thetaHat: Float64Array;
  readonly seed: number;
  /** build the Bollen-Stine transformed data */
  readonly bollenStine: boolean;
  /** use the general path even where the direct one applies (tests check that both agree) */
  readonly forceGeneral?: boolean;
}

/** The estimators whose estimates are the ML estimates of the complete data (direct path). */
const DIRECT_ESTIMATORS = new Set(["ML", "MLM", "MLR"]);

/** The missing-data method of the fit ("listwise" when the options have none). */
export function missingMethod(prepared: PreparedFit): string {
  const m = (prepared.opts as { missing?: unknown }).missing;
  return typeof m === "string" ? m : "listwise";
}

export function contextData(req: ContextRequest, prepared: PreparedFit = prepareFit(req.input)): ContextData {
  const { data, table, prob, opts } = prepared;
  const groups = data.groups.map((g) => ({ label: g.label, X: g.X, rowIds: g.rowIds }));
  const complete = groups.every((g) => g.X.every(Number.isFinite));
  const direct =
    req.forceGeneral !== true &&
    DIRECT_ESTIMATORS.has(String(opts.estimator).toUpperCase()) &&
    missingMethod(prepared) === "listwise" &&
    complete;
  const ev = evaluate(prob, req.thetaHat);
  let hessian: Float64Array | undefined;
  if (Number.isFinite(ev.f)) {
    hessian = expectedInformation(prob, ev);
    for (let i = 0; i < hessian.length; i++) hessian[i] *= 2;
  }
  let bollenStineX: Float64Array[] | null = null;
  if (req.bollenStine) {
    if (!Number.isFinite(ev.f))
      throw new InputError(
        "E_MODEL",
        "the Bollen-Stine bootstrap needs a model-implied covariance matrix that is positive definite at the estimates",
      );
    const p = table.vars.ov.length;
    bollenStineX = groups.map((g, k) => {
      const st = prepared.stats.groups[k]!;
      const imp = ev.groups[k]!.implied;
      return bollenStineTransform({
        X: g.X,
        n: st.n,
        p,
        mean: st.mean,
        S: st.S,
        sigma: imp.sigma,
        mu: opts.meanstructure ? imp.mu : null,
      });
    });
  }
  return {
    input: req.input,
    thetaHat: req.thetaHat,
    seed: req.seed,
    direct,
    table,
    rep: prob.rep,
    rowValues: prob.rowValues,
    groups,
    hessian,
    bollenStineX,
  };
}

/** A context for this thread (the general path fitted by prepareFit()). */
export function createContext(data: ContextData): ReplicationContext {
  return new ReplicationContext(data, (input) => prepareFit(input).prob);
}
