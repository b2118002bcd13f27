/**
 * `npm run bench`: times the compiled engine (dist/) against lavaan 0.6.14.
 *   1. the reference cases (tests/parity/lavaan-0.6.14 and, when present, tests/fixtures/extra),
 *      in this process: warm-up fits, then timed fits; lavaan's median from lavaan.json;
 *   1b. MLR on the bundled bfi data (lib/robust.js; lavaan's time from bench/lavaan-bfi-mlr.json);
 *   1d. WLSMV on the bfi items, every item ordered (lib/ordinal.js; lavaan timed in the same run by
 *       bench/lavaan-bfi-ordinal.R);
 *   1c. FIML on the bfi items with 3% missing, ML and MLR (lib/fiml.js; lavaan's times from
 *       bench/lavaan-bfi-fiml.json and bench/lavaan-bfi-mlr-fiml.json);
 *   2. simulated 100- and 200-indicator CFAs (N = 2000), each in a child process: fit time,
 *      peak memory and, for 100 indicators, the modification indices;
 *   3. 1,000 bootstrap draws of the HS CFA (lib/bootstrap.js) against lavaan's
 *      bench/lavaan-bootstrap.json;
 *   4. whole commands, each run a fresh process (lib/commands.js): isrs fit, a model with `:=`,
 *      the bootstrap, isrs report, against Rscript + lavaan and `node -e 0`, interleaved.
 * Prints a table, a Markdown table for the README, and writes bench/results.json.
 * Options: --quick (skip the 200-indicator model), --no-large (no simulated models),
 *          --no-bootstrap (skip the bootstrap case), --only-bootstrap (the bootstrap case alone,
 *          written into the results file under `bootstrap`, the rest of the file kept),
 *          --only-fiml (the FIML cases alone, written under `fiml` and `fimlMlr`, the rest of the file kept),
 *          --no-startup (skip the whole commands), --only-startup (the whole commands alone, written
 *          under `startup`, the rest of the file kept), --startup-rounds=N (default 10),
 *          --out=FILE (results file; default bench/results.json).
 * See bench/README.md.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { bootstrapRows, runBootstrapBench } from "./lib/bootstrap.js";
import { commandRows, runCommandBench } from "./lib/commands.js";
import { LARGE_CASES, runLargeCases } from "./lib/large-suite.js";
import { caseNote, runReferenceCases } from "./lib/reference.js";
import { robustRow, runRobustCase } from "./lib/robust.js";
import { fimlRow, runFimlCase } from "./lib/fiml.js";
import { runCsvBench } from "./lib/csv.js";
import { ordinalRow, runOrdinalCase } from "./lib/ordinal.js";
import { runPlsBench } from "./pls.js";
import { runPlsResampleBench } from "./pls-resample.js";
import { runOrdinalStatsBench } from "./ordinal-stats.js";
import { runAppBench } from "./app.js";
import { largeDetails, markdownTable, textTable } from "./lib/report.js";
import { runInvarianceBench } from "./invariance.js";
import { runPowerBench } from "./power.js";

/** @typedef {import("./lib/report.js").TableRow} TableRow */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const REFERENCE_ROOTS = [
  { root: `${ROOT}tests/parity/lavaan-0.6.14`, source: "parity" },
  { root: `${ROOT}tests/fixtures/extra`, source: "extra" },
  { root: `${ROOT}tests/fixtures/robust`, source: "robust" },
];
/** @type {Partial<import("./lib/timing.js").TimingPlan>} */
const PLAN = { warmup: 5, warmupBudgetMs: 1000, maxRuns: 30, minRuns: 5, budgetMs: 2000 };

/**
 * @param {string[]} argv
 * @returns {{ quick: boolean, large: boolean, reference: boolean, bootstrap: boolean, onlyFiml: boolean,
 *   startup: boolean, onlyStartup: boolean, startupRounds: number, out: string }}
 */
