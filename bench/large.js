/**
 * One large-model benchmark in a process of its own, so that its peak resident set size
 * (process.resourceUsage().maxRSS) belongs to that model alone. Started by run.js through
 * child_process.fork(); receives a LargeSpec as JSON in argv[2] and sends a LargeResult back
 * over the IPC channel. Can also be run by hand:
 *   node bench/large.js '{"factors":10,"perFactor":10,"n":2000,"seed":1,"runs":5,"modindices":true}'
 */
import { pathToFileURL } from "node:url";
import { parseModel } from "../dist/sem/syntax/index.js";
import { fitModel } from "../dist/sem/fit-model.js";
import { toFitResult } from "../dist/sem/views.js";
import { cfaModelText, simulateCfa } from "./lib/simulate.js";
import { median, timeOnce } from "./lib/timing.js";

/**
 * @typedef {import("./lib/simulate.js").CfaDesign & {
 *   runs: number,
 *   modindices: boolean,
 *   singleRunAboveMs?: number,
 * }} LargeSpec
 */

/**
 * @typedef {object} MemorySnapshot
 * @property {number} rssMB       process.memoryUsage().rss
 * @property {number} heapUsedMB  process.memoryUsage().heapUsed
 * @property {number} maxRssMB    process.resourceUsage().maxRSS (peak so far)
 */

/**
 * @typedef {object} LargeResult
 * @property {LargeSpec} spec
 * @property {number} indicators
 * @property {number} simulateMs   time to draw the data
 * @property {number} firstFitMs   the first (cold) fit, including JIT warm-up
 * @property {number[]} fitMs      the timed fits after it (none when the first fit took longer
 *   than spec.singleRunAboveMs: then the first fit is the measurement)
 * @property {number} medianMs     median of fitMs (or the first fit when fitMs is empty)
 * @property {number} minMs
 * @property {number} cpuMedianMs  median CPU time of the same fits
 * @property {{ converged: boolean, iterations: number, npar: number, chisq: number, df: number, cfi: number, rmsea:
 * number, warnings: string[] }} fit
 * @property {{ start: MemorySnapshot, dataReady: MemorySnapshot, afterFits: MemorySnapshot, afterModindices?:
 * MemorySnapshot }} memory
 * @property {{ ms: number, cpuMs: number, count: number, largest: { lhs: string, op: string, rhs: string, mi: number
 * } | null } | undefined} modindices
 */

const MB = 1024 * 1024;

/** @returns {MemorySnapshot} */
function snapshot() {
  const m = process.memoryUsage();
  return { rssMB: m.rss / MB, heapUsedMB: m.heapUsed / MB, maxRssMB: process.resourceUsage().maxRSS / 1024 };
}

/**
 * @param {LargeSpec} spec
 * @returns {Promise<LargeResult>}
 */
export async function runLarge(spec) {
  const start = snapshot();
  const sim = await timeOnce(() => simulateCfa(spec));
  const data = sim.value.table;
  const syntax = parseModel(cfaModelText(spec), { file: "<simulated model>" });
  const dataReady = snapshot();
  const fitOnce = () => fitModel({ syntax, data, options: {} }).then(toFitResult);
  const first = await timeOnce(fitOnce);
  /** @type {number[]} */
  const fitMs = [];
  /** @type {number[]} */
  const cpuMs = [];
  const runs = first.ms > (spec.singleRunAboveMs ?? Infinity) ? 0 : spec.runs;
  for (let i = 0; i < runs; i++) {
    const t = await timeOnce(fitOnce);
    fitMs.push(t.ms);
    cpuMs.push(t.cpuMs);
  }
  const afterFits = snapshot();
  const r = first.value;
  /** @type {LargeResult} */
  const result = {
    spec,
    indicators: spec.factors * spec.perFactor,
    simulateMs: sim.ms,
    firstFitMs: first.ms,
    fitMs,
    medianMs: fitMs.length > 0 ? median(fitMs) : first.ms,
    minMs: fitMs.length > 0 ? Math.min(...fitMs) : first.ms,
    cpuMedianMs: cpuMs.length > 0 ? median(cpuMs) : first.cpuMs,
    fit: {
      converged: r.converged,
      iterations: r.iterations,
      npar: r.npar,
      chisq: r.fit.chisq,
      df: r.fit.df,
      cfi: r.fit.cfi,
      rmsea: r.fit.rmsea,
      warnings: r.warnings.map((w) => w.message),
    },
    memory: { start, dataReady, afterFits },
    modindices: undefined,
  };
  if (spec.modindices) {
    const mi = await timeOnce(() => fitModel({ syntax, data, options: { modindices: true } }).then(toFitResult));
    const list = mi.value.modindices ?? [];
    const top = list.reduce((best, x) => (best === null || x.mi > best.mi ? x : best), /** @type {any} */ (null));
    result.modindices = {
      ms: mi.ms,
      cpuMs: mi.cpuMs,
      count: list.length,
      largest: top && { lhs: top.lhs, op: top.op, rhs: top.rhs, mi: top.mi },
    };
    result.memory.afterModindices = snapshot();
  }
  return result;
}

if (process.argv[2] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const spec = /** @type {LargeSpec} */ (JSON.parse(process.argv[2]));
  const result = await runLarge(spec);
  if (process.send) process.send(result);
  else console.log(JSON.stringify(result, null, 2));
}
