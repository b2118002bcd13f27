/**
 * Firm reports and the batch overview: the chart has one firm point and one norm band per
 * dimension; tables and facts show the view's numbers; firm ids become safe, unique folder names
 * and stay text in HTML and Markdown. The firm values are made up (firm-fixture.ts).
 */
import { describe, expect, it } from "vitest";
import { buildBatch, buildFirmReport, firmFolders } from "../../src/report/firm.js";
import { all, byClass, byTag, isWellFormedXml, parseHtml, parseSvg } from "./dom.js";
import { firmView } from "./firm-fixture.js";

describe("firm report", () => {
  it("a chart with one firm point and one norm band per dimension, and the view's numbers", async () => {
    const b = await buildFirmReport(firmView("F007"));
    expect(b.files.map((f) => f.name).sort()).toEqual(["report.html", "report.md", "results.json", "scores.svg"]);
    const svg = b.files.find((f) => f.name === "scores.svg")!.content;
    expect(isWellFormedXml(svg)).toBe(true);
    const tree = parseSvg(svg);
    const points = byClass(tree, "mark-symbol")[0]!;
    expect(byTag(points, "path")).toHaveLength(3);
    const bands = byClass(tree, "mark-rect")[0]!;
    expect(byTag(bands, "path")).toHaveLength(3);
    const doc = parseHtml(b.files.find((f) => f.name === "report.html")!.content);
    const facts = byClass(doc, "facts")[0]!.children.map((li) => li.text);
    expect(facts).toEqual(["ISRS index (0-100)61.5", "standingahead of 58% of the 151 norm firms", "profilefollower"]);
    const table = byTag(doc, "table")[0]!;
    const rows = byTag(byTag(table, "tbody")[0]!, "tr").map((tr) => tr.children.map((c) => c.text));
    // below the norm median (4.60): ✗; at or above: ✓
    expect(rows.map((r) => r[1])).toEqual(["✓ 5.10", "✗ 3.40", "✓ 4.80"]);
    const actions = byTag(doc, "table")[1]!;
    expect(actions.text).toContain("Record every failure in one shared log.");
    // a reverse-keyed practice shows the answer given (5) and what it counts as (8 - 5 = 3)
    const second = byTag(byTag(actions, "tbody")[0]!, "tr")[1]!.children.map((c) => c.text);
    expect(second[1]).toContain("(ANA3, reverse-keyed)");
    expect(second[3]).toBe("5 (counts as 3)");
  });

  it("a dimension with no answered item: no point, a dash in the table, no index", async () => {
    const v = firmView("F008");
    v.dimensions[1] = { ...v.dimensions[1]!, score: null, percentile: null };
    v.index = null;
    v.percentile = null;
    const b = await buildFirmReport(v);
    const tree = parseSvg(b.files.find((f) => f.name === "scores.svg")!.content);
    expect(byTag(byClass(tree, "mark-symbol")[0]!, "path")).toHaveLength(2);
    const doc = parseHtml(b.files.find((f) => f.name === "report.html")!.content);
    const rows = byTag(byTag(byTag(doc, "table")[0]!, "tbody")[0]!, "tr").map((tr) => tr.children.map((c) => c.text));
    expect(rows[1]!.slice(0, 3)).toEqual(["Failure analysis", "–", "–"]);
    expect(
      byClass(doc, "facts")[0]!
        .children.map((li) => li.text)
        .slice(0, 2),
    ).toEqual(["ISRS index (0-100)–", "standing–"]);
  });
});

describe("batch of firms", () => {
  it("folder names are safe and unique; the overview links to each firm's report", async () => {
    const ids = ["F1", "f1", "../../etc", "a/b", "a_b", "<script>"];
    const folders = firmFolders(ids);
    const names = [...folders.values()];
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(ids.length);
    for (const n of names) expect(n).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
    const files = await buildBatch(
      ids.map((id) => firmView(id)),
      { meta: [], provenance: "test" },
    );
    const overview = parseHtml(files.find((f) => f.name === "report.html")!.content);
    const links = byTag(overview, "a").filter((a) => a.attrs.href!.startsWith("firms/"));
    expect(links.map((a) => a.text)).toEqual(ids);
    for (const a of links) expect(files.some((f) => f.name === a.attrs.href)).toBe(true);
    expect(all(overview, (e) => e.tag === "script")).toHaveLength(0);
    const md = files.find((f) => f.name === "report.md")!.content;
    expect(md).toContain("[&lt;script>](firms/_script_/report.html)");
  });

  it("reports progress once per firm", async () => {
    const seen: string[] = [];
    await buildBatch([firmView("A"), firmView("B")], {
      meta: [],
      provenance: "test",
      onFirm: (d, n) => seen.push(`${d}/${n}`),
    });
    expect(seen).toEqual(["1/2", "2/2"]);
  });
});
