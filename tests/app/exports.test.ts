/**
 * What leaves the self-assessment page, and what it keeps: answers survive a reload (local
 * storage); the CSV export has exactly the columns of `isrs instrument --format csv` and, fed to
 * `isrs score`, gives the diagnostic the page shows; the JSON export holds the answers and that
 * diagnostic; printing gives A4 pages; axe-core finds no serious or critical accessibility
 * violation on the questionnaire or the diagnostic.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch } from "../browser/chromium.js";
import { run } from "../cli/run.js";
import type { ScoreReport } from "../../src/instrument/score.js";
import { answer, axe, csvRecords, DATA, hook, open, writePage } from "./page.js";

const ITEMS = (
  JSON.parse(fs.readFileSync("instruments/isrs-v1.json", "utf8")) as { items: { id: string }[] }
).items.map((i) => i.id);
const FIRM = "F007";
let browser: Browser;
let file: string;
let row: Record<string, string>;

beforeAll(async () => {
  file = await writePage("app.html");
  browser = await launch();
  row = csvRecords(DATA).find((r) => r.firm_id === FIRM)!;
});

afterAll(async () => {
  await browser?.close();
});

async function downloadText(page: Page, testid: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="${testid}"]`)]);
  return { name: d.suggestedFilename(), text: fs.readFileSync((await d.path())!, "utf8") };
}

describe("answers kept, exported and printed", () => {
  it("keeps the answers, firm name and role across a reload", async () => {
    const o = await open(browser, file);
    const half = Object.fromEntries(ITEMS.slice(0, 12).map((id) => [id, row[id]!]));
    await answer(o.page, half, ITEMS);
    await o.page.fill("#firm-name", "Acme, S.L.");
    await o.page.fill("#role", "quality manager");
    await o.page.reload();
    await o.page.waitForSelector("body[data-ready=true]");
    const checked = await o.page.$$eval("input[type=radio]:checked", (els) =>
      els.map((e) => [e.getAttribute("name")!, e.getAttribute("value")!]),
    );
    expect(Object.fromEntries(checked)).toEqual(half);
    expect(await o.page.inputValue("#firm-name")).toBe("Acme, S.L.");
    expect(await o.page.inputValue("#role")).toBe("quality manager");
    expect(await o.page.textContent("#progress-text")).toBe(`12 of ${ITEMS.length} statements answered`);
    expect(o.errors).toEqual([]);
    await o.context.close();
  });

  it("exports a CSV row that isrs score reads into the page's diagnostic, and the JSON", async () => {
    const o = await open(browser, file, { acceptDownloads: true });
    await answer(o.page, row, ITEMS);
    await o.page.fill("#firm-name", "Acme, S.L.");
    await o.page.click('[data-testid="show-diagnostic"]');
    const csv = await downloadText(o.page, "export-csv");
    expect(csv.name).toBe("Acme-S-L.csv");
    const template = (await run("instrument", "--format", "csv")).stdout;
    const lines = csv.text.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(`${lines[0]}\n`).toBe(template);
    expect(lines[1]).toBe(`"Acme, S.L.",${ITEMS.map((id) => row[id]).join(",")}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isrs-app-csv-"));
    fs.writeFileSync(path.join(dir, csv.name), csv.text);
    const r = await run("score", path.join(dir, csv.name), "--format", "json");
    expect(r.stderr).toBe("");
    const cli = (JSON.parse(r.stdout) as ScoreReport).firms[0]!;
    expect(cli.id).toBe("Acme, S.L.");
    expect(Number((await hook(o.page, "isrs-index")).value)).toBe(cli.index);
    expect((await hook(o.page, "profile")).value).toBe(cli.profile);
    for (const d of cli.dimensions) {
      expect(Number((await hook(o.page, `score-${d.id}`)).value)).toBe(d.score);
      expect(Number((await hook(o.page, `percentile-${d.id}`)).value)).toBe(d.percentile);
    }
    const json = JSON.parse((await downloadText(o.page, "export-json")).text) as {
      firm: string;
      answers: Record<string, number | null>;
      csv: string;
      diagnostic: ScoreReport;
    };
    expect(json.firm).toBe("Acme, S.L.");
    expect(json.answers).toEqual(Object.fromEntries(ITEMS.map((id) => [id, Number(row[id])])));
    expect(json.csv).toBe(csv.text);
    expect(json.diagnostic.firms[0]!.index).toBe(cli.index);
    expect(o.errors).toEqual([]);
    expect(o.requests.filter((u) => !u.startsWith("blob:"))).toEqual([]);
    await o.context.close();
  });

  it("prints the diagnostic on A4 pages", async () => {
    const o = await open(browser, file);
    await answer(o.page, row, ITEMS);
    await o.page.click('[data-testid="show-diagnostic"]');
    await o.page.emulateMedia({ media: "print" });
    const pdf = await o.page.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = pdf.toString("latin1");
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    // A4 is 210 x 297 mm = 595.28 x 841.89 pt (ISO 216)
    expect(boxes.length).toBeGreaterThanOrEqual(1);
    expect(boxes.length).toBeLessThanOrEqual(3);
    for (const [w, h] of boxes) {
      expect(Math.abs(w! - 595.28)).toBeLessThan(1);
      expect(Math.abs(h! - 841.89)).toBeLessThan(1);
    }
    // in print, the questionnaire and the controls are hidden and the diagnostic is shown
    expect(await o.page.isVisible('[data-testid="isrs-index"]')).toBe(true);
    expect(await o.page.isVisible("#panel-questionnaire")).toBe(false);
    expect(await o.page.isVisible('[data-testid="print"]')).toBe(false);
    await o.context.close();
  });

  it("can be answered with the keyboard alone", async () => {
    const o = await open(browser, file);
    await o.page.focus("#role");
    for (const id of ITEMS) {
      // Tab enters the item's radio group; Space checks the first point, arrow keys move and check
      await o.page.keyboard.press("Tab");
      const v = Number(row[id]);
      if (row[id] === "") continue;
      if (v === 1) await o.page.keyboard.press("Space");
      for (let k = 1; k < v; k++) await o.page.keyboard.press("ArrowRight");
    }
    await o.page.keyboard.press("Tab");
    expect(await o.page.evaluate("document.activeElement?.getAttribute('data-testid')")).toBe("show-diagnostic");
    await o.page.keyboard.press("Enter");
    const cli = JSON.parse((await run("score", DATA, "--firm", FIRM, "--format", "json")).stdout) as ScoreReport;
    expect(Number((await hook(o.page, "isrs-index")).value)).toBe(cli.firms[0]!.index);
    // the diagnostic's heading has the focus, so a screen reader announces it
    expect(await o.page.evaluate("document.activeElement?.id")).toBe("diag-h");
    await o.context.close();
  });

  it("has no serious or critical axe-core violation on the questionnaire and the diagnostic", async () => {
    const o = await open(browser, file);
    await answer(o.page, row, ITEMS.slice(0, 5));
    expect(await axe(o.page)).toEqual([]);
    await answer(o.page, row, ITEMS);
    await o.page.click('[data-testid="show-diagnostic"]');
    expect(await axe(o.page)).toEqual([]);
    await o.context.close();
  });
});
