/**
 * The whole-command benchmark: `isrs` as a user runs it, each run a fresh process (Node's
 * start-up, loading the program, reading the files, the work, the output), next to the same
 * work in `Rscript` with lavaan (loading lavaan, reading the CSV, fitting, printing the summary
 * with the fit measures: bench/lavaan-whole-command.R) and `node -e 0`, the floor of any Node
 * program, all measured in the same run, interleaved (lib/startup.js). Cases:
 *   - isrs fit on Holzinger-Swineford (three-factor CFA, N = 301); target: within 2× the floor;
 *   - isrs fit on the political-democracy SEM with `:=` (indirect and total effects); target
 *     ≤ 350 ms;
 *   - isrs fit --bootstrap 1000 on HS (2 threads, with the 301 jackknife refits of the BCa
 *     intervals; lavaan: se = "bootstrap", 1,000 draws, percentile intervals); target ≤ 1 s;
 *   - isrs report (the study report of the bundled data: analysis, path diagram, charts), no
 *     lavaan counterpart.
 * Without Rscript (or lavaan) the reference is skipped and the run says so.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lavaanVersion, measureCommands } from "./startup.js";

export const TARGETS = { fitFloorRatio: 2, defineMs: 350, bootstrapMs: 1000 };

const HS = "datasets/holzinger-swineford-1939";
const PD = "datasets/political-democracy";

/**
 * @typedef {object} CommandBench
 * @property {string | null} lavaanVersion  null when Rscript or lavaan is missing (reference skipped)
 * @property {"bundle" | "dist"} entry      what bin/isrs.js runs (the esbuild bundle, or tsc's modules)
 * @property {number} rounds
 * @property {import("./startup.js").CommandTiming[]} timings
 * @property {{ start: number[], end: number[] }} loadAverage
 */

/**
 * What bin/isrs.js runs: the bundle unless tsc's output is newer (the rule of bin/isrs.js).
 * @param {string} root
 * @returns {"bundle" | "dist"}
 */
export function cliEntry(root) {
  const modified = (/** @type {string} */ f) => {
    try {
      return statSync(join(root, f)).mtimeMs;
    } catch {
      return -Infinity;
    }
  };
  const bundle = modified("dist/bundle/isrs.js");
  return bundle > -Infinity && bundle >= modified("dist/cli/main.js") ? "bundle" : "dist";
}

/**
 * @param {string} root
 * @param {{ lavaan: boolean, reportDir: string }} opts
 * @returns {import("./startup.js").CommandCase[]}
 */
export function commandCases(root, opts) {
  const node = process.execPath;
  const isrs = join(root, "bin/isrs.js");
  const rWhole = join(root, "bench/lavaan-whole-command.R");
  const hs = [`${HS}/data.csv`, `${HS}/three-factor.lav`];
  const pd = [`${PD}/data.csv`, `${PD}/indirect-effect.lav`];
  /** @type {import("./startup.js").CommandCase[]} */
  const cases = [
    { name: "node -e 0", command: node, args: ["-e", "0"] },
    { name: "isrs fit (HS CFA)", command: node, args: [isrs, "fit", hs[0], "--model", hs[1]] },
    { name: "isrs fit (SEM with :=)", command: node, args: [isrs, "fit", pd[0], "--model", pd[1]] },
    {
      name: "isrs fit --bootstrap 1000 (HS CFA)",
      command: node,
      args: [isrs, "fit", hs[0], "--model", hs[1], "--bootstrap", "1000", "--seed", "1"],
      rounds: 5,
    },
    { name: "isrs report (bundled data)", command: node, args: [isrs, "report", "-o", opts.reportDir], rounds: 5 },
  ];
  if (opts.lavaan) {
    const r = (/** @type {string} */ reference, /** @type {string[]} */ args, extra = {}) => ({
      name: `Rscript + lavaan: ${reference.replace(/^isrs /, "")}`,
      command: "Rscript",
      args: [rWhole, ...args],
      reference,
      ...extra,
    });
    cases.push(
      r("isrs fit (HS CFA)", [...hs, "cfa"]),
      r("isrs fit (SEM with :=)", [...pd, "sem"]),
      r("isrs fit --bootstrap 1000 (HS CFA)", [...hs, "cfa", "1000"], { rounds: 2, warmup: false }),
    );
  }
  return cases.map((c) => ({ ...c, cwd: root }));
}

/**
 * @param {string} root
 * @param {(s: string) => void} log
 * @param {{ rounds: number }} opts
 * @returns {CommandBench}
 */
export function runCommandBench(root, log, opts) {
  const version = lavaanVersion();
  if (version === null) log("  Rscript with lavaan not found: the lavaan reference is skipped");
  else if (version !== "0.6.14") log(`  note: lavaan ${version}, not 0.6.14`);
  const entry = cliEntry(root);
  if (entry !== "bundle") log("  note: bin/isrs.js runs tsc's modules (no bundle, or an older one): run npm run build");
  const reportDir = mkdtempSync(join(tmpdir(), "isrs-bench-report-"));
  try {
    const cases = commandCases(root, { lavaan: version !== null, reportDir });
    const { timings, loadAverage } = measureCommands(cases, { rounds: opts.rounds, log });
    return { lavaanVersion: version, entry, rounds: opts.rounds, timings, loadAverage };
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}

/**
 * Table rows: each isrs command with its lavaan reference and how it stands against its target.
 * @param {CommandBench} r
 * @returns {import("./report.js").TableRow[]}
 */
export function commandRows(r) {
  const floor = r.timings.find((t) => t.name === "node -e 0")?.medianMs ?? null;
  const met = (/** @type {boolean} */ ok) => (ok ? "met" : "NOT met");
  /** @type {Record<string, (ms: number) => string>} */
  const target = {
    "isrs fit (HS CFA)": (ms) => {
      if (floor === null) return "";
      const ok = met(ms <= TARGETS.fitFloorRatio * floor);
      return `${(ms / floor).toFixed(2)}× node -e 0; target ≤ ${TARGETS.fitFloorRatio}× ${ok}`;
    },
    "isrs fit (SEM with :=)": (ms) => `target ≤ ${TARGETS.defineMs} ms ${met(ms <= TARGETS.defineMs)}`,
    "isrs fit --bootstrap 1000 (HS CFA)": (ms) => `target ≤ 1 s ${met(ms <= TARGETS.bootstrapMs)}`,
  };
  const skipped = r.lavaanVersion === null ? "skipped (no Rscript/lavaan)" : undefined;
  return r.timings
    .filter((t) => t.reference === null)
    .map((t) => {
      const ref = r.timings.find((x) => x.reference === t.name);
      const notes = [
        t.error !== null ? `error: ${t.error}` : "",
        t.medianMs !== null && target[t.name] ? target[t.name](t.medianMs) : "",
        t.name === "node -e 0" ? "the floor of any Node program" : "",
      ];
      return {
        case: `whole command: ${t.name}`,
        oursMs: t.medianMs,
        minMs: t.minMs,
        cpuMs: t.cpuMeanMs, // the mean: CPU time is counted in 10 ms ticks
        runs: t.samplesMs.length,
        lavaanMs: ref?.medianMs ?? null,
        lavaanNote: ref === undefined ? (t.name.startsWith("isrs fit") ? skipped : "–") : undefined,
        note: notes.filter((n) => n !== "").join("; "),
      };
    });
}
