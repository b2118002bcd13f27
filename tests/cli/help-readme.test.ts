/**
 * The README documents every command as its --help does: each option in a command's --help is
 * named in that command's README section (the sections whose heading names `isrs <command>`),
 * and each option in the section's usage synopsis (the code lines that start with
 * `isrs <command>` and their continuation lines) is one the command takes.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "./command-names.js";
import { run } from "./run.js";

const README = fs.readFileSync("README.md", "utf8");

/** The long option names of a help text (-h, --help left out). */
export function helpOptions(help: string): string[] {
  const out: string[] = [];
  for (const line of help.split("\n")) {
    const m = /^\s{2}(?:-\w, )?(--[\w-]+)/.exec(line);
    if (m !== null && m[1] !== "--help") out.push(m[1]!);
  }
  return out;
}

/** The README text under every heading (## or ###) that names `isrs <command>`, up to the next heading. */
export function readmeSection(readme: string, command: string): string {
  const parts = readme.split(/^(?=#{2,3} )/m);
  return parts.filter((p) => new RegExp(`^#{2,3} .*\`isrs ${command}\\b`).test(p)).join("\n");
}

/** The options named in a section's usage synopsis: code lines from `isrs <command>` to the next blank line. */
export function synopsisOptions(section: string, command: string): string[] {
  const out = new Set<string>();
  let inside = false;
  for (const line of section.split("\n")) {
    if (line.startsWith(`isrs ${command}`)) inside = true;
    else if (line.trim() === "" || line.startsWith("```")) inside = false;
    if (inside) for (const m of line.matchAll(/(?<![\w-])(--[a-z][\w-]*)/g)) out.add(m[1]!);
  }
  return [...out];
}

describe("README and --help agree", () => {
  for (const command of COMMANDS) {
    it(`isrs ${command}: every --help option is in the README section, every synopsis option in --help`, async () => {
      const r = await run(command, "--help");
      const options = helpOptions(r.stdout);
      expect(options.length).toBeGreaterThan(0);
      const section = readmeSection(README, command);
      expect(section, `no README section names \`isrs ${command}\``).not.toBe("");
      const missing = options.filter((o) => !new RegExp(`${o}(?![\\w-])`).test(section));
      expect(missing, `options of isrs ${command} --help missing from its README section`).toEqual([]);
      const synopsis = synopsisOptions(section, command);
      expect(synopsis.length, `no usage synopsis for isrs ${command}`).toBeGreaterThan(0);
      expect(synopsis.filter((o) => !options.includes(o) && o !== "--debug")).toEqual([]);
    });
  }

  it("the checks can fail: an option left out of a section, and a synopsis option the command lacks", () => {
    const section = "## `isrs demo`\n\n```\nisrs demo [--alpha] [--gamma]\n```\n";
    expect(readmeSection(section, "demo")).toBe(section);
    expect(helpOptions("Options:\n  --alpha     a\n  -b, --beta  b\n  -h, --help  help")).toEqual([
      "--alpha",
      "--beta",
    ]);
    expect(synopsisOptions(section, "demo")).toEqual(["--alpha", "--gamma"]);
  });

  it("diagram --help no longer offers --modindices (a diagram shows none)", async () => {
    expect(helpOptions((await run("diagram", "--help")).stdout)).not.toContain("--modindices");
  });
});
