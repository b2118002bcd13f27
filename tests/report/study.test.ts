/**
 * The study report of an analysis (the study pipeline on Holzinger & Swineford's second-order
 * model; lavaan 0.6.14 references in tests/parity: hs-cfa-ml is the measurement model, three
 * correlated factors, hs-second-order the second-order one): HTML parsed with parse5
 * (self-contained, escaped, tables with lavaan's numbers and the cut-off marks), Markdown tables,
 * results.json; and a view with hostile strings everywhere.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { designFromSyntax } from "../../src/analysis/design.js";
import { runStudy } from "../../src/analysis/study.js";
import { readTable } from "../../src/sem/data/read-file.js";
import { parseModel } from "../../src/sem/syntax/index.js";
import { fitIndices, studyViewFromAnalysis } from "../../src/report/from-analysis.js";
import type { ReportBundle } from "../../src/report/document.js";
import { buildStudyReport } from "../../src/report/study.js";
import type { StudyView } from "../../src/report/study-view.js";
import { all, byTag, parseHtml, type El } from "./dom.js";
import { CASES, lavaanRef, modelText } from "./fixtures.js";

const file = (b: ReportBundle, name: string): string => b.files.find((f) => f.name === name)!.content;

function tableByCaption(doc: El, caption: string): El {
  const t = byTag(doc, "table").find((x) => byTag(x, "caption")[0]?.text === caption);
  if (t === undefined) throw new Error(`no table "${caption}"`);
  return t;
}
const rows = (t: El): string[][] => byTag(byTag(t, "tbody")[0]!, "tr").map((tr) => tr.children.map((td) => td.text));

let view: StudyView;
let bundle: ReportBundle;
let doc: El;
const ref = lavaanRef("hs-second-order");
const refCfa = lavaanRef("hs-cfa-ml");

beforeAll(async () => {
  const text = modelText("hs-second-order");
  const syntax = parseModel(text, { file: "model.lav" });
  const data = readTable(`${CASES}/hs-second-order/data.csv`, {});
  const res = await runStudy({
    design: designFromSyntax(syntax, (c) => data.columns.includes(c)),
    data,
    structural: { syntax, text },
  });
  view = studyViewFromAnalysis(res, {
    title: "HS second-order",
    dataFile: "data.csv",
    model: "model.lav",
    version: "test",
  });
  bundle = await buildStudyReport(view);
  doc = parseHtml(file(bundle, "report.html"));
});

describe("study report from a fit", () => {
  it("writes the report's files", () => {
    expect(bundle.files.map((f) => f.name).sort()).toEqual([
      "diagram.dot",
      "diagram.svg",
      "loadings.svg",
      "report.html",
      "report.md",
      "results.json",
    ]);
  });

  it("is self-contained: no script, nothing loaded from anywhere, a CSP that forbids it, unique ids", () => {
    expect(
      all(doc, (e) => e.tag === "script" || e.tag === "link" || e.tag === "iframe" || e.tag === "img"),
    ).toHaveLength(0);
    const refs = all(
      doc,
      (e) =>
        e.attrs.src !== undefined ||
        (e.attrs.href !== undefined && !e.attrs.href.startsWith("#")) ||
        e.attrs["xlink:href"] !== undefined,
    );
    expect(refs).toHaveLength(0);
    expect(file(bundle, "report.html")).not.toMatch(/url\((?!#)|@import|https?:\/\/(?!www\.w3\.org)/);
    const csp = byTag(doc, "meta").find((m) => m.attrs["http-equiv"] === "Content-Security-Policy");
    expect(csp?.attrs.content).toMatch(/default-src 'none'/);
    const ids = all(doc, (e) => e.attrs.id !== undefined).map((e) => e.attrs.id!);
    expect(new Set(ids).size).toBe(ids.length);
    expect(byTag(doc, "svg")).toHaveLength(2); // the loadings chart and the diagram, inline
  });

  it("fit indices are lavaan's, marked against Hu & Bentler's cut-offs, one column per model", () => {
    const table = tableByCaption(doc, "Fit indices");
    expect(byTag(table, "th").map((t) => t.text)).toEqual(["index", "measurement", "second-order", "cut-off"]);
    const fit = rows(table);
    const get = (label: string) => fit.find((r) => r[0] === label)!;
    // lavaan 0.6.14: fitMeasures() of cfa(three correlated factors) (hs-cfa-ml) and of the
    // second-order model (hs-second-order), which fit the same (the second level is just identified)
    for (const [col, r] of [
      [1, refCfa],
      [2, ref],
    ] as const) {
      expect(get("CFI")[col]).toBe(`${r.fit.cfi! >= 0.95 ? "✓" : "✗"} ${r.fit.cfi!.toFixed(3)}`);
      expect(get("RMSEA")[col]).toBe(`${r.fit.rmsea! <= 0.06 ? "✓" : "✗"} ${r.fit.rmsea!.toFixed(3)}`);
      expect(get("SRMR")[col]).toBe(`${r.fit.srmr! <= 0.08 ? "✓" : "✗"} ${r.fit.srmr!.toFixed(3)}`);
      expect(get("χ²")[col]).toBe(r.fit.chisq!.toFixed(2));
    }
    expect(get("CFI")[3]).toBe("≥ 0.95 (Hu & Bentler 1999)");
    // RMSEA 0.092 fails the .06 cut-off: the mark says so in words, not only colour
    expect(get("RMSEA")[1]!.startsWith("✗")).toBe(true);
  });

  it("loadings hold lavaan's std.all: first-order from the measurement model, second-order from its own", () => {
    const first = rows(tableByCaption(doc, "Standardized loadings of the first-order factors"));
    expect(first).toHaveLength(9);
    for (const r of refCfa.parameters.filter((p) => p.op === "=~")) {
      const row = first.find((x) => x[0] === r.lhs && x[1] === r.rhs)!;
      expect(row[5]!.replace(/^[✓✗] /, "")).toBe(r["std.all"].toFixed(3)); // lavaan std.all, hs-cfa-ml
    }
    const second = rows(tableByCaption(doc, "Second-order loadings"));
    expect(second.map((r) => r[1])).toEqual(["visual", "textual", "speed"]);
    for (const r of ref.parameters.filter((p) => p.op === "=~" && p.lhs === "g")) {
      const row = second.find((x) => x[1] === r.rhs)!;
      expect(row[5]!.replace(/^[✓✗] /, "")).toBe(r["std.all"].toFixed(3)); // lavaan std.all, hs-second-order
    }
  });

  it("robust fits show the scaled test and robust indices; ML fits the plain ones", () => {
    const fit = {
      chisq: 100,
      df: 24,
      pvalue: 0.001,
      cfi: 0.9,
      "chisq.scaled": 90,
      "df.scaled": 24,
      "pvalue.scaled": 0.002,
      "cfi.scaled": 0.91,
      "cfi.robust": 0.92,
    };
    expect(fitIndices(fit, false)).toMatchObject({ chisq: 100, pvalue: 0.001, cfi: 0.9 });
    expect(fitIndices(fit, true)).toMatchObject({ chisq: 90, pvalue: 0.002, cfi: 0.92 });
  });

  it("Markdown: a title, pipe tables with a row per loading, figures pointing at the SVG files", () => {
    const md = file(bundle, "report.md");
    expect(md.startsWith("# HS second-order\n")).toBe(true);
    expect(md).toContain("![Path diagram with standardized estimates");
    expect(md).toContain("](diagram.svg)");
    expect(md).toContain("](loadings.svg)");
    const loadingRows = md.split("\n").filter((l) => /^\| (visual|textual|speed) \| x\d \|/.test(l));
    expect(loadingRows).toHaveLength(9);
  });

  it("results.json is the view: numbers, not markup", () => {
    const j = JSON.parse(file(bundle, "results.json")) as StudyView & { kind: string };
    expect(j.kind).toBe("study");
    expect(j.models[0]!.cfi).toBeCloseTo(ref.fit.cfi!, 6);
    expect(j.sample.n).toBe(301);
  });
});

describe("a CSV cannot inject markup", () => {
  it("hostile names, labels and reasons come out as text in HTML and Markdown", async () => {
    const evil = `<img src=x onerror=alert(1)>|*x*`;
    const hostile: StudyView = {
      ...view,
      title: `<script>alert("t")</script>`,
      labels: { visual: evil },
      meta: [{ label: "data", value: `</dd><script>alert(2)</script>` }],
      sample: { n: 10, excluded: [{ row: 3, reason: `<b onmouseover=alert(3)>` }] },
      loadings: view.loadings.map((l) => ({ ...l, indicator: `${l.indicator}<svg onload=alert(4)>` })),
      warnings: ["<iframe src=//x>"],
    };
    const b = await buildStudyReport(hostile);
    const html = file(b, "report.html");
    const d = parseHtml(html);
    expect(all(d, (e) => ["script", "img", "iframe", "b"].includes(e.tag))).toHaveLength(0);
    expect(all(d, (e) => Object.keys(e.attrs).some((a) => a.startsWith("on")))).toHaveLength(0);
    expect(byTag(d, "h1")[0]!.text).toBe(`<script>alert("t")</script>`);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    const md = file(b, "report.md");
    expect(md).not.toMatch(/<(img|script|iframe|b|svg)\b/);
    expect(md).toContain("&lt;img src=x onerror=alert(1)>\\|\\*x\\*");
    expect(md).toContain("(Hu & Bentler 1999)");
  });
});
