/**
 * The reference-case benchmark: every case under the lavaan parity folder (and the extra
 * cases, when present) is read once, then fitted in this process with warm-up fits followed
 * by timed fits (lib/timing.js). Reading and parsing are not timed; a fit is fitModel() on the
 * in-memory table and syntax, which includes standard errors and fit measures, as lavaan's
 * timed call includes them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readTable } from "../../dist/sem/data/read-file.js";
import { parseModel } from "../../dist/sem/syntax/index.js";
import { fitModel } from "../../dist/sem/fit-model.js";
import { toFitResult } from "../../dist/sem/views.js";
import { chisqDifference, findCases, mapOptions } from "./cases.js";
import { measure } from "./timing.js";
import { speedup } from "./report.js";

/**
 * @typedef {object} CaseResult
 * @property {string} case
 * @property {string} source             "parity" or "extra"
 * @property {string | null} skipped     why the case was not run (null when it ran)
 * @property {string | null} error       the error, when the fit threw
 * @property {Record<string, unknown> | null} options  the fitModel() options used
 * @property {number | null} runs
 * @property {number | null} warmups
 * @property {number | null} medianMs
 * @property {number | null} minMs
 * @property {number[] | null} samplesMs
 * @property {number | null} cpuMedianMs  median CPU time per fit
 * @property {number | null} lavaanMedianMs
 * @property {number | null} speedup     lavaan median / our median
 * @property {boolean | null} converged
 * @property {number | null} iterations  optimizer iterations of the check fit
 * @property {number | null} chisq
 * @property {number | null} lavaanChisq
 * @property {number | null} chisqRelDiff  |ours − lavaan| / max(0.1, |lavaan|)
 */

/**
 * @param {any} lavaan
 * @returns {number | null}
 */
function lavaanMs(lavaan) {
  const s = lavaan.lavaan_seconds_median;
  return typeof s === "number" ? s * 1000 : null;
}

/**
 * Fits one case (or records why not).
 * @param {import("./cases.js").ReferenceCase} c
 * @param {Partial<import("./timing.js").TimingPlan>} plan
 * @returns {Promise<CaseResult>}
 */
export async function runCase(c, plan) {
  const lav = lavaanMs(c.lavaan);
  /** @type {CaseResult} */
  const base = {
    case: c.name,
    source: c.source,
    skipped: null,
    error: null,
    options: null,
    runs: null,
    warmups: null,
    medianMs: null,
    minMs: null,
    samplesMs: null,
    cpuMedianMs: null,
    lavaanMedianMs: lav,
    speedup: null,
    converged: null,
    iterations: null,
    chisq: null,
    lavaanChisq: typeof c.lavaan?.fit?.chisq === "number" ? c.lavaan.fit.chisq : null,
    chisqRelDiff: null,
  };
  const mapped = mapOptions(c.lavaan);
  if (mapped.options === undefined) return { ...base, skipped: mapped.skip ?? "not runnable" };
  try {
    const data = readTable(join(c.dir, "data.csv"));
    const modelFile = join(c.dir, "model.lav");
    const syntax = parseModel(readFileSync(modelFile, "utf8"), { file: modelFile });
    const input = { syntax, data, options: mapped.options };
    const check = toFitResult(await fitModel(input));
    const t = await measure(() => fitModel(input).then(toFitResult), plan);
    return {
      ...base,
      options: mapped.options,
      runs: t.runs,
      warmups: t.warmups,
      medianMs: t.medianMs,
      minMs: t.minMs,
      samplesMs: t.samplesMs,
      cpuMedianMs: t.cpuMedianMs,
      speedup: speedup(lav, t.medianMs),
      converged: check.converged,
      iterations: check.iterations,
      chisq: check.fit.chisq ?? null,
      chisqRelDiff: chisqDifference(check.fit.chisq, c.lavaan),
    };
  } catch (e) {
    return { ...base, options: mapped.options, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Runs every case under the given roots, in order, reporting progress through `log`.
 * @param {{ root: string, source: string }[]} roots
 * @param {Partial<import("./timing.js").TimingPlan>} plan
 * @param {(line: string) => void} log
 * @returns {Promise<CaseResult[]>}
 */
export async function runReferenceCases(roots, plan, log) {
  /** @type {CaseResult[]} */
  const out = [];
  for (const { root, source } of roots) {
    for (const c of findCases(root, source)) {
      const r = await runCase(c, plan);
      const what = r.skipped
        ? `skipped: ${r.skipped}`
        : r.error
          ? `error: ${r.error}`
          : `${r.medianMs?.toFixed(2)} ms median of ${r.runs}`;
      log(`  ${source}/${c.name}: ${what}`);
      out.push(r);
    }
  }
  return out;
}

/**
 * A short note for the table: the skip reason, the error, or how the fit compares with lavaan's.
 * @param {CaseResult} r
 * @returns {string}
 */
export function caseNote(r) {
  if (r.skipped) return `skipped: ${r.skipped}`;
  if (r.error) return `error: ${r.error}`;
  const parts = [];
  if (r.source !== "parity") parts.push(r.source);
  if (r.converged === false) parts.push("NOT converged");
  if (r.chisqRelDiff !== null)
    parts.push(
      r.chisqRelDiff <= 1e-3 ? "χ² = lavaan" : `χ² differs from lavaan by ${(100 * r.chisqRelDiff).toFixed(2)}%`,
    );
  if (r.lavaanMedianMs === null) parts.push("no lavaan timing");
  return parts.join("; ");
}
