/**
 * The adapter from a measurement-invariance analysis (src/invariance) to a section of the study
 * report: the fit of each model, the comparisons with their decisions, and where invariance stops.
 * The only file of src/report that reads the invariance result.
 */
import type { InvarianceResult, StepFitMeasures } from "../invariance/types.js";
import type { Comparison } from "../invariance/compare.js";
import { cell, numCell, pval, type Cell, type Section } from "./document.js";

function fitRow(name: string, f: StepFitMeasures, robust: boolean): Cell[] {
  return [
    cell(name),
    numCell(robust ? f["chisq.scaled"] : f.chisq),
    numCell(f.df, 0),
    cell(pval(robust ? f["pvalue.scaled"] : f.pvalue), { numeric: true }),
    numCell(robust ? f["cfi.robust"] : f.cfi),
    numCell(robust ? f["rmsea.robust"] : f.rmsea),
    numCell(f.srmr),
  ];
}

function cmpRow(name: string, c: Comparison): Cell[] {
  const robust = c.cfiMeasure === "cfi.robust";
  return [
    cell(name),
    numCell(c["chisq.diff"]),
    numCell(c["df.diff"], 0),
    cell(pval(c.pvalue), { numeric: true }),
    numCell(robust ? c["cfi.robust.diff"] : c["cfi.diff"]),
    numCell(robust ? c["rmsea.robust.diff"] : c["rmsea.diff"]),
    numCell(c["srmr.diff"]),
    cell(c.supported ? "supported" : "not supported", { flag: c.supported ? "pass" : "fail" }),
  ];
}

export function invarianceSection(res: InvarianceResult): Section {
  const robust = res.estimator !== "ML";
  const fitRows: Cell[][] = [];
  const cmpRows: Cell[][] = [];
  for (const s of res.steps) {
    const freed = s.freed.length > 0 ? ` (${s.freed.join(", ")} free)` : "";
    fitRows.push(fitRow(`${s.name}${freed}`, s.fit, robust));
    for (const p of res.partial.filter((x) => x.step === s.name))
      fitRows.push(fitRow(`partial ${p.step}: ${p.freed.join(", ")} free`, p.fit, robust));
  }
  for (const c of res.comparisons) {
    cmpRows.push(cmpRow(`${c.to} vs ${c.from}`, c));
    for (const p of res.partial.filter((x) => x.step === c.to))
      cmpRows.push(cmpRow(`partial ${p.step} (${p.freed.join(", ")}) vs ${p.comparison.from}`, p.comparison));
  }
  const groups = res.groups.map((g, i) => `${g} (n = ${res.nobs[i]})`).join(", ");
  const last = res.supported;
  const withFreed = last.freed.length > 0 ? ` with ${last.freed.join(", ")} free` : "";
  const holds = `Invariance holds up to the ${last.step} step${withFreed}.`;
  const chisq = robust ? "scaled χ²" : "χ²";
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
          { header: robust ? "CFI (robust)" : "CFI", numeric: true },
          { header: robust ? "RMSEA (robust)" : "RMSEA", numeric: true },
          { header: "SRMR", numeric: true },
        ],
        rows: fitRows,
      },
      {
        kind: "table",
        caption: "Comparisons of nested models",
        columns: [
          { header: "Comparison" },
          { header: robust ? "Δχ² (Satorra-Bentler 2001)" : "Δχ²", numeric: true },
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
