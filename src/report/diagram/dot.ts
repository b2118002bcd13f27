/**
 * DOT text of a path diagram, in the conventions of SEM path diagrams (e.g. Kline 2016, ch. 5;
 * lavaan's companion semPlot): latent variables as ellipses, observed as boxes, single-headed
 * arrows for loadings and regressions, curved two-headed arrows for covariances, fixed parameters
 * dashed.
 *
 * Layout (Graphviz dot, top to bottom): factors sit above their indicators, so a second-order
 * factor sits above its dimensions; the variables that take part in regressions share one rank,
 * where dot draws edges within a rank left to right, tail before head, so structural paths read
 * left to right. Covariances do not constrain the layout; between two indicators they bend below
 * the row of boxes, elsewhere above.
 */
import { escapeDot, escapeDotLabel } from "../escape.js";
import { stars, type DiagramEdge, type DiagramGraph, type DiagramNode } from "./graph.js";

const q = (s: string): string => `"${escapeDot(s)}"`;

/** A standardized estimate with two decimals and its stars: 0.72***. */
export function formatStd(std: number | undefined, pvalue: number | undefined): string {
  if (std === undefined || !Number.isFinite(std)) return "";
  return `${std.toFixed(2)}${stars(pvalue)}`;
}

function nodeLine(n: DiagramNode): string {
  const lines = [escapeDotLabel(n.label)];
  if (n.r2 !== undefined && Number.isFinite(n.r2)) lines.push(`R² = ${n.r2.toFixed(2)}`);
  const look =
    n.kind === "latent"
      ? 'shape=ellipse, style=filled, fillcolor="#e8eef7"'
      : 'shape=box, style=filled, fillcolor="#ffffff", width=0.45, height=0.3';
  return `  ${q(n.id)} [${look}, label="${lines.join("\\n")}"];`;
}

function edgeLabel(e: DiagramEdge, fitted: boolean): string {
  if (fitted) return formatStd(e.std, e.pvalue);
  return e.modelLabel;
}

/** Whether a covariance joins two indicators (its arc bows below their row). */
export function isLowCovariance(e: DiagramEdge, byId: ReadonlyMap<string, DiagramNode>): boolean {
  const a = byId.get(e.from);
  const b = byId.get(e.to);
  return a?.kind === "observed" && b?.kind === "observed" && !a.structural && !b.structural;
}

function edgeLine(e: DiagramEdge, g: DiagramGraph, forLayout: boolean): string {
  const attrs: string[] = [];
  const label = edgeLabel(e, g.fitted);
  if (label !== "") attrs.push(`label="${escapeDotLabel(label)}"`);
  if (forLayout && e.kind === "covariance") return `  ${q(e.from)} -> ${q(e.to)} [style=invis, constraint=false];`;
  // an invisible edge keeps its label, so that dot leaves room for it between the two nodes
  if (forLayout && e.kind === "regression")
    return `  ${q(e.from)} -> ${q(e.to)} [${["style=invis", ...attrs].join(", ")}];`;
  if (e.fixed) attrs.push("style=dashed");
  if (e.kind === "regression") attrs.push('color="#1f3b73"', "penwidth=1.4");
  if (e.kind === "covariance") attrs.push("dir=both", "constraint=false", 'color="#7a7a7a"');
  return `  ${q(e.from)} -> ${q(e.to)}${attrs.length > 0 ? ` [${attrs.join(", ")}]` : ""};`;
}

/**
 * The DOT source of the diagram. Every name and label is escaped for a DOT quoted string.
 * `forLayout`: covariances and regressions as invisible edges, for the layout that arcs.ts draws
 * them on; the DOT written for people keeps them as edges.
 */
export function toDot(g: DiagramGraph, opts: { forLayout?: boolean; title?: string } = {}): string {
  const out: string[] = [
    `digraph ${q(opts.title ?? "path diagram")} {`,
    '  graph [rankdir=TB, ordering=out, nodesep=0.18, ranksep=0.75, fontname="Helvetica", fontsize=11, bgcolor="white", pad=0.2];',
    '  node [fontname="Helvetica", fontsize=11, color="#1f3b73", margin="0.06,0.03"];',
    '  edge [fontname="Helvetica", fontsize=9, arrowsize=0.6, color="#333333", fontcolor="#1f3b73"];',
  ];
  // a multi-group fit is drawn for one group: say which
  if (g.group !== "") out.push(`  label="group: ${escapeDotLabel(g.group)}"; labelloc=t;`);
  for (const n of g.nodes) out.push(nodeLine(n));
  const structural = g.nodes.filter((n) => n.structural);
  if (structural.length > 1) out.push(`  { rank=same; ${structural.map((n) => `${q(n.id)};`).join(" ")} }`);
  for (const e of g.edges) out.push(edgeLine(e, g, opts.forLayout === true));
  out.push("}");
  return `${out.join("\n")}\n`;
}
