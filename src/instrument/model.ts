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
  for (const kind of ["dimension", "outcome"] as const) {
    for (const c of constructsOf(instr, kind))
      lines.push(
        `${c.id} =~ ${itemsOf(instr, c.id)
          .map((i) => i.id)
          .join(" + ")}`,
      );
  }
  const second = secondOrderOf(instr);
  if (second.length > 0) {
    lines.push("", "# second-order factor");
    for (const c of second) lines.push(`${c.id} =~ ${c.dimensions.join(" + ")}`);
  }
  if (instr.model.regressions.length > 0) {
    lines.push("", "# structural model");
    for (const r of instr.model.regressions) lines.push(`${r.outcome} ~ ${r.predictors.join(" + ")}`);
  }
  return `${lines.join("\n")}\n`;
}
