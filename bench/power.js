/**
 * Monte Carlo power (isrs power), on the compiled engine (dist/):
 *   1. speed: 1,000 replications of the ISRS instrument's model at N = 151 drawn from its
 *      population model (continuous data), on worker threads over every core (target: under 10 s
 *      on 2 cores);
 *   2. the full-size check behind tests/power/montecarlo.test.ts: 2,000 replications of the
 *      second-order model of tests/fixtures/power at N = 151 and 300; the power of B ~ E must lie
 *      within 3 binomial standard deviations of lavaan's Satorra-Saris values (power.json: 0.857859,
 *      0.989608) and the coverage of the 95% intervals of the structural paths within 3 binomial
 *      standard deviations of 95%. Exits 1 when a check fails.
 * Run alone: `node bench/power.js [--no-proof]`; `npm run bench` runs it as one step (bench/run.js).
 */
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { monteCarloPower } from "../dist/power/montecarlo-run.js";
import { populationSigma } from "../dist/power/population.js";
import { parseModel } from "../dist/sem/syntax/index.js";
import { instrumentModelSyntax, loadInstrument, populationModel } from "../dist/instrument/index.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SATORRA_SARIS = { 151: 0.857859, 300: 0.989608 }; // lavaan 0.6.14, /work/shared/reference/power/power.json

const within3Sd = (share, p, reps) => Math.abs(share - p) <= 3 * Math.sqrt((p * (1 - p)) / reps);

/** @param {(s: string) => void} log */
export async function runPowerBench(log, { proof = true } = {}) {
  const workers = availableParallelism();
  const instr = loadInstrument();
  const pm = populationModel(instr);
  const spec = {
    model: instrumentModelSyntax(instr),
    modelFile: "instrument",
    names: pm.items,
    sigma: pm.sigma,
    cuts: null,
    ns: [151],
    reps: 1000,
    seed: 2026,
    alpha: 0.05,
  };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const isrs = await monteCarloPower(spec, { workers });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const out = {
    isrs: {
      reps: 1000,
      n: 151,
      threads: isrs.threads,
      seconds: +seconds.toFixed(2),
      cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
      converged: isrs.rows[0]?.converged,
    },
  };
  const load = loadavg()[0].toFixed(1);
  log(
    `  ISRS model, 1,000 replications at N = 151: ${seconds.toFixed(2)} s on ${isrs.threads} thread(s), ` +
      `CPU ${out.isrs.cpuSeconds} s (target: under 10 s wall on 2 cores; load average ${load})`,
  );
  // the robust path: each replication fitted from its rows, MLR with 10% MCAR cells by FIML
  const robustReps = 200;
  const tRobust = performance.now();
  const robust = await monteCarloPower({ ...spec, reps: robustReps, estimator: "MLR", missing: 0.1 }, { workers });
  const robustSeconds = (performance.now() - tRobust) / 1000;
  out.isrsMlrMissing = {
    reps: robustReps,
    n: 151,
    threads: robust.threads,
    seconds: +robustSeconds.toFixed(2),
    converged: robust.rows[0]?.converged,
  };
  log(`  ISRS model, MLR, 10% MCAR (FIML), ${robustReps} replications at N = 151: ${robustSeconds.toFixed(2)} s`);
  if (!proof) return out;
  const pop = populationSigma(parseModel(readFileSync(`${ROOT}tests/fixtures/power/population.lav`, "utf8")));
  const reps = 2000;
  const t1 = performance.now();
  const res = await monteCarloPower(
    {
      model: readFileSync(`${ROOT}tests/fixtures/power/model.lav`, "utf8"),
      modelFile: "model.lav",
      names: pop.names,
      sigma: pop.sigma,
      cuts: null,
      ns: [151, 300],
      reps,
      seed: 1985,
      alpha: 0.05,
    },
    { workers },
  );
  const checks = [];
  for (const n of [151, 300]) {
    const r = res.rows.find((x) => x.n === n && x.lhs === "B" && x.op === "~" && x.rhs === "E");
    checks.push({
      what: `power B ~ E, N = ${n}`,
      value: r.power,
      expected: SATORRA_SARIS[n],
      ok: within3Sd(r.power, SATORRA_SARIS[n], reps),
    });
    for (const name of ["B ~ E", "B ~ C", "C ~ G", "E ~ G"]) {
      const c = res.rows.find((x) => x.n === n && `${x.lhs} ${x.op} ${x.rhs}` === name);
      checks.push({
        what: `coverage ${name}, N = ${n}`,
        value: c.coverage,
        expected: 0.95,
        ok: within3Sd(c.coverage, 0.95, reps),
      });
    }
  }
  const proofSeconds = (performance.now() - t1) / 1000;
  for (const c of checks)
    log(`  ${c.ok ? "ok  " : "FAIL"} ${c.what}: ${c.value.toFixed(4)} (expected ${c.expected} ± 3 SD)`);
  log(`  check with ${reps} replications at N = 151 and 300: ${proofSeconds.toFixed(1)} s`);
  return { ...out, proof: { reps, seconds: +proofSeconds.toFixed(1), checks } };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const res = await runPowerBench((s) => console.log(s), { proof: !process.argv.includes("--no-proof") });
  if (res.proof && res.proof.checks.some((c) => !c.ok)) process.exitCode = 1;
}