function parseArgs(argv) {
  const out = argv.find((a) => a.startsWith("--out="))?.slice(6) ?? `${ROOT}bench/results.json`;
  const onlyFiml = argv.includes("--only-fiml");
  const onlyStartup = argv.includes("--only-startup");
  const only = argv.includes("--only-bootstrap") || onlyFiml || onlyStartup;
  const rounds = Number(argv.find((a) => a.startsWith("--startup-rounds="))?.slice(17) ?? 10);
  return {
    quick: argv.includes("--quick"),
    large: !only && !argv.includes("--no-large"),
    reference: !only,
    bootstrap: !onlyFiml && !onlyStartup && !argv.includes("--no-bootstrap"),
    onlyFiml,
    startup: onlyStartup || (!only && !argv.includes("--no-startup")),
    onlyStartup,
    startupRounds: Number.isInteger(rounds) && rounds > 0 ? rounds : 10,
    out,
  };
}

/**
 * The machine and the engine version the numbers belong to.
 * @returns {Record<string, unknown>}
 */
function environment() {
  /** @param {string[]} args */
  const git = (args) => {
    try {
      return execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
    } catch {
      return null;
    }
  };
  const c = cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: c.length,
    cpuModel: c[0]?.model ?? "unknown",
    totalMemoryGB: +(totalmem() / 2 ** 30).toFixed(1),
    loadAverageAtStart: loadavg().map((x) => +x.toFixed(2)),
    commit: git(["rev-parse", "HEAD"]),
    srcModified: (git(["status", "--porcelain", "--", "src"]) ?? "") !== "",
  };
}

/**
 * Table rows for the large models (fit, and modification indices where run).
 * @param {import("./lib/large-suite.js").LargeCaseResult[]} large
 * @returns {TableRow[]}
 */
function largeRows(large) {
  /** @type {TableRow[]} */
  const rows = [];
  for (const c of large) {
    const r = c.result;
    const note =
      r === null
        ? `error: ${c.error}`
        : `${r.fit.converged ? "converged" : "NOT converged"}; peak RSS ${Math.round(r.memory.afterFits.maxRssMB)} MB`;
    rows.push({
      case: c.name,
      oursMs: r?.medianMs ?? null,
      minMs: r?.minMs ?? null,
      cpuMs: r?.cpuMedianMs ?? null,
      runs: r ? Math.max(1, r.fitMs.length) : null,
      lavaanMs: c.lavaan.fitMs,
      lavaanNote: c.lavaan.fitNote,
      note,
    });
    if (r?.modindices) {
      rows.push({
        case: `${c.name.replace(" (simulated)", "")} + modindices (simulated)`,
        oursMs: r.modindices.ms,
        cpuMs: r.modindices.cpuMs,
        runs: 1,
        lavaanMs: c.lavaan.modindicesMs,
        lavaanNote: c.lavaan.modindicesNote,
        note: `${r.modindices.count} indices`,
      });
    }
  }
  return rows;
}

/**
 * The results file as it is, or an empty object.
 * @param {string} file
 * @returns {Record<string, unknown>}
 */
function previousResults(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return {};
  }
}

/**
 * What a partial run (--only-fiml, --only-startup, --only-bootstrap) writes over the results
 * file; the rest of the file is kept.
 * @param {ReturnType<typeof parseArgs>} args
 * @param {{ fiml: unknown, fimlMlr: unknown, bootstrap: unknown, startup: unknown }} parts
 * @param {Record<string, unknown>} machine
 * @returns {Record<string, unknown>}
 */
