/**
 * The ordinal benchmark: the five-factor CFA of the 25 bfi items (datasets/big-five-inventory,
 * listwise deletion keeps 2,436 rows), every item ordered (6 categories), WLSMV (polychoric
 * correlations, their asymptotic covariance, DWLS, robust SEs, scaled-shifted test and the
 * robust measures), timed in this process; lavaan 0.6.14 is timed in the same run by
 * bench/lavaan-bfi-ordinal.R (Rscript, in process in R). Target (issue): at least 10× faster.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { readTable } from "../../dist/sem/data/read-file.js";
import { parseModel } from "../../dist/sem/syntax/index.js";
import { fitModel } from "../../dist/sem/fit-model.js";
import { toFitResult } from "../../dist/sem/views.js";
import { measure } from "./timing.js";
import { speedup } from "./report.js";

export const ORDINAL_TARGET_SPEEDUP = 10;

/**
 * @param {string} root  project root (with a trailing slash)
 * @param {Partial<import("./timing.js").TimingPlan>} plan
 * @param {(line: string) => void} log
 */
export async function runOrdinalCase(root, plan, log) {
  const dir = `${root}datasets/big-five-inventory/`;
  const data = readTable(`${dir}data.csv`);
  const syntax = parseModel(readFileSync(`${dir}five-factor.lav`, "utf8"), { file: `${dir}five-factor.lav` });
  const input = { syntax, data, options: { ordered: /** @type {true} */ (true) } };
  const check = toFitResult(await fitModel(input));
  const t = await measure(() => fitModel(input).then(toFitResult), plan);
  /** @type {{ wall_seconds_median: number, cpu_seconds_median: number, chisq_scaled: number } | null} */
  let lav = null;
  try {
    const out = execFileSync("Rscript", [`${root}bench/lavaan-bfi-ordinal.R`, "5"], { cwd: root, encoding: "utf8" });
    lav = JSON.parse(out);
  } catch {
    lav = null; // no R or no lavaan: our time alone
  }
  const lavaanMs = lav ? lav.wall_seconds_median * 1000 : null;
  const result = {
    case: "bfi five-factor CFA, 25 ordered items, WLSMV (2,436 rows)",
    nobs: check.nobs[0],
    converged: check.converged,
    chisqScaled: check.fit["chisq.scaled"],
    lavaanChisqScaled: lav?.chisq_scaled ?? null,
    runs: t.runs,
    medianMs: t.medianMs,
    minMs: t.minMs,
    cpuMedianMs: t.cpuMedianMs,
    lavaanMedianMs: lavaanMs,
    lavaanCpuMedianMs: lav ? lav.cpu_seconds_median * 1000 : null,
    speedup: speedup(lavaanMs, t.medianMs),
    target: ORDINAL_TARGET_SPEEDUP,
  };
  log(
    `  bfi ordinal WLSMV: ${t.medianMs.toFixed(1)} ms median of ${t.runs} (CPU ${t.cpuMedianMs.toFixed(1)} ms); ` +
      `lavaan ${lavaanMs === null ? "not measured" : `${lavaanMs.toFixed(0)} ms`} (same run)`,
  );
  return result;
}

/**
 * @param {Awaited<ReturnType<typeof runOrdinalCase>>} r
 * @returns {import("./report.js").TableRow}
 */
export function ordinalRow(r) {
  const same =
    r.lavaanChisqScaled !== null && Math.abs(r.chisqScaled - r.lavaanChisqScaled) <= 1e-3 * r.lavaanChisqScaled;
  return {
    case: r.case,
    oursMs: r.medianMs,
    minMs: r.minMs,
    cpuMs: r.cpuMedianMs,
    runs: r.runs,
    lavaanMs: r.lavaanMedianMs,
    note: `scaled χ² ${same ? "= lavaan" : "differs from lavaan"}; target ≥ ${r.target}×`,
  };
}
