/**
 * The importance-performance priorities the page shows when the norm data are embedded: a PLS
 * model of the instrument (each first-order construct a mode A composite of its items, the
 * second-order factor a higher-order construct of its dimensions (two-stage, as seminr), the
 * instrument's structural regressions), estimated on the norm sample with reverse-keyed items
 * recoded as scoring recodes them (loadResponses), and its importance-performance map (IPMA,
 * src/pls/ipma; Ringle & Sarstedt 2016) for the last outcome of the structural model (the business
 * performance of the bundled instrument), each item on its own scale's ends. The model, its target
 * and the scales are those of `isrs report --pls` (pls/instrument-model.ts). Computed here, in
 * Node, when the page is written: the page carries only the map's numbers.
 */
import type { Responses } from "../instrument/responses.js";
import type { Instrument } from "../instrument/schema.js";
import { analyzePls, columnsFromTable, parsePlsModel } from "../pls/index.js";
import { plsImportancePerformance } from "../pls/ipma/apply.js";
import { instrumentFinalOutcome, instrumentItemScales, instrumentPlsModel } from "../pls/instrument-model.js";
import type { AppPriorities } from "./payload.js";

export function instrumentPriorities(instr: Instrument, norms: Responses): AppPriorities | null {
  const target = instrumentFinalOutcome(instr);
  if (target === undefined) return null;
  const model = instrumentPlsModel(instr);
  const spec = parsePlsModel(model, `instrument ${instr.id} ${instr.version} (PLS)`);
  const columns = columnsFromTable(norms.table, spec);
  const analysis = analyzePls(spec, columns, {}, { dataName: norms.file });
  const ipma = plsImportancePerformance(analysis, target, { items: instrumentItemScales(instr) });
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
