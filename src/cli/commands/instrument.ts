/**
 * `isrs instrument [--format md|html|csv] [--for respondent|researcher] [--instrument FILE] [--out FILE]`:
 * the questionnaire (for respondents, or with the researcher's notes), or an empty CSV template.
 */
import type { Command } from "commander";
import {
  AUDIENCES,
  RENDER_FORMATS,
  renderInstrument,
  type Audience,
  type RenderFormat,
} from "../../instrument/render.js";
import { InputError } from "../../sem/messages.js";
import type { CommandContext } from "./fit.js";
import { addInstrumentOption, emit, instrumentFrom } from "./instrument-options.js";

export function registerInstrument(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command("instrument")
    .description(
      "print the questionnaire for administering it (md, html), or an empty CSV template of the expected columns (csv)",
    );
  addInstrumentOption(cmd)
    .option("--format <format>", `${RENDER_FORMATS.join(", ")}`, "md")
    .option(
      "--for <audience>",
      "respondent (the questionnaire to send out) or researcher (with notes: reverse-keyed items, scoring)",
      "respondent",
    )
    .option("-o, --out <file>", "write to a file instead of standard output")
    .action((flags: { instrument?: string; format: string; for: string; out?: string }) => {
      if (!(RENDER_FORMATS as readonly string[]).includes(flags.format)) {
        throw new InputError("E_USAGE", `--format ${flags.format}: use ${RENDER_FORMATS.join(", ")}`);
      }
      if (!(AUDIENCES as readonly string[]).includes(flags.for))
        throw new InputError("E_USAGE", `--for ${flags.for}: use ${AUDIENCES.join(" or ")}`);
      const text = renderInstrument(instrumentFrom(flags), flags.format as RenderFormat, flags.for as Audience);
      emit(text, flags.out, ctx.stdout, { "instrument file": flags.instrument });
    });
}
