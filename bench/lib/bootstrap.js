/**
 * The bootstrap benchmark: 1,000 nonparametric bootstrap draws of the Holzinger-Swineford
 * three-factor CFA (datasets/holzinger-swineford-1939), through bootstrapModel() on the fitted
 * model in this process (worker threads on every available core, plus the jackknife of the BCa
 * acceleration: 301 more refits), and through the whole command `isrs fit ... --bootstrap 1000`
 * in a child process (Node start-up, reading, the fit, the bootstrap and the output). Also 1,000
 * draws with the Bollen-Stine test (2,000 refits + the jackknife). lavaan's time is
 * `cfa(..., se = "bootstrap", bootstrap = 1000)` in process (bench/lavaan-bootstrap.R ->
 * bench/lavaan-bootstrap.json). Target: at most 2 s wall for the 1,000 draws.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { bootstrapModel } from "../../dist/sem/bootstrap/index.js";
import { readTable } from "../../dist/sem/data/read-file.js";
import { fitModel } from "../../dist/sem/fit-model.js";
import { parseModel } from "../../dist/sem/syntax/index.js";
import { childrenCpuMs } from "./startup.js";
import { measure, median } from "./timing.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DATA = `${ROOT}datasets/holzinger-swineford-1939/data.csv`;
const MODEL = `${ROOT}datasets/holzinger-swineford-1939/three-factor.lav`;
export const BOOTSTRAP_TARGET_MS = 2000;

/**
 * @typedef {object} BootstrapBench
 * @property {number} workers
 * @property {import("./timing.js").TimingSummary} draws1000       bootstrapModel(), 1,000 draws
 * @property {import("./timing.js").TimingSummary} bollenStine1000 the same with the Bollen-Stine test
 * @property {number[]} cliMs                                       whole command, each run
 * @property {number} cliMedianMs
 * @property {number[]} cliCpuMs                                    whole command, CPU of each run (user + system)
 * @property {{ successful: number, failed: number, jackknife: number, threads: number }} check
 * @property {number | null} lavaanMs                               lavaan's median, ms
 * @property {Record<string, unknown> | null} lavaan                bench/lavaan-bootstrap.json
 */

/** @returns {Record<string, unknown> | null} */
function lavaanReference() {
  const file = `${ROOT}bench/lavaan-bootstrap.json`;
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

/**
 * @param {(s: string) => void} log
 * @returns {Promise<BootstrapBench>}
 */
export async function runBootstrapBench(log) {
  const input = {
    syntax: parseModel(readFileSync(MODEL, "utf8"), { file: MODEL }),
    data: readTable(DATA),
    options: {},
  };
  const fit = await fitModel(input);
  let seed = 100;
  const plan = { warmup: 1, warmupBudgetMs: 0, maxRuns: 3, minRuns: 3, budgetMs: 0 };
  const draws1000 = await measure(() => bootstrapModel(fit, { bootstrap: 1000, seed: seed++ }), plan);
  const last = await bootstrapModel(fit, { bootstrap: 1000, seed: 1 });
  const b = /** @type {NonNullable<typeof last.bootstrap>} */ (last.bootstrap);
  const check = {
    successful: b.draws.successful,
    failed: b.draws.failed,
    jackknife: b.jackknife.rows,
    threads: b.threads,
  };
  log(
    `  bootstrapModel, 1000 draws: median ${draws1000.medianMs.toFixed(0)} ms (CPU ` +
      `${draws1000.cpuMedianMs.toFixed(0)} ms), ` +
      `${check.threads} threads, ${check.successful} draws used`,
  );
  const bollenStine1000 = await measure(
    () => bootstrapModel(fit, { bootstrap: 1000, seed: seed++, test: "bollen.stine" }),
    { ...plan, warmup: 0, maxRuns: 2, minRuns: 2 },
  );
  log(`  with the Bollen-Stine test: median ${bollenStine1000.medianMs.toFixed(0)} ms`);
  /** @type {number[]} */
  const cliMs = [];
  /** @type {number[]} */
  const cliCpuMs = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const cpu0 = childrenCpuMs();
    execFileSync(
      process.execPath,
      [`${ROOT}bin/isrs.js`, "fit", DATA, "--model", MODEL, "--bootstrap", "1000", "--seed", String(seed++)],
      { stdio: "ignore" },
    );
    cliMs.push(performance.now() - t0);
    const cpu1 = childrenCpuMs();
    if (cpu0 !== null && cpu1 !== null) cliCpuMs.push(cpu1 - cpu0);
  }
  const cpu = cliCpuMs.length > 0 ? ` (CPU ${median(cliCpuMs).toFixed(0)} ms, all threads)` : "";
  log(
    `  isrs fit --bootstrap 1000 (whole command): median ${median(cliMs).toFixed(0)} ms${cpu}, ` +
      `load average ${loadavg()[0].toFixed(1)}`,
  );
  const lavaan = lavaanReference();
  const s = lavaan?.lavaan_seconds_median;
  return {
    workers: availableParallelism(),
    draws1000,
    bollenStine1000,
    cliMs,
    cliMedianMs: median(cliMs),
    cliCpuMs,
    check,
    lavaanMs: typeof s === "number" ? s * 1000 : null,
    lavaan,
  };
}

/**
 * Table rows (see report.js).
 * @param {BootstrapBench} r
 * @returns {import("./report.js").TableRow[]}
 */
export function bootstrapRows(r) {
  const target = "target ≤ 2 s";
  const met = (/** @type {number} */ ms) => (ms <= BOOTSTRAP_TARGET_MS ? `${target} met` : `${target} NOT met`);
  return [
    {
      case: "hs-cfa bootstrap, 1,000 draws (+301 jackknife refits)",
      oursMs: r.draws1000.medianMs,
      minMs: r.draws1000.minMs,
      cpuMs: r.draws1000.cpuMedianMs,
      runs: r.draws1000.runs,
      lavaanMs: r.lavaanMs,
      note: `${r.check.threads} threads; ${r.check.successful} draws used; ${met(r.draws1000.medianMs)}`,
    },
    {
      case: "the same, whole command (isrs fit --bootstrap 1000)",
      oursMs: r.cliMedianMs,
      minMs: Math.min(...r.cliMs),
      cpuMs: null,
      runs: r.cliMs.length,
      lavaanMs: r.lavaanMs,
      note: `Node start-up, reading, fit and output included; ${met(r.cliMedianMs)}`,
    },
    {
      case: "hs-cfa bootstrap with the Bollen-Stine test (2 × 1,000 draws)",
      oursMs: r.bollenStine1000.medianMs,
      minMs: r.bollenStine1000.minMs,
      cpuMs: r.bollenStine1000.cpuMedianMs,
      runs: r.bollenStine1000.runs,
      lavaanMs: null,
      lavaanNote: "–",
      note: "ordinary and Bollen-Stine draws, + jackknife",
    },
  ];
}
