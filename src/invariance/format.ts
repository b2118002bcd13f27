/**
 * The text of an invariance analysis, laid out as a paper's invariance table: the fit of each
 * model, then each comparison with its difference test, ΔCFI, ΔRMSEA, ΔSRMR and the decision,
 * the score tests of the step that failed, and the latent variances and means compared in the
 * last model supported. The JSON is the result object itself (types.ts).
 */
import { columnWidths, leftCell, rightCells } from "../sem/format/columns.js";
import { terminalSafe } from "../sem/format/terminal.js";
import type { Comparison } from "./compare.js";
import type { InvarianceResult, LatentRow, StepFitMeasures } from "./types.js";

const fixed = (v: number | null | undefined, d: number): string =>
  v === null || v === undefined ? "NA" : v.toFixed(d);
const signed = (v: number | null | undefined, d: number): string =>
  v === null || v === undefined ? "NA" : `${v >= 0 ? "+" : "-"}${Math.abs(v).toFixed(d)}`;
const pText = (p: number | null | undefined): string =>
  p === null || p === undefined ? "NA" : p < 0.001 ? "<.001" : p.toFixed(3).replace(/^0/, "");

function table(header: string[], rows: string[][], min: number[]): string[] {
  const w = columnWidths([header, ...rows], min);
  const line = (cells: string[]): string => leftCell(cells[0]!, w[0]!) + rightCells(cells.slice(1), w.slice(1));
  return [line(header), ...rows.map(line)].map((l) => l.trimEnd());
}

/** Which χ² and which CFI / TLI / RMSEA the tables show: plain (ML), robust (MLM / MLR) or scaled (ordinal). */
type Family = "plain" | "robust" | "scaled";

function familyOf(res: InvarianceResult): Family {
  return res.criterion.cfi === "cfi" ? "plain" : res.criterion.cfi === "cfi.robust" ? "robust" : "scaled";
}

/** The step as the tables name it: for ordinal items the scalar step holds the thresholds. */
function stepLabel(res: InvarianceResult, step: string): string {
  return res.parameterization !== undefined && step === "scalar" ? "scalar (thresholds)" : step;
}

function fitCells(name: string, f: StepFitMeasures, family: Family, ordinal: boolean): string[] {
  const scaled = family !== "plain";
  const chisq = scaled ? f["chisq.scaled"] : f.chisq;
  const p = scaled ? f["pvalue.scaled"] : f.pvalue;
  const r = (n: "cfi" | "tli" | "rmsea"): number | null | undefined =>
    family === "plain" ? f[n] : family === "robust" ? f[`${n}.robust`] : f[`${n}.scaled`];
  const cells = [
    name,
    String(f.npar ?? "NA"),
    fixed(chisq, 3),
    String(f.df ?? "NA"),
    pText(p),
    fixed(r("cfi"), 3),
    fixed(r("tli"), 3),
    fixed(r("rmsea"), 3),
    fixed(f.srmr, 3),
    fixed(f.aic, 1),
    fixed(f.bic, 1),
  ];
  // weighted least squares has no likelihood: no AIC or BIC
  return ordinal ? cells.slice(0, -2) : cells;
}

function decision(c: Comparison): string {
  return c.supported ? "supported" : "not supported";
}

/** The ΔCFI and ΔRMSEA the verdict read. */
function verdictDeltas(c: Comparison): [number | null | undefined, number | null | undefined] {
  return [c[`${c.cfiMeasure}.diff`], c[`${c.rmseaMeasure}.diff`]];
}

function comparisonCells(name: string, c: Comparison): string[] {
  const [dcfi, drmsea] = verdictDeltas(c);
  return [
    name,
    fixed(c["chisq.diff"], 3),
    String(c["df.diff"]),
    pText(c.pvalue),
    signed(dcfi, 3),
    `${signed(drmsea, 3)}${c.rmseaFlag === true ? "!" : " "}`,
    signed(c["srmr.diff"], 3),
    decision(c),
  ];
}

