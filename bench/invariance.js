/**
 * The invariance benchmark: `isrs invariance` on Holzinger & Swineford by school (the 3-factor
 * CFA, N = 301, two groups), in this process, timed like the reference cases:
 *   - "four steps": configural, metric, scalar and strict fitted and compared, with the score
 *     tests of the scalar model (lavTestScore's 15 constraints) — the target, < 0.2 s;
 *   - "default run": the whole default analysis (partial search by score tests, two partial
 *     scalar models, strict, latent variances and means compared: 8 fits);
 *   - "ordinal": the default run with every item cut into 3 categories (--ordered all, WLSMV:
 *     satorra.2000 tests, score tests of the thresholds, two partial scalar models, latent tests).
 * Run alone with `node bench/invariance.js` (after `npm run build`), or from bench/run.js.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readTable } from "../dist/sem/data/read-file.js";
import { parseModel } from "../dist/sem/syntax/index.js";
import { fitModel } from "../dist/sem/fit-model.js";
import { runInvariance } from "../dist/invariance/run.js";
import { scoreTests, equalityReleases } from "../dist/invariance/score.js";
import { stepInput } from "../dist/invariance/model.js";
import { compareSteps } from "../dist/invariance/compare.js";
import { measure } from "./lib/timing.js";

export const INVARIANCE_TARGET_MS = 200;

/**
 * @param {string} root  project root (with a trailing slash)
 * @param {Partial<import("./lib/timing.js").TimingPlan>} plan
 * @param {(line: string) => void} log
 */
export async function runInvarianceBench(root, plan, log) {
  const dir = `${root}tests/fixtures/invariance/hs-school/`;
  const data = readTable(`${dir}data.csv`);
  const syntax = parseModel(readFileSync(`${dir}model.lav`, "utf8"), { file: "model.lav" });
  const base = { syntax, data, options: { group: "school" } };
  const steps = /** @type {const} */ (["configural", "metric", "scalar", "strict"]);
  const fourSteps = async () => {
    const fits = [];
    for (const s of steps) fits.push(await fitModel(stepInput(base, s, [], 2)));
    for (let i = 1; i < fits.length; i++)
      compareSteps({ less: fits[i - 1].fit, more: fits[i].fit, robust: false, ntotal: 301, ngroups: 2 }, "cfi");
    const all = equalityReleases(fits[2]);
    return scoreTests(fits[2], all, all);
  };
  const check = await fourSteps();
  const four = await measure(fourSteps, plan);
  const settings = { steps: [...steps], criterion: "cfi", partial: { mode: "auto" } };
  const full = await measure(() => runInvariance(base, settings), plan);
  const odir = `${root}tests/fixtures/invariance-ordinal/`;
  const obase = {
    syntax: parseModel(readFileSync(`${odir}hs.lav`, "utf8"), { file: "hs.lav" }),
    data: readTable(`${odir}hs-cat3.csv`),
    options: { group: "school", ordered: true },
  };
  const ordinal = await measure(() => runInvariance(obase, settings), plan);
  const rows = [
    { case: "HS by school: four steps + scalar score tests", ...pick(four), target: INVARIANCE_TARGET_MS },
    { case: "HS by school: default run (partial search, latent tests; 8 fits)", ...pick(full), target: null },
    { case: "HS 3-category items, WLSMV: default run (7 fits)", ...pick(ordinal), target: null },
  ];
  for (const r of rows)
    log(`  ${r.case.padEnd(66)} ${r.medianMs.toFixed(1).padStart(8)} ms (min ${r.minMs.toFixed(1)}, ${r.runs} runs)`);
  log(`  (score test total X² ${check.total.X2?.toFixed(3)}, lavaan 46.956)`);
  return rows;
}

/** @param {{ medianMs: number, minMs: number, runs: number, cpuMedianMs: number }} t */
function pick(t) {
  return { medianMs: t.medianMs, minMs: t.minMs, runs: t.runs, cpuMedianMs: t.cpuMedianMs };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  await runInvarianceBench(root, {}, (s) => console.log(s));
}
