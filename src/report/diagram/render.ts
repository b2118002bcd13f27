/**
 * DOT → SVG with Graphviz compiled to WebAssembly (@viz-js/viz, bundled in the npm package: no
 * system binary, nothing fetched). The instance is created once per process, on first use.
 * renderDiagram lays the graph out with dot and adds the covariance arcs (arcs.ts).
 */
import type { Viz } from "@viz-js/viz";
import { arcsSvg, type Arc, type ArcSvg, type NodeBox } from "./arcs.js";
import { DIAGRAM_FONT_PT, toDot, formatStd } from "./dot.js";
import type { DiagramGraph } from "./graph.js";

let viz: Promise<Viz> | undefined;

function instance(): Promise<Viz> {
  viz ??= import("@viz-js/viz").then((m) => m.instance());
  return viz;
}

function fail(errors: readonly { message: string }[]): never {
  throw new Error(`Graphviz could not lay out the diagram: ${errors.map((e) => e.message.trim()).join("; ")}`);
}

/** Lays out DOT source with dot and returns the SVG document; a DOT error throws with Graphviz's message. */
export async function dotToSvg(dot: string): Promise<string> {
  const r = (await instance()).render(dot, { format: "svg", engine: "dot" });
  if (r.status !== "success") fail(r.errors);
  return r.output;
}

/** Node centres and half sizes (points) of dot's layout, in the SVG's coordinates (y negated). */
async function nodeBoxes(dot: string): Promise<Map<string, NodeBox>> {
  const r = (await instance()).render(dot, { format: "json", engine: "dot" });
  if (r.status !== "success") fail(r.errors);
  const json = JSON.parse(r.output) as { objects?: { name: string; pos?: string; width?: string; height?: string }[] };
  const out = new Map<string, NodeBox>();
  for (const o of json.objects ?? []) {
    if (o.pos === undefined || o.width === undefined || o.height === undefined) continue;
    const [x, y] = o.pos.split(",").map(Number) as [number, number];
    out.set(o.name, { x, y: -y, rx: (Number(o.width) * 72) / 2, ry: (Number(o.height) * 72) / 2 });
  }
  return out;
}

/** Grows the SVG canvas so that the arcs' extent (graph coordinates) fits. */
function growCanvas(svg: string, ext: ArcSvg): string {
  const head = /<svg width="([\d.]+)pt" height="([\d.]+)pt"\s+viewBox="([-\d. ]+)"/.exec(svg);
  const shift = /<g id="graph0" class="graph" transform="[^"]*translate\(([-\d.]+) ([-\d.]+)\)"/.exec(svg);
  if (head === null || shift === null) return svg;
  const [W, H, tx, ty] = [Number(head[1]), Number(head[2]), Number(shift[1]), Number(shift[2])];
  const left = Math.min(0, ext.minX + tx - 6);
  const right = Math.max(W, ext.maxX + tx + 6);
  const top = Math.min(0, ext.minY + ty - 6);
  const bottom = Math.max(H, ext.maxY + ty + 6);
  const [w, h] = [right - left, bottom - top];
  const box = `${left.toFixed(2)} ${top.toFixed(2)} ${w.toFixed(2)} ${h.toFixed(2)}`;
  const opening = `<svg width="${w.toFixed(2)}pt" height="${h.toFixed(2)}pt" viewBox="${box}"`;
  const background =
    `<rect x="${left.toFixed(2)}" y="${top.toFixed(2)}" ` +
    `width="${w.toFixed(2)}" height="${h.toFixed(2)}" ` +
    `fill="white"/>`;
  return svg.replace(head[0], opening).replace(shift[0], `${background}\n${shift[0]}`);
}

export interface RenderedDiagram {
  /** DOT for people who edit diagrams: covariances as two-headed edges */
  dot: string;
  svg: string;
}

/**
 * Which way a covariance between two nodes of one rank (one column) bows: away from the nodes
 * joined to them (indicators bow away from their factors; factors away from their indicators).
 */
function bowSide(ids: readonly string[], g: DiagramGraph, boxes: ReadonlyMap<string, NodeBox>): "left" | "right" {
  let lean = 0;
  for (const id of ids) {
    const me = boxes.get(id)!;
    for (const e of g.edges) {
      if (e.kind === "covariance" || (e.from !== id && e.to !== id)) continue;
      const other = boxes.get(e.from === id ? e.to : e.from);
      if (other !== undefined) lean += Math.sign(other.x - me.x);
    }
  }
  return lean > 0 ? "left" : "right";
}

/** The DOT and the SVG of a path diagram. */
export async function renderDiagram(g: DiagramGraph, title?: string): Promise<RenderedDiagram> {
  const dot = toDot(g, { title });
  const layoutDot = toDot(g, { title, forLayout: true });
  let svg = await dotToSvg(layoutDot);
  const covs = g.edges.filter((e) => e.kind === "covariance");
  if (covs.length === 0) return { dot, svg };
  const boxes = await nodeBoxes(layoutDot);
  const arcs: Arc[] = [];
  const titles: string[] = [];
  for (const e of covs) {
    const from = boxes.get(e.from);
    const to = boxes.get(e.to);
    if (from === undefined || to === undefined) continue;
    const ordered = from.y <= to.y ? { from, to } : { from: to, to: from };
    arcs.push({
      ...ordered,
      side: bowSide([e.from, e.to], g, boxes),
      label: g.fitted ? formatStd(e.std, e.pvalue) : e.modelLabel,
      dashed: e.fixed,
      twoHeaded: true,
      straight: false,
      colour: "#7a7a7a",
      width: 1,
    });
    titles.push(`${e.from} ~~ ${e.to}`);
  }
  const drawn = arcsSvg(arcs, titles, DIAGRAM_FONT_PT);
  const close = svg.lastIndexOf("</g>");
  svg = `${svg.slice(0, close)}${drawn.svg}\n${svg.slice(close)}`;
  return { dot, svg: growCanvas(svg, drawn) };
}
