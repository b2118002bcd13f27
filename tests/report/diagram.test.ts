/**
 * Path diagrams: the DOT and the SVG have one node per variable and one edge per path; shapes,
 * layout (second-order factor above its dimensions, structural paths left to right), labels with
 * std.all and stars (numbers from lavaan 0.6.14's reference fits in tests/parity), escaping.
 */
import { describe, expect, it } from "vitest";
import { buildParameterTable } from "../../src/sem/partable/build.js";
import { parseModel } from "../../src/sem/syntax/index.js";
import { graphFromFit, graphFromTable, stars, type DiagramGraph } from "../../src/report/diagram/graph.js";
import { formatStd, toDot } from "../../src/report/diagram/dot.js";
import { dotToSvg, renderDiagram } from "../../src/report/diagram/render.js";
import { all, byClass, byTag, isWellFormedXml, parseSvg, titleOf, type El } from "./dom.js";
import { instrumentModelSyntax, loadInstrument } from "../../src/instrument/index.js";
import { fitCase, lavaanRef, modelText } from "./fixtures.js";

const OPTS = { stdLv: false, meanstructure: false, growth: false, fixedX: true, groupEqual: [] };

function tableGraph(text: string): DiagramGraph {
  return graphFromTable(buildParameterTable({ syntax: parseModel(text), options: OPTS, groupLabels: ["1"] }));
}

/** Graphviz's node groups by name, with the centre of their shape. */
function nodes(svg: El): Map<string, { shape: string; x: number; y: number }> {
  const out = new Map<string, { shape: string; x: number; y: number }>();
  for (const g of byClass(svg, "node")) {
    const ell = g.children.find((c) => c.tag === "ellipse");
    const poly = g.children.find((c) => c.tag === "polygon");
    if (ell !== undefined) out.set(titleOf(g), { shape: "ellipse", x: Number(ell.attrs.cx), y: Number(ell.attrs.cy) });
    else if (poly !== undefined) {
      const pts = poly.attrs
        .points!.trim()
        .split(/\s+/)
        .map((p) => p.split(",").map(Number) as [number, number]);
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      out.set(titleOf(g), {
        shape: "box",
        x: (Math.min(...xs) + Math.max(...xs)) / 2,
        y: (Math.min(...ys) + Math.max(...ys)) / 2,
      });
    }
  }
  return out;
}

