/**
 * An instrument's model as a PLS path model (the syntax of syntax.ts): one `=~` line per
 * first-order construct (a mode A composite of its items, in the order of the file), one per
 * second-order construct (a higher-order construct of its dimensions, estimated in two stages as
 * seminr does), and one `~` line per structural regression. The responses it is fitted on must have
 * their reverse-keyed items recoded (min + max - x), as the instrument's scoring does
 * (instrument/responses.ts): otherwise those items get negative weights. Browser-safe.
 */
import { scaleOf } from "../instrument/constructs.js";
import type { Instrument } from "../instrument/schema.js";
import { firstOrderLines, regressionLines, secondOrderLines } from "../instrument/model.js";

export function instrumentPlsModel(instr: Instrument): string {
  const lines = [
    `# ${instr.title}: PLS path model`,
    `# instrument ${instr.id} ${instr.version}; reverse-keyed items recoded before fitting`,
    "",
    "# first-order constructs: composites in mode A",
  ];
  lines.push(...firstOrderLines(instr));
  const second = secondOrderLines(instr);
  if (second.length > 0) lines.push("", "# higher-order constructs (two-stage)", ...second);
  lines.push("", "# structural model", ...regressionLines(instr));
  return `${lines.join("\n")}\n`;
}

/**
 * The model's final outcome: the construct explained by a regression and explaining none (for
 * the ISRS instrument, business performance). With several, the last one in the file's order of
 * regressions; none when the instrument has no structural model.
 */
export function instrumentFinalOutcome(instr: Instrument): string | undefined {
  const regs = instr.model.regressions;
  const predictors = new Set(regs.flatMap((r) => r.predictors));
  const finals = regs.map((r) => r.outcome).filter((o) => !predictors.has(o));
  return finals[finals.length - 1];
}

/** Every item's response-scale ends, for the IPMA's rescaling to 0-100. */
export function instrumentItemScales(instr: Instrument): Record<string, { min: number; max: number }> {
  const out: Record<string, { min: number; max: number }> = {};
  for (const it of instr.items) {
    const s = scaleOf(instr, it);
    out[it.id] = { min: s.min, max: s.max };
  }
  return out;
}
