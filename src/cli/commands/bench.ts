/** `isrs bench DATA --model MODEL [fit options] [--repeat N]`: time N fits in one process. */
import type { Command } from "commander";
import { InputError } from "../../sem/messages.js";
import { addFitOptions, type CliFitFlags } from "./fit-options.js";
import { loadAndFit, type CommandContext } from "./fit.js";

export function registerBench(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command("bench")
    .description("fit a model N times in one process and report the median and minimum time")
    .argument("<data>", "CSV data file");
  addFitOptions(cmd)
    .option("--repeat <n>", "number of timed fits", "20")
    .action(async (dataFile: string, flags: CliFitFlags & { repeat: string }) => {
      const n = Number(flags.repeat);
      if (!Number.isInteger(n) || n < 1)
        throw new InputError("E_USAGE", `--repeat ${flags.repeat}: a positive whole number is needed`);
      await loadAndFit(dataFile, flags); // warm-up: loads the data path, JIT-compiles the kernels
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await loadAndFit(dataFile, flags);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const mid = Math.floor(n / 2);
      const median = n % 2 === 1 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
      ctx.stdout(`${JSON.stringify({ median_ms: round(median), min_ms: round(times[0]!), repeat: n })}\n`);
    });
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
