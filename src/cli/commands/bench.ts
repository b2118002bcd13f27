/**
 * `isrs bench DATA --model MODEL [fit options] [--repeat N] [--format json|text]`: read the data
 * file once and time it (`load_ms`: reading, parsing and checking the table), then fit the model N
 * times in one process on the table in memory (`median_ms`, `min_ms`). One timed fit is what
 * lavaan's in-process timings of bench/*.R time, `cfa(model, data = df)` on a data frame already
 * read: the model syntax parsed, the data set of the model's variables built and checked, the
 * estimation, standard errors, test and fit measures.
 */
import type { Command } from "commander";
import { readTable } from "../../sem/data/read-file.js";
import { fitModel } from "../../sem/fit-model.js";
import { InputError } from "../../sem/messages.js";
import { parseModel } from "../../sem/syntax/index.js";
import { readModelFile } from "../io.js";
import { addFitOptions, naCodes, toFitOptions, toReadOptions, type CliFitFlags } from "./fit-options.js";
import type { CommandContext } from "./fit.js";

interface BenchFlags extends CliFitFlags {
  repeat: string;
  format: string;
}

export function registerBench(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command("bench")
    .description("read the data once, fit a model N times in one process and report the median and minimum time")
    .argument("<data>", "CSV data file");
  addFitOptions(cmd)
    .option("--repeat <n>", "number of timed fits", "20")
    .option("--format <format>", "json or text", "json")
    .action(async (dataFile: string, flags: BenchFlags) => {
      const n = Number(flags.repeat);
      if (!Number.isInteger(n) || n < 1)
        throw new InputError("E_USAGE", `--repeat ${flags.repeat}: a positive whole number is needed`);
      if (flags.format !== "json" && flags.format !== "text")
        throw new InputError("E_USAGE", `--format ${flags.format}: use json or text`);
      const options = toFitOptions(flags);
      const modelText = readModelFile(flags.model);
      const t0 = performance.now();
      const data = readTable(dataFile, toReadOptions(flags));
      const loadMs = performance.now() - t0;
      const na = naCodes(flags);
      const fitOnce = () => fitModel({ syntax: parseModel(modelText, { file: flags.model }), data, options, na });
      await fitOnce(); // warm-up: JIT-compiles the kernels
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const start = performance.now();
        await fitOnce();
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const mid = Math.floor(n / 2);
      const median = n % 2 === 1 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
      const result = { median_ms: round(median), min_ms: round(times[0]!), repeat: n, load_ms: round(loadMs) };
      ctx.stdout(flags.format === "json" ? `${JSON.stringify(result)}\n` : textLine(result));
    });
}

function textLine(r: { median_ms: number; min_ms: number; repeat: number; load_ms: number }): string {
  const fits = `${r.repeat} fit${r.repeat === 1 ? "" : "s"}`;
  const fit = `fit: median ${r.median_ms} ms, min ${r.min_ms} ms over ${fits}`;
  return `${fit}; data file read and checked in ${r.load_ms} ms\n`;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
