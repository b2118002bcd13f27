/**
 * Analyse a CSV in the page (Chromium, file://): the study report's measurement tables (standardized
 * loadings, Fornell-Larcker, HTMT, the per-item screening) hold exactly the numbers of
 * `isrs analyze --format json` run here on the same file, in English and in Spanish (the Spanish
 * page shows the same numbers with a decimal comma and Spanish headings).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch } from "../browser/chromium.js";
import { run } from "../cli/run.js";
import { axe, DATA, hook, open, writePage } from "./page.js";

interface AnalyzeJson {
  reliability: { construct: string }[];
  models: { name: string; parameters: { lhs: string; op: string; rhs: string; est: number; "std.all": number }[] }[];
  validity: {
    fornellLarcker: { names: string[]; values: number[][] };
    htmt: { htmt: { names: string[]; values: number[][] } };
  };
  screening: { items: Record<string, number | string>[] };
}

let browser: Browser;
let expected: AnalyzeJson;

beforeAll(async () => {
  const cli = await run("analyze", DATA, "--format", "json");
  expect(cli.code, cli.stderr).toBe(0);
  expected = JSON.parse(cli.stdout) as AnalyzeJson;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function analysed(lang: "en" | "es"): Promise<Page> {
  const file = await writePage(`app-${lang}.html`, "--lang", lang);
  const o = await open(browser, file);
  await o.page.click("#tab-analyse");
  await o.page.setInputFiles('[data-testid="analyse-file"]', DATA);
  await o.page.waitForSelector('[data-testid="analyse-done"]', { timeout: 90_000 });
  return o.page;
}

/**
 * Equal up to the last bit or two: the worker runs the CLI's code, but Chromium's V8 may round a
 * power or a sum differently from Node's (the CLI's own HTMT matrix differs by 1 ulp across its
 * diagonal); every difference seen is below 1e-15 relative.
 */
function same(x: number, y: number, what: string): void {
  if (x !== y) expect(Math.abs(x - y) / Math.abs(y), `${what}: ${x} vs ${y}`).toBeLessThan(1e-14);
}

async function checkNumbers(page: Page): Promise<void> {
  const first = new Set(expected.reliability.map((r) => r.construct));
  const loadings = expected.models
    .find((m) => m.name === "measurement")!
    .parameters.filter((p) => p.op === "=~" && first.has(p.lhs));
  expect(loadings.length).toBe(25);
  for (const p of loadings) {
    expect(Number((await hook(page, `loading-${p.lhs}-${p.rhs}`)).value), p.rhs).toBe(p["std.all"]);
    expect(Number((await hook(page, `loading-est-${p.lhs}-${p.rhs}`)).value), p.rhs).toBe(p.est);
  }
  const fl = expected.validity.fornellLarcker;
  const ht = expected.validity.htmt.htmt;
  for (let i = 0; i < fl.names.length; i++)
    for (let j = 0; j <= i; j++) {
      const [a, b] = [fl.names[i]!, fl.names[j]!];
      expect(Number((await hook(page, `fl-${a}-${b}`)).value), `FL ${a} ${b}`).toBe(fl.values[i]![j]);
      if (j < i) same(Number((await hook(page, `htmt-${a}-${b}`)).value), ht.values[i]![j]!, `HTMT ${a} ${b}`);
    }
  // nothing above the diagonal, and no HTMT diagonal
  expect(await page.locator(`[data-testid="fl-${fl.names[0]}-${fl.names[1]}"]`).count()).toBe(0);
  expect(await page.locator(`[data-testid="htmt-${ht.names[0]}-${ht.names[0]}"]`).count()).toBe(0);
  expect(expected.screening.items.length).toBe(25);
  for (const x of expected.screening.items)
    for (const k of ["n", "mean", "sd", "skew", "kurtosis", "min", "max", "missing"])
      same(Number((await hook(page, `screen-${x.item}-${k}`)).value), x[k] as number, `${x.item} ${k}`);
}

describe("the study report's measurement tables in the page", () => {
  it("equal isrs analyze --format json (English)", async () => {
    const page = await analysed("en");
    await checkNumbers(page);
    const text = await page.innerText(".study");
    for (const h of ["Standardized loadings", "Fornell-Larcker", "HTMT", "Items: distribution"])
      expect(text).toContain(h);
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });

  it("equal isrs analyze --format json (Spanish, decimal comma)", async () => {
    const page = await analysed("es");
    await checkNumbers(page);
    const text = await page.innerText(".study");
    for (const h of ["Cargas estandarizadas", "Fornell-Larcker", "HTMT", "Ítems: distribución"])
      expect(text).toContain(h);
    const l = expected.models.find((m) => m.name === "measurement")!.parameters.find((p) => p.rhs === "DET2")!;
    expect((await hook(page, `loading-detection-DET2`)).text).toBe(l["std.all"].toFixed(3).replace(".", ","));
    await page.context().close();
  });
});
