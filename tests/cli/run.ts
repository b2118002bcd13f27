/** Runs the CLI in process with captured output. */
import { main } from "../../src/cli/main.js";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(...args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "isrs", ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}
