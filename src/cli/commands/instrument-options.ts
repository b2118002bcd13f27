/** Options shared by the instrument commands (model, instrument, simulate, score). */
import type { Command } from "commander";
import { InputError } from "../../sem/messages.js";
import { parseModel, type ModelSyntax } from "../../sem/syntax/index.js";
import { instrumentModelSyntax, loadInstrument, type Instrument } from "../../instrument/index.js";
import { readModelFile, writeAtomic, type InputFiles } from "../io.js";

export function addInstrumentOption(cmd: Command): Command {
  return cmd.option("--instrument <file>", "instrument definition file (default: the bundled ISRS instrument)");
}

export function instrumentFrom(flags: { instrument?: string }): Instrument {
  return loadInstrument(flags.instrument);
}

/** The model to fit: `--model FILE` when given, else the instrument's own model. */
export function modelFrom(flags: { model?: string }, instr: Instrument): ModelSyntax {
  if (flags.model !== undefined) return parseModel(readModelFile(flags.model), { file: flags.model });
  return parseModel(instrumentModelSyntax(instr), { file: `instrument ${instr.id} ${instr.version}` });
}

/** Writes to --out (atomically, never over one of the `inputs`) or to standard output. */
export function emit(text: string, out: string | undefined, stdout: (s: string) => void, inputs?: InputFiles): void {
  if (out !== undefined) writeAtomic(out, text, inputs);
  else stdout(text);
}

/** A number option: finite, else one usage line. */
export function numberOption(name: string, value: string): number {
  const x = Number(value);
  if (value.trim() === "" || !Number.isFinite(x))
    throw new InputError("E_USAGE", `--${name} ${value}: a number is needed`);
  return x;
}
