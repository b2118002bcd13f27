/**
 * Helpers of the self-assessment page tests: writing the page with `isrs app`, opening it from
 * disk in headless Chromium with every request and console message recorded, and answering the
 * questionnaire as a firm of the bundled data answered.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { run } from "../cli/run.js";

export const DATA = "datasets/isrs-kibs-simulated/data.csv";

/** Writes the page with `isrs app ARGS --out <tmp>/NAME` and returns its path. */
export async function writePage(name: string, ...args: string[]): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isrs-app-"));
  const out = path.join(dir, name);
  const r = await run("app", ...args, "--out", out);
  if (r.code !== 0) throw new Error(`isrs app failed (${r.code}): ${r.stderr}`);
  return out;
}

/** The rows of a responses CSV as records of raw cells (plain comma-separated numbers and ids). */
export function csvRecords(file: string): Record<string, string>[] {
  const [head, ...lines] = fs.readFileSync(file, "utf8").trim().split(/\r?\n/);
  const cols = head!.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((c, j) => [cols[j]!, c])));
}

export interface Opened {
  context: BrowserContext;
  page: Page;
  url: string;
  /** console errors and warnings, and uncaught errors */
  errors: string[];
  /** every request besides the page itself (workers from blob: URLs included) */
  requests: string[];
}

/** Opens the page from disk in a fresh context (its own local storage) and waits until it is drawn. */
export async function open(browser: Browser, file: string, opts: { acceptDownloads?: boolean } = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...opts });
  const page = await context.newPage();
  const url = `file://${path.resolve(file)}`;
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  context.on("request", (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  context.on("weberror", (e) => errors.push(`weberror: ${e.error().message}`));
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("body[data-ready=true]");
  return { context, page, url, errors, requests };
}

/** Clicks the radio button of each answer (item id -> raw answer); empty cells are left unanswered. */
export async function answer(page: Page, row: Record<string, string>, items: string[]): Promise<void> {
  for (const id of items) {
    const v = row[id];
    if (v === undefined || v === "") continue;
    await page.check(`input[type=radio][name="${id}"][value="${v}"]`);
  }
}

/** The text and data-value of an element with a data-testid. */
export async function hook(page: Page, testid: string): Promise<{ text: string; value: string | null }> {
  const el = page.locator(`[data-testid="${testid}"]`);
  return { text: (await el.textContent())!.trim(), value: await el.getAttribute("data-value") };
}

/** Serious and critical WCAG 2.1 AA violations found by axe-core: rule id and the first offending element. */
export async function axe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return r.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes[0]?.target.join(" ")}`);
}
