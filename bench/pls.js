/**
 * PLS path modelling against seminr 2.3.1: one estimate of each reference case of tests/fixtures/pls
 * (the estimate alone, as seminr's `estimate_pls()` timing in seminr.json: data already read and
 * mean-replaced; the quality criteria, f² included, are timed separately as "summary").
 * seminr's time is `seminr_seconds_median` of the case's seminr.json (median of 5 in-process runs
 * on a shared 2-core machine; seminr is not installed here, so the stored figure is the yardstick).
 * Each timed run does BATCH estimates, and the figure is per estimate.
 *
 *   node bench/pls.js            # after `npm run build` (times dist/)
 * `bench/run.js` runs it with the reference cases and writes the results under `pls`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { measure } from "./lib/timing.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CASES = [
  ["mobi-simple", {}],
  ["mobi-modeb", {}],
  ["mobi-plsc", { plsc: true }],
  ["corp-rep-hoc", {}],
];
const BATCH = 20;

/**
 * @param {string} root
 * @param {(s: string) => void} log
 */
export async function runPlsBench(root = ROOT, log = console.log) {
  const { tableFromText } = await import(`${root}dist/sem/data/csv.js`);
  const pls = await import(`${root}dist/pls/index.js`);
  const out = [];
  for (const [name, options] of CASES) {
    const dir = `${root}tests/fixtures/pls/${name}/`;
    const spec = pls.parsePlsModel(readFileSync(`${dir}model.pls`, "utf8"), name);
    const table = tableFromText(readFileSync(`${dir}data.csv`, "utf8"), name);
    const data = pls.preparePlsData(pls.columnsFromTable(table, spec), spec, options);
    const seminr = JSON.parse(readFileSync(`${dir}seminr.json`, "utf8"));
    const est = pls.estimatePls(data, spec, options);
    const check = est.iterations === seminr.iterations ? "iterations as seminr" : "ITERATIONS DIFFER";
    const t = await measure(
      () => {
        for (let i = 0; i < BATCH; i++) pls.estimatePls(data, spec, options);
      },
      { warmup: 20, warmupBudgetMs: 2000 },
    );
    const q = await measure(() => pls.plsQuality(est, data, spec, options), { maxRuns: 10, budgetMs: 1000 });
    const row = {
      case: name,
      estimateMedianMs: t.medianMs / BATCH,
      estimateMinMs: t.minMs / BATCH,
      summaryMedianMs: q.medianMs,
      seminrMs: seminr.seminr_seconds_median * 1000,
      speedup: (seminr.seminr_seconds_median * 1000) / (t.medianMs / BATCH),
      check,
    };
    out.push(row);
    log(
      `  ${name.padEnd(14)} estimate ${row.estimateMedianMs.toFixed(3)} ms (min ${row.estimateMinMs.toFixed(3)})` +
        `, summary with f² ${row.summaryMedianMs.toFixed(1)} ms; seminr ${row.seminrMs.toFixed(0)} ms` +
        ` (x${row.speedup.toFixed(0)}); ${check}`,
    );
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log("PLS estimate vs seminr 2.3.1 (stored timings), per estimate:");
  await runPlsBench();
}
