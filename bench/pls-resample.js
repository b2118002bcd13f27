/**
 * PLS resampling against seminr 2.3.1's stored timings (seminr is not installed here; the
 * yardsticks are `seminr_seconds_median` of the reference cases, each the median of 5 in-process
 * runs on a shared 2-core machine at nice 5):
 *   - bootstrap: 2,000 resamples of mobi-simple (mobi-boot: `bootstrap_model(nboot = 2000)` on
 *     seminr's default 2 worker processes, cluster start-up included), on every core (worker
 *     threads, their start-up included);
 *   - PLSpredict: leave-one-out of mobi-simple (mobi-predict: `predict_pls(noFolds = NULL)`,
 *     250 folds, 2 worker processes), in one thread.
 * The goal of each is at least 10x seminr. Each is run RUNS times; the median wall time counts.
 *
 *   node bench/pls-resample.js      # after `npm run build` (times dist/)
 * `bench/run.js` runs it after the PLS estimate bench and writes the results under `plsResample`.
 */
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNS = 3;

/** Median of numbers. @param {number[]} xs */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length;
  return m % 2 === 1 ? s[(m - 1) / 2] : (s[m / 2 - 1] + s[m / 2]) / 2;
}

/**
 * Wall times and the CPU time of the whole process (worker threads included), in seconds: on a
 * machine shared with other work the CPU time says what the run costs, the wall time what it took.
 * @param {() => Promise<unknown> | unknown} f
 * @returns {Promise<{ wall: number[], cpu: number[] }>}
 */
async function times(f) {
  const wall = [];
  const cpu = [];
  for (let i = 0; i < RUNS; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await f();
    wall.push((performance.now() - t) / 1000);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1e6);
  }
  return { wall, cpu };
}

/**
 * @param {string} root
 * @param {(s: string) => void} log
 */
export async function runPlsResampleBench(root = ROOT, log = console.log) {
  const { tableFromText } = await import(`${root}dist/sem/data/csv.js`);
  const pls = await import(`${root}dist/pls/index.js`);
  const { bootstrapPls } = await import(`${root}dist/pls/bootstrap/index.js`);
  const { plsPredict } = await import(`${root}dist/pls/predict/index.js`);
  const dir = `${root}tests/fixtures/pls-resample/`;
  const load = (/** @type {string} */ name) => {
    const spec = pls.parsePlsModel(readFileSync(`${dir}${name}/model.pls`, "utf8"), name);
    const table = tableFromText(readFileSync(`${dir}${name}/data.csv`, "utf8"), name);
    const data = pls.preparePlsData(pls.columnsFromTable(table, spec), spec);
    const seminr = JSON.parse(readFileSync(`${dir}${name}/seminr.json`, "utf8"));
    return { spec, data, est: pls.estimatePls(data, spec), seminr };
  };
  const workers = availableParallelism();
  const out = { environment: { cores: workers, loadAverageAtStart: loadavg().map((x) => +x.toFixed(2)) }, rows: [] };

  const b = load("mobi-boot");
  let boot = null;
  const bootTimes = await times(async () => {
    boot = await bootstrapPls(b.data, b.spec, b.est, {}, { draws: 2000, seed: 123, workers });
  });
  out.rows.push(
    row(
      "bootstrap, mobi-simple, 2000 resamples",
      bootTimes,
      b.seminr,
      `${boot.threads} threads, ${boot.draws.successful} used`,
    ),
  );
  // the same 2000 resamples as seminr drew (boot_indices.csv): the check that the run is seminr's
  const idx = gunzipSync(readFileSync(`${dir}mobi-boot/boot_indices.csv.gz`))
    .toString("utf8")
    .trim()
    .split("\n")
    .slice(1);
  const resamples = idx.map((l) => Int32Array.from(l.split(",").slice(1), (s) => Number(s) - 1));
  const same = await bootstrapPls(b.data, b.spec, b.est, {}, { draws: 2000, seed: 123, workers, resamples });
  const refSd = b.seminr.bootstrap.paths[0].boot_sd;
  const check = Math.abs(same.tables.paths[0].sd - refSd) < 1e-6 ? "seminr's resamples: sd as seminr" : "SD DIFFERS";
  out.rows[0].check = check;

  const p = load("mobi-predict");
  const predTimes = await times(() => plsPredict(p.data, p.spec, p.est, {}, { folds: "loo" }));
  out.rows.push(row("PLSpredict LOO, mobi-simple, 250 folds", predTimes, p.seminr, "1 thread"));
  for (const r of out.rows)
    log(
      `  ${r.case.padEnd(40)} ${r.medianSeconds.toFixed(2)} s (runs ${r.runs.map((x) => x.toFixed(2)).join(", ")};` +
        ` CPU ${r.cpuMedianSeconds.toFixed(2)} s);` +
        ` seminr ${r.seminrSeconds.toFixed(1)} s: x${r.speedup.toFixed(1)}` +
        `${r.speedup >= 10 ? "" : " (BELOW the 10x goal)"}; ${r.note}` +
        `${r.check === undefined ? "" : `; ${r.check}`}`,
    );
  out.environment.loadAverageAtEnd = loadavg().map((x) => +x.toFixed(2));
  return out;
}

/**
 * @param {string} name
 * @param {{ wall: number[], cpu: number[] }} runs
 * @param {{ seminr_seconds_median: number }} seminr
 * @param {string} note
 */
function row(name, runs, seminr, note) {
  const m = median(runs.wall);
  return {
    case: name,
    medianSeconds: m,
    runs: runs.wall,
    cpuMedianSeconds: median(runs.cpu),
    seminrSeconds: seminr.seminr_seconds_median,
    speedup: seminr.seminr_seconds_median / m,
    note,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(
    `PLS resampling vs seminr 2.3.1 (stored timings; seminr not installed), load ${loadavg()[0].toFixed(1)}:`,
  );
  await runPlsResampleBench();
}
