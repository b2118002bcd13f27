/**
 * The large-model benchmarks: simulated correlated-factor CFAs (lib/simulate.js), each run by
 * bench/large.js in a child process of its own so that the peak RSS is that model's alone.
 * lavaan's figures for these sizes are recorded here, with where they come from.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const LARGE_SCRIPT = fileURLToPath(new URL("../large.js", import.meta.url));

/**
 * @typedef {object} LargeCase
 * @property {string} name
 * @property {string} about
 * @property {import("../large.js").LargeSpec} spec
 * @property {{ fitMs: number | null, fitNote?: string, modindicesMs: number | null, modindicesNote?: string, source:
 * string }} lavaan
 * @property {{ fitMs?: number, peakRssMB?: number, modindicesMs?: number }} targets  (none: report only)
 */

/**
 * @typedef {object} LargeCaseResult
 * @property {string} name
 * @property {string} about
 * @property {LargeCase["lavaan"]} lavaan
 * @property {LargeCase["targets"]} targets
 * @property {import("../large.js").LargeResult | null} result
 * @property {string | null} error
 * @property {{ fitTime?: boolean, peakRss?: boolean, modindicesTime?: boolean } | null} met  per target set
 */

/** Where lavaan's figures for the large models come from: they are not re-measured by this benchmark. */
const LAVAAN_SOURCE =
  "project reference timings of lavaan 0.6.14 (2-core machine) for simulated CFAs of the same size, N = 2000";

/** @type {LargeCase[]} */
export const LARGE_CASES = [
  {
    name: "cfa-100-indicators (simulated)",
    about:
      "10 correlated factors x 10 indicators, N = 2000; " +
      "loadings U(0.5, 0.9), factor correlations 0.3, " +
      "unit-variance indicators",
    spec: { factors: 10, perFactor: 10, n: 2000, seed: 100, runs: 5, modindices: true, singleRunAboveMs: 60_000 },
    lavaan: { fitMs: 8800, modindicesMs: 300_000, modindicesNote: "about 5 min", source: LAVAAN_SOURCE },
    targets: { fitMs: 500, peakRssMB: 500, modindicesMs: 10_000 },
  },
  {
    name: "cfa-200-indicators (simulated)",
    about: "20 correlated factors x 10 indicators, N = 2000; same population design",
    spec: { factors: 20, perFactor: 10, n: 2000, seed: 200, runs: 3, modindices: false, singleRunAboveMs: 20_000 },
    lavaan: { fitMs: null, fitNote: "out of memory (24 GB)", modindicesMs: null, source: LAVAAN_SOURCE },
    targets: {},
  },
];

/**
 * Runs bench/large.js in a child process and waits for its result message.
 * @param {import("../large.js").LargeSpec} spec
 * @returns {Promise<import("../large.js").LargeResult>}
 */
export function runInChild(spec) {
  return new Promise((resolve, reject) => {
    /** @type {import("../large.js").LargeResult | null} */
    let result = null;
    const child = fork(LARGE_SCRIPT, [JSON.stringify(spec)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    child.on("message", (m) => {
      result = /** @type {import("../large.js").LargeResult} */ (m);
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (result !== null) resolve(result);
      else reject(new Error(`bench/large.js exited with ${signal ?? `code ${code}`} before reporting`));
    });
  });
}

/**
 * Runs the large cases one after another.
 * @param {LargeCase[]} cases
 * @param {(line: string) => void} log
 * @returns {Promise<LargeCaseResult[]>}
 */
export async function runLargeCases(cases, log) {
  /** @type {LargeCaseResult[]} */
  const out = [];
  for (const c of cases) {
    const started = performance.now();
    log(`  ${c.name}: running (child process) ...`);
    try {
      const r = await runInChild(c.spec);
      const peak = Math.max(r.memory.afterFits.maxRssMB, r.memory.afterModindices?.maxRssMB ?? 0);
      /** @type {LargeCaseResult["met"]} */
      const met = {};
      if (c.targets.fitMs !== undefined) met.fitTime = r.medianMs <= c.targets.fitMs;
      if (c.targets.peakRssMB !== undefined) met.peakRss = peak <= c.targets.peakRssMB;
      if (c.targets.modindicesMs !== undefined && r.modindices)
        met.modindicesTime = r.modindices.ms <= c.targets.modindicesMs;
      out.push({ name: c.name, about: c.about, lavaan: c.lavaan, targets: c.targets, result: r, error: null, met });
      log(
        `  ${c.name}: fit ${r.medianMs.toFixed(0)} ` +
          `ms median, peak RSS ${peak.toFixed(0)} MB ` +
          `(${((performance.now() - started) / 1000).toFixed(0)} s in all)`,
      );
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      out.push({ name: c.name, about: c.about, lavaan: c.lavaan, targets: c.targets, result: null, error, met: null });
      log(`  ${c.name}: error: ${error}`);
    }
  }
  return out;
}
