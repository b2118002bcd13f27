/**
 * Text output of the benchmark: an aligned plain-text table for the terminal and a Markdown
 * table for the README. Formatting only; the numbers come from run.js.
 */

/**
 * @typedef {object} TableRow
 * @property {string} case
 * @property {number | null} oursMs      our median, ms (null when not run)
 * @property {number | null} [minMs]
 * @property {number | null} [cpuMs]     our median CPU time, ms
 * @property {number | null} [runs]
 * @property {number | null} lavaanMs    lavaan's median, ms (null when unknown)
 * @property {string} [lavaanNote]       shown instead of a lavaan time (e.g. "out of memory")
 * @property {string} [note]             skip reason, fit check, ...
 */

/**
 * Milliseconds with sensible precision: 0.123, 12.3, 1234.
 * @param {number | null | undefined} ms
 * @returns {string}
 */
export function fmtMs(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "–";
  if (ms >= 1000) return Math.round(ms).toLocaleString("en-US");
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

/**
 * lavaan time / our time, e.g. "3.2×"; "–" when either is missing.
 * @param {number | null} lavaanMs
 * @param {number | null} oursMs
 * @returns {string}
 */
export function fmtSpeedup(lavaanMs, oursMs) {
  if (lavaanMs === null || oursMs === null || !(oursMs > 0)) return "–";
  const r = lavaanMs / oursMs;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
}

/**
 * @param {number | null} lavaanMs
 * @param {number | null} oursMs
 * @returns {number | null}
 */
export function speedup(lavaanMs, oursMs) {
  return lavaanMs === null || oursMs === null || !(oursMs > 0) ? null : lavaanMs / oursMs;
}

/**
 * Left-aligns the first column and right-aligns the others.
 * @param {string[]} header
 * @param {string[][]} body
 * @returns {string}
 */
function align(header, body) {
  const widths = header.map((h, j) => Math.max(h.length, ...body.map((r) => (r[j] ?? "").length)));
  const line = (/** @type {string[]} */ r) =>
    r
      .map((c, j) => (j === 0 || j === r.length - 1 ? c.padEnd(widths[j]) : c.padStart(widths[j])))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

/**
 * The terminal table: case, runs, median and min wall time, median CPU time, lavaan, speed-up, note.
 * @param {TableRow[]} rows
 * @returns {string}
 */
export function textTable(rows) {
  const header = ["case", "runs", "median ms", "min ms", "cpu ms", "lavaan ms", "speed-up", "note"];
  const body = rows.map((r) => [
    r.case,
    r.runs == null ? "–" : String(r.runs),
    fmtMs(r.oursMs),
    fmtMs(r.minMs),
    fmtMs(r.cpuMs),
    r.lavaanNote ?? fmtMs(r.lavaanMs),
    fmtSpeedup(r.lavaanMs, r.oursMs),
    r.note ?? "",
  ]);
  return align(header, body);
}

/**
 * The README table: case, ours median ms, lavaan median ms, speed-up.
 * Rows that were not run are left out.
 * @param {TableRow[]} rows
 * @returns {string}
 */
export function markdownTable(rows) {
  const out = ["| case | ours median ms | lavaan median ms | speed-up |", "|---|---:|---:|---:|"];
  for (const r of rows) {
    if (r.oursMs === null) continue;
    out.push(
      `| ${r.case} | ${fmtMs(r.oursMs)} | ${r.lavaanNote ?? fmtMs(r.lavaanMs)} | ${fmtSpeedup(r.lavaanMs, r.oursMs)} |`,
    );
  }
  return out.join("\n");
}

/**
 * "met" / "NOT met" with the figure and the target, e.g. "812 ms (target ≤ 500 ms): NOT met".
 * @param {string} label
 * @param {number} value
 * @param {number} target
 * @param {string} unit
 * @returns {string}
 */
export function targetLine(label, value, target, unit) {
  const ok = value <= target;
  return `${label}: ${fmtMs(value)} ${unit} (target ≤ ${target} ${unit}): ${ok ? "met" : "NOT met"}`;
}

/**
 * Detail lines for one large-model result: timings, convergence, memory, modification indices
 * and the targets.
 * @param {import("./large-suite.js").LargeCaseResult} c
 * @returns {string[]}
 */
export function largeDetails(c) {
  const lines = [`${c.name}: ${c.about}`];
  const r = c.result;
  if (r === null) return [...lines, `  error: ${c.error}`];
  const peak = Math.max(r.memory.afterFits.maxRssMB, r.memory.afterModindices?.maxRssMB ?? 0);
  lines.push(
    `  data simulated in ${fmtMs(r.simulateMs)} ms; first (cold) fit ${fmtMs(r.firstFitMs)} ms; ` +
      (r.fitMs.length > 0
        ? `then ${r.fitMs.length} fits: median ` +
          `${fmtMs(r.medianMs)} ms, min ${fmtMs(r.minMs)} ms (CPU ` +
          `${fmtMs(r.cpuMedianMs)} ms)`
        : "no further fits (the first took too long): it is the measurement"),
    `  fit: ${r.fit.converged ? "converged" : "NOT converged"} ` +
      `in ${r.fit.iterations} iterations; npar ` +
      `${r.fit.npar}, ` +
      `chisq ${r.fit.chisq.toFixed(2)} on ${r.fit.df} df, CFI ${r.fit.cfi.toFixed(4)}, RMSEA ${r.fit.rmsea.toFixed(4)}`,
    ...r.fit.warnings.map((w) => `  warning: ${w}`),
    `  memory: RSS ${r.memory.start.rssMB.toFixed(0)} MB ` +
      `at start, ${r.memory.dataReady.rssMB.toFixed(0)} MB ` +
      `with the data, ` +
      `${r.memory.afterFits.rssMB.toFixed(0)} ` +
      `MB after the fits; peak RSS ` +
      `${r.memory.afterFits.maxRssMB.toFixed(0)} MB` +
      (r.memory.afterModindices
        ? ` (${r.memory.afterModindices.maxRssMB.toFixed(0)} MB with modification indices)`
        : ""),
  );
  if (r.modindices) {
    const top = r.modindices.largest;
    lines.push(
      `  modification indices: ${r.modindices.count} ` +
        `computed; fit + modindices ${fmtMs(r.modindices.ms)} ms ` +
        `(CPU ${fmtMs(r.modindices.cpuMs)} ms) ` +
        `(about ${fmtMs(Math.max(0, r.modindices.ms - r.medianMs))} ms beyond the fit)` +
        (top ? `; largest ${top.lhs} ${top.op} ${top.rhs} = ${top.mi.toFixed(2)}` : ""),
    );
  }
  const lav = c.lavaan;
  lines.push(
    `  lavaan: fit ${lav.fitNote ?? `${fmtMs(lav.fitMs)} ms`}` +
      (lav.modindicesMs !== null ? `, modindices ${lav.modindicesNote ?? `${fmtMs(lav.modindicesMs)} ms`}` : "") +
      ` (${lav.source})`,
  );
  if (c.targets.fitMs !== undefined)
    lines.push("  " + targetLine("median fit time", r.medianMs, c.targets.fitMs, "ms"));
  if (c.targets.peakRssMB !== undefined) lines.push("  " + targetLine("peak RSS", peak, c.targets.peakRssMB, "MB"));
  if (c.targets.modindicesMs !== undefined && r.modindices)
    lines.push("  " + targetLine("fit + modification indices", r.modindices.ms, c.targets.modindicesMs, "ms"));
  return lines;
}
