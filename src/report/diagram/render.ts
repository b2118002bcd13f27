/**
 * DOT → SVG with Graphviz compiled to WebAssembly (@viz-js/viz, bundled in the npm package: no
 * system binary, nothing fetched). The instance is created once per process, on first use.
 * renderDiagram lays the graph out with dot and adds the covariance arcs (arcs.ts).
 */
import type { Viz } from "@viz-js/viz";
import { arcsSvg, type Arc, type NodeBox } from "./arcs.js";
import { isLowCovariance, toDot, formatStd } from "./dot.js";
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

/** Grows the SVG canvas vertically so that [minY, maxY] (graph coordinates) fits. */
function growCanvas(svg: string, minY: number, maxY: number): string {
  const head = /<svg width="([\d.]+)pt" height="([\d.]+)pt"\s+viewBox="([-\d. ]+)"/.exec(svg);
  const shift = /<g id="graph0" class="graph" transform="[^"]*translate\(([-\d.]+) ([-\d.]+)\)"/.exec(svg);
  if (head === null || shift === null) return svg;
  const W = Number(head[1]);
  const H = Number(head[2]);
  const ty = Number(shift[2]);
  const top = Math.min(0, minY + ty - 6);
  const bottom = Math.max(H, maxY + ty + 6);
  const h = bottom - top;
  const opening = `<svg width="${W}pt" height="${h.toFixed(2)}pt" viewBox="0.00 ${top.toFixed(2)} ${W.toFixed(2)} ${h.toFixed(2)}"`;
  const background = `<rect x="0" y="${top.toFixed(2)}" width="${W.toFixed(2)}" height="${h.toFixed(2)}" fill="white"/>`;
  return svg.replace(head[0], opening).replace(shift[0], `${background}\n${shift[0]}`);
}

/** No other node of the rank lies between the two (or they are in different ranks). */
function neighbours(a: NodeBox, b: NodeBox, boxes: ReadonlyMap<string, NodeBox>): boolean {
  if (Math.abs(a.y - b.y) >= 1) return true;
  const lo = Math.min(a.x, b.x);
  const hi = Math.max(a.x, b.x);
  for (const n of boxes.values()) if (Math.abs(n.y - a.y) < 1 && n.x > lo + 1 && n.x < hi - 1) return false;
  return true;
}

export interface RenderedDiagram {
  /** DOT for people who edit diagrams: covariances as two-headed edges */
  dot: string;
  svg: string;
}

/** The DOT and the SVG of a path diagram. */
export async function renderDiagram(g: DiagramGraph, title?: string): Promise<RenderedDiagram> {
  const dot = toDot(g, { title });
  const layoutDot = toDot(g, { title, forLayout: true });
  let svg = await dotToSvg(layoutDot);
  const own = g.edges.filter((e) => e.kind === "covariance" || e.kind === "regression");
  if (own.length === 0) return { dot, svg };
  const boxes = await nodeBoxes(layoutDot);
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const arcs: Arc[] = [];
  const titles: string[] = [];
  for (const e of own) {
    const from = boxes.get(e.from);
    const to = boxes.get(e.to);
    if (from === undefined || to === undefined) continue;
    const label = g.fitted ? formatStd(e.std, e.pvalue) : e.modelLabel;
    if (e.kind === "regression") {
      arcs.push({
        from,
        to,
        side: "above",
        label,
        dashed: e.fixed,
        twoHeaded: false,
        straight: neighbours(from, to, boxes),
        colour: "#1f3b73",
        width: 1.4,
      });
      titles.push(`${e.to} ~ ${e.from}`);
    } else {
      const ordered = from.x <= to.x ? { from, to } : { from: to, to: from };
      arcs.push({
        ...ordered,
        side: isLowCovariance(e, byId) ? "below" : "above",
        label,
        dashed: e.fixed,
        twoHeaded: true,
        straight: false,
        colour: "#7a7a7a",
        width: 1,
      });
      titles.push(`${e.from} ~~ ${e.to}`);
    }
  }
  const drawn = arcsSvg(arcs, titles);
  const close = svg.lastIndexOf("</g>");
  svg = `${svg.slice(0, close)}${drawn.svg}\n${svg.slice(close)}`;
  return { dot, svg: growCanvas(svg, drawn.minY, drawn.maxY) };
}
