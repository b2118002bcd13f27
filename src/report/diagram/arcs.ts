/**
 * Edges within one rank drawn on a Graphviz layout: covariances as curved two-headed arrows and
 * structural paths (which share one rank) as arrows. dot draws an edge between two nodes of one
 * rank straight along the rank, through the nodes between them, or as stacked bows whose labels
 * collide; so the layout is made with these edges invisible (they still order the nodes, tail left
 * of head) and they are drawn here from the node positions of the same layout: a straight arrow
 * between neighbours, otherwise a cubic Bézier bow above the rank (below it for indicators),
 * taller the farther apart its ends, so nested bows do not overlap; between ranks, a gentle curve.
 * Arrowheads are polygons, so the SVG needs no ids.
 */
import { escapeHtml } from "../escape.js";

export interface NodeBox {
  /** centre, in the SVG coordinates of Graphviz's graph group (y grows downwards) */
  x: number;
  y: number;
  /** half width and half height */
  rx: number;
  ry: number;
}

export interface Arc {
  from: NodeBox;
  to: NodeBox;
  /**
   * Which way a bow between two nodes of one rank bends: "above"/"below" a row (top-to-bottom
   * layouts), "left"/"right" of a column (left-to-right layouts)
   */
  side: "above" | "below" | "left" | "right";
  label: string;
  dashed: boolean;
  /** covariances have a head at both ends, regressions at `to` only */
  twoHeaded: boolean;
  /** a straight line between neighbours in a rank instead of a bow */
  straight: boolean;
  colour: string;
  width: number;
}

