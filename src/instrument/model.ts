/**
 * The instrument's model as lavaan syntax: one `=~` line per first-order construct (its items,
 * in the order of the file), one per second-order factor (its dimensions), and one `~` line per
 * structural regression. Reverse-keyed items are recoded before fitting (see responses.ts), so
 * every loading is expected to be positive.
 */
import { constructsOf, itemsOf, secondOrderOf } from "./constructs.js";
import type { Instrument } from "./schema.js";

export function instrumentModelSyntax(instr: Instrument): string {
  const lines = [
    `# ${instr.title}`,
    `# instrument ${instr.id} ${instr.version}`,
    "",
    "# measurement model: first-order constructs",
  ];
  lines.push(...firstOrderLines(instr));
  const second = secondOrderLines(instr);
  if (second.length > 0) lines.push("", "# second-order factor", ...second);
  if (instr.model.regressions.length > 0) lines.push("", "# structural model", ...regressionLines(instr));
  return `${lines.join("\n")}\n`;
}

/** One `=~` line per first-order construct (dimensions, then outcomes), its items in file order. */
export function firstOrderLines(instr: Instrument): string[] {
  return (["dimension", "outcome"] as const).flatMap((kind) =>
    constructsOf(instr, kind).map(
      (c) =>
        `${c.id} =~ ${itemsOf(instr, c.id)
          .map((i) => i.id)
          .join(" + ")}`,
    ),
  );
}

/** One `=~` line per second-order construct, over its dimensions. */
export function secondOrderLines(instr: Instrument): string[] {
  return secondOrderOf(instr).map((c) => `${c.id} =~ ${c.dimensions.join(" + ")}`);
}

/** One `~` line per structural regression. */
export function regressionLines(instr: Instrument): string[] {
  return instr.model.regressions.map((r) => `${r.outcome} ~ ${r.predictors.join(" + ")}`);
}
