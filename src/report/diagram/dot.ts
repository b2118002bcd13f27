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

/** Font size (points, in the diagram's own units) of node names and estimates: see FONT_PT in render.ts. */
export const DIAGRAM_FONT_PT = 14;

/** A long name on two lines, broken at the space nearest its middle (keeps the diagram narrow). */
export function wrapName(name: string, max = 14): string[] {
  if (name.length <= max) return [name];
  let best = -1;
  for (let i = name.indexOf(" "); i >= 0; i = name.indexOf(" ", i + 1))
    if (best < 0 || Math.abs(i - name.length / 2) < Math.abs(best - name.length / 2)) best = i;
  return best < 0 ? [name] : [name.slice(0, best), name.slice(best + 1)];
}

function nodeLine(n: DiagramNode, right: ReadonlySet<string>): string {
  const lines = wrapName(n.label).map(escapeDotLabel);
  if (n.r2 !== undefined && Number.isFinite(n.r2)) lines.push(`R² = ${n.r2.toFixed(2)}`);
  const look =
    n.kind === "latent"
      ? 'shape=ellipse, style=filled, fillcolor="#e8eef7"'
      : 'shape=box, style=filled, fillcolor="#ffffff", width=0.5, height=0.32';
  // a factor measured on the left keeps its indicators in model order (its in-edges, in the layout)
  const order = n.kind === "latent" && !right.has(n.id) ? ", ordering=in" : "";
  return `  ${q(n.id)} [${look}${order}, label="${lines.join("\\n")}"];`;
}

function edgeLabel(e: DiagramEdge, fitted: boolean): string {
  if (fitted) return formatStd(e.std, e.pvalue);
  return e.modelLabel;
}

/** Whether a covariance joins two indicators (its arc bows away from their factors). */
export function isLowCovariance(e: DiagramEdge, byId: ReadonlyMap<string, DiagramNode>): boolean {
  const a = byId.get(e.from);
  const b = byId.get(e.to);
  return a?.kind === "observed" && b?.kind === "observed" && !a.structural && !b.structural;
}

/**
 * The variables drawn on the right-hand side: dependent constructs' measurement (the factor's
 * indicators, and the factors and indicators of a dependent second-order factor). Everything else
 * is measured on the left: indicators left of their factors, dimensions left of their
 * second-order factor.
 */
export function rightSide(g: DiagramGraph): Set<string> {
  const right = new Set(g.nodes.filter((n) => n.endogenous && n.kind === "latent").map((n) => n.id));
  const loadings = g.edges.filter((e) => e.kind === "loading");
  for (let grew = true; grew;) {
    grew = false;
    for (const e of loadings)
      if (right.has(e.from) && !right.has(e.to) && !byIdStructural(g, e.to)) {
        right.add(e.to);
        grew = true;
      }
  }
  return right;
}

const byIdStructural = (g: DiagramGraph, id: string): boolean => g.nodes.find((n) => n.id === id)?.structural ?? false;

/** Invisible edges that keep nodes of one rank in this order. */
function chain(out: string[], ns: readonly DiagramNode[]): void {
  if (ns.length > 1) out.push(`  ${ns.map((n) => q(n.id)).join(" -> ")} [style=invis];`);
}

/** Indicators: observed variables that only measure factors. */
const indicators = (g: DiagramGraph): DiagramNode[] =>
  g.nodes.filter(
    (n) => n.kind === "observed" && !n.structural && g.edges.some((e) => e.kind === "loading" && e.to === n.id),
  );

function edgeLine(e: DiagramEdge, g: DiagramGraph, right: ReadonlySet<string>, forLayout: boolean): string {
  const attrs: string[] = [];
  const label = edgeLabel(e, g.fitted);
  if (label !== "") attrs.push(`label="${escapeDotLabel(label)}"`);
  if (forLayout && e.kind === "covariance") return `  ${q(e.from)} -> ${q(e.to)} [style=invis, constraint=false];`;
  if (e.fixed) attrs.push("style=dashed");
  attrs.push(`class=${e.kind}`);
  if (e.kind === "regression") attrs.push('color="#1f3b73"', "penwidth=1.4");
  if (e.kind === "covariance") attrs.push("dir=both", "constraint=false", 'color="#7a7a7a"');
  // a loading measured on the left is laid out from the indicator to the factor, its head drawn at the indicator
  if (e.kind === "loading" && !right.has(e.to)) {
    attrs.push("dir=back");
    return `  ${q(e.to)} -> ${q(e.from)} [${attrs.join(", ")}];`;
  }
  return `  ${q(e.from)} -> ${q(e.to)}${attrs.length > 0 ? ` [${attrs.join(", ")}]` : ""};`;
}

/**
 * The DOT source of the diagram. Every name and label is escaped for a DOT quoted string.
 * `forLayout`: covariances as invisible edges, for the layout that arcs.ts draws them on; the DOT
 * written for people keeps them as edges.
 */
export function toDot(g: DiagramGraph, opts: { forLayout?: boolean; title?: string } = {}): string {
  const fs = DIAGRAM_FONT_PT;
  const out: string[] = [
    `digraph ${q(opts.title ?? "path diagram")} {`,
    `  graph [rankdir=LR, ordering=out, nodesep=0.08, ` +
      `ranksep=0.2, fontname="Helvetica", fontsize=${fs}, ` +
      `bgcolor="white", pad=0.1];`,
    `  node [fontname="Helvetica", fontsize=${fs}, color="#1f3b73", margin="0.06,0.02"];`,
    `  edge [fontname="Helvetica", fontsize=${fs}, arrowsize=0.6, color="#333333", fontcolor="#1f3b73"];`,
  ];
  // a multi-group fit is drawn for one group: say which
  if (g.group !== "") out.push(`  label="group: ${escapeDotLabel(g.group)}"; labelloc=t;`);
  const right = rightSide(g);
  for (const n of g.nodes) out.push(nodeLine(n, right));
  const ind = indicators(g);
  // the indicators measured on the left share the first column, top to bottom in model order (an edge
  // within a rank keeps its tail before its head); those on the right keep their factor's order
  const left = ind.filter((n) => !right.has(n.id));
  if (left.length > 1) out.push(`  { rank=min; ${left.map((n) => `${q(n.id)};`).join(" ")} }`);
  chain(out, left);
  // those on the right stand beside their own factor; all in the last column when covariances join
  // indicators of different factors (their bows then run down that column)
  const rightInd = g.nodes
    .filter((n) => right.has(n.id) && n.kind === "latent")
    .map((f) => ind.filter((n) => g.edges.some((e) => e.kind === "loading" && e.from === f.id && e.to === n.id)));
  const factorOf = new Map(rightInd.flatMap((ns, k) => ns.map((n) => [n.id, k] as const)));
  const across = g.edges.some(
    (e) =>
      e.kind === "covariance" &&
      factorOf.has(e.from) &&
      factorOf.has(e.to) &&
      factorOf.get(e.from) !== factorOf.get(e.to),
  );
  for (const own of across ? [rightInd.flat()] : rightInd) {
    if (own.length > 1) out.push(`  { rank=${across ? "max" : "same"}; ${own.map((n) => `${q(n.id)};`).join(" ")} }`);
    chain(out, own);
  }
  for (const e of g.edges) out.push(edgeLine(e, g, right, opts.forLayout === true));
  out.push("}");
  return `${out.join("\n")}\n`;
}
