/**
 * The CSV ingestion benchmark: a numeric file of 72 indicators (8 correlated factors × 9) and
 * N = 5000 rows, drawn from a seeded generator (mulberry32, Box-Muller) and written like R's
 * write.csv (15 significant digits), about 6.5 MB, in a temporary folder. Timed in this process:
 *   - readTable alone (read the file, decode, parse, check, read the numbers);
 *   - readTable + buildDataSet (the 72 variables' data set, with its checks);
 *   - the same file read by csv-parse alone (tableFromTextByCsvParse: the loader before the fast
 *     reader of plain text) + buildDataSet, for comparison;
 *   - the same data written with semicolons and decimal commas (delimiter and decimal mark
 *     detected), readTable + buildDataSet.
 * MB/s = file size / median wall time. Target (issue): ≥ 65 MB/s, the 6.5 MB file in ≤ 100 ms.
 * Run alone: `node bench/lib/csv.js` (after `npm run build`).
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tableFromTextByCsvParse } from "../../dist/sem/data/csv.js";
import { buildDataSet } from "../../dist/sem/data/dataset.js";
import { readTable } from "../../dist/sem/data/read-file.js";
import { mulberry32, normalGenerator } from "./simulate.js";
import { measure } from "./timing.js";

export const CSV_TARGET_MB_PER_S = 65;
const FACTORS = 8;
const PER_FACTOR = 9;
const N = 5000;
const SEED = 20260;
/** @type {Partial<import("./timing.js").TimingPlan>} */
const PLAN = { warmup: 2, warmupBudgetMs: 2000, maxRuns: 15, minRuns: 7, budgetMs: 4000 };

/**
 * The data rows: x = λ η_f + sqrt(1 − λ²) ε, η_f = sqrt(0.3) g + sqrt(0.7) u_f (factor correlations 0.3).
 * @returns {number[][]}
 */
function drawRows() {
  const uniform = mulberry32(SEED);
  const normal = normalGenerator(uniform);
  const p = FACTORS * PER_FACTOR;
  const loadings = Array.from({ length: p }, () => 0.5 + 0.4 * uniform());
  const rows = [];
  for (let r = 0; r < N; r++) {
    const g = normal();
    const eta = Array.from({ length: FACTORS }, () => Math.sqrt(0.3) * g + Math.sqrt(0.7) * normal());
    rows.push(loadings.map((l, j) => l * eta[Math.floor(j / PER_FACTOR)] + Math.sqrt(1 - l * l) * normal()));
  }
  return rows;
}

/**
 * The file's text: a header y1..y72, then the rows with 15 significant digits (as R's write.csv).
 * @param {number[][]} rows
 * @param {string} delimiter
 * @param {"." | ","} decimal
 * @returns {string}
 */
function csvText(rows, delimiter, decimal) {
  const header = rows[0].map((_, j) => `y${j + 1}`).join(delimiter);
  const cell = (/** @type {number} */ x) => {
    const s = String(Number(x.toPrecision(15)));
    return decimal === "," ? s.replace(".", ",") : s;
  };
  return `${header}\n${rows.map((row) => row.map(cell).join(delimiter)).join("\n")}\n`;
}

/**
 * @param {import("./timing.js").TimingSummary} t
 * @param {number} bytes
 */
function summary(t, bytes) {
  const mb = bytes / 1e6;
  return {
    medianMs: +t.medianMs.toFixed(1),
    minMs: +t.minMs.toFixed(1),
    cpuMedianMs: +t.cpuMedianMs.toFixed(1),
    runs: t.runs,
    mbPerSecond: +(mb / (t.medianMs / 1000)).toFixed(1),
    mbPerCpuSecond: +(mb / (t.cpuMedianMs / 1000)).toFixed(1),
  };
}

/**
 * Writes the files, times the cases, removes the files.
 * @param {(line: string) => void} log
 */
export async function runCsvBench(log) {
  const dir = mkdtempSync(join(tmpdir(), "isrs-csv-bench-"));
  try {
    const rows = drawRows();
    const file = join(dir, "cfa72.csv");
    const euro = join(dir, "cfa72-semicolon.csv");
    writeFileSync(file, csvText(rows, ",", "."));
    writeFileSync(euro, csvText(rows, ";", ","));
    const bytes = statSync(file).size;
    const variables = rows[0].map((_, j) => `y${j + 1}`);
    /** @type {[string, () => unknown, string][]} */
    const cases = [
      ["readTable", () => readTable(file), file],
      ["readTable + buildDataSet", () => buildDataSet(readTable(file), { variables }), file],
      [
        "csv-parse only + buildDataSet",
        () => buildDataSet(tableFromTextByCsvParse(readFileSync(file, "utf8"), file), { variables }),
        file,
      ],
      [
        "semicolons, decimal commas: readTable + buildDataSet",
        () => buildDataSet(readTable(euro), { variables }),
        euro,
      ],
    ];
    /** @type {Record<string, unknown>[]} */
    const results = [];
    for (const [name, task, path] of cases) {
      const size = statSync(path).size;
      const s = summary(await measure(task, PLAN), size);
      results.push({ case: name, bytes: size, ...s });
      log(
        `  ${name.padEnd(52)} ${String(s.medianMs).padStart(7)} ms median (min ${s.minMs}, CPU ${s.cpuMedianMs})` +
          `  ${s.mbPerSecond} MB/s`,
      );
    }
    return {
      file: `${PER_FACTOR * FACTORS} indicators, N = ${N}, 15 significant digits, seed ${SEED}`,
      bytes,
      targetMbPerSecond: CSV_TARGET_MB_PER_S,
      cases: results,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await runCsvBench((line) => console.log(line));
  console.log(JSON.stringify(result, null, 2));
}
