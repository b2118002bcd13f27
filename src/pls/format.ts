/**
 * The text summary of a PLS analysis, in seminr's order: the sample, path coefficients with R²
 * and adjusted R², reliability, then the measurement model (loadings, weights), discriminant
 * validity (HTMT, Fornell-Larcker), collinearity (VIFs), effect sizes (f², total and indirect
 * effects), AIC/BIC, cross-loadings, warnings. Three decimals; "." for an absent entry.
 */
import type { PlsResults } from "./results.js";

type Cell = number | null | undefined;

function num(v: Cell): string {
  return v === null || v === undefined ? "." : Number.isFinite(v) ? v.toFixed(3) : String(v);
}

/** A right-aligned table with row names on the left. */
export function textTable(cols: readonly string[], rows: readonly { name: string; cells: readonly Cell[] }[]): string {
  const nameWidth = Math.max(0, ...rows.map((r) => r.name.length));
  const texts = rows.map((r) => r.cells.map(num));
  const widths = cols.map((c, j) => Math.max(c.length, ...texts.map((t) => t[j]!.length)));
  const line = (name: string, cells: readonly string[]): string =>
    `  ${name.padEnd(nameWidth)}  ${cells.map((c, j) => c.padStart(widths[j]!)).join("  ")}`.trimEnd();
  return [line("", cols), ...rows.map((r, i) => line(r.name, texts[i]!))].join("\n");
}

function section(title: string, body: string, note?: string): string {
  return `${title}\n${body}${note === undefined ? "" : `\n  ${note}`}\n`;
}

function pathTable(r: PlsResults): string {
  const outcomes = Object.keys(r.rsquared);
  const preds = [...new Set(r.parameters.filter((p) => p.op === "~").map((p) => p.rhs))];
  const coef = (x: string, y: string): Cell =>
    r.parameters.find((p) => p.op === "~" && p.lhs === y && p.rhs === x)?.est;
  return textTable(outcomes, [
    { name: "R^2", cells: outcomes.map((y) => r.rsquared[y]!.r2) },
    { name: "AdjR^2", cells: outcomes.map((y) => r.rsquared[y]!["adj.r2"]) },
    ...preds.map((x) => ({ name: x, cells: outcomes.map((y) => coef(x, y)) })),
  ]);
}

function outerTable(r: PlsResults, op: "=~" | "<~"): string {
  const constructs = r.constructs.map((c) => c.name);
  const items = r.constructs.flatMap((c) => c.indicators);
  return textTable(
    constructs,
    items.map((it) => ({
      name: it,
      cells: constructs.map((c) => r.parameters.find((p) => p.op === op && p.lhs === c && p.rhs === it)?.est),
    })),
  );
}

function pairTable(names: readonly string[], get: (a: string, b: string) => Cell): string {
  return textTable(
    names,
    names.map((a) => ({ name: a, cells: names.map((b) => get(a, b)) })),
  );
}

function vifText(r: PlsResults): string {
  const items = r.constructs
    .map((c) => {
      const vs = r.vif.items.filter((v) => v.construct === c.name);
      return `  ${c.name}: ${vs.map((v) => `${v.item} ${num(v.vif)}`).join(", ")}`;
    })
    .join("\n");
  const outcomes = [...new Set(r.vif.antecedents.map((v) => v.lhs))];
  const ants = outcomes
    .map((y) => {
      const vs = r.vif.antecedents.filter((v) => v.lhs === y);
      return `  ${y}: ${vs.map((v) => `${v.rhs} ${num(v.vif)}`).join(", ")}`;
    })
    .join("\n");
  return `Item VIFs:\n${items}\n\nAntecedent VIFs:\n${ants}\n`;
}

function settingsLine(r: PlsResults): string {
  const scheme =
    { path: "path weighting", factorial: "factorial", centroid: "centroid" }[r.settings.scheme] ?? r.settings.scheme;
  const model = r.settings.plsc ? "consistent PLS (every '=~' construct a common factor)" : "PLS";
  const conv = r.converged ? "converged" : "NOT converged";
  const stage = r.firstStage === undefined ? "" : `; stage 1: ${r.firstStage.iterations}`;
  return `${model}, ${scheme} scheme; iterations ${r.iterations}${stage} (${conv})`;
}

