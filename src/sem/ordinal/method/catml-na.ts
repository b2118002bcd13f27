/**
 * When lavaan 0.6.14 reports NA for the robust measures of categorical data because its catML
 * model cannot be built. lav_object_catml drops every threshold (`|`) and intercept or mean (`~1`)
 * row from the fitted parameter table before the catML model is made; an equality constraint that
 * involves one of them (group.equal = "thresholds", a label shared by two thresholds, an explicit
 * `==` on such a label) then names a parameter that is gone, lavaan() fails inside a try(), and
 * lav_fit_catml_dwls returns NA for every robust measure. In our table an equality constraint is a
 * free index shared by several rows, or an `==` row.
 */
import type { ParameterTable } from "../../partable/types.js";

const DROPPED = new Set(["|", "~1"]);

export function catmlRefitFails(table: ParameterTable): boolean {
  const rowsOfFree = new Map<number, number>();
  for (const r of table.rows) if (r.free > 0) rowsOfFree.set(r.free, (rowsOfFree.get(r.free) ?? 0) + 1);
  const droppedLabels = new Set<string>();
  for (const r of table.rows) {
    if (!DROPPED.has(r.op)) continue;
    if (r.free > 0 && rowsOfFree.get(r.free)! > 1) return true;
    if (r.label !== "") droppedLabels.add(r.label);
  }
  const names = (r: { lhs: string; rhs: string }): string[] => `${r.lhs} ${r.rhs}`.match(/[A-Za-z_.][\w.]*/g) ?? [];
  return table.rows.some((r) => r.op === "==" && names(r).some((n) => droppedLabels.has(n)));
}