const freedText = (freed: readonly string[]): string => (freed.length === 0 ? "" : ` (${freed.join(", ")} free)`);

export function formatInvarianceText(res: InvarianceResult, version: string): string {
  const family = familyOf(res);
  const ordinal = res.parameterization !== undefined;
  const out: string[] = [];
  const groups = res.groups.map((g, i) => `${terminalSafe(g)} (n = ${res.nobs[i]})`).join(", ");
  out.push(`isrs ${version}: measurement invariance across ${terminalSafe(res.group)}: ${groups}`);
  const est = ordinal ? `${res.estimator}, ordinal items, ${res.parameterization} parameterization` : res.estimator;
  out.push(`Estimator ${est}. Criterion ${res.criterion.name}: ${res.criterion.text}.`);
  out.push(...familyLines(res, family));
  out.push("");
  const fitRows: string[][] = [];
  for (const s of res.steps) {
    fitRows.push(fitCells(`${stepLabel(res, s.name)}${freedText(s.freed)}`, s.fit, family, ordinal));
    for (const p of res.partial.filter((x) => x.step === s.name))
      fitRows.push(fitCells(`  partial ${p.step}: ${p.freed.join(", ")} free`, p.fit, family, ordinal));
  }
  const h1 = ["Model", "npar", "χ²", "df", "p", "CFI", "TLI", "RMSEA", "SRMR", "AIC", "BIC"];
  const w1 = [24, 5, 9, 4, 6, 6, 6, 6, 6, 9, 9];
  out.push(...table(ordinal ? h1.slice(0, -2) : h1, fitRows, ordinal ? w1.slice(0, -2) : w1));
  out.push("");
  const cmpRows: string[][] = [];
  for (const c of res.comparisons) {
    cmpRows.push(comparisonCells(`${stepLabel(res, c.to)} vs ${c.from}`, c));
    for (const p of res.partial.filter((x) => x.step === c.to))
      cmpRows.push(comparisonCells(`  partial ${p.step} vs ${p.comparison.from}: ${p.freed.join(", ")}`, p.comparison));
  }
  const h2 = ["Comparison", "Δχ²", "Δdf", "p", "ΔCFI", "ΔRMSEA", "ΔSRMR", "Decision"];
  if (cmpRows.length > 0) {
    out.push(...table(h2, cmpRows, [24, 9, 4, 6, 7, 8, 7, 14]));
    const flagged = [...res.comparisons, ...res.partial.map((p) => p.comparison)].some((c) => c.rmseaFlag === true);
    if (flagged) out.push("! ΔRMSEA at or above 0.015 (Chen 2007)");
    out.push("");
  }
  out.push(...scoreLines(res));
  const last = res.supported;
  out.push(`Invariance holds up to the ${stepLabel(res, last.step)} step${freedText(last.freed)}.`);
  for (const n of res.notes) out.push(terminalSafe(n));
  out.push(...latentLines(res));
  return `${out.join("\n")}\n`;
}

/** What the χ² and the fit indices of the tables are, for a robust or ordinal estimator. */
function familyLines(res: InvarianceResult, family: Family): string[] {
  if (family === "robust")
    return [
      "Robust estimator: χ² and p are the scaled test; CFI, TLI and RMSEA the robust ones; " +
        "Δχ² is the Satorra-Bentler (2001) scaled difference.",
    ];
  if (family === "plain") return [];
  const method = res.comparisons[0]?.method ?? res.partial[0]?.comparison.method;
  const diff =
    method === "satorra.2000"
      ? "Δχ² is lavaan's satorra.2000 test (Satorra 2000; scaled and shifted, Asparouhov & Muthén 2006)."
      : "Δχ² is the Satorra-Bentler (2001) scaled difference.";
  const freed = res.parameterization === "theta" ? "residual variances" : "scales (~*~)";
  return [
    `Ordinal items: χ² and p are the ${res.estimator} test; CFI, TLI and RMSEA the scaled ones`,
    "(lavaan gives no robust ones once thresholds are held equal); no AIC or BIC (no likelihood).",
    diff,
    "The scalar step holds the thresholds equal (and the intercepts of any continuous items); with the",
    `thresholds equal, the latent means and the items' ${freed} are free in groups 2 on.`,
  ];
}

