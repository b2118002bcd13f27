/**
 * The firm report (one firm's diagnostic) and the overview of a batch of firms. Built on FirmView,
 * the report's own view of a firm's scores: an adapter turns the scoring output into one.
 */
import { chartToSvg } from "./charts/render.js";
import { normsChartSpec, type NormQuantiles } from "./charts/norms.js";
import {
  cell,
  num,
  numCell,
  type Block,
  type ReportBundle,
  type ReportDocument,
  type ReportFile,
  type Section,
} from "./document.js";
import { safeFileName, showControls } from "./escape.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import type { RenderedDiagram } from "./diagram/render.js";

export interface FirmDimension {
  id: string;
  label: string;
  /** null when the firm answered no item of the dimension */
  score: number | null;
  /** percentile rank in the norm sample, 0-100 */
  percentile: number | null;
  norm: NormQuantiles;
}

export interface FirmAction {
  priority: number;
  /** the practice (item) it addresses: its id and wording */
  item: string;
  practice: string;
  dimension: string;
  /** the recoded score (what the dimension score averages) */
  score: number;
  /** the answer the firm gave */
  answer: number;
  reverseKeyed: boolean;
  action: string;
}

export interface FirmView {
  id: string;
  /** ISRS index on 0-100; null when a dimension has no score */
  index: number | null;
  percentile: number | null;
  profile: { name: string; description: string };
  dimensions: FirmDimension[];
  scale: { min: number; max: number };
  actions: FirmAction[];
  normSize: number;
  /** how the index weights the dimensions (fitted second-order loadings, or equal weights) */
  weighting: string;
  meta: { label: string; value: string }[];
  provenance: string;
}

const pct = (p: number | null): string => (p === null ? "–" : `${Math.round(p)}`);

/**
 * A percentile rank in words that cannot be read the wrong way round: the share of the norm firms
 * the firm is ahead of (mid-rank: ties count half), e.g. "ahead of 1% of the 151 norm firms".
 */
export function standing(p: number | null, normSize: number): string {
  return p === null ? "–" : `ahead of ${Math.round(p)}% of the ${normSize} norm firms`;
}

/** The answer as given; for a reverse-keyed item also the score it counts as. */
const answerText = (a: FirmAction): string => (a.reverseKeyed ? `${a.answer} (counts as ${a.score})` : `${a.answer}`);

const PCT_HEADER = "percentile rank (% of norm firms below)";

const DIAGRAM_CAPTION =
  "The model fitted to the norm sample, whose second-order " +
  "loadings weight the ISRS index (standardized " +
  "estimates; *** p < .001, ** p < .01, * p < .05; dashed: fixed in the model, not estimated)";

function firmDocument(v: FirmView, chart: string, diagram: RenderedDiagram | undefined): ReportDocument {
  const headline: Block = {
    kind: "facts",
    items: [
      { label: "ISRS index (0-100)", value: num(v.index, 1) },
      { label: "standing", value: standing(v.percentile, v.normSize) },
      { label: "profile", value: v.profile.name },
    ],
  };
  const sections: Section[] = [
    { id: "summary", title: "Summary", blocks: [headline, { kind: "text", text: v.profile.description }] },
    {
      id: "dimensions",
      title: "Dimensions against the norm sample",
      blocks: [
        {
          kind: "figure",
          caption:
            "The firm's dimension scores (diamond) against " +
            "the norm sample: median (tick), quartiles (band), " +
            "lowest to highest (line)",
          svg: chart,
          file: "scores.svg",
        },
        dimensionTable(v),
      ],
    },
  ];
  if (v.actions.length > 0) sections.push({ id: "actions", title: "Prioritised actions", blocks: [actionTable(v)] });
  if (diagram !== undefined) {
    sections.push({
      id: "model",
      title: "The model behind the index",
      blocks: [{ kind: "figure", caption: DIAGRAM_CAPTION, svg: diagram.svg, file: "diagram.svg", wide: true }],
    });
  }
  return {
    title: `Service recovery diagnostic: ${v.id}`,
    subtitle: "Integrated service recovery system (ISRS) profile",
    meta: v.meta,
    sections,
    footer: v.provenance,
  };
}

/** The firm's dimension scores against the norm medians and quartiles. */
function dimensionTable(v: FirmView): Block {
  return {
    kind: "table",
    caption: "Dimension scores",
    columns: [
      { header: "dimension" },
      { header: "score", numeric: true },
      { header: PCT_HEADER, numeric: true },
      { header: "norm median", numeric: true },
      { header: "norm quartiles", numeric: true },
    ],
    rows: v.dimensions.map((d) => [
      cell(d.label),
      { ...numCell(d.score, 2), flag: d.score === null ? undefined : d.score >= d.norm.median ? "pass" : "fail" },
      cell(pct(d.percentile), { numeric: true }),
      numCell(d.norm.median, 2),
      cell(`${num(d.norm.q1, 2)} – ${num(d.norm.q3, 2)}`, { numeric: true }),
    ]),
    note:
      `Scores are item means on the ${v.scale.min}-${v.scale.max} scale; ✓ at or above the norm median, ✗ ` +
      `below it. A percentile rank of 1 means ahead of 1% ` +
      `of the ${v.normSize} norm firms (the lowest), 99 ` +
      `ahead of 99% (the highest); ties count half. ${v.weighting}`,
  };
}