function missingText(cells: number): string {
  return cells === 0 ? "no missing values" : `${cells} missing value${cells === 1 ? "" : "s"} replaced by item means`;
}

/** The first lines: model, data, observations, missing values and settings. */
function headerText(r: PlsResults, version: string): string {
  const missing =
    r.missing.method === "listwise"
      ? `${r.missing.dropped.length} row${r.missing.dropped.length === 1 ? "" : "s"} with missing values dropped`
      : missingText(r.missing.imputed.reduce((s, x) => s + x.count, 0));
  return (
    `isrs ${version} PLS path model: ${r.model} on ${r.data}\n` +
    `Estimation used ${r.nobs} observations (${missing}); ${settingsLine(r)}\n`
  );
}

/** HTMT (below the diagonal) and the Fornell-Larcker criterion. */
function validitySections(r: PlsResults): string[] {
  const constructs = r.fornellLarcker.constructs;
  const htmt = (a: string, b: string): Cell => {
    const i = constructs.indexOf(a);
    const j = constructs.indexOf(b);
    if (j >= i) return null;
    return r.htmt.find((h) => (h.lhs === a && h.rhs === b) || (h.lhs === b && h.rhs === a))?.est;
  };
  return [
    section("HTMT:", pairTable(constructs, htmt)),
    section(
      "Fornell-Larcker Criterion:",
      pairTable(constructs, (a, b) => r.fornellLarcker.values[constructs.indexOf(a)]![constructs.indexOf(b)]),
      "square root of AVE on the diagonal, construct correlations below",
    ),
  ];
}

/** f², total and total indirect effects: predictors in rows, outcomes in columns. */
function effectSections(r: PlsResults): string[] {
  const outcomes = Object.keys(r.rsquared);
  const preds = [...new Set(r.parameters.filter((p) => p.op === "~").map((p) => p.rhs))];
  const total = (x: string, y: string, key: "est" | "indirect"): Cell =>
    r.totalEffects.find((t) => t.lhs === y && t.rhs === x)?.[key];
  return [
    section(
      "f^2:",
      textTable(
        outcomes,
        preds.map((x) => ({
          name: x,
          cells: outcomes.map((y) => r.fsquared.find((f) => f.lhs === y && f.rhs === x)?.est),
        })),
      ),
    ),
    section(
      "Total Effects:",
      textTable(
        outcomes,
        preds.map((x) => ({ name: x, cells: outcomes.map((y) => total(x, y, "est")) })),
      ),
    ),
    section(
      "Total Indirect Effects:",
      textTable(
        outcomes,
        preds.map((x) => ({ name: x, cells: outcomes.map((y) => total(x, y, "indirect")) })),
      ),
    ),
  ];
}

/** The whole summary. */
export function formatPlsText(r: PlsResults, version = ""): string {
  const parts = [
    headerText(r, version),
    section("Path Coefficients:", pathTable(r)),
    section(
      "Reliability:",
      textTable(
        ["alpha", "rhoC", "AVE", "rhoA"],
        Object.entries(r.reliability).map(([c, v]) => ({ name: c, cells: [v.alpha, v.rhoC, v.AVE, v.rhoA] })),
      ),
      "Alpha, rhoC, and rhoA should exceed 0.7 while AVE should exceed 0.5",
    ),
    section("Outer Loadings:", outerTable(r, "=~")),
    section("Outer Weights:", outerTable(r, "<~")),
    ...validitySections(r),
    vifText(r),
    ...effectSections(r),
    section(
      "Information Criteria:",
      textTable(
        ["AIC", "BIC"],
        Object.entries(r.itCriteria).map(([c, v]) => ({ name: c, cells: [v.AIC, v.BIC] })),
      ),
    ),
    section(
      "Cross-loadings:",
      textTable(
        r.crossLoadings.constructs,
        r.crossLoadings.items.map((it, i) => ({ name: it, cells: r.crossLoadings.values[i]! })),
      ),
    ),
  ];
  if (r.warnings.length > 0) parts.push(`Warnings:\n${r.warnings.map((w) => `  ${w.message}`).join("\n")}\n`);
  return parts.join("\n");
}
