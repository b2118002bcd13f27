/** `isrs model [--instrument FILE]`: print the instrument's model as lavaan syntax. */
import type { Command } from "commander";
import { instrumentModelSyntax } from "../../instrument/index.js";
import type { CommandContext } from "./fit.js";
import { addInstrumentOption, emit, instrumentFrom } from "./instrument-options.js";

export function registerModel(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command("model")
    .description("print the instrument's model (measurement, second-order and structural parts) as lavaan syntax");
  addInstrumentOption(cmd)
    .option("-o, --out <file>", "write the model to a file instead of standard output")
    .action((flags: { instrument?: string; out?: string }) => {
      emit(instrumentModelSyntax(instrumentFrom(flags)), flags.out, ctx.stdout, {
        "instrument file": flags.instrument,
      });
    });
}
