/**
 * The importance-performance priorities of `isrs app --embed-norm-data`: the page's importance and
 * performance of every practice area and practice equal those of `isrs pls --ipma business` (run
 * here) on the norm data with the reverse-keyed items recoded here (min + max − answer, as the
 * instrument's scoring does) and the instrument's PLS model as `isrs report --pls` writes it
 * (pls/instrument-model.ts, which the page uses too: the data, their recoding, the scales and
 * the target are what is compared); the "what to fix first" list holds exactly the practices below
 * the median performance, most important first, and marks the firm's own weakest practices;
 * without the embedded norm data there is no list.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instrumentPlsModel } from "../../src/pls/instrument-model.js";
import { parseInstrument } from "../../src/instrument/load.js";
import { launch } from "../browser/chromium.js";
import { run } from "../cli/run.js";
import { answer, axe, csvRecords, DATA, open, writePage } from "./page.js";

interface Instr {
  items: { id: string; construct: string; reverse: boolean }[];
  constructs: { id: string; kind: string }[];
}
const INSTR = JSON.parse(fs.readFileSync("instruments/isrs-v1.json", "utf8")) as Instr;
// the model `isrs pls` fits below: the instrument's, as `isrs report --pls` writes it
const MODEL = instrumentPlsModel(parseInstrument(INSTR, "instruments/isrs-v1.json"));
const ITEMS = INSTR.items.map((i) => i.id);
const DIMENSIONS = INSTR.constructs.filter((c) => c.kind === "dimension").map((c) => c.id);
interface Point {
  importance: number | null;
  performance: number;
}
interface CliIpma {
  constructs: (Point & { construct: string })[];
  indicators: (Point & { item: string; construct: string })[];
}

let browser: Browser;
let cli: CliIpma;

/** The norm data with the reverse-keyed items recoded on their 1-7 scale: 8 − answer. */
function recodedCsv(dir: string): string {
  const reverse = new Set(INSTR.items.filter((i) => i.reverse).map((i) => i.id));
  const [head, ...lines] = fs.readFileSync(DATA, "utf8").trim().split(/\r?\n/);
  const cols = head!.split(",");
  const out = lines.map((l) =>
    l
      .split(",")
      .map((c, j) => (reverse.has(cols[j]!) && c !== "" ? String(8 - Number(c)) : c))
      .join(","),
  );
  const file = path.join(dir, "recoded.csv");
  fs.writeFileSync(file, `${[head, ...out].join("\n")}\n`);
  return file;
}

async function points(page: Page, kind: string): Promise<Map<string, Point>> {
  const els = await page.locator(`[data-testid^="${kind}-"]`).all();
  const out = new Map<string, Point>();
  for (const el of els) {
    const id = (await el.getAttribute("data-testid"))!.slice(kind.length + 1);
    out.set(id, {
      importance: Number(await el.getAttribute("data-importance")),
      performance: Number(await el.getAttribute("data-performance")),
    });
  }
  return out;
}

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isrs-ipma-"));
  const model = path.join(dir, "isrs.pls");
  fs.writeFileSync(model, MODEL);
  const r = await run(
    "pls",
    recodedCsv(dir),
    "--model",
    model,
    "--ipma",
    "business",
    "--scale-min",
    "1",
    "--scale-max",
    "7",
    "--format",
    "json",
  );
  expect(r.code, r.stderr).toBe(0);
  cli = (JSON.parse(r.stdout) as { ipma: CliIpma }).ipma;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe("importance-performance priorities in the page", () => {
  it("equal isrs pls --ipma on the norm data, with the firm's weakest practices marked", async () => {
    const file = await writePage("ipma.html", "--embed-norm-data");
    const o = await open(browser, file);
    const firm = csvRecords(DATA)[0]!;
    await answer(o.page, firm, ITEMS);
    await o.page.click('[data-testid="show-diagnostic"]');
    await o.page.waitForSelector('[data-testid="priorities"]');

    // practice areas and the ISRS factor: the CLI's construct rows (seminr-parity engine)
    const areas = await points(o.page, "ipma-area");
    expect([...areas.keys()].sort()).toEqual([...DIMENSIONS, "ISRS"].sort());
    for (const [id, p] of areas) {
      const e = cli.constructs.find((c) => c.construct === id)!;
      expect(p.importance, id).toBeCloseTo(e.importance!, 12);
      expect(p.performance, id).toBeCloseTo(e.performance, 10);
    }
    // every practice (item of a dimension) on the map: the CLI's indicator rows
    const map = await points(o.page, "ipma-point");
    const practices = cli.indicators.filter((x) => DIMENSIONS.includes(x.construct));
    expect(practices.length).toBe(INSTR.items.filter((i) => DIMENSIONS.includes(i.construct)).length);
    expect(map.size).toBe(practices.length);
    for (const x of practices) {
      expect(map.get(x.item)!.importance, x.item).toBeCloseTo(x.importance!, 12);
      expect(map.get(x.item)!.performance, x.item).toBeCloseTo(x.performance, 10);
    }

    // what to fix first: below-median performance (median of the practices), by importance
    const perf = practices.map((x) => x.performance).sort((a, b) => a - b);
    const m = perf.length;
    const median = m % 2 === 1 ? perf[(m - 1) / 2]! : (perf[m / 2 - 1]! + perf[m / 2]!) / 2;
    const expected = practices
      .filter((x) => x.performance < median)
      .sort((a, b) => b.importance! - a.importance!)
      .map((x) => x.item);
    expect(expected.length).toBeGreaterThan(0);
    const shown = await o.page
      .locator('[data-testid^="priority-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")!.slice("priority-".length)));
    expect(shown).toEqual(expected);

    // the firm's weakest practices (the diagnostic's list) are the marked dots on the map
    const weakest = await o.page
      .locator('[data-testid^="weak-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")!.slice("weak-".length)));
    expect(weakest.length).toBeGreaterThan(0);
    const marked = await o.page
      .locator('[data-testid^="ipma-point-"][data-weakest="true"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")!.slice("ipma-point-".length)));
    expect(marked.sort()).toEqual([...weakest].sort());
    // the map, the table and the list add no serious or critical accessibility violation
    expect(await axe(o.page)).toEqual([]);
    expect(o.errors).toEqual([]);
    expect(o.requests).toEqual([]);
    await o.context.close();
  });

  it("is not shown without the embedded norm data", async () => {
    const file = await writePage("plain.html");
    const o = await open(browser, file);
    await answer(o.page, csvRecords(DATA)[0]!, ITEMS);
    await o.page.click('[data-testid="show-diagnostic"]');
    await o.page.waitForSelector('[data-testid="isrs-index"]');
    expect(await o.page.locator('[data-testid="priorities"]').count()).toBe(0);
    expect(await o.page.locator('[data-testid^="priority-"]').count()).toBe(0);
    await o.context.close();
  });
});
