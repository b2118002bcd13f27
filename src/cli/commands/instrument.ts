/** `isrs instrument [--format md|html|csv] [--instrument FILE] [--out FILE]`: the questionnaire, or an empty CSV template. */
import type { Command } from "commander";
import { RENDER_FORMATS, renderInstrument, type RenderFormat } from "../../instrument/render.js";
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
    .option("-o, --out <file>", "write to a file instead of standard output")
    .action((flags: { instrument?: string; format: string; out?: string }) => {
      if (!(RENDER_FORMATS as readonly string[]).includes(flags.format)) {
        throw new InputError("E_USAGE", `--format ${flags.format}: use ${RENDER_FORMATS.join(", ")}`);
      }
      emit(renderInstrument(instrumentFrom(flags), flags.format as RenderFormat), flags.out, ctx.stdout, {
        "instrument file": flags.instrument,
      });
    });
}
