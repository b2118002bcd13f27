/**
 * One case of the CLI property test: a bundled data file and model text, mutated, run through
 * `main(argv, io)` in process with `--out` into a fresh folder; what it returned, printed and wrote.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { main } from "../../src/cli/main.js";
import { applyCsv, applyModel, csvEdit, modelEdit, type CsvEdit, type ModelEdit } from "./mutate.js";

interface Scenario {
  name: string;
  /** the data file (its header and first `rows` rows are used), none for a model-only command */
  data?: string;
  rows?: number;
  model?: string;
  argv: (data: string, model: string, out: string) => string[];
}

const HS = "datasets/holzinger-swineford-1939";
const PD = "datasets/political-democracy";

export const SCENARIOS: readonly Scenario[] = [
  {
    name: "fit HS three-factor",
    data: `${HS}/data.csv`,
    rows: 301,
    model: `${HS}/three-factor.lav`,
    argv: (d, m, o) => ["fit", d, "--model", m, "--out", o],
  },
  {
    name: "fit HS second-order, two groups",
    data: `${HS}/data.csv`,
    rows: 150,
    model: `${HS}/second-order.lav`,
    argv: (d, m, o) => ["fit", d, "--model", m, "--group", "school", "--out", o],
  },
  {
    name: "fit political democracy",
    data: `${PD}/data.csv`,
    rows: 75,
    model: `${PD}/indirect-effect.lav`,
    argv: (d, m, o) => ["fit", d, "--model", m, "--out", o],
  },
  {
    name: "diagram",
    model: `${HS}/second-order.lav`,
    argv: (_d, m, o) => ["diagram", "--model", m, "--out", `${o}.svg`],
  },
  {
    name: "score every firm",
    data: "datasets/isrs-kibs-simulated/data.csv",
    rows: 12,
    argv: (d, _m, o) => ["score", d, "--all", "--out", o],
  },
];

export interface Case {
  scenario: number;
  csv: CsvEdit[];
  model: ModelEdit[];
  estimator: string;
  missing: string;
  format: string;
}

export const caseArb: fc.Arbitrary<Case> = fc.record({
  scenario: fc.nat({ max: SCENARIOS.length - 1 }),
  csv: fc.array(csvEdit, { maxLength: 4 }),
  model: fc.array(modelEdit, { maxLength: 3 }),
  estimator: fc.constantFrom("ML", "MLR", "MLM"),
  missing: fc.constantFrom("listwise", "fiml"),
  format: fc.constantFrom("text", "json"),
});

export interface Outcome {
  argv: string[];
  code: number;
  stdout: string;
  stderr: string;
  /** files in the output folder after the run */
  written: string[];
  /** the mutated inputs, for a reproducer */
  dataText?: string;
  modelText?: string;
}

const headLines = (file: string, rows: number): string =>
  fs
    .readFileSync(file, "utf8")
    .split("\n")
    .slice(0, rows + 1)
    .join("\n") + "\n";

export async function runCase(c: Case): Promise<Outcome> {
  const s = SCENARIOS[c.scenario]!;
  const inDir = fs.mkdtempSync(path.join(os.tmpdir(), "isrs-prop-in-"));
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "isrs-prop-out-"));
  try {
    const data = path.join(inDir, "data.csv");
    const model = path.join(inDir, "model.lav");
    let dataText: string | undefined;
    let modelText: string | undefined;
    if (s.data !== undefined) {
      const bytes = applyCsv(headLines(s.data, s.rows ?? 100), c.csv);
      fs.writeFileSync(data, bytes);
      dataText = bytes.toString("latin1");
    }
    if (s.model !== undefined) {
      modelText = applyModel(fs.readFileSync(s.model, "utf8"), c.model);
      fs.writeFileSync(model, modelText);
    }
    const argv = [...s.argv(data, model, path.join(outDir, "out")), "--format", c.format];
    if (s.name.startsWith("fit")) argv.push("--estimator", c.estimator, "--missing", c.missing);
    if (s.name === "diagram") argv.splice(argv.indexOf("--format"), 2);
    let stdout = "";
    let stderr = "";
    const code = await main(["node", "isrs", ...argv], { stdout: (x) => (stdout += x), stderr: (x) => (stderr += x) });
    return { argv, code, stdout, stderr, written: fs.readdirSync(outDir), dataText, modelText };
  } finally {
    fs.rmSync(inDir, { recursive: true, force: true });
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
