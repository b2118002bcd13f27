/**
 * The command-line shell: parses flags with commander, calls the library, prints, and returns
 * the exit code. Bad input or usage: one clear line on stderr (a syntax error adds the source
 * line and a caret), exit code 2, no stack trace unless --debug.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { InputError } from "../sem/messages.js";
import { formatSyntaxError } from "../sem/syntax/index.js";
import { registerAnalyze } from "./commands/analyze.js";
import { registerBench } from "./commands/bench.js";
import { registerDiagram } from "./commands/diagram.js";
import { registerReport } from "./commands/report.js";
import { registerFit } from "./commands/fit.js";
import { registerInstrument } from "./commands/instrument.js";
import { registerModel } from "./commands/model.js";
import { registerScore } from "./commands/score.js";
import { registerSimulate } from "./commands/simulate.js";
import { EXIT } from "./exit-codes.js";
import { terminalText } from "../sem/format/terminal.js";

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** standard error is a terminal: progress bars are drawn */
  stderrIsTTY?: boolean;
}

const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTTY: process.stderr.isTTY === true,
};

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const debug = argv.includes("--debug");
  const args = argv.filter((a) => a !== "--debug");
  let exit: number = EXIT.ok;
  const version = packageVersion();
  const program = new Command()
    .name("isrs")
    .description("Service-recovery survey toolkit: SEM by maximum likelihood with lavaan-compatible output")
    .version(version)
    .option("--debug", "print stack traces of errors")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined });
  const ctx = {
    version,
    stdout: io.stdout,
    stderr: io.stderr,
    stderrIsTTY: io.stderrIsTTY === true,
    setExit: (c: number) => (exit = c),
  };
  registerFit(program, ctx);
  registerBench(program, ctx);
  registerModel(program, ctx);
  registerInstrument(program, ctx);
  registerScore(program, ctx);
  registerSimulate(program, ctx);
  registerAnalyze(program, ctx);
  registerDiagram(program, ctx);
  registerReport(program, ctx);
  try {
    await program.parseAsync(args as string[]);
    return exit;
  } catch (e) {
    return reportError(e, io, debug);
  }
}

function reportError(e: unknown, io: Io, debug: boolean): number {
  if (e instanceof CommanderError) {
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help")
      return EXIT.ok;
    io.stderr(`isrs: ${terminalText(e.message.replace(/^error: /, ""))}\n`);
    return EXIT.badInput;
  }
  if (e instanceof InputError) {
    io.stderr(`isrs: error: ${terminalText(formatSyntaxError(e))}\n`);
    if (debug) io.stderr(`${e.stack ?? ""}\n`);
    return EXIT.badInput;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  io.stderr(`isrs: internal error: ${terminalText(err.message)} (this is a bug; rerun with --debug for details)\n`);
  if (debug) io.stderr(`${err.stack ?? ""}\n`);
  return EXIT.internal;
}
