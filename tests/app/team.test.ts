/**
 * The consultant's mode of the self-assessment page in Chromium: three respondents of one firm
 * (the answers of three firms of the bundled data, loaded as two JSON exports and one CSV row).
 * The firm's diagnostic from the mean answer per item equals the mean of the three respondents'
 * own diagnostics from `isrs score` (dimension scores and the ISRS index are linear in the
 * answers); the agreement table shows rwg(j) computed from the answers; the combined CSV has the
 * three respondents under unique ids and `isrs score --all` reads it; a bad file gets the CLI's
 * one-line message.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch } from "../browser/chromium.js";
import { run } from "../cli/run.js";
import type { ScoreReport } from "../../src/instrument/score.js";
import { rwgJ } from "../../src/app/agreement.js";
import { csvRecords, DATA, hook, open, writePage } from "./page.js";

const INSTR = JSON.parse(fs.readFileSync("instruments/isrs-v1.json", "utf8")) as {
  items: { id: string; construct: string }[];
};
const ITEMS = INSTR.items.map((i) => i.id);
const FIRMS = ["F001", "F002", "F003"];
let browser: Browser;
let file: string;
let dir: string;

beforeAll(async () => {
  file = await writePage("app.html");
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "isrs-app-team-"));
});

afterAll(async () => {
  await browser?.close();
});

function exportJson(row: Record<string, string>, role: string): string {
  const answers = Object.fromEntries(ITEMS.map((id) => [id, row[id] === "" ? null : Number(row[id])]));
  return JSON.stringify({ firm: "Acme", role, answers });
}

describe("the consultant's mode", () => {
  it("aggregates three respondents, shows their agreement and exports them as one CSV", async () => {
    const rows = csvRecords(DATA).filter((r) => FIRMS.includes(r.firm_id!));
    const header = `firm_id,${ITEMS.join(",")}`;
    const o = await open(browser, file, { acceptDownloads: true });
    await o.page.click("#tab-team");
    await o.page.setInputFiles('[data-testid="team-files"]', [
      { name: "a.json", mimeType: "application/json", buffer: Buffer.from(exportJson(rows[0]!, "CEO")) },
      { name: "b.json", mimeType: "application/json", buffer: Buffer.from(exportJson(rows[1]!, "sales")) },
      {
        name: "c.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(`${header}\nAcme,${ITEMS.map((id) => rows[2]![id]).join(",")}\n`),
      },
    ]);
    await o.page.waitForSelector('[data-testid="team-count"]');
    expect(await o.page.textContent('[data-testid="team-count"]')).toBe("3 respondents loaded.");
    const cli = JSON.parse((await run("score", DATA, "--all", "--format", "json")).stdout) as ScoreReport;
    const three = FIRMS.map((id) => cli.firms.find((f) => f.id === id)!);
    const meanOf = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(Number((await hook(o.page, "team-isrs-index")).value)).toBeCloseTo(meanOf(three.map((f) => f.index!)), 10);
    for (const [k, d] of three[0]!.dimensions.entries()) {
      const v = Number((await hook(o.page, `team-score-${d.id}`)).value);
      expect(v).toBeCloseTo(meanOf(three.map((f) => f.dimensions[k]!.score!)), 10);
    }
    // rwg(j) of detection from the three respondents' answers (sample variance per item)
    const det = ITEMS.filter((id) => INSTR.items.find((i) => i.id === id)!.construct === "detection");
    const variance = (xs: number[]): number => {
      const m = meanOf(xs);
      return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
    };
    const s2 = meanOf(det.map((id) => variance(rows.map((r) => Number(r[id])))));
    const rwg = Number((await hook(o.page, "rwg-detection")).value);
    expect(rwg).toBeCloseTo(rwgJ(det.length, s2, 4), 12);
    expect(await o.page.locator('[data-testid="disagreement"] tbody tr').count()).toBe(8);
    const [d] = await Promise.all([o.page.waitForEvent("download"), o.page.click('[data-testid="team-export"]')]);
    const csv = fs.readFileSync((await d.path())!, "utf8");
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe(header);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["Acme", "Acme-2", "Acme-3"]);
    expect(lines.slice(1).map((l) => l.split(",").slice(1).join(","))).toEqual(
      rows.map((r) => ITEMS.map((id) => r[id]).join(",")),
    );
    fs.writeFileSync(path.join(dir, "respondents.csv"), csv);
    const scored = await run("score", path.join(dir, "respondents.csv"), "--all", "--format", "json");
    expect(scored.code).toBe(0);
    expect((JSON.parse(scored.stdout) as ScoreReport).firms.map((f) => f.index)).toEqual(three.map((f) => f.index));
    expect(o.errors).toEqual([]);
    expect(o.requests).toEqual([]);
    await o.context.close();
  });

  it("shows the CLI's one-line message for a bad file", async () => {
    const bad = path.join(dir, "bad.csv");
    const row = csvRecords(DATA)[0]!;
    fs.writeFileSync(
      bad,
      `firm_id,${ITEMS.join(",")}\nX1,${ITEMS.map((id) => (id === "DET5" ? "9" : row[id])).join(",")}\n`,
    );
    const cli = await run("score", bad);
    expect(cli.code).toBe(2);
    const o = await open(browser, file);
    await o.page.click("#tab-team");
    await o.page.setInputFiles('[data-testid="team-files"]', bad);
    await o.page.waitForSelector('[data-testid="team-error"]');
    const message = (await o.page.textContent('[data-testid="team-error"]'))!;
    expect(`isrs: error: ${message.replace("bad.csv", bad)}\n`).toBe(cli.stderr);
    await o.context.close();
  });
});
