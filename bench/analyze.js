/**
 * `node bench/analyze.js` (after `npm run build`): times the study pipeline of `isrs analyze`
 * (runStudy from dist/: screening, reliability, validity, three model fits, difference tests,
 * hypotheses with standardized SEs) on the cases of tests/fixtures/analysis, data already in
 * memory, and compares with the R equivalent timed by bench/analyze-r.R (bench/analyze-r.json).
 * Prints a Markdown table for the README.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { measure } from "./lib/timing.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { runStudy } = await import(`${ROOT}dist/analysis/study.js`);
const { readTable } = await import(`${ROOT}dist/sem/data/read-file.js`);
const { designFromInstrument } = await import(`${ROOT}dist/analysis/design.js`);
const { loadInstrument, loadResponses } = await import(`${ROOT}dist/instrument/index.js`);
const r = JSON.parse(readFileSync(`${ROOT}bench/analyze-r.json`, "utf8"));

const rows = [];
/** The ISRS case goes through the instrument (design, recoding), as `isrs analyze` does. */
function studyOf(name, ref) {
  if (name === "isrs-kibs-simulated") {
    const instr = loadInstrument();
    return { design: designFromInstrument(instr), data: loadResponses(`${ROOT}${ref.data}`, instr).table };
  }
  const design = {
    source: name,
    constructs: Object.entries(ref.constructs).map(([n, items]) => ({ name: n, items })),
    secondOrder: [{ name: ref.second_order.name, dimensions: ref.second_order.dimensions }],
    hypotheses: ref.paths.map(([outcome, predictor], i) => ({
      id: `H${i + 1}`,
      outcome,
      predictor,
      expected: "positive",
    })),
  };
  return { design, data: readTable(`${ROOT}${ref.data}`) };
}

for (const name of ["holzinger-swineford", "big-five-inventory", "isrs-kibs-simulated"]) {
  const ref = JSON.parse(readFileSync(`${ROOT}tests/fixtures/analysis/${name}.json`, "utf8"));
  const study = studyOf(name, ref);
  const t = await measure(() => runStudy(study), { warmup: 2, minRuns: 5, maxRuns: 15, budgetMs: 5000 });
  const rs = r[name].median_seconds * 1000;
  rows.push(
    `| ${name} (N = ${ref.complete_rows}, ` +
      `${Object.values(ref.constructs).flat().length} items) | ` +
      `${t.medianMs.toFixed(0)} | ${rs.toFixed(0)} | ${(rs / t.medianMs).toFixed(1)}× |`,
  );
}
console.log("| case | ours median ms | R median ms | speed-up |\n|---|---:|---:|---:|");
console.log(rows.join("\n"));
