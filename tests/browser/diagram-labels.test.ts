/**
 * The path diagram's estimates must be readable where the report is read: headless Chromium opens
 * the study report and a firm report and measures, for every estimate label of the diagram, the
 * font size in CSS pixels as rendered (the SVG's font size times its scale on the page), against
 * the body text's computed font size. On screen at a page 1100 CSS px wide; in print media at the
 * width of the landscape A4 page the diagram is printed on (297 mm less 2 x 14 mm margins), and the
 * printed PDF must hold that landscape A4 page beside the portrait ones.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { run } from "../cli/run.js";
import { launch } from "./chromium.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isrs-labels-"));
let browser: Browser;

/** CSS px per mm (CSS: 96 px per inch). */
const PX_PER_MM = 96 / 25.4;
const LANDSCAPE_CONTENT_PX = Math.floor((297 - 2 * 14) * PX_PER_MM);

beforeAll(async () => {
  browser = await launch();
  expect((await run("report", "--out", path.join(dir, "study"))).stderr).toBe("");
  expect((await run("report", "--firm", "F002", "--out", path.join(dir, "firm"))).code).toBe(0);
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Runs in the page: the body's font size and, for each estimate label of the diagram (Graphviz's
 * edge labels and the drawn covariance arcs' labels), its rendered font size: the font-size
 * attribute times the vertical scale of the text's screen transform.
 */
const MEASURE = `(() => {
  const svg = document.querySelector("figure.wide svg");
  const labels = [...svg.querySelectorAll("g.edge text, g.cov text")];
  const sizes = labels.map((t) => Number(t.getAttribute("font-size")) * t.getScreenCTM().d);
  const paragraph = document.querySelector("section p:not(.table-note)") ?? document.body;
  return {
    body: parseFloat(getComputedStyle(document.body).fontSize),
    paragraph: parseFloat(getComputedStyle(paragraph).fontSize),
    sizes,
    svgWidth: svg.getBoundingClientRect().width,
  };
})()`;

interface Measure {
  body: number;
  paragraph: number;
  sizes: number[];
  svgWidth: number;
}

async function measure(file: string, media: "screen" | "print", width: number, shot: string): Promise<Measure> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.emulateMedia({ media });
  await page.goto(`file://${file}`);
  const m = (await page.evaluate(MEASURE)) as Measure;
  await (await page.$("figure.wide"))!.screenshot({ path: path.join(dir, shot) });
  await page.close();
  return m;
}

describe("estimate labels of the path diagram, rendered in Chromium", () => {
  for (const report of ["study", "firm"]) {
    const file = (): string => path.join(dir, report, "report.html");
    it(`${report} report on screen (1100 px): every label at least the body text size`, async () => {
      const m = await measure(file(), "screen", 1100, `${report}-screen.png`);
      expect(m.sizes.length).toBeGreaterThan(20); // 25 loadings, 3 second-order loadings, 4 paths
      expect(m.body).toBe(15); // html { font-size: 15px } of the report's CSS
      expect(Math.min(...m.sizes)).toBeGreaterThanOrEqual(m.body);
      expect(Math.min(...m.sizes)).toBeGreaterThanOrEqual(m.paragraph);
    });

    it(`${report} report in print on its landscape A4 page: every label at least the body text size`, async () => {
      const m = await measure(file(), "print", LANDSCAPE_CONTENT_PX, `${report}-print.png`);
      expect(m.body).toBeCloseTo((10 * 96) / 72, 2); // html { font-size: 10pt } in print
      expect(m.svgWidth).toBeLessThanOrEqual(LANDSCAPE_CONTENT_PX);
      expect(Math.min(...m.sizes)).toBeGreaterThanOrEqual(m.body);
    });
  }

  it(
    "the measure can fail: the " + "same labels at 9 points, " + "as the diagram used to draw them, are below 15 px",
    async () => {
      const html = fs.readFileSync(path.join(dir, "study", "report.html"), "utf8");
      const small = path.join(dir, "small.html");
      fs.writeFileSync(small, html.replace(/(<text[^>]*font-size=")14\.00"/g, '$19.00"'));
      const m = await measure(small, "screen", 1100, "small.png");
      expect(Math.max(...m.sizes)).toBeLessThan(m.body);
    },
  );

  it("the printed study report has A4 pages only, the diagram's page in landscape", async () => {
    const page = await browser.newPage();
    await page.goto(`file://${path.join(dir, "study", "report.html")}`);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    await page.close();
    const boxes = [...pdf.toString("latin1").matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((b) => [
      Number(b[1]),
      Number(b[2]),
    ]);
    // A4 is 595.28 x 841.89 points (ISO 216); Chromium rounds to whole CSS pixels
    const a4 = (w: number, h: number): boolean => Math.abs(w - 595.28) < 1 && Math.abs(h - 841.89) < 1;
    expect(boxes.every(([w, h]) => a4(w!, h!) || a4(h!, w!))).toBe(true);
    expect(boxes.filter(([w, h]) => a4(h!, w!))).toHaveLength(1);
  });
});
