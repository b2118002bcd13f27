/**
 * The reports in a real browser: headless Debian Chromium opens report.html from disk (file://)
 * and must log no console error or warning, ask for nothing but the page (no failed request, no
 * request at all), and render a page that is not blank (grey-level variance of the screenshot),
 * on screen and in print media. Screenshots are kept in the system's temp folder for a look.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { buildBatch, buildFirmReport } from "../../src/report/firm.js";
import { writeReportFiles } from "../../src/cli/write-report.js";
import { run } from "../cli/run.js";
import { firmView } from "../report/firm-fixture.js";
import { launch, pixelStats, visit } from "./chromium.js";

/** Page sizes of a PDF (points), from its /MediaBox entries. */
function pageBoxes(pdf: Buffer): [number, number][] {
  return [...pdf.toString("latin1").matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
}

/**
 * A4 is 210 x 297 mm = 595.28 x 841.89 points (ISO 216). Chromium rounds a page to whole CSS
 * pixels (594.96 x 841.92), hence 1 point of slack.
 */
function isA4([w, h]: [number, number]): boolean {
  return Math.abs(w - 595.28) < 1 && Math.abs(h - 841.89) < 1;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isrs-browser-"));
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
  const r = await run("report", "--out", path.join(dir, "study"));
  expect(r.stderr).toBe("");
  writeReportFiles(path.join(dir, "firm"), (await buildFirmReport(firmView(`F<b>1</b>"&'`))).files);
  writeReportFiles(
    path.join(dir, "all"),
    await buildBatch([firmView("F001"), firmView("../F002", 0.5), firmView("<script>alert(1)</script>", -0.5)], {
      meta: [],
      provenance: "test",
    }),
  );
});

afterAll(async () => {
  await browser?.close();
});

const pages = [
  ["study report", "study/report.html"],
  ["firm report", "firm/report.html"],
  ["batch overview", "all/report.html"],
  ["a firm of the batch", "all/firms/_script_alert_1_script_/report.html"],
] as const;

describe("reports in headless Chromium", () => {
  for (const [name, file] of pages) {
    it(`${name}: no console errors, no requests, a page that is not blank`, async () => {
      const v = await visit(browser, path.join(dir, file));
      expect(v.consoleErrors).toEqual([]);
      expect(v.failedRequests).toEqual([]);
      expect(v.requests).toEqual([]);
      const shot = path.join(dir, `${file.replace(/[/.]/g, "_")}.png`);
      fs.writeFileSync(shot, v.screenshot);
      const px = await pixelStats(browser, v.screenshot);
      // a white page has variance 0; text, tables and figures give hundreds
      expect(px.variance).toBeGreaterThan(200);
      expect(px.mean).toBeGreaterThan(150); // mostly white paper, dark ink
      expect(px.height).toBeGreaterThan(600);
    });
  }

  it("the study report in print media is not blank either, and prints to A4 pages", async () => {
    const v = await visit(browser, path.join(dir, "study/report.html"), { media: "print" });
    expect(v.consoleErrors).toEqual([]);
    fs.writeFileSync(path.join(dir, "study-print.png"), v.screenshot);
    expect((await pixelStats(browser, v.screenshot)).variance).toBeGreaterThan(200);
    const page = await browser.newPage();
    await page.goto(`file://${path.join(dir, "study/report.html")}`);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    await page.close();
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const boxes = pageBoxes(pdf);
    expect(boxes.length).toBeGreaterThan(1);
    // portrait pages, and the landscape A4 page the path diagram is printed on
    expect(boxes.every((b) => isA4(b) || isA4([b[1], b[0]]))).toBe(true);
    expect(boxes.filter(isA4).length).toBeGreaterThan(1);
  });

  it("the A4 check rejects US Letter (612 x 792 points) and a page 2 points off A4", async () => {
    const page = await browser.newPage();
    await page.goto(`file://${path.join(dir, "study/report.html")}`);
    const letter = await page.pdf({ format: "Letter", preferCSSPageSize: false });
    await page.close();
    expect(pageBoxes(letter).some(isA4)).toBe(false);
    expect(isA4([595.28 + 2, 841.89])).toBe(false);
  });

  it("a blank page is told apart: the variance threshold rejects a white screenshot", async () => {
    const blank = path.join(dir, "blank.html");
    fs.writeFileSync(blank, "<!DOCTYPE html><html><body style='background:#fff'></body></html>");
    const v = await visit(browser, blank);
    expect((await pixelStats(browser, v.screenshot)).variance).toBeLessThanOrEqual(200);
  });
});