export interface ArcSvg {
  svg: string;
  /** the extremes reached, to grow the canvas */
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

type Pt = [number, number];
const f = (n: number): string => (Math.round(n * 100) / 100).toString();

function arrowhead(tip: Pt, from: Pt, colour: string): string {
  const dx = tip[0] - from[0];
  const dy = tip[1] - from[1];
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const L = 7;
  const W = 2.6;
  const bx = tip[0] - ux * L;
  const by = tip[1] - uy * L;
  const pts: Pt[] = [tip, [bx - uy * W, by + ux * W], [bx + uy * W, by - ux * W]];
  return `<polygon fill="${colour}" stroke="${colour}" points="${pts.map((p) => `${f(p[0])},${f(p[1])}`).join(" ")}"/>`;
}

/** Where the ray from the centre of a node towards `toward` leaves its ellipse (boxes: close enough). */
function boundary(n: NodeBox, toward: Pt): Pt {
  const dx = toward[0] - n.x;
  const dy = toward[1] - n.y;
  const len = Math.hypot(dx, dy) || 1;
  const c = dx / len;
  const s = dy / len;
  const r = 1 / Math.sqrt((c * c) / (n.rx * n.rx) + (s * s) / (n.ry * n.ry));
  return [n.x + c * r, n.y + s * r];
}

/** The bow's height: grows with its span. */
const bowHeight = (a: Arc): number => 16 + 0.22 * Math.abs(a.to.x - a.from.x);

/**
 * Heights of the bows within a rank: a bow whose span overlaps an earlier one's on the same side
 * of the same rank, at nearly the same height, is raised until their labels stand apart.
 */
function bowHeights(arcs: readonly Arc[], steps: readonly number[]): number[] {
  const heights: number[] = [];
  arcs.forEach((a, i) => {
    const STEP = steps[i]!;
    let h = bowHeight(a);
    const lo = Math.min(a.from.x, a.to.x);
    const hi = Math.max(a.from.x, a.to.x);
    const clash = (j: number): boolean => {
      const b = arcs[j]!;
      const sameRow =
        !b.straight && b.side === a.side && Math.abs(b.from.y - a.from.y) < 1 && Math.abs(b.to.y - b.from.y) < 1;
      return (
        sameRow &&
        Math.min(b.from.x, b.to.x) < hi &&
        Math.max(b.from.x, b.to.x) > lo &&
        Math.abs(heights[j]! - h) < STEP
      );
    };
    for (let guard = 0; guard < arcs.length && heights.some((_, j) => j < i && clash(j)); guard++) h += STEP;
    heights.push(h);
  });
  return heights;
}

function path(a: Arc, h: number): { p0: Pt; c1: Pt; c2: Pt; p3: Pt; mid: Pt } {
  if (a.straight) {
    const p0 = boundary(a.from, [a.to.x, a.to.y]);
    const p3 = boundary(a.to, [a.from.x, a.from.y]);
    const at = (t: number): Pt => [p0[0] + t * (p3[0] - p0[0]), p0[1] + t * (p3[1] - p0[1])];
    const mid = at(0.5);
    return { p0, c1: at(1 / 3), c2: at(2 / 3), p3, mid: [mid[0], mid[1] - 6] };
  }
  if (Math.abs(a.from.y - a.to.y) < 1) {
    const sign = a.side === "above" ? -1 : 1;
    const p0: Pt = [a.from.x, a.from.y + sign * a.from.ry];
    const p3: Pt = [a.to.x, a.to.y + sign * a.to.ry];
    const c1: Pt = [p0[0], p0[1] + sign * h];
    const c2: Pt = [p3[0], p3[1] + sign * h];
    return { p0, c1, c2, p3, mid: [(p0[0] + p3[0]) / 2, (p0[1] + p3[1]) / 2 + sign * 0.75 * h] };
  }
  // between ranks: leave and enter the nodes along a line bent sideways by a fifth of its length
  const mx = (a.from.x + a.to.x) / 2;
  const my = (a.from.y + a.to.y) / 2;
  const dx = a.to.x - a.from.x;
  const dy = a.to.y - a.from.y;
  const k = 0.2;
  const ctrl: Pt = [mx - dy * k, my + dx * k];
  const p0 = boundary(a.from, ctrl);
  const p3 = boundary(a.to, ctrl);
  return { p0, c1: ctrl, c2: ctrl, p3, mid: [(p0[0] + 2 * ctrl[0] + p3[0]) / 4, (p0[1] + 2 * ctrl[1] + p3[1]) / 4] };
}

/** A column's bows are computed as a row's, on the layout mirrored about the diagonal. */
const mirror = (n: NodeBox): NodeBox => ({ x: n.y, y: n.x, rx: n.ry, ry: n.rx });
const sideways = (a: Arc): boolean => a.side === "left" || a.side === "right";
function rowFrame(a: Arc): Arc {
  if (!sideways(a)) return a;
  return { ...a, from: mirror(a.from), to: mirror(a.to), side: a.side === "left" ? "above" : "below" };
}

/** Width of a label, in points: Helvetica's digits and stars are about 0.56 em. */
const labelWidth = (label: string, fontSize: number): number => 0.56 * fontSize * label.length;

/**
 * The SVG elements of the arcs: one <g> each, of class "cov" (two-headed) or "path" (a
 * regression), with a <title> naming the pair. Labels are `fontSize` points; bows that overlap
 * are raised until their labels stand apart (a line apart in a row; a label's width in a column,
 * where the labels stand beside the bows).
 */
export function arcsSvg(arcs: readonly Arc[], titles: readonly string[] = [], fontSize = 9): ArcSvg {
  const ext = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  const frames = arcs.map(rowFrame);
  const steps = arcs.map((a) => (sideways(a) ? labelWidth(a.label, fontSize) + 10 : 1.5 * fontSize));
  const heights = bowHeights(frames, steps);
  const parts = arcs.map((a, i) => {
    const geo = path(frames[i]!, heights[i]!);
    const back = (p: Pt): Pt => (sideways(a) ? [p[1], p[0]] : p);
    const [p0, c1, c2, p3, mid] = [geo.p0, geo.c1, geo.c2, geo.p3, geo.mid].map(back) as [Pt, Pt, Pt, Pt, Pt];
    const w = labelWidth(a.label, fontSize);
    const anchor = a.side === "right" ? "start" : a.side === "left" ? "end" : "middle";
    const lx = anchor === "start" ? mid[0] + 3 : anchor === "end" ? mid[0] - 3 : mid[0];
    const [lo, hi] = anchor === "start" ? [lx, lx + w] : anchor === "end" ? [lx - w, lx] : [lx - w / 2, lx + w / 2];
    ext.minX = Math.min(ext.minX, lo, p0[0], p3[0], mid[0]);
    ext.maxX = Math.max(ext.maxX, hi, p0[0], p3[0], mid[0]);
    ext.minY = Math.min(ext.minY, mid[1] - fontSize, p0[1], p3[1]);
    ext.maxY = Math.max(ext.maxY, mid[1] + fontSize, p0[1], p3[1]);
    const d = `M${f(p0[0])},${f(p0[1])} C${f(c1[0])},${f(c1[1])} ${f(c2[0])},${f(c2[1])} ${f(p3[0])},${f(p3[1])}`;
    const dash = a.dashed ? ' stroke-dasharray="5,2"' : "";
    const colour = a.colour;
    const label =
      a.label === ""
        ? ""
        : `<text text-anchor="${anchor}" x="${f(lx)}" y="${f(mid[1] + 0.35 * fontSize)}" ` +
          `font-family="Helvetica,sans-Serif" ` +
          `font-size="${fontSize.toFixed(2)}" fill="#1f3b73" stroke="white" ` +
          `stroke-width="3" paint-order="stroke">${escapeHtml(a.label)}</text>`;
    const title = titles[i] === undefined ? "" : `<title>${escapeHtml(titles[i]!)}</title>`;
    const tail = a.twoHeaded ? arrowhead(p0, c1, colour) : "";
    return (
      `<g class="${a.twoHeaded ? "cov" : "path"}">${title}<path fill="none" stroke="${colour}" ` +
      `stroke-width="${a.width}"${dash} ` +
      `d="${d}"/>${tail}${arrowhead(p3, c2, colour)}${label}</g>`
    );
  });
  return { svg: parts.join("\n"), ...ext };
}
