/**
 * The hypotheses table: one row per hypothesised path of the structural model, with the
 * standardized estimate (std.all, as lavaan's standardizedSolution()), the unstandardized
 * estimate with its standard error, z and two-sided p (parameterEstimates(): the Wald test of
 * the unstandardized coefficient; lavaan's standardizedSolution() tests std.all with its own
 * delta-method SE, which differs slightly: given as est.std / se.std / z.std / pvalue.std), and
 * the verdict: supported when p < α (0.05) and the sign is the hypothesised one.
 */
import type { ParameterEstimate } from "../sem/results.js";
import type { Direction, Hypothesis } from "./design.js";
import type { StdInference } from "./standardized.js";

export const HYPOTHESIS_ALPHA = 0.05;

export interface HypothesisRow {
  id: string;
  /** "outcome ~ predictor" */
  path: string;
  lhs: string;
  op: "~";
  rhs: string;
  expected: Direction;
  "std.all": number | null;
  /** standardizedSolution(type = "std.all"): delta-method SE, z, p of std.all (null when not available) */
  "se.std": number | null;
  "z.std": number | null;
  "pvalue.std": number | null;
  est: number | null;
  se: number | null;
  z: number | null;
  pvalue: number | null;
  /** the estimate's sign agrees with `expected` */
  direction: "as hypothesised" | "opposite";
  supported: boolean;
}

export function hypothesesTable(
  hypotheses: readonly Hypothesis[],
  parameters: readonly ParameterEstimate[],
  std: readonly (StdInference | null)[] = [],
): HypothesisRow[] {
  return hypotheses.map((h, i) => {
    const s = std[i] ?? null;
    const row = parameters.find((r) => r.op === "~" && r.lhs === h.outcome && r.rhs === h.predictor && r.group === 1);
    const est = row?.est ?? null;
    const sign = est === null ? 0 : Math.sign(est);
    const asExpected = (h.expected === "positive" && sign > 0) || (h.expected === "negative" && sign < 0);
    const pvalue = row?.pvalue ?? null;
    return {
      id: h.id,
      path: `${h.outcome} ~ ${h.predictor}`,
      lhs: h.outcome,
      op: "~",
      rhs: h.predictor,
      expected: h.expected,
      "std.all": row?.["std.all"] ?? null,
      "se.std": s?.se ?? null,
      "z.std": s?.z ?? null,
      "pvalue.std": s?.pvalue ?? null,
      est,
      se: row?.se ?? null,
      z: row?.z ?? null,
      pvalue,
      direction: asExpected ? "as hypothesised" : "opposite",
      supported: asExpected && pvalue !== null && pvalue < HYPOTHESIS_ALPHA,
    };
  });
}
