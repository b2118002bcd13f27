/**
 * The importance-performance priorities the page shows when the norm data are embedded: a PLS
 * model of the instrument (each first-order construct a mode A composite of its items, the
 * second-order factor a higher-order construct of its dimensions (two-stage, as seminr), the
 * instrument's structural regressions), estimated on the norm sample with reverse-keyed items
 * recoded as scoring recodes them (loadResponses), and its importance-performance map (IPMA,
 * src/pls/ipma; Ringle & Sarstedt 2016) for the last outcome of the structural model (the business
 * performance of the bundled instrument), each item on its own scale's ends. Computed here, in
 * Node, when the page is written: the page carries only the map's numbers.
 */
import { constructsOf, itemsOf, scaleOf, secondOrderOf } from "../instrument/constructs.js";
import type { Responses } from "../instrument/responses.js";
import type { Instrument } from "../instrument/schema.js";
import { analyzePls, columnsFromTable, parsePlsModel } from "../pls/index.js";
import { plsImportancePerformance } from "../pls/ipma/apply.js";
import type { AppPriorities } from "./payload.js";

/** The instrument's PLS model (lavaan-like syntax as `isrs pls` reads it). */
export function instrumentPlsModel(instr: Instrument): string {
  const lines: string[] = [];
  for (const kind of ["dimension", "outcome"] as const)
    for (const c of constructsOf(instr, kind))
      lines.push(
        `${c.id} =~ ${itemsOf(instr, c.id)
          .map((i) => i.id)
          .join(" + ")}`,
      );
  for (const c of secondOrderOf(instr)) lines.push(`${c.id} =~ ${c.dimensions.join(" + ")}`);
  for (const r of instr.model.regressions) lines.push(`${r.outcome} ~ ${r.predictors.join(" + ")}`);
  return `${lines.join("\n")}\n`;
}

/** The target of the map: the outcome that no regression uses as a predictor (the last such one). */
export function priorityTarget(instr: Instrument): string | null {
  const predictors = new Set(instr.model.regressions.flatMap((r) => r.predictors));
  const ends = instr.model.regressions.map((r) => r.outcome).filter((o) => !predictors.has(o));
  return ends.length === 0 ? null : ends[ends.length - 1]!;
}

export function instrumentPriorities(instr: Instrument, norms: Responses): AppPriorities | null {
  const target = priorityTarget(instr);
  if (target === null) return null;
  const model = instrumentPlsModel(instr);
  const spec = parsePlsModel(model, `instrument ${instr.id} ${instr.version} (PLS)`);
  const columns = columnsFromTable(norms.table, spec);
  const analysis = analyzePls(spec, columns, {}, { dataName: norms.file });
  const scales = Object.fromEntries(
    instr.items.map((it) => {
      const s = scaleOf(instr, it);
      return [it.id, { min: s.min, max: s.max }];
    }),
  );
  const ipma = plsImportancePerformance(analysis, target, { items: scales });
  return {
    target,
    model,
    constructs: ipma.constructs.map((c) => ({
      id: c.construct,
      higherOrder: c.higherOrder ?? null,
      importance: c.importance,
      performance: c.performance,
    })),
    indicators: ipma.indicators.map((x) => ({
      item: x.item,
      construct: x.construct,
      importance: x.importance,
      performance: x.performance,
    })),
    warnings: ipma.warnings,
  };
}
