/**
 * The ordinal sample statistics (dist/sem/ordinal/stats): thresholds, the polychoric matrix and the
 * diagonal of its asymptotic covariance Gamma (the DWLS weight matrix), for 100 five-category
 * items and N = 2,000 (target: under 1 s), in this process. Also timed, once formed on demand:
 * the casewise influence matrix Z (m × N, Gamma = Z Zᵀ / N) and, for 25 items, the full Gamma
 * (for 100 items it is m² = 5,350² numbers, 229 MB, and N m² / 2 = 29 · 10⁹ multiply-adds: timed
 * only with --full-gamma).
 * The items: one factor, loadings 0.4 to 0.8, cut at -1.2, -0.3, 0.4, 1.1 (seeded, mulberry32).
 * Run alone: `node bench/ordinal-stats.js [--full-gamma]` (after `npm run build`); `npm run bench`
 * runs it too (bench/run.js).
 */
import { fileURLToPath } from "node:url";
import { ordinalStats } from "../dist/sem/ordinal/stats/index.js";
import { mulberry32, normalGenerator } from "./lib/simulate.js";
import { measure } from "./lib/timing.js";

export const ORDINAL_STATS_TARGET_MS = 1000;
const CUTS = [-1.2, -0.3, 0.4, 1.1];

/**
 * @param {number} p items
 * @param {number} n rows
 * @returns {Float64Array[]}
 */
function drawItems(p, n) {
  const uniform = mulberry32(20261);
  const normal = normalGenerator(uniform);
  const cols = Array.from({ length: p }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const f = normal();
    for (let j = 0; j < p; j++) {
      const l = 0.4 + (0.4 * (j % 5)) / 4;
      const y = l * f + Math.sqrt(1 - l * l) * normal();
      cols[j][i] = 1 + CUTS.filter((c) => y > c).length;
    }
  }
  return cols;
}

/**
 * @param {Float64Array[]} cols
 */
function statsOf(cols) {
  const specs = cols.map((_, j) => ({ name: `y${j + 1}`, ordered: true }));
  return ordinalStats([cols], specs, { missing: "listwise" }).groups[0];
}

/**
 * @param {(s: string) => void} log
 * @param {{ fullGamma?: boolean }} [options]
 */
export async function runOrdinalStatsBench(log, options = {}) {
  const plan = { warmup: 2, warmupBudgetMs: 3000, maxRuns: 10, minRuns: 5, budgetMs: 6000 };
  const big = drawItems(100, 2000);
  const stats = await measure(() => statsOf(big), plan);
  const m = statsOf(big).wlsObs.length;
  log(
    `  100 items, N = 2000, m = ${m}: thresholds, polychoric matrix, diag(Gamma): ` +
      `median ${stats.medianMs.toFixed(0)} ms` +
      ` (CPU ${stats.cpuMedianMs.toFixed(0)} ms; target < ${ORDINAL_STATS_TARGET_MS} ms)`,
  );
  const influence = await measure(() => statsOf(big).influence, { ...plan, maxRuns: 5, minRuns: 3 });
  log(`  the same + the influence matrix Z (${m} × 2000): median ${influence.medianMs.toFixed(0)} ms`);
  const small = drawItems(25, 2000);
  const full25 = await measure(() => statsOf(small).gamma, plan);
  log(
    `  25 items, N = 2000: statistics + full Gamma (${statsOf(small).wlsObs.length}²): ` +
      `median ${full25.medianMs.toFixed(0)} ms`,
  );
  let full100 = null;
  if (options.fullGamma) {
    full100 = await measure(() => statsOf(big).gamma, {
      warmup: 0,
      warmupBudgetMs: 0,
      maxRuns: 1,
      minRuns: 1,
      budgetMs: 0,
    });
    log(`  100 items: statistics + full Gamma (${m}²): ${full100.medianMs.toFixed(0)} ms`);
  }
  return { m, stats, influence, full25, full100, targetMs: ORDINAL_STATS_TARGET_MS };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runOrdinalStatsBench((s) => console.log(s), { fullGamma: process.argv.includes("--full-gamma") });
}