describe("diagram of an unfitted model", () => {
  it("HS second-order: 13 variables, 12 loadings; one node and one edge each in the DOT and the SVG", async () => {
    const g = tableGraph(modelText("hs-second-order"));
    expect(g.nodes.map((n) => n.id).sort()).toEqual(
      ["g", "speed", "textual", "visual", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"].sort(),
    );
    expect(g.edges).toHaveLength(12);
    const { dot, svg } = await renderDiagram(g);
    expect(dot.match(/^ {2}"[^"]+" \[shape=/gm)).toHaveLength(13);
    expect(dot.match(/^ {2}"[^"]+" -> "[^"]+" \[.*class=loading/gm)).toHaveLength(12);
    expect(isWellFormedXml(svg)).toBe(true);
    const tree = parseSvg(svg);
    const ns = nodes(tree);
    expect(ns.size).toBe(13);
    expect([...ns.values()].filter((n) => n.shape === "ellipse")).toHaveLength(4);
    expect(byClass(tree, "edge")).toHaveLength(12);
    // left to right: indicators, their dimensions, the second-order factor; indicators in model order
    for (const f of ["visual", "textual", "speed"]) expect(ns.get("g")!.x).toBeGreaterThan(ns.get(f)!.x);
    expect(ns.get("visual")!.x).toBeGreaterThan(ns.get("x1")!.x);
    const ys = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"].map((x) => ns.get(x)!.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    // marker loadings (fixed to 1) are dashed (laid out from the indicator, the head drawn at it),
    // and nothing is labelled before fitting
    expect(dot).toMatch(/"x1" -> "visual" \[style=dashed, class=loading, dir=back\]/);
    expect(
      byTag(tree, "text")
        .map((t) => t.text)
        .sort(),
    ).toEqual([...ns.keys()].sort());
  });

  it("covariances fixed to zero are not drawn; free ones are two-headed arcs", async () => {
    const g = tableGraph("f1 =~ a + b + c\nf2 =~ d + e + h\nf1 ~~ 0*f2\na ~~ d");
    expect(g.edges.filter((e) => e.kind === "covariance").map((e) => `${e.from}~~${e.to}`)).toEqual(["a~~d"]);
    const tree = parseSvg((await renderDiagram(g)).svg);
    const covs = byClass(tree, "cov");
    expect(covs.map(titleOf)).toEqual(["a ~~ d"]);
    expect(byTag(covs[0]!, "polygon")).toHaveLength(2); // a head at each end
  });
});

describe("diagram of a fitted model", () => {
  it("political democracy: 14 variables; 11 loadings, 3 regressions, 6 residual covariances", async () => {
    const fit = await fitCase("pd-sem-indirect");
    const g = graphFromFit(fit);
    expect(g.nodes).toHaveLength(14);
    const kinds = (k: string) => g.edges.filter((e) => e.kind === k).length;
    expect([kinds("loading"), kinds("regression"), kinds("covariance")]).toEqual([11, 3, 6]);
    const { svg } = await renderDiagram(g);
    const tree = parseSvg(svg);
    const ns = nodes(tree);
    expect(ns.size).toBe(14);
    expect(byClass(tree, "loading")).toHaveLength(11);
    expect(byClass(tree, "regression")).toHaveLength(3);
    expect(byClass(tree, "cov")).toHaveLength(6);
    // structural paths run left to right: ind60 → dem60 → dem65
    expect(ns.get("ind60")!.x).toBeLessThan(ns.get("dem60")!.x);
    expect(ns.get("dem60")!.x).toBeLessThan(ns.get("dem65")!.x);
    // the indicators of both dependent factors share the last column, and the residual covariances
    // between them bow to its right
    const right = Math.max(...[...ns.values()].filter((n) => n.shape === "box").map((n) => n.x));
    for (const y of ["y1", "y4", "y5", "y8"]) expect(ns.get(y)!.x).toBeCloseTo(right, 0);
    const bows = byClass(tree, "cov").map((c) => {
      const ends = byTag(c, "path")[0]!
        .attrs.d!.match(/-?[\d.]+/g)!
        .map(Number);
      const [y0, y3] = [ends[1]!, ends[ends.length - 1]!];
      const t = byTag(c, "text")[0]!;
      return { lo: Math.min(y0, y3), hi: Math.max(y0, y3), x: Number(t.attrs.x), y: Number(t.attrs.y) };
    });
    for (const b of bows) expect(b.x).toBeGreaterThan(right);
    // bows over overlapping stretches are moved apart: their labels do not overlap (14-point text)
    for (const [i, a] of bows.entries()) {
      for (const b of bows.slice(i + 1))
        if (a.lo < b.hi && b.lo < a.hi) expect(Math.abs(a.y - b.y) >= 14 || Math.abs(a.x - b.x) >= 30).toBe(true);
    }
  });

  it("labels are lavaan's std.all with two decimals and stars; R² sits in the dependent's node", async () => {
    const fit = await fitCase("pd-sem-indirect");
    const ref = lavaanRef("pd-sem-indirect");
    const tree = parseSvg((await renderDiagram(graphFromFit(fit))).svg);
    const pathLabels = new Map(byClass(tree, "regression").map((p) => [titleOf(p), byTag(p, "text")[0]!.text]));
    for (const r of ref.parameters.filter((p) => p.op === "~")) {
      // lavaan 0.6.14, standardizedSolution(sem(model, PoliticalDemocracy))$est.std of the path
      expect(pathLabels.get(`${r.rhs}->${r.lhs}`)).toBe(`${r["std.all"].toFixed(2)}${stars(r.pvalue ?? undefined)}`);
    }
    expect(pathLabels.get("dem60->dem65")).toBe("0.89***"); // lavaan: 0.885, p < .001
    const resid = ref.parameters.find((p) => p.op === "~~" && p.lhs === "dem65" && p.rhs === "dem65")!;
    const dem65 = byClass(tree, "node").find((n) => titleOf(n) === "dem65")!;
    expect(byTag(dem65, "text").map((t) => t.text)).toEqual(["dem65", `R² = ${(1 - resid["std.all"]).toFixed(2)}`]);
  });

  it("stars follow .05 / .01 / .001, and a value just past a threshold gets fewer", () => {
    expect([
      stars(0.0009),
      stars(0.001),
      stars(0.0099),
      stars(0.01),
      stars(0.0499),
      stars(0.05),
      stars(undefined),
    ]).toEqual(["***", "**", "**", "*", "*", "", ""]);
    expect(formatStd(0.4467, 0.0002)).toBe("0.45***");
    expect(formatStd(-0.126, 0.2)).toBe("-0.13");
  });
});

describe("escaping in diagrams", () => {
  it("a hostile label reaches the SVG as text, never as markup, and DOT still parses", async () => {
    const evil = `x"1\\N</text><script>alert(1)</script>&amp;`;
    const g = tableGraph("f =~ a + b + c");
    g.nodes.find((n) => n.id === "a")!.label = evil;
    g.nodes.find((n) => n.id === "f")!.id = `f" -> "pwn`;
    g.edges.forEach((e) => {
      if (e.from === "f") e.from = `f" -> "pwn`;
    });
    const dot = toDot(g);
    const svg = await dotToSvg(dot);
    expect(isWellFormedXml(svg)).toBe(true);
    const tree = parseSvg(svg);
    expect(all(tree, (e) => e.tag === "script")).toHaveLength(0);
    expect(byTag(tree, "text").map((t) => t.text)).toContain(evil);
    expect(byClass(tree, "node")).toHaveLength(4); // no node "pwn" was injected
  });
});

describe("multi-group fits", () => {
  it("are drawn for one group, named above the diagram", async () => {
    const fit = await fitCase("hs-multigroup-configural");
    const g = graphFromFit(fit, new Map(), 2);
    expect(g.group).toBe(fit.groupLabels[1]);
    const dot = toDot(g);
    expect(dot).toContain(`label="group: ${fit.groupLabels[1]}"`);
    const tree = parseSvg(await dotToSvg(dot));
    expect(byTag(tree, "text").map((t) => t.text)).toContain(`group: ${fit.groupLabels[1]}`);
  });
});

type Point = [number, number];

/** The points of an SVG path of cubic Béziers ("M x,y C x,y x,y x,y ..."), 24 per curve. */
function samplePath(d: string): Point[] {
  const n = d.match(/-?[\d.]+/g)!.map(Number);
  const pts: Point[] = [[n[0]!, n[1]!]];
  for (let k = 2; k + 5 < n.length; k += 6) {
    const [p0, c1, c2, p3] = [pts[pts.length - 1]!, [n[k]!, n[k + 1]!], [n[k + 2]!, n[k + 3]!], [n[k + 4]!, n[k + 5]!]];
    for (let i = 1; i <= 24; i++) {
      const t = i / 24;
      const u = 1 - t;
      const at = (j: 0 | 1): number =>
        u * u * u * p0[j] + 3 * u * u * t * c1[j]! + 3 * u * t * t * c2[j]! + t * t * t * p3[j]!;
      pts.push([at(0), at(1)]);
    }
  }
  return pts;
}

/** Whether segments ab and cd cross (proper intersection: each separates the other's ends). */
function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const side = (p: Point, q: Point, r: Point): number => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

/** Whether two polylines cross, leaving out `trim` points at the ends (where arcs from one node meet). */
function polylinesCross(p: Point[], q: Point[], trim = 3): boolean {
  const a = p.slice(trim, p.length - trim);
  const b = q.slice(trim, q.length - trim);
  for (let i = 0; i + 1 < a.length; i++)
    for (let j = 0; j + 1 < b.length; j++) if (segmentsCross(a[i]!, a[i + 1]!, b[j]!, b[j + 1]!)) return true;
  return false;
}

describe("the ISRS instrument's model", () => {
  const instr = loadInstrument();
  const labels = new Map(instr.constructs.map((c) => [c.id, c.label]));

  it("no two structural paths cross, and the outcomes stand in model order", async () => {
    const g = graphFromTable(
      buildParameterTable({ syntax: parseModel(instrumentModelSyntax(instr)), options: OPTS, groupLabels: ["1"] }),
      labels,
    );
    const tree = parseSvg((await renderDiagram(g)).svg);
    const arcs = byClass(tree, "regression").map((e) => ({
      title: titleOf(e),
      pts: samplePath(byTag(e, "path")[0]!.attrs.d!),
    }));
    expect(arcs.map((a) => a.title).sort()).toEqual(
      ["ISRS->client", "ISRS->employee", "client->business", "employee->business"].sort(),
    );
    for (const [i, a] of arcs.entries())
      for (const b of arcs.slice(i + 1)) expect(polylinesCross(a.pts, b.pts), `${a.title} × ${b.title}`).toBe(false);
    // the outcomes top to bottom in the instrument's order (client, employee), business after them
    const ns = nodes(tree);
    expect(ns.get("client")!.y).toBeLessThan(ns.get("employee")!.y);
    expect(ns.get("business")!.x).toBeGreaterThan(ns.get("client")!.x);
    expect(ns.get("ISRS")!.x).toBeLessThan(ns.get("client")!.x);
  });

  it("the crossing check can fail: the two diagonals of a square cross, its sides do not", () => {
    const sq: Point[] = [
      [0, 0],
      [100, 0],
      [100, 100],
      [0, 100],
    ];
    const line = (a: Point, b: Point): Point[] =>
      Array.from({ length: 12 }, (_, i) => [a[0] + ((b[0] - a[0]) * i) / 11, a[1] + ((b[1] - a[1]) * i) / 11]);
    expect(polylinesCross(line(sq[0]!, sq[2]!), line(sq[1]!, sq[3]!))).toBe(true);
    expect(polylinesCross(line(sq[0]!, sq[1]!), line(sq[3]!, sq[2]!))).toBe(false);
    // the old layout's ISRS -> client bow over employee and client -> business bow, on one row
    const bow = (x0: number, x1: number, h: number): Point[] => samplePath(`M${x0},0 C${x0},${-h} ${x1},${-h} ${x1},0`);
    expect(polylinesCross(bow(0, 300, 80), bow(200, 450, 70))).toBe(true);
  });
});
