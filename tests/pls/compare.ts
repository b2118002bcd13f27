/**
 * Comparison of an estimate and its quality criteria with a seminr.json reference: the list of
 * every output outside its tolerance (1e-6 relative to max(1, |ref|), iterations exact), so that
 * the parity tests assert an empty list and the tolerance tests can show a value just outside
 * being caught.
 */
import type { PlsQuality } from "../../src/pls/quality.js";
import type { PlsEstimate } from "../../src/pls/types.js";
import { cell, relDiff, type Matrix, type SeminrJson } from "./helpers.js";

export const TOL = 1e-6;

/* eslint-disable @typescript-eslint/no-explicit-any */
export function compareEstimate(est: PlsEstimate, ref: SeminrJson): string[] {
  const bad: string[] = [];
  const near = (what: string, a: number | undefined, b: number): void => {
    if (a === undefined || !(relDiff(a, b) < TOL)) bad.push(`${what}: ${a} vs seminr ${b}`);
  };
  if (est.iterations !== ref.iterations) bad.push(`iterations ${est.iterations} vs seminr ${ref.iterations}`);
  const fs = (ref as any).first_stage as { iterations: number } | undefined;
  if (fs !== undefined && est.firstStage?.iterations !== fs.iterations)
    bad.push(`stage-1 iterations ${est.firstStage?.iterations} vs seminr ${fs.iterations}`);
  if (est.n !== ref.nobs) bad.push(`n ${est.n} vs ${ref.nobs}`);
  if (est.allOuter.length !== ref.outer.length) bad.push(`${est.allOuter.length} outer rows vs ${ref.outer.length}`);
  for (const o of ref.outer) {
    const e = est.allOuter.find((q) => q.construct === o.construct && q.indicator === o.indicator);
    near(`weight ${o.construct} ${o.indicator}`, e?.weight, o.weight);
    near(`loading ${o.construct} ${o.indicator}`, e?.loading, o.loading);
  }
  if (est.pathCoefficients.length !== ref.paths.length) bad.push("number of paths");
  for (const p of ref.paths)
    near(
      `path ${p.from} -> ${p.to}`,
      est.pathCoefficients.find((q) => q.from === p.from && q.to === p.to)?.est,
      p.estimate,
    );
  for (const r of ref.r_squared) {
    const e = est.rsquared.find((q) => q.construct === r.construct);
    near(`R2 ${r.construct}`, e?.r2, r.r_squared);
    near(`adjR2 ${r.construct}`, e?.adjR2, r.adj_r_squared);
  }
  const sc = (ref as any).construct_scores as {
    first10: Matrix;
    mean: Record<string, number>;
    sd: Record<string, number>;
  };
  sc.first10.cols.forEach((col, j) =>
    sc.first10.rows.forEach((_, i) => near(`score ${col}[${i}]`, est.allScores[col]?.[i], sc.first10.values[i]![j]!)),
  );
  for (const [k, v] of Object.entries(sc.sd)) {
    const x = est.allScores[k]!;
    const m = x.reduce((s, y) => s + y, 0) / x.length;
    near(`score mean ${k}`, m, sc.mean[k]!);
    near(`score sd ${k}`, Math.sqrt(x.reduce((s, y) => s + (y - m) ** 2, 0) / (x.length - 1)), v);
  }
  for (const [k, v] of Object.entries((ref as any).indicator_means as Record<string, number>))
    near(`mean ${k}`, est.indicatorMeans[k], v);
  for (const [k, v] of Object.entries((ref as any).indicator_sds as Record<string, number>))
    near(`sd ${k}`, est.indicatorSds[k], v);
  for (const [field, get] of [
    ["total_effects_matrix", (i: number, j: number) => est.totalEffects[i]![j]!],
    ["total_indirect_effects_matrix", (i: number, j: number) => est.totalEffects[i]![j]! - est.pathMatrix[i]![j]!],
    ["path_coef_matrix", (i: number, j: number) => est.pathMatrix[i]![j]!],
  ] as const) {
    const m = (ref as any)[field] as Matrix;
    for (const a of m.rows)
      for (const b of m.cols)
        near(`${field} ${a} ${b}`, get(est.constructs.indexOf(a), est.constructs.indexOf(b)), cell(m, a, b)!);
  }
  return bad;
}