function scoreLines(res: InvarianceResult): string[] {
  if (res.scoreTests.length === 0) return [];
  const out: string[] = [];
  const rounds = [...new Set(res.scoreTests.map((t) => `${t.step}:${t.round}`))];
  for (const key of rounds) {
    const [step, round] = key.split(":");
    const rows = res.scoreTests.filter((t) => `${t.step}:${t.round}` === key && t.candidate);
    const total = res.scoreTotals.find((t) => `${t.step}:${t.round}` === key);
    const model = round === "1" ? `the ${step} model` : `partial ${step} model ${Number(round) - 1}`;
    const how = res.estimator === "ML" ? "" : "; the ordinary test, as lavaan gives for robust fits";
    out.push(`Score tests of the ${step} constraints (lavTestScore, expected information${how}) in ${model}:`);
    const cells = rows.map((t) => [
      `${t.lhs} ${t.op}${t.rhs === "" ? "" : ` ${t.rhs}`}`,
      String(t.group),
      fixed(t.X2, 3),
      String(t.df),
      pText(t.pvalue),
    ]);
    out.push(...table(["Parameter", "group", "X²", "df", "p"], cells, [20, 6, 9, 4, 6]).map((l) => `  ${l}`));
    if (total !== undefined && total.X2 !== null)
      out.push(`  total (all ${total.df} constraints): X² = ${fixed(total.X2, 3)}, p ${pText(total.pvalue)}`);
    out.push("");
  }
  return out;
}

function latentLines(res: InvarianceResult): string[] {
  const lat = res.latent;
  if (lat === null) return [];
  const out: string[] = [""];
  const rowCells = (r: LatentRow): string[] => [
    `${r.lhs} ${r.op}${r.op === "~~" ? ` ${r.lhs}` : ""}`,
    terminalSafe(res.groups[r.group - 1] ?? String(r.group)),
    fixed(r.est, 3),
    fixed(r.se, 3),
    fixed(r.z, 3),
    pText(r.pvalue),
  ];
  const test = (name: string, c: Comparison | null): string =>
    c === null
      ? ""
      : `  equal ${name}: Δχ² = ${fixed(c["chisq.diff"], 3)}, Δdf = ${c["df.diff"]}, p ${pText(c.pvalue)}; ` +
        `ΔCFI ${signed(verdictDeltas(c)[0], 3)}`;
  const where = `${lat.step} model${freedText(lat.freed)}`;
  if (lat.variances !== null) {
    out.push(`Latent variances in the ${where}:`);
    out.push(
      ...table(
        ["", "group", "Estimate", "Std.Err", "z", "p"],
        lat.variances.rows.map(rowCells),
        [20, 12, 9, 9, 8, 6],
      ).map((l) => `  ${l}`),
    );
    const t = test("latent variances", lat.variances.test);
    if (t !== "") out.push(t);
  }
  if (lat.means !== null) {
    out.push(`Latent means in the ${where} (group ${terminalSafe(res.groups[0] ?? "1")} at 0):`);
    out.push(
      ...table(["", "group", "Estimate", "Std.Err", "z", "p"], lat.means.rows.map(rowCells), [20, 12, 9, 9, 8, 6]).map(
        (l) => `  ${l}`,
      ),
    );
    const t = test("latent means", lat.means.test);
    if (t !== "") out.push(t);
  }
  return out;
}

/** The JSON text: the result object, non-finite numbers as null. */
export function formatInvarianceJson(res: InvarianceResult): string {
  return `${JSON.stringify(res, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2)}\n`;
}
