/**
 * The FIML benchmark: full-information ML on the bfi items with about 3% of the cells missing
 * (tests/fixtures/extra/bfi-fiml-3pct: 2,800 rows × 25 items, the bundled bfi data with cells
 * deleted completely at random by tests/fixtures/extra/cases-fiml.R, seed 2800), five-factor
 * CFA, timed in this process like the reference cases, under ML and under MLR. One fit includes
 * the EM h1 model, the observed-information standard errors (MLR: the sandwich and the
 * Yuan-Bentler scaled test) and every fit measure.
 * lavaan's time is measured by bench/lavaan-bfi-fiml.R (in process, median of several cfa()
 * calls, and separately of fitMeasures()) and read from bench/lavaan-bfi-fiml.json (ML) and
 * bench/lavaan-bfi-mlr-fiml.json (MLR).
 * Target (issue, ML): at least 10× faster than lavaan; the issue puts lavaan at 2.4 s in process
 * (ISSUE_LAVAAN_MS), while the lavaan measured on this machine is slower; both ratios are given.
 */
import { existsSync, readFileSync } from "node:fs";
import { readTable } from "../../dist/sem/data/read-file.js";
import { parseModel } from "../../dist/sem/syntax/index.js";
import { fitModel } from "../../dist/sem/fit-model.js";
import { toFitResult } from "../../dist/sem/views.js";
import { measure } from "./timing.js";
import { speedup } from "./report.js";

export const FIML_TARGET_SPEEDUP = 10;
/** lavaan's time for the ML case as the issue states it (2.4 s in process). */
export const ISSUE_LAVAAN_MS = 2400;

/** lavaan's timing file of each estimator. */
const LAVAAN_FILES = { ML: "bench/lavaan-bfi-fiml.json", MLR: "bench/lavaan-bfi-mlr-fiml.json" };

/**
 * @param {string} root  project root (with a trailing slash)
 * @param {Partial<import("./timing.js").TimingPlan>} plan
 * @param {(line: string) => void} log
 * @param {"ML" | "MLR"} [estimator]
 */
export async function runFimlCase(root, plan, log, estimator = "ML") {
  const dir = `${root}tests/fixtures/extra/bfi-fiml-3pct/`;
  const data = readTable(`${dir}data.csv`);
  const syntax = parseModel(readFileSync(`${dir}model.lav`, "utf8"), { file: `${dir}model.lav` });
  const input = { syntax, data, options: { missing: "fiml", estimator } };
  const check = toFitResult(await fitModel(input));
  const t = await measure(() => fitModel(input).then(toFitResult), plan);
  const lavFile = `${root}${LAVAAN_FILES[estimator]}`;
  const lav = existsSync(lavFile) ? JSON.parse(readFileSync(lavFile, "utf8")) : null;
  /** @param {string} k */
  const ms = (k) => (lav && typeof lav[k] === "number" ? lav[k] * 1000 : null);
  const result = {
    case: `bfi five-factor CFA, FIML${estimator === "ML" ? "" : ` + ${estimator}`} (2,800 × 25, 3% missing)`,
    estimator,
    nobs: check.nobs[0],
    converged: check.converged,
    patterns: check.missingPatterns?.[0] ?? null,
    chisq: check.fit.chisq,
    lavaanChisq: lav?.chisq ?? null,
    runs: t.runs,
    medianMs: t.medianMs,
    minMs: t.minMs,
    cpuMedianMs: t.cpuMedianMs,
    samplesMs: t.samplesMs,
    lavaanMedianMs: ms("wall_seconds_median"),
    lavaanCpuMedianMs: ms("cpu_seconds_median"),
    lavaanFitMeasuresMedianMs: ms("fitmeasures_wall_seconds_median"),
    lavaanLoadAverage: lav?.load_average ?? null,
    speedup: speedup(ms("wall_seconds_median"), t.medianMs),
    cpuSpeedup: speedup(ms("cpu_seconds_median"), t.cpuMedianMs),
    issueLavaanMs: estimator === "ML" ? ISSUE_LAVAAN_MS : null,
    issueSpeedup: estimator === "ML" ? speedup(ISSUE_LAVAAN_MS, t.medianMs) : null,
    target: estimator === "ML" ? FIML_TARGET_SPEEDUP : null,
  };
  const lavText =
    result.lavaanMedianMs === null
      ? "not measured"
      : `${result.lavaanMedianMs.toFixed(0)} ms (CPU ${result.lavaanCpuMedianMs?.toFixed(0)} ms)`;
  log(
    `  bfi FIML ${estimator}: ${t.medianMs.toFixed(1)} ` +
      `ms median of ${t.runs} (CPU ` +
      `${t.cpuMedianMs.toFixed(1)} ms); lavaan cfa() ${lavText}`,
  );
  return result;
}

/**
 * The table row of the FIML case.
 * @param {Awaited<ReturnType<typeof runFimlCase>>} r
 * @returns {import("./report.js").TableRow}
 */
export function fimlRow(r) {
  const same = r.lavaanChisq !== null && Math.abs(r.chisq - r.lavaanChisq) <= 1e-3 * Math.abs(r.lavaanChisq);
  const target =
    r.target === null
      ? ""
      : `; target ≥ ${r.target}× ` +
        `${r.issueSpeedup !== null && r.issueSpeedup >= r.target ? "met" : "NOT met"} ` +
        `against the issue's ` +
        `lavaan ${(r.issueLavaanMs / 1000).toFixed(1)} s (${r.issueSpeedup?.toFixed(1)}×)`;
  return {
    case: r.case,
    oursMs: r.medianMs,
    minMs: r.minMs,
    cpuMs: r.cpuMedianMs,
    runs: r.runs,
    lavaanMs: r.lavaanMedianMs,
    note: `N = ${r.nobs}, ${r.patterns} patterns; χ² ${same ? "= lavaan" : "differs from lavaan"}${target}`,
  };
}
