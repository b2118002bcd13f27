/**
 * The adapter from a measurement-invariance analysis (src/invariance) to a section of the study
 * report: the fit of each model, the comparisons with their decisions, and where invariance stops.
 * The only file of src/report that reads the invariance result.
 */
import type { InvarianceResult, StepFitMeasures } from "../invariance/types.js";
import type { Comparison } from "../invariance/compare.js";
import { cell, numCell, pval, type Cell, type Section } from "./document.js";

/** The CFI and RMSEA the verdict reads (plain, robust under MLM/MLR, scaled for ordinal items) and their tag. */
function measuresOf(res: InvarianceResult): {
  cfi: "cfi" | "cfi.robust" | "cfi.scaled";
  rmsea: typeof res.criterion.rmsea;
  tag: string;
} {
  const tag = res.criterion.cfi === "cfi" ? "" : res.criterion.cfi === "cfi.robust" ? " (robust)" : " (scaled)";
  return { cfi: res.criterion.cfi, rmsea: res.criterion.rmsea, tag };
}

function fitRow(name: string, f: StepFitMeasures, robust: boolean, m: ReturnType<typeof measuresOf>): Cell[] {
  return [
    cell(name),
    numCell(robust ? f["chisq.scaled"] : f.chisq),
    numCell(f.df, 0),
    cell(pval(robust ? f["pvalue.scaled"] : f.pvalue), { numeric: true }),
    numCell(f[m.cfi]),
    numCell(f[m.rmsea]),
    numCell(f.srmr),
  ];
}

function cmpRow(name: string, c: Comparison): Cell[] {
  return [
    cell(name),
    numCell(c["chisq.diff"]),
    numCell(c["df.diff"], c.method === "satorra.2000" && !Number.isInteger(c["df.diff"]) ? 2 : 0),
    cell(pval(c.pvalue), { numeric: true }),
    numCell(c[`${c.cfiMeasure}.diff`]),
    numCell(c[`${c.rmseaMeasure}.diff`]),
    numCell(c["srmr.diff"]),
    cell(c.supported ? "supported" : "not supported", { flag: c.supported ? "pass" : "fail" }),
  ];
}

export function invarianceSection(res: InvarianceResult): Section {
  const m = measuresOf(res);
  const robust = res.criterion.cfi !== "cfi" || (res.steps[0]?.fit["chisq.scaled"] ?? null) !== null;
  const step = (name: string): string =>
    res.parameterization !== undefined && name === "scalar" ? "scalar (thresholds)" : name;
  const fitRows: Cell[][] = [];
  const cmpRows: Cell[][] = [];
  for (const s of res.steps) {
    const freed = s.freed.length > 0 ? ` (${s.freed.join(", ")} free)` : "";
    fitRows.push(fitRow(`${step(s.name)}${freed}`, s.fit, robust, m));
    for (const p of res.partial.filter((x) => x.step === s.name))
      fitRows.push(fitRow(`partial ${p.step}: ${p.freed.join(", ")} free`, p.fit, robust, m));
  }
  for (const c of res.comparisons) {
    cmpRows.push(cmpRow(`${step(c.to)} vs ${c.from}`, c));
    for (const p of res.partial.filter((x) => x.step === c.to))
      cmpRows.push(cmpRow(`partial ${p.step} (${p.freed.join(", ")}) vs ${p.comparison.from}`, p.comparison));
  }
  const groups = res.groups.map((g, i) => `${g} (n = ${res.nobs[i]})`).join(", ");
  const last = res.supported;
  const withFreed = last.freed.length > 0 ? ` with ${last.freed.join(", ")} free` : "";
  const holds = `Invariance holds up to the ${step(last.step)} step${withFreed}.`;
  const chisq = robust ? "scaled χ²" : "χ²";
  const method = res.comparisons[0]?.method;
  const diffHeader =
    method === "satorra.2000"
      ? "Δχ² (satorra.2000)"
      : method === "satorra.bentler.2001"
        ? "Δχ² (Satorra-Bentler 2001)"
        : "Δχ²";
  return {
    id: "invariance",
    title: `Measurement invariance across ${res.group}`,
    blocks: [
      {
        kind: "text",
        text: `Groups: ${groups}. Estimator ${res.estimator}. Criterion ${res.criterion.name}: ${res.criterion.text}.`,
      },
      {
        kind: "table",
        caption: "Fit of the invariance models",
        columns: [
          { header: "Model" },
          { header: chisq, numeric: true },
          { header: "df", numeric: true },
          { header: "p", numeric: true },
          { header: `CFI${m.tag}`, numeric: true },
          { header: `RMSEA${m.tag}`, numeric: true },
          { header: "SRMR", numeric: true },
        ],
        rows: fitRows,
      },
      {
        kind: "table",
        caption: "Comparisons of nested models",
        columns: [
          { header: "Comparison" },
          { header: diffHeader, numeric: true },
          { header: "Δdf", numeric: true },
          { header: "p", numeric: true },
          { header: "ΔCFI", numeric: true },
          { header: "ΔRMSEA", numeric: true },
          { header: "ΔSRMR", numeric: true },
          { header: "Decision" },
        ],
        rows: cmpRows,
      },
      { kind: "text", text: [holds, ...res.notes].join(" ") },
    ],
  };
}
