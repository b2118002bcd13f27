/**
 * Analyse a CSV in the self-assessment page (Chromium, page from file://): the bundled data
 * analysed in a Web Worker started from a blob: URL give the χ², df, CFI, RMSEA and SRMR of every
 * model and the hypotheses of `isrs analyze --format json` (run here on the same file); a bad
 * file gets the CLI's one-line message. No request leaves the page (the worker's blob: URL only).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch } from "../browser/chromium.js";
import { run } from "../cli/run.js";
import { DATA, csvRecords, hook, open, writePage } from "./page.js";

interface AnalyzeJson {
  models: { name: string; fit: Record<string, number | null> }[];
  hypotheses: { id: string; "std.all": number; pvalue: number; supported: boolean }[];
  reliability: { construct: string; omega: number }[];
}

let browser: Browser;
let file: string;

beforeAll(async () => {
  file = await writePage("app.html");
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe("analyse a CSV in the page", () => {
  it("gives isrs analyze's fit measures and hypotheses on the bundled data", async () => {
    const cli = await run("analyze", DATA, "--format", "json");
    const expected = JSON.parse(cli.stdout) as AnalyzeJson;
    const o = await open(browser, file);
    await o.page.click("#tab-analyse");
    await o.page.setInputFiles('[data-testid="analyse-file"]', DATA);
    await o.page.waitForSelector('[data-testid="analyse-done"]', { timeout: 90_000 });
    expect(expected.models.map((m) => m.name)).toEqual(["measurement", "second.order", "structural"]);
    for (const m of expected.models) {
      for (const k of ["chisq", "df", "pvalue", "cfi", "tli", "rmsea", "srmr"]) {
        const v = (await hook(o.page, `fit-${m.name}-${k}`)).value;
        expect(Number(v), `${m.name} ${k}`).toBe(m.fit[k]);
      }
    }
    expect(expected.hypotheses.length).toBeGreaterThan(0);
    for (const x of expected.hypotheses) {
      const row = o.page.locator(`[data-testid="hyp-${x.id}"]`);
      expect(await row.getAttribute("data-supported")).toBe(String(x.supported));
      expect(Number((await hook(o.page, `hyp-${x.id}-std`)).value)).toBe(x["std.all"]);
      expect(Number((await hook(o.page, `hyp-${x.id}-p`)).value)).toBe(x.pvalue);
    }
    for (const r of expected.reliability)
      expect(Number((await hook(o.page, `omega-${r.construct}`)).value)).toBe(r.omega);
    expect(await o.page.locator("svg.diagram ellipse").count()).toBe(7);
    expect(o.errors).toEqual([]);
    expect(o.requests.filter((u) => !u.startsWith("blob:"))).toEqual([]);
    await o.context.close();
  });

  it("analyses the norm data embedded with --embed-norm-data", async () => {
    const withData = await writePage("app-data.html", "--embed-norm-data");
    const html = fs.readFileSync(withData, "utf8");
    expect(html.length).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    const expected = JSON.parse((await run("analyze", DATA, "--format", "json")).stdout) as AnalyzeJson;
    const o = await open(browser, withData);
    await o.page.click("#tab-analyse");
    await o.page.click('[data-testid="analyse-norm-data"]');
    await o.page.waitForSelector('[data-testid="analyse-done"]', { timeout: 90_000 });
    const structural = expected.models.find((m) => m.name === "structural")!;
    expect(Number((await hook(o.page, "fit-structural-chisq")).value)).toBe(structural.fit.chisq);
    expect(o.errors).toEqual([]);
    await o.context.close();
  });

  it("shows the CLI's one-line message for a bad file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isrs-app-analyse-"));
    const bad = path.join(dir, "bad.csv");
    const rows = csvRecords(DATA).slice(0, 5);
    const cols = Object.keys(rows[0]!).filter((c) => c !== "ANA3");
    fs.writeFileSync(bad, [cols.join(","), ...rows.map((r) => cols.map((c) => r[c]).join(","))].join("\n") + "\n");
    const cli = await run("analyze", bad);
    expect(cli.code).toBe(2);
    const o = await open(browser, file);
    await o.page.click("#tab-analyse");
    await o.page.setInputFiles('[data-testid="analyse-file"]', bad);
    await o.page.waitForSelector('[data-testid="analyse-error"]');
    const message = (await o.page.textContent('[data-testid="analyse-error"]'))!;
    expect(`isrs: error: ${message.replace(/^bad\.csv/, bad)}\n`).toBe(cli.stderr);
    await o.context.close();
  });
});
