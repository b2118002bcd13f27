/**
 * Whole-command timing: each command runs in a fresh process, from start-up to exit, as a user
 * runs it. The commands are interleaved round by round (round 1 runs each command once, then
 * round 2, ...), so that load from other work on the machine falls on all of them alike, and
 * the reference commands (`node -e 0`, the floor of any Node program; Rscript with lavaan) are
 * measured in the same run as ours. One untimed warm-up run of each command fills the file
 * cache first. CPU time (user + system of the child, all its threads) is read from
 * /proc/self/stat (Linux; clock ticks of 10 ms, so the mean over the runs is reported), and is
 * less sensitive to other load than wall time.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { median } from "./timing.js";

/**
 * @typedef {object} CommandCase
 * @property {string} name
 * @property {string} command
 * @property {string[]} args
 * @property {string} [cwd]
 * @property {number} [rounds]  at most this many timed runs (default: all rounds)
 * @property {string} [reference]  the name of the case this one is the reference for (e.g. lavaan's)
 * @property {boolean} [warmup]  an untimed run first (default true)
 */

/**
 * @typedef {object} CommandTiming
 * @property {string} name
 * @property {string} command    the command line, for the record
 * @property {string | null} reference
 * @property {string | null} error  why the command failed (it is then not timed further)
 * @property {number[]} samplesMs  wall time of each timed run
 * @property {number | null} medianMs
 * @property {number | null} minMs
 * @property {number[]} cpuSamplesMs  CPU time of each timed run (empty where not measurable)
 * @property {number | null} cpuMeanMs
 */

/** CPU time (user + system, ms) of this process's finished children so far, or null. */
export function childrenCpuMs() {
  try {
    // /proc/self/stat: "pid (comm) state ..."; after the comm, cutime and cstime are fields 14 and 15
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/**
 * Runs a command once, output discarded.
 * @param {CommandCase} c
 * @returns {{ ms: number, cpuMs: number | null, error: string | null }}
 */
export function runCommand(c) {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(c.command, c.args, { cwd: c.cwd, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const ms = performance.now() - t0;
  const cpu1 = childrenCpuMs();
  const cpuMs = cpu0 === null || cpu1 === null ? null : cpu1 - cpu0;
  // isrs exits 1 for a fit it prints but flags (not admissible): a run all the same
  const failed = r.error !== undefined || (r.status !== 0 && r.status !== 1);
  const why = r.error?.message ?? `exit ${r.status}: ${(r.stderr ?? "").trim().split("\n").slice(-1)[0] ?? ""}`;
  return { ms, cpuMs, error: failed ? why : null };
}

/**
 * Times every case: a warm-up run each, then `rounds` interleaved rounds.
 * @param {CommandCase[]} cases
 * @param {{ rounds: number, log: (s: string) => void }} opts
 * @returns {{ timings: CommandTiming[], loadAverage: { start: number[], end: number[] } }}
 */
export function measureCommands(cases, opts) {
  const start = loadavg().map((x) => +x.toFixed(2));
  /** @type {CommandTiming[]} */
  const timings = cases.map((c) => ({
    name: c.name,
    command: [c.command, ...c.args].join(" "),
    reference: c.reference ?? null,
    error: null,
    samplesMs: [],
    medianMs: null,
    minMs: null,
    cpuSamplesMs: [],
    cpuMeanMs: null,
  }));
  cases.forEach((c, i) => {
    const t = timings[i];
    if (c.warmup === false) return;
    t.error = runCommand(c).error;
    if (t.error !== null) opts.log(`  ${c.name}: not timed (${t.error})`);
  });
  for (let round = 0; round < opts.rounds; round++) {
    cases.forEach((c, i) => {
      const t = timings[i];
      if (t.error !== null || t.samplesMs.length >= (c.rounds ?? opts.rounds)) return;
      const r = runCommand(c);
      if (r.error !== null) t.error = r.error;
      t.samplesMs.push(r.ms);
      if (r.cpuMs !== null) t.cpuSamplesMs.push(r.cpuMs);
    });
  }
  for (const t of timings) {
    if (t.samplesMs.length === 0) continue;
    t.medianMs = median(t.samplesMs);
    t.minMs = Math.min(...t.samplesMs);
    t.cpuMeanMs = t.cpuSamplesMs.length > 0 ? t.cpuSamplesMs.reduce((a, b) => a + b, 0) / t.cpuSamplesMs.length : null;
    const cpu = t.cpuMeanMs === null ? "" : `, CPU ${t.cpuMeanMs.toFixed(0)} ms`;
    opts.log(
      `  ${t.name}: median ${t.medianMs.toFixed(0)} ms (min ${t.minMs.toFixed(0)}${cpu}) of ${t.samplesMs.length}`,
    );
  }
  return { timings, loadAverage: { start, end: loadavg().map((x) => +x.toFixed(2)) } };
}

/**
 * The version of lavaan Rscript loads, or null when Rscript or lavaan is missing.
 * @returns {string | null}
 */
export function lavaanVersion() {
  const r = spawnSync("Rscript", ["-e", 'cat(as.character(packageVersion("lavaan")))'], { encoding: "utf8" });
  return r.error === undefined && r.status === 0 ? r.stdout.trim() : null;
}
