/**
 * The self-assessment page in Spanish: `isrs app --lang es` opens in Spanish with every item,
 * construct and anchor in the instrument's Spanish wording (no English wording of the instrument
 * is left on the page), the switch turns the page to English and back, and the diagnostic's numbers
 * do not depend on the language. The instrument file's translation covers every item, construct and
 * scale; the page's own strings are complete in both languages by their type (strings.ts).
 */
import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch } from "../browser/chromium.js";
import type { Instrument } from "../../src/instrument/schema.js";
import { answer, csvRecords, DATA, hook, open, writePage } from "./page.js";

const INSTR = JSON.parse(fs.readFileSync("instruments/isrs-v1.json", "utf8")) as Instrument;
const ITEMS = INSTR.items.map((i) => i.id);
let browser: Browser;
let file: string;

beforeAll(async () => {
  file = await writePage("app-es.html", "--lang", "es");
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe("the page in Spanish", () => {
  it("has a Spanish wording for every item, construct and scale of the bundled instrument", () => {
    const es = INSTR.translations!.es!;
    for (const it of INSTR.items) {
      expect(es.items?.[it.id]?.text, it.id).toBeTruthy();
      expect(es.items?.[it.id]?.text).not.toBe(it.text);
      if (it.recommendation !== undefined) expect(es.items?.[it.id]?.recommendation, it.id).toBeTruthy();
    }
    for (const c of INSTR.constructs) expect(es.constructs?.[c.id]?.label, c.id).toBeTruthy();
    for (const s of INSTR.scales) expect(es.scales?.[s.id]?.anchors).toHaveLength(s.anchors.length);
  });

  it("opens in Spanish, switches to English and back, with the same numbers", async () => {
    const o = await open(browser, file);
    expect(await o.page.getAttribute("html", "lang")).toBe("es");
    const text = await o.page.innerText("body");
    expect(text).toContain(INSTR.translations!.es!.items!.DET1!.text!);
    expect(text).toContain("Totalmente de acuerdo");
    for (const it of INSTR.items) expect(text.includes(it.text), it.id).toBe(false);
    for (const c of INSTR.constructs) expect(text.includes(`${c.label}\n`), c.id).toBe(false);
    const row = csvRecords(DATA).find((r) => r.firm_id === "F001")!;
    await answer(o.page, row, ITEMS);
    await o.page.click('[data-testid="show-diagnostic"]');
    const es = {
      index: await hook(o.page, "isrs-index"),
      profile: await hook(o.page, "profile"),
      weak: await o.page.innerText(".weakest"),
    };
    expect(es.index.text).toMatch(/^\d+,\d$/);
    expect(["rezagada", "seguidora", "recuperadora"]).toContain(es.profile.text);
    await o.page.selectOption("#lang", "en");
    expect(await o.page.getAttribute("html", "lang")).toBe("en");
    await o.page.click("#tab-diagnostic");
    const en = { index: await hook(o.page, "isrs-index"), profile: await hook(o.page, "profile") };
    expect(en.index.value).toBe(es.index.value);
    expect(en.index.text).toBe(es.index.text.replace(",", "."));
    expect(en.profile.value).toBe(es.profile.value);
    expect(en.profile.text).toBe(en.profile.value);
    expect(await o.page.innerText(".weakest")).not.toBe(es.weak);
    // the choice of language is kept with the answers
    await o.page.reload();
    await o.page.waitForSelector("body[data-ready=true]");
    expect(await o.page.getAttribute("html", "lang")).toBe("en");
    expect(o.errors).toEqual([]);
    await o.context.close();
  });
});
