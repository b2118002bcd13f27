/**
 * The robust-ML benchmark: MLR on the bfi data as bundled (datasets/big-five-inventory,
 * 2,800 rows × 25 items with the respondents' missing values; listwise deletion keeps 2,436),
 * five-factor CFA (five-factor.lav), timed in this process like the reference cases.
 * lavaan's time is measured by bench/lavaan-bfi-mlr.R (in process, median of several fits) and
 * read from bench/lavaan-bfi-mlr.json. Target (issue): at least 10× faster than lavaan.
 */
import { existsSync, readFileSync } from "node:fs";
import { readTable } from "../../dist/sem/data/read-file.js";
import { parseModel } from "../../dist/sem/syntax/index.js";
import { fitModel } from "../../dist/sem/fit-model.js";
import { toFitResult } from "../../dist/sem/views.js";
import { measure } from "./timing.js";
import { speedup } from "./report.js";

export const ROBUST_TARGET_SPEEDUP = 10;

/**
 * @param {string} root  project root (with a trailing slash)
 * @param {Partial<import("./timing.js").TimingPlan>} plan
 * @param {(line: string) => void} log
 */
export async function runRobustCase(root, plan, log) {
  const dir = `${root}datasets/big-five-inventory/`;
  const data = readTable(`${dir}data.csv`);
  const syntax = parseModel(readFileSync(`${dir}five-factor.lav`, "utf8"), { file: `${dir}five-factor.lav` });
  const input = { syntax, data, options: { estimator: "MLR" } };
  const check = toFitResult(await fitModel(input));
  const t = await measure(() => fitModel(input).then(toFitResult), plan);
  const lavFile = `${root}bench/lavaan-bfi-mlr.json`;
  const lav = existsSync(lavFile) ? JSON.parse(readFileSync(lavFile, "utf8")) : null;
  const lavaanMs = lav ? lav.wall_seconds_median * 1000 : null;
  const lavaanCpuMs = lav ? lav.cpu_seconds_median * 1000 : null;
  const result = {
    case: "bfi five-factor CFA, MLR (2,800 × 25, listwise)",
    nobs: check.nobs[0],
    converged: check.converged,
    chisq: check.fit.chisq,
    chisqScaled: check.fit["chisq.scaled"],
    lavaanChisqScaled: lav?.chisq_scaled ?? null,
    runs: t.runs,
    medianMs: t.medianMs,
    minMs: t.minMs,
    cpuMedianMs: t.cpuMedianMs,
    samplesMs: t.samplesMs,
    lavaanMedianMs: lavaanMs,
    lavaanCpuMedianMs: lavaanCpuMs,
    lavaanLoadAverage: lav?.load_average ?? null,
    speedup: speedup(lavaanMs, t.medianMs),
    cpuSpeedup: speedup(lavaanCpuMs, t.cpuMedianMs),
    target: ROBUST_TARGET_SPEEDUP,
  };
  log(
    `  bfi MLR: ${t.medianMs.toFixed(1)} ms median of ` +
      `${t.runs} (CPU ${t.cpuMedianMs.toFixed(1)} ms); lavaan ` +
      `${lavaanMs === null ? "not measured" : `${lavaanMs.toFixed(0)} ms (CPU ${lavaanCpuMs?.toFixed(0)} ms)`}`,
  );
  return result;
}

/**
 * The table row of the robust case.
 * @param {Awaited<ReturnType<typeof runRobustCase>>} r
 * @returns {import("./report.js").TableRow}
 */
export function robustRow(r) {
  const ok = r.speedup !== null && r.speedup >= r.target;
  const scaledOk =
    r.lavaanChisqScaled !== null &&
    Math.abs(r.chisqScaled - r.lavaanChisqScaled) <= 1e-3 * Math.abs(r.lavaanChisqScaled);
  return {
    case: r.case,
    oursMs: r.medianMs,
    minMs: r.minMs,
    cpuMs: r.cpuMedianMs,
    runs: r.runs,
    lavaanMs: r.lavaanMedianMs,
    note:
      `N = ${r.nobs}; scaled χ² ` +
      `${scaledOk ? "= lavaan" : "differs from lavaan"}; target ≥ ${r.target}× ` +
      `${ok ? "met" : "NOT met"}`,
  };
}