/** The weakest practices with their actions (and how a reverse-keyed answer counts). */
function actionTable(v: FirmView): Block {
  return {
    kind: "table",
    caption: "The weakest practices and what to do about them",
    columns: [
      { header: "#", numeric: true },
      { header: "practice" },
      { header: "dimension" },
      { header: "answer given", numeric: true },
      { header: "action" },
    ],
    rows: v.actions.map((a) => [
      cell(String(a.priority), { numeric: true }),
      cell(`${a.practice} (${a.item}${a.reverseKeyed ? ", reverse-keyed" : ""})`),
      cell(a.dimension),
      cell(answerText(a), { numeric: true }),
      cell(a.action),
    ]),
    ...(v.actions.some((a) => a.reverseKeyed)
      ? {
          note:
            `A reverse-keyed practice is worded against ` +
            `good practice: agreeing with it is a weakness, ` +
            `so its answer counts as ${v.scale.min} + ${v.scale.max} − answer in the scores.`,
        }
      : {}),
  };
}

/**
 * One firm's report: report.html, report.md, results.json, the chart scores.svg and, when the
 * model behind the index weights was fitted, its diagram (shown in the report; diagram.svg and
 * diagram.dot written when `diagramFiles`).
 */
export async function buildFirmReport(
  v: FirmView,
  diagram?: RenderedDiagram,
  diagramFiles = true,
): Promise<ReportBundle> {
  const chart = await chartToSvg(
    normsChartSpec(
      v.dimensions.map((d) => ({ dimension: d.label, score: d.score, norm: d.norm })),
      v.scale,
      `Firm ${showControls(v.id)}`,
    ),
  );
  const document = firmDocument(v, chart, diagram);
  const files: ReportFile[] = [
    { name: "report.html", content: renderHtml(document) },
    { name: "report.md", content: renderMarkdown(document) },
    { name: "results.json", content: `${JSON.stringify({ kind: "firm", ...v }, null, 2)}\n` },
    { name: "scores.svg", content: chart },
  ];
  if (diagram !== undefined && diagramFiles)
    files.push({ name: "diagram.svg", content: diagram.svg }, { name: "diagram.dot", content: diagram.dot });
  return { document, files };
}

/** Folder names for the firms of a batch: safe file names, made unique when two ids map to one. */
export function firmFolders(ids: readonly string[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const id of ids) {
    const base = safeFileName(id);
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}-${k}`;
    used.add(name.toLowerCase());
    out.set(id, name);
  }
  return out;
}

/** The overview of a batch: a table of every firm linking to its report in firms/<folder>/. */
export function overviewDocument(
  firms: readonly FirmView[],
  folders: ReadonlyMap<string, string>,
  meta: ReportDocument["meta"],
  provenance: string,
  diagram?: RenderedDiagram,
): ReportDocument {
  const weakest = (f: FirmView): string =>
    [...f.dimensions].filter((d) => d.percentile !== null).sort((a, b) => a.percentile! - b.percentile!)[0]?.label ??
    "–";
  const table: Block = {
    kind: "table",
    caption: `${firms.length} firms`,
    columns: [
      { header: "firm" },
      { header: "ISRS index", numeric: true },
      { header: PCT_HEADER, numeric: true },
      { header: "profile" },
      { header: "weakest dimension" },
    ],
    rows: firms.map((f) => [
      cell(f.id, { href: `firms/${folders.get(f.id)!}/report.html` }),
      numCell(f.index, 1),
      cell(pct(f.percentile), { numeric: true }),
      cell(f.profile.name),
      cell(weakest(f)),
    ]),
  };
  const counts = new Map<string, number>();
  for (const f of firms) counts.set(f.profile.name, (counts.get(f.profile.name) ?? 0) + 1);
  const profiles: Block = { kind: "facts", items: [...counts].map(([label, n]) => ({ label, value: `${n} firms` })) };
  return {
    title: "Service recovery diagnostics: all firms",
    subtitle: "ISRS index, percentile and profile of every firm; each firm's own report is linked",
    meta,
    sections: [
      { id: "profiles", title: "Profiles", blocks: [profiles] },
      { id: "firms", title: "Firms", blocks: [table] },
      ...(diagram === undefined
        ? []
        : [
            {
              id: "model",
              title: "The model behind the index",
              blocks: [
                {
                  kind: "figure" as const,
                  caption: DIAGRAM_CAPTION,
                  svg: diagram.svg,
                  file: "diagram.svg",
                  wide: true,
                },
              ],
            },
          ]),
    ],
    footer: provenance,
  };
}

export interface BatchOptions {
  meta: ReportDocument["meta"];
  provenance: string;
  /** the model behind the index weights: in every report, its files once at the top */
  diagram?: RenderedDiagram;
  onFirm?: (done: number, total: number) => void;
}

/**
 * The files of a batch: the overview (report.html/.md, results.json) at the top, one folder per firm. `onFirm`
 * reports progress.
 */
export async function buildBatch(firms: readonly FirmView[], opts: BatchOptions): Promise<ReportFile[]> {
  const folders = firmFolders(firms.map((f) => f.id));
  const files: ReportFile[] = [];
  let done = 0;
  for (const f of firms) {
    const b = await buildFirmReport(f, opts.diagram, false);
    for (const file of b.files) files.push({ name: `firms/${folders.get(f.id)!}/${file.name}`, content: file.content });
    opts.onFirm?.(++done, firms.length);
  }
  const doc = overviewDocument(firms, folders, opts.meta, opts.provenance, opts.diagram);
  if (opts.diagram !== undefined)
    files.push({ name: "diagram.svg", content: opts.diagram.svg }, { name: "diagram.dot", content: opts.diagram.dot });
  files.push(
    { name: "report.html", content: renderHtml(doc) },
    { name: "report.md", content: renderMarkdown(doc) },
    {
      name: "results.json",
      content: `${JSON.stringify(
        { kind: "firms", firms: firms.map((f) => ({ folder: `firms/${folders.get(f.id)!}`, ...f })) },
        null,
        2,
      )}\n`,
    },
  );
  return files;
}
