/** `isrs simulate --n N --seed S [--missing RATE] [--out FILE]`: responses drawn from the population model. */
import type { Command } from "commander";
import { sampleCsv, simulate } from "../../instrument/index.js";
import { seedOption } from "./bootstrap-flags.js";
import type { CommandContext } from "./fit.js";
import { addInstrumentOption, emit, instrumentFrom, numberOption } from "./instrument-options.js";

interface SimulateFlags {
  n: string;
  seed: string;
  missing: string;
  instrument?: string;
  out?: string;
}

export function registerSimulate(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command("simulate")
    .description(
      "draw simulated questionnaire responses from the " +
        "instrument's population model (illustrative values, " +
        "not real data)",
    )
    .requiredOption("--n <n>", "number of firms")
    .requiredOption(
      "--seed <seed>",
      "seed of the random generator, a whole number from 0 to 2^53-1; the same seed gives the same data",
    )
    .option("--missing <rate>", "share of answers left missing completely at random", "0");
  addInstrumentOption(cmd)
    .option("-o, --out <file>", "write the CSV to a file instead of standard output")
    .action((flags: SimulateFlags) => {
      const instr = instrumentFrom(flags);
      const sample = simulate(instr, {
        n: numberOption("n", flags.n),
        seed: seedOption(flags.seed),
        missing: numberOption("missing", flags.missing),
      });
      emit(sampleCsv(instr, sample), flags.out, ctx.stdout, { "instrument file": flags.instrument });
    });
}