function partialResults(args, parts, machine) {
  const stamp = (/** @type {unknown} */ x) => x && { .../** @type {object} */ (x), environment: machine };
  if (args.onlyFiml) return { fiml: stamp(parts.fiml), fimlMlr: stamp(parts.fimlMlr) };
  if (args.onlyStartup) return { startup: stamp(parts.startup) };
  return { bootstrap: stamp(parts.bootstrap) };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const log = (/** @type {string} */ s) => console.log(s);
  const env = environment();
  log(`isrs benchmark: node ${env.node}, ${env.cpus} CPUs (${env.cpuModel}), load ${String(env.loadAverageAtStart)}`);
  if (args.reference) log("\nreference cases (in process; warm-up, then timed fits):");
  const reference = args.reference ? await runReferenceCases(REFERENCE_ROOTS, PLAN, log) : [];
  if (args.reference) log("\nrobust ML on the bfi data (in process):");
  const robust = args.reference ? await runRobustCase(ROOT, PLAN, log) : null;
  if (args.reference) log("\nordinal items (WLSMV) on the bfi data (in process; lavaan in the same run):");
  const ordinalFit = args.reference ? await runOrdinalCase(ROOT, PLAN, log) : null;
  if (args.reference) log("\nfull-information ML on the bfi data with 3% missing (in process):");
  if (args.onlyFiml) log("\nfull-information ML on the bfi data with 3% missing (in process):");
  const fiml = args.reference || args.onlyFiml ? await runFimlCase(ROOT, PLAN, log, "ML") : null;
  const fimlMlr = args.reference || args.onlyFiml ? await runFimlCase(ROOT, PLAN, log, "MLR") : null;
  if (args.reference) log("\nCSV ingestion, 72 indicators × 5000 rows (lib/csv.js; in process):");
  const csv = args.reference ? await runCsvBench(log) : null;
  if (args.reference)
    log("\nordinal sample statistics, polychoric matrix and diag(Gamma) (bench/ordinal-stats.js; in process):");
  const ordinal = args.reference ? await runOrdinalStatsBench(log) : null;
  if (args.reference) log("\nmeasurement invariance, HS by school (bench/invariance.js; in process):");
  const invariance = args.reference ? await runInvarianceBench(ROOT, PLAN, log) : null;
  if (args.reference) log("\nPLS path models against seminr 2.3.1's stored timings (bench/pls.js; in process):");
  const pls = args.reference ? await runPlsBench(ROOT, log) : null;
  const app = args.reference ? await runAppBench(log) : null;
  if (args.reference)
    log("\nPLS bootstrap and PLSpredict against seminr 2.3.1's stored timings (bench/pls-resample.js):");
  const plsResample = args.reference ? await runPlsResampleBench(ROOT, log) : null;
  const cases = args.quick ? LARGE_CASES.filter((c) => c.spec.factors * c.spec.perFactor <= 100) : LARGE_CASES;
  /** @type {import("./lib/large-suite.js").LargeCaseResult[]} */
  let large = [];
  if (args.large) {
    log("\nlarge simulated models (one child process each):");
    large = await runLargeCases(cases, log);
  }
  let bootstrap = null;
  if (args.bootstrap) {
    log("\nbootstrap (in process, worker threads; then the whole command in a child process):");
    bootstrap = await runBootstrapBench(log);
  }
  let power = null;
  if (args.reference && args.bootstrap) {
    log("\nMonte Carlo power (in process, worker threads):");
    power = await runPowerBench(log);
  }
  let startup = null;
  if (args.startup) {
    log(`\nwhole commands, a fresh process each, ${args.startupRounds} interleaved rounds:`);
    startup = runCommandBench(ROOT, log, { rounds: args.startupRounds });
  }
  /** @type {TableRow[]} */
  const rows = [
    ...reference.map((r) => ({
      case: r.case,
      oursMs: r.medianMs,
      minMs: r.minMs,
      cpuMs: r.cpuMedianMs,
      runs: r.runs,
      lavaanMs: r.lavaanMedianMs,
      note: caseNote(r),
    })),
    ...(robust === null ? [] : [robustRow(robust)]),
    ...(ordinalFit === null ? [] : [ordinalRow(ordinalFit)]),
    ...[fiml, fimlMlr].flatMap((f) => (f === null ? [] : [fimlRow(f)])),
    ...largeRows(large),
    ...(bootstrap === null ? [] : bootstrapRows(bootstrap)),
    ...(startup === null ? [] : commandRows(startup)),
  ];
  log("\nper fit, ms: median and min wall time, median CPU time; speed-up = lavaan median / our median (wall)\n");
  log(textTable(rows));
  for (const c of large) log("\n" + largeDetails(c).join("\n"));
  log("\nMarkdown (README):\n");
  log(markdownTable(rows));
  const machine = { ...env, loadAverageAtEnd: loadavg().map((x) => +x.toFixed(2)) };
  const results = args.reference
    ? {
        environment: machine,
        plan: PLAN,
        reference,
        robust,
        ordinalFit,
        fiml,
        fimlMlr,
        csv,
        ordinal,
        invariance,
        pls,
        app,
        plsResample,
        large,
        bootstrap: bootstrap && { ...bootstrap, environment: machine },
        power,
        startup: startup && { ...startup, environment: machine },
      }
    : { ...previousResults(args.out), ...partialResults(args, { fiml, fimlMlr, bootstrap, startup }, machine) };
  writeFileSync(args.out, JSON.stringify(results, null, 2) + "\n");
  log(`\nresults written to ${args.out}`);
}

await main();
