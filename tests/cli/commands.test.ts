/**
 * The CLI loads only the command it runs (main.ts): the command named by the first operand, none
 * for `--version`, every one for help, an unknown command or no command, so that help lists
 * them all and a mistyped command still gets its suggestion.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import { commandsFor } from "../../src/cli/main.js";
import { COMMANDS } from "./command-names.js";
import { run } from "./run.js";

const ALL = COMMANDS;
const argv = (...args: string[]): string[] => ["node", "isrs", ...args];

describe("commandsFor", () => {
  it("with no command named, every command: one per module of src/cli/commands with a register function", () => {
    const modules = fs
      .readdirSync("src/cli/commands")
      .filter((f) => /^export function register\w+\(/m.test(fs.readFileSync(`src/cli/commands/${f}`, "utf8")))
      .map((f) => f.replace(/\.ts$/, ""));
    expect(modules.length).toBeGreaterThan(10);
    expect([...commandsFor(argv())].sort()).toEqual(modules.sort());
  });

  it("the command named by the first operand, after root options", () => {
    expect(commandsFor(argv("fit", "data.csv", "--model", "m.lav"))).toEqual(["fit"]);
    expect(commandsFor(argv("--debug", "report", "--all"))).toEqual(["report"]);
    expect(commandsFor(argv("diagram", "--help"))).toEqual(["diagram"]);
  });

  it("none for --version, every one otherwise", () => {
    expect(commandsFor(argv("--version"))).toEqual([]);
    expect(commandsFor(argv("-V"))).toEqual([]);
    expect(commandsFor(argv("--help"))).toEqual(ALL);
    expect(commandsFor(argv("help", "fit"))).toEqual(ALL);
    expect(commandsFor(argv("fitt"))).toEqual(ALL);
    // an own property only: not an inherited name
    expect(commandsFor(argv("toString"))).toEqual(ALL);
  });
});

describe("the program with commands loaded on demand", () => {
  it("help lists every command", async () => {
    const r = await run("--help");
    expect(r.code).toBe(0);
    for (const c of ALL) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, "m"));
  });

  it("a mistyped command: one line with commander's suggestion, exit 2", async () => {
    const r = await run("fitt", "data.csv");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'fitt'.*Did you mean fit\?/s);
  });

  it("a command's own help", async () => {
    const r = await run("fit", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: isrs fit \[options\] \[data\]/);
  });
});