export function compareQuality(q: PlsQuality, ref: SeminrJson): string[] {
  const bad: string[] = [];
  const r = ref as any;
  const near = (what: string, a: number | null | undefined, b: number): void => {
    if (a === undefined || a === null || !(relDiff(a, b) < TOL)) bad.push(`${what}: ${a} vs seminr ${b}`);
  };
  if (q.reliability.length !== r.reliability.length) bad.push("number of reliability rows");
  for (const row of r.reliability as Record<string, any>[]) {
    const e = q.reliability.find((x) => x.construct === row.construct);
    for (const k of ["alpha", "rhoC", "AVE", "rhoA"] as const) near(`${k} ${row.construct}`, e?.[k], row[k]);
  }
  if (q.htmt.length !== r.htmt.length) bad.push("number of HTMT pairs");
  for (const h of r.htmt as { construct_1: string; construct_2: string; htmt: number }[]) {
    const pair = (x: { lhs: string; rhs: string }): boolean =>
      (x.lhs === h.construct_1 && x.rhs === h.construct_2) || (x.lhs === h.construct_2 && x.rhs === h.construct_1);
    near(`HTMT ${h.construct_1} ${h.construct_2}`, q.htmt.find(pair)?.est, h.htmt);
  }
  const fl = r.fornell_larcker_matrix as Matrix;
  const at = (a: string, b: string): number | null | undefined =>
    q.fornellLarcker[q.constructs.indexOf(a)]?.[q.constructs.indexOf(b)];
  for (const a of fl.rows)
    for (const b of fl.cols) {
      const v = cell(fl, a, b);
      if (v !== null) near(`Fornell-Larcker ${a} ${b}`, at(a, b) ?? at(b, a), v);
    }
  const cl = r.cross_loadings_matrix as Matrix;
  if (q.crossLoadings.items.length !== cl.rows.length) bad.push("number of cross-loading rows");
  for (const it of cl.rows)
    for (const con of cl.cols)
      near(
        `cross-loading ${it} ${con}`,
        q.crossLoadings.values[q.crossLoadings.items.indexOf(it)]?.[q.constructs.indexOf(con)],
        cell(cl, it, con)!,
      );
  for (const [con, items] of Object.entries(r.vif_items as Record<string, Record<string, number>>))
    for (const [it, v] of Object.entries(items))
      near(`item VIF ${con} ${it}`, q.vifItems.find((x) => x.construct === con && x.item === it)?.vif, v);
  for (const [y, preds] of Object.entries(r.vif_antecedents as Record<string, Record<string, number | null>>))
    for (const [x, v] of Object.entries(preds)) {
      const e = q.vifAntecedents.find((a) => a.lhs === y && a.rhs === x);
      if (v === null) {
        if (e === undefined || e.vif !== null) bad.push(`antecedent VIF ${y} ${x} should be null`);
      } else near(`antecedent VIF ${y} ${x}`, e?.vif, v);
    }
  for (const p of ref.paths)
    near(`f2 ${p.from} -> ${p.to}`, q.fsquared.find((x) => x.lhs === p.to && x.rhs === p.from)?.est, p.f_squared);
  const ic = r.it_criteria_matrix as Matrix;
  for (const con of ic.cols) {
    const e = q.itCriteria.find((x) => x.construct === con);
    near(`AIC ${con}`, e?.AIC, cell(ic, "AIC", con)!);
    near(`BIC ${con}`, e?.BIC, cell(ic, "BIC", con)!);
  }
  const keys = ["missing", "mean", "median", "min", "max", "sd", "kurtosis", "skewness"] as const;
  const refCols = ["Missing", "Mean", "Median", "Min", "Max", "Std.Dev.", "Kurtosis", "Skewness"];
  for (const [field, list] of [
    ["item_descriptives_matrix", q.itemDescriptives],
    ["construct_descriptives_matrix", q.constructDescriptives],
  ] as const) {
    const m = r[field] as Matrix;
    for (const row of m.rows) {
      const e = list.find((d) => d.name === row);
      keys.forEach((k, t) => near(`${field} ${row} ${k}`, e?.[k], cell(m, row, refCols[t]!)!));
    }
  }
  return bad;
}
