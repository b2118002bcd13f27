/**
 * Wall-clock timing of an async task in the current process: warm-up runs (not recorded),
 * then timed runs until a count or a time budget is reached, summarized by median and min.
 */

/**
 * @typedef {object} TimingPlan
 * @property {number} warmup        warm-up runs (at most; see warmupBudgetMs)
 * @property {number} warmupBudgetMs stop warming up once this much time has been spent (at least one run)
 * @property {number} maxRuns       timed runs (at most)
 * @property {number} minRuns       timed runs (at least, whatever the budget)
 * @property {number} budgetMs      stop timing once this much time has been spent and minRuns are done
 */

/**
 * @typedef {object} TimingSummary
 * @property {number} runs     timed runs
 * @property {number} warmups  warm-up runs
 * @property {number} medianMs
 * @property {number} minMs
 * @property {number} maxMs
 * @property {number[]} samplesMs every timed run, in order
 * @property {number} cpuMedianMs  median CPU time (user + system, all threads of the process) per run:
 *   close to the wall time on an idle machine, and less sensitive to other load
 */

/** @type {TimingPlan} */
export const DEFAULT_PLAN = { warmup: 5, warmupBudgetMs: 1000, maxRuns: 30, minRuns: 5, budgetMs: 2000 };

/**
 * Median of a list of numbers (mean of the two middle values for an even count).
 * @param {number[]} xs
 * @returns {number}
 */
export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Runs `task` once and returns its wall time and CPU time in milliseconds with its result.
 * @template T
 * @param {() => Promise<T> | T} task
 * @returns {Promise<{ ms: number, cpuMs: number, value: T }>}
 */
export async function timeOnce(task) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await task();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, value };
}

/**
 * Warms up, then times `task` according to `plan`.
 * @param {() => Promise<unknown> | unknown} task
 * @param {Partial<TimingPlan>} [plan]
 * @returns {Promise<TimingSummary>}
 */
export async function measure(task, plan = {}) {
  const p = { ...DEFAULT_PLAN, ...plan };
  let warmups = 0;
  const w0 = performance.now();
  while (warmups < p.warmup && (warmups === 0 || performance.now() - w0 < p.warmupBudgetMs)) {
    await task();
    warmups++;
  }
  /** @type {number[]} */
  const samples = [];
  /** @type {number[]} */
  const cpu = [];
  const t0 = performance.now();
  while (samples.length < p.maxRuns && (samples.length < p.minRuns || performance.now() - t0 < p.budgetMs)) {
    const t = await timeOnce(task);
    samples.push(t.ms);
    cpu.push(t.cpuMs);
  }
  return {
    runs: samples.length,
    warmups,
    medianMs: median(samples),
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
    samplesMs: samples,
    cpuMedianMs: median(cpu),
  };
}
