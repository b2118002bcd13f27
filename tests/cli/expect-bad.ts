/** Shared by the CLI tests of the instrument commands: temporary files and the bad-input contract. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { run } from "./run.js";

/** A function that writes `text` to a new file in a fresh temporary folder and returns its path. */
export function tmpWriter(prefix: string): { dir: string; file: (name: string, text: string) => string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    file: (name, text) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, text);
      return p;
    },
  };
}

/** Runs the CLI and checks: exit 2, nothing on stdout, one line on stderr matching `message`. */
export async function expectBadInput(args: string[], message: RegExp): Promise<void> {
  const r = await run(...args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
}
