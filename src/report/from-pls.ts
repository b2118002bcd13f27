/**
 * The adapter from a PLS analysis (src/pls) to a section of the study report: outer loadings and
 * weights, path coefficients with R², reliability (α, ρC, ρA, AVE), HTMT, and the
 * importance-performance map of the target with its chart and the dimension to fix first. The only
 * file of src/report that reads a PLS result.
 */
import type { IpmaConstruct, IpmaResult } from "../pls/ipma/compute.js";
import type { PlsInference, PlsResults } from "../pls/results.js";
import { ipmaChartSpec } from "../pls/ipma/chart.js";
import { CHART_CONFIG, chartToSvg } from "./charts/render.js";
import { cell, num, numCell, type Block, type Cell, type Section } from "./document.js";

export interface PlsSectionInput {
  results: PlsResults;
  /** the importance-performance map (plsImportancePerformance) */
  ipma: IpmaResult;
  /** construct labels by id ("Failure detection") */
  labels: Readonly<Record<string, string>>;
  /** the constructs among which to pick what to fix first (default: every antecedent on the map) */
  candidates?: readonly string[];
}

const HTMT_STRICT = 0.85;

function named(labels: PlsSectionInput["labels"], x: string): string {
  const l = labels[x];
  return l === undefined || l === x ? x : `${l} (${x})`;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * What to fix first: among the candidates on the map, those performing at or below the median
 * performance, the one of highest importance (Ringle & Sarstedt 2016: act where importance is high
 * and performance low). Undefined when no candidate is on the map.
 */
export function fixFirst(ipma: IpmaResult, candidates?: readonly string[]): IpmaConstruct | undefined {
  const on = ipma.constructs.filter(
    (c) => c.importance !== null && (candidates === undefined || candidates.includes(c.construct)),
  );
  if (on.length === 0) return undefined;
  const cut = median(on.map((c) => c.performance));
  const low = on.filter((c) => c.performance <= cut);
  return low.reduce((best, c) => (c.importance! > best.importance! ? c : best));
}

function outerTable(r: PlsResults, labels: PlsSectionInput["labels"]): Block {
  const weight = new Map(r.parameters.filter((p) => p.op === "<~").map((p) => [`${p.lhs}\u0000${p.rhs}`, p.est]));
  const rows: Cell[][] = r.parameters
    .filter((p) => p.op === "=~")
    .map((p) => [
      cell(named(labels, p.lhs)),
      cell(named(labels, p.rhs)),
      { ...numCell(p.est), flag: p.est >= 0.708 ? "pass" : "fail" },
      numCell(weight.get(`${p.lhs}\u0000${p.rhs}`) ?? null),
    ]);
  return {
    kind: "table",
    caption: "PLS outer loadings and weights",
    columns: [
      { header: "construct" },
      { header: "indicator" },
      { header: "loading", numeric: true },
      { header: "weight", numeric: true },
    ],
    rows,
    note:
      "✓: loading ≥ 0.708 (Hair et al. 2017). A higher-order construct's indicators are its dimensions' " +
      "scores from the first stage.",
  };
}

/** "[lower, upper]" of a bootstrapped row, "–" without a bootstrap. */
const ciCell = (x: PlsInference): Cell =>
  cell(x["ci.lower"] === null ? "–" : `[${num(x["ci.lower"])}, ${num(x["ci.upper"])}]`, { numeric: true });

function pathTable(r: PlsResults, labels: PlsSectionInput["labels"]): Block {
  const boot = r.parameters.some((p) => p.op === "~" && p.se !== null);
  const rows: Cell[][] = r.parameters
    .filter((p) => p.op === "~")
    .map((p) => [
      cell(`${named(labels, p.rhs)} → ${named(labels, p.lhs)}`),
      numCell(p.est),
      ...(boot ? [numCell(p.se), numCell(p.t, 2), ciCell(p)] : []),
    ]);
  return {
    kind: "table",
    caption: "PLS path coefficients",
    columns: [
      { header: "path" },
      { header: "coefficient", numeric: true },
      ...(boot
        ? [
            { header: "bootstrap SE", numeric: true },
            { header: "t", numeric: true },
            { header: "95% percentile CI", numeric: true },
          ]
        : []),
    ],
    rows,
  };
}

function r2Table(r: PlsResults, labels: PlsSectionInput["labels"]): Block {
  return {
    kind: "table",
    caption: "PLS explained variance",
    columns: [{ header: "construct" }, { header: "R²", numeric: true }, { header: "adjusted R²", numeric: true }],
    rows: Object.entries(r.rsquared).map(([c, x]) => [cell(named(labels, c)), numCell(x.r2), numCell(x["adj.r2"])]),
  };
}

function reliabilityTable(r: PlsResults, labels: PlsSectionInput["labels"]): Block {
  const pass = (x: number, cut: number): Cell => ({ ...numCell(x), flag: x >= cut ? "pass" : "fail" });
  return {
    kind: "table",
    caption: "PLS reliability and convergent validity",
    columns: [
      { header: "construct" },
      { header: "Cronbach's α", numeric: true },
      { header: "ρC", numeric: true },
      { header: "ρA", numeric: true },
      { header: "AVE", numeric: true },
    ],
    rows: Object.entries(r.reliability).map(([c, x]) => [
      cell(named(labels, c)),
      pass(x.alpha, 0.7),
      pass(x.rhoC, 0.7),
      pass(x.rhoA, 0.7),
      pass(x.AVE, 0.5),
    ]),
    note: "✓: α, ρC and ρA ≥ 0.70, AVE ≥ 0.50 (Hair et al. 2017; ρA: Dijkstra & Henseler 2015).",
  };
}

function htmtTable(r: PlsResults, labels: PlsSectionInput["labels"]): Block {
  const boot = r.htmt.some((h) => h["ci.lower"] !== null);
  // a higher-order construct and its own dimensions: not a test of discriminant validity
  const names = new Set(r.constructs.map((c) => c.name));
  const own = new Set(
    r.constructs
      .filter((c) => c.indicators.every((i) => names.has(i)))
      .flatMap((c) => c.indicators.flatMap((d) => [`${c.name}\u0000${d}`, `${d}\u0000${c.name}`])),
  );
  return {
    kind: "table",
    caption: "PLS discriminant validity: HTMT",
    columns: [
      { header: "constructs" },
      { header: "HTMT", numeric: true },
      ...(boot ? [{ header: "95% percentile CI", numeric: true }] : []),
    ],
    rows: r.htmt.map((h) => [
      cell(`${named(labels, h.lhs)} – ${named(labels, h.rhs)}`),
      own.has(`${h.lhs}\u0000${h.rhs}`)
        ? numCell(h.est)
        : { ...numCell(h.est), flag: h.est > HTMT_STRICT ? "fail" : "pass" },
      ...(boot ? [ciCell(h)] : []),
    ]),
    note:
      "✗ above 0.85 (strict; 0.90 liberal), Henseler, Ringle & Sarstedt (2015). A higher-order construct " +
      "and its own dimensions are not judged: it is made of them.",
  };
}

function ipmaTable(ipma: IpmaResult, labels: PlsSectionInput["labels"]): Block {
  return {
    kind: "table",
    caption: `Importance-performance map: ${named(labels, ipma.target)}`,
    columns: [
      { header: "construct" },
      { header: "importance", numeric: true },
      { header: "performance (0-100)", numeric: true },
    ],
    rows: ipma.constructs.map((c) => [
      cell(
        c.higherOrder === undefined
          ? named(labels, c.construct)
          : `${named(labels, c.construct)}, via ${c.higherOrder}`,
      ),
      numCell(c.importance),
      numCell(c.performance, 1),
    ]),
    note:
      "Importance: unstandardised total effect on the target (points of its 0-100 score per point more); " +
      "performance: mean score rescaled from the items' scale ends (Ringle & Sarstedt 2016).",
  };
}

function fixFirstText(ipma: IpmaResult, input: PlsSectionInput): string {
  const f = fixFirst(ipma, input.candidates);
  if (f === undefined) return "No construct acts on the target: nothing to rank.";
  return (
    `What to fix first: ${named(input.labels, f.construct)}, the most important for ` +
    `${named(input.labels, ipma.target)} (${f.importance!.toFixed(3)} points per point of improvement) among ` +
    `those performing at or below the median (performance ${f.performance.toFixed(1)} of 100).`
  );
}

function bootText(r: PlsResults): string {
  const b = r.bootstrap as { requested: number; successful: number; seed: number } | undefined;
  if (b === undefined) return "";
  return ` Bootstrap: ${b.successful} of ${b.requested} resamples, seed ${b.seed}, percentile intervals.`;
}

/** The section and its chart file (ipma.svg). */
export async function plsSection(input: PlsSectionInput): Promise<{ section: Section; svg: string }> {
  const { results: r, ipma, labels } = input;
  const svg = await chartToSvg(ipmaChartSpec(ipma, "construct", CHART_CONFIG));
  const imputed = r.missing.imputed.reduce((a, x) => a + x.count, 0);
  const facts =
    `PLS path model (seminr's conventions): ${r.nobs} observations, ${r.settings.scheme} weighting scheme, ` +
    `${r.settings.plsc ? "consistent PLS" : "composites in mode A"}, higher-order constructs ` +
    `${r.settings.hocMethod}, ${r.iterations} iterations` +
    (imputed > 0 ? `, ${imputed} missing values replaced by the item mean.` : ".") +
    bootText(r);
  const blocks: Block[] = [
    { kind: "text", text: facts },
    outerTable(r, labels),
    pathTable(r, labels),
    r2Table(r, labels),
    reliabilityTable(r, labels),
    htmtTable(r, labels),
    ipmaTable(ipma, labels),
    {
      kind: "figure",
      caption: `Importance-performance map of ${named(labels, ipma.target)} (dashed lines: means)`,
      svg,
      file: "ipma.svg",
    },
    { kind: "text", text: fixFirstText(ipma, input) },
  ];
  const warnings = r.warnings.map((w) => w.message);
  if (warnings.length > 0) blocks.push({ kind: "list", ordered: false, items: warnings });
  return { section: { id: "pls", title: "PLS path model and importance-performance map", blocks }, svg };
}
