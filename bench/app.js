/**
 * `node bench/app.js` (after `npm run build`; also run by `npm run bench`): the self-assessment
 * page of `isrs app`. Writes the page, reports its size and what it holds (the page script, the
 * analysis worker's code, the data, the CSS), then opens it from disk in headless Debian Chromium
 * (playwright-core) in a fresh context each round and measures the time until it is usable: the
 * page's own performance.now() when the questionnaire is drawn and answerable (data-ready-at, ms
 * since navigation start), and the wall time from page.goto to that point. Finally the analysis of
 * the bundled data in the page's worker (the time the page reports). Figures depend on the load of
 * the machine: re-run on a quiet one.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The page's parts, in bytes. @param {string} html */
function parts(html) {
  const block = (/** @type {RegExp} */ re) => (re.exec(html)?.[1] ?? "").length;
  const script = block(/<script>([\s\S]*?)<\/script>/);
  const worker = block(/<script type="text\/plain" id="isrs-worker">([\s\S]*?)<\/script>/);
  const data = block(/<script type="application\/json" id="isrs-data">([\s\S]*?)<\/script>/);
  const css = block(/<style>([\s\S]*?)<\/style>/);
  return { total: Buffer.byteLength(html), script, worker, data, css };
}

/**
 * @param {(s: string) => void} log
 * @param {{ rounds?: number }} [opts]
 */
export async function runAppBench(log, opts = {}) {
  const rounds = opts.rounds ?? 10;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isrs-bench-app-"));
  const file = path.join(dir, "app.html");
  execFileSync(process.execPath, [`${ROOT}bin/isrs.js`, "app", "--out", file], { cwd: ROOT });
  const size = parts(fs.readFileSync(file, "utf8"));
  const kb = (/** @type {number} */ b) => `${(b / 1024).toFixed(0)} KB`;
  log(
    `self-assessment page: ${kb(size.total)} (page script ${kb(size.script)}, analysis worker ${kb(size.worker)}, ` +
      `data ${kb(size.data)}, CSS ${kb(size.css)})`,
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  const readyAt = [];
  const wall = [];
  try {
    for (let k = 0; k < rounds + 1; k++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(`file://${file}`);
      await page.waitForSelector("body[data-ready=true]");
      const t1 = performance.now();
      const at = Number(await page.getAttribute("body", "data-ready-at"));
      if (k > 0) {
        // the first round warms Chromium's caches and is left out
        readyAt.push(at);
        wall.push(t1 - t0);
      }
      await context.close();
    }
    const page = await browser.newPage();
    await page.goto(`file://${file}`);
    await page.waitForSelector("body[data-ready=true]");
    await page.click("#tab-analyse");
    await page.setInputFiles('[data-testid="analyse-file"]', `${ROOT}datasets/isrs-kibs-simulated/data.csv`);
    await page.waitForSelector('[data-testid="analyse-done"]', { timeout: 300_000 });
    const done = (await page.textContent('[data-testid="analyse-done"]')) ?? "";
    const analyseMs = Number(/(\d+) ms/.exec(done)?.[1] ?? NaN);
    const result = {
      bytes: size,
      rounds,
      readyAtMedianMs: +median(readyAt).toFixed(1),
      readyAtMaxMs: +Math.max(...readyAt).toFixed(1),
      wallMedianMs: +median(wall).toFixed(1),
      analyseMs,
    };
    log(
      `  usable after ${result.readyAtMedianMs} ms (median of ${rounds}, page's clock; max ${result.readyAtMaxMs}); ` +
        `page.goto to usable ${result.wallMedianMs} ms; analysis of the bundled data in the worker ${analyseMs} ms`,
    );
    return result;
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await runAppBench((s) => console.log(s));
  console.log(JSON.stringify(r, null, 2));
}
