/**
 * The text of the resampling sections of `isrs pls` (after the estimate's summary): the
 * bootstrapped tables in seminr's summary(boot) columns, PLSpredict's metrics per item, the
 * importance-performance map as a table.
 */
import { textTable } from "../../pls/format.js";
import type { PlsResults } from "../../pls/results.js";

type Row = Record<string, unknown>;

function bootTable(title: string, rows: Row[], a: string, b: string, arrow: string): string {
  const cols = ["Original Est.", "Bootstrap Mean", "Bootstrap SD", "T Stat.", "2.5% CI", "97.5% CI"];
  const body = textTable(
    cols,
    rows.map((x) => ({
      name: `${String(x[a])} ${arrow} ${String(x[b])}`,
      cells: ["original", "boot.mean", "boot.sd", "t", "ci.lower", "ci.upper"].map((k) => x[k] as number | null),
    })),
  );
  return `${title}\n${body}\n`;
}

function bootstrapText(r: PlsResults): string[] {
  const b = r.bootstrap as Row | undefined;
  if (b === undefined) return [];
  const head =
    `Bootstrap: ${String(b.requested)} resamples ` +
    `(seed ${String(b.seed)}${b["seed.source"] === "random" ? ", drawn" : ""}), ` +
    `${String(b.successful)} used, ${String(b.failed)} failed; ` +
    `${String(b.threads)} thread${b.threads === 1 ? "" : "s"}; ` +
    `percentile intervals at ${Number(b.level) * 100}%\n`;
  return [
    head,
    bootTable("Bootstrapped Structural Paths:", b.paths as Row[], "from", "to", "->"),
    bootTable("Bootstrapped Weights:", b.weights as Row[], "indicator", "construct", "->"),
    bootTable("Bootstrapped Loadings:", b.loadings as Row[], "indicator", "construct", "->"),
    bootTable("Bootstrapped HTMT:", b.htmt as Row[], "lhs", "rhs", "->"),
    bootTable("Bootstrapped Total Paths:", b.totalEffects as Row[], "from", "to", "->"),
  ];
}

function predictionText(r: PlsResults): string[] {
  const rows = r.prediction as Row[] | undefined;
  if (rows === undefined) return [];
  const s = (r as unknown as { predictionSettings?: Row }).predictionSettings ?? {};
  const folds = s.folds === "loo" ? "leave-one-out" : `${String(s.folds)} folds, seed ${String(s.seed)}`;
  const cols = ["RMSE", "MAE", "Q2predict", "LM RMSE", "LM MAE", "LM Q2predict"];
  const keys = ["rmse", "mae", "q2predict", "lm.rmse", "lm.mae", "lm.q2predict"];
  const body = textTable(
    cols,
    rows.map((x) => ({ name: String(x.item), cells: keys.map((k) => x[k] as number) })),
  );
  return [`PLSpredict (${folds}, ${String(s.technique)}), out of sample:\n${body}\n`];
}

function ipmaText(r: PlsResults): string[] {
  const m = r.ipma as Row | undefined;
  if (m === undefined) return [];
  const cons = m.constructs as { construct: string; importance: number | null; performance: number }[];
  const inds = m.indicators as { item: string; construct: string; importance: number; performance: number }[];
  const c = textTable(
    ["Importance", "Performance"],
    cons.map((x) => ({ name: x.construct, cells: [x.importance, x.performance] })),
  );
  const i = textTable(
    ["Importance", "Performance"],
    inds.map((x) => ({ name: `${x.item} (${x.construct})`, cells: [x.importance, x.performance] })),
  );
  return [
    `Importance-Performance Map, target ${String(m.target)} (importance: unstandardised total effect; ` +
      `performance: 0-100):\n${c}\n`,
    `Indicators:\n${i}\n`,
  ];
}

/** The resampling sections' text ("" when none ran). */
export function resamplingText(r: PlsResults): string {
  const parts = [...bootstrapText(r), ...predictionText(r), ...ipmaText(r)];
  return parts.length === 0 ? "" : `\n${parts.join("\n")}`;
}
