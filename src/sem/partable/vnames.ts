/**
 * Variable sets of a model, with lavaan's definitions (lav_partable_vnames, lavaan 0.6):
 * - lv: lhs of =~; ov.ind: rhs of =~ that are not latent;
 * - ov.y: lhs of ~ that are neither latent nor indicators; ov.x: rhs of ~ that are none of these;
 *   observed variables are ordered ov.ind, ov.y, ov.x, then those only in ~~ or ~1;
 * - fixed.x covariates: ov.x not mentioned by the user in a ~~ or ~1 formula;
 * - lv.x: latent, neither indicator nor dependent;
 * - "final" dependents (auto.cov.y): lhs of ~ that are neither indicators nor predictors.
 */
import type { VariableSets } from "./types.js";

export interface FlatRow {
  lhs: string;
  op: "=~" | "~" | "~~" | "~1";
  rhs: string;
}

function unique(xs: Iterable<string>): string[] {
  return [...new Set(xs)];
}

export function variableSets(rows: readonly FlatRow[]): VariableSets {
  const of = (op: FlatRow["op"], side: "lhs" | "rhs"): string[] =>
    unique(rows.filter((r) => r.op === op).map((r) => r[side]));
  const lv = of("=~", "lhs");
  const lvSet = new Set(lv);
  const vInd = of("=~", "rhs");
  const eqsY = of("~", "lhs");
  const eqsX = of("~", "rhs");
  const ovInd = vInd.filter((v) => !lvSet.has(v));
  const ovYall = eqsY.filter((v) => !lvSet.has(v) && !ovInd.includes(v));
  const ovXall = eqsX.filter((v) => !lvSet.has(v) && !ovInd.includes(v) && !ovYall.includes(v));
  const head = [...ovInd, ...ovYall, ...ovXall];
  const extra = unique(rows.flatMap((r) => (r.op === "~~" ? [r.lhs, r.rhs] : r.op === "~1" ? [r.lhs] : []))).filter(
    (v) => !lvSet.has(v) && !head.includes(v),
  );
  const ov = [...head, ...extra];
  const mentioned = new Set(rows.flatMap((r) => (r.op === "~~" ? [r.lhs, r.rhs] : r.op === "~1" ? [r.lhs] : [])));
  const ovX = ovXall.filter((v) => !mentioned.has(v));
  const lvX = lv.filter((v) => !vInd.includes(v) && !eqsY.includes(v));
  const finalY = eqsY.filter((v) => !vInd.includes(v) && !eqsX.includes(v));
  const ovY = ov.filter((v) => finalY.includes(v) && !lvSet.has(v));
  const lvY = lv.filter((v) => finalY.includes(v));
  return { lv, ov, ovInd, ovX, lvX, ovY, lvY };
}
