/**
 * The command-line shell: parses flags with commander, calls the library, prints, and returns
 * the exit code. Bad input or usage: one clear line on stderr (a syntax error adds the source
 * line and a caret), exit code 2, no stack trace unless --debug.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { InputError } from "../sem/messages.js";
import { formatSyntaxError } from "../sem/syntax/index.js";
import type { CommandContext } from "./commands/fit.js";
import { EXIT } from "./exit-codes.js";
import { terminalText } from "../sem/format/terminal.js";

type Register = (program: Command, ctx: CommandContext) => void;

/**
 * The commands, in the order of `isrs --help`, each loaded on demand: a run loads the module of
 * the command it runs and what that module imports, not the code of the other commands (nor
 * their dependencies: the instrument schemas, the report layer, Graphviz, vega). Help, an
 * unknown command and a run without a command load them all.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  fit: async () => (await import("./commands/fit.js")).registerFit,
  bench: async () => (await import("./commands/bench.js")).registerBench,
  model: async () => (await import("./commands/model.js")).registerModel,
  instrument: async () => (await import("./commands/instrument.js")).registerInstrument,
  score: async () => (await import("./commands/score.js")).registerScore,
  simulate: async () => (await import("./commands/simulate.js")).registerSimulate,
  analyze: async () => (await import("./commands/analyze.js")).registerAnalyze,
  diagram: async () => (await import("./commands/diagram.js")).registerDiagram,
  report: async () => (await import("./commands/report.js")).registerReport,
  invariance: async () => (await import("./commands/invariance.js")).registerInvariance,
  pls: async () => (await import("./commands/pls.js")).registerPls,
  power: async () => (await import("./commands/power.js")).registerPower,
  app: async () => (await import("./commands/app.js")).registerApp,
};

/**
 * The commands to register for these arguments (argv, with the node and script paths): the one
 * named by the first operand (the root options take no value, so it is the first argument not
 * starting with "-"); none for `isrs --version`; all of them otherwise.
 */
export function commandsFor(argv: readonly string[]): string[] {
  const args = argv.slice(2);
  const first = args.find((a) => !a.startsWith("-"));
  if (first !== undefined && Object.hasOwn(COMMANDS, first)) return [first];
  if (first === undefined && (args.includes("--version") || args.includes("-V"))) return [];
  return Object.keys(COMMANDS);
}

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
  try {
    const registers = await Promise.all(commandsFor(args).map((name) => COMMANDS[name]!()));
    for (const register of registers) register(program, ctx);
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
