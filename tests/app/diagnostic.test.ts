/**
 * The self-assessment page (`isrs app`) opened from disk in headless Chromium: answering the
 * questionnaire as a firm of the bundled data answered gives, in the page, the diagnostic that
 * `isrs score --firm ID --format json` gives for that firm (the expected numbers come from the
 * CLI, run here): the ISRS index, its percentile, the profile, every dimension's score and
 * percentile. The page makes no request and logs no error.
 */
import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch } from "../browser/chromium.js";
import { run } from "../cli/run.js";
import type { ScoreReport } from "../../src/instrument/score.js";
import { answer, csvRecords, DATA, hook, open, writePage } from "./page.js";

const ITEMS = (
  JSON.parse(fs.readFileSync("instruments/isrs-v1.json", "utf8")) as { items: { id: string }[] }
).items.map((i) => i.id);
let browser: Browser;
let file: string;
let all: ScoreReport;

async function score(firm: string): Promise<ScoreReport> {
  const r = await run("score", DATA, "--firm", firm, "--format", "json");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ScoreReport;
}

beforeAll(async () => {
  file = await writePage("app.html");
  browser = await launch();
  const r = await run("score", DATA, "--all", "--format", "json");
  all = JSON.parse(r.stdout) as ScoreReport;
});

afterAll(async () => {
  await browser?.close();
});

/** F001, and the first firm of each profile in the file. */
function firms(): string[] {
  const out = new Set(["F001"]);
  for (const p of ["laggard", "follower", "recoverer"]) out.add(all.firms.find((f) => f.profile === p)!.id);
  return [...out];
}

describe("the diagnostic computed in the page", () => {
  it("equals isrs score --firm ID --format json for firms of every profile", async () => {
    const rows = new Map(csvRecords(DATA).map((r) => [r.firm_id!, r]));
    const ids = firms();
    expect(new Set(ids.map((id) => all.firms.find((f) => f.id === id)!.profile)).size).toBe(3);
    for (const id of ids) {
      const expected = (await score(id)).firms[0]!;
      const o = await open(browser, file);
      await answer(o.page, rows.get(id)!, ITEMS);
      await o.page.click('[data-testid="show-diagnostic"]');
      const index = await hook(o.page, "isrs-index");
      expect(index.text, id).toBe(expected.index!.toFixed(1));
      expect(Number(index.value)).toBe(expected.index);
      const indexPct = await hook(o.page, "index-percentile");
      expect(Number(indexPct.value)).toBe(expected.indexPercentile);
      const profile = await hook(o.page, "profile");
      expect(profile.value, id).toBe(expected.profile);
      expect(profile.text).toBe(expected.profile);
      for (const d of expected.dimensions) {
        const s = await hook(o.page, `score-${d.id}`);
        expect(s.text).toBe(d.score!.toFixed(2));
        expect(Number(s.value)).toBe(d.score);
        const p = await hook(o.page, `percentile-${d.id}`);
        expect(p.text).toBe(String(Math.round(d.percentile!)));
        expect(Number(p.value)).toBe(d.percentile);
      }
      const weak = await o.page
        .locator('[data-testid^="weak-"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
      expect(weak).toEqual(expected.weakest.map((w) => `weak-${w.item}`));
      expect(o.errors).toEqual([]);
      expect(o.requests).toEqual([]);
      await o.context.close();
    }
  });

  it("forbids every network request by its Content-Security-Policy", () => {
    const html = fs.readFileSync(file, "utf8");
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toMatch(/https?:|\*/);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+rel="stylesheet"/);
  });

  it("is one file of at most 1.5 MB", () => {
    // the budget of the page as a whole: script, analysis worker, data and CSS inline
    expect(fs.statSync(file).size).toBeLessThanOrEqual(1.5 * 1024 * 1024);
  });
});
