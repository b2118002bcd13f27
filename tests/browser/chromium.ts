/**
 * Headless Debian Chromium driven by playwright-core (no browser download: the system's
 * /usr/bin/chromium, installed by `apt-get install -y chromium` as .ci/run does). The flags keep
 * it off the network: this machine refuses outside connections, and Chromium's background
 * services would otherwise try them at every start.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  // playwright starts Chromium with a new empty profile of its own
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface PageVisit {
  consoleErrors: string[];
  failedRequests: string[];
  /** every URL the page asked for besides the page itself */
  requests: string[];
  screenshot: Buffer;
}

/** Opens a file from disk (file://), records console errors and requests, and takes a full-page screenshot. */
export async function visit(
  browser: Browser,
  file: string,
  opts: { media?: "screen" | "print"; width?: number } = {},
): Promise<PageVisit> {
  const page = await browser.newPage({ viewport: { width: opts.width ?? 1100, height: 900 } });
  const url = `file://${path.resolve(file)}`;
  const v: Omit<PageVisit, "screenshot"> = { consoleErrors: [], failedRequests: [], requests: [] };
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") v.consoleErrors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => v.consoleErrors.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => v.failedRequests.push(`${r.url()} (${r.failure()?.errorText ?? "failed"})`));
  page.on("request", (r) => {
    if (r.url() !== url) v.requests.push(r.url());
  });
  await page.emulateMedia({ media: opts.media ?? "screen" });
  await page.goto(url, { waitUntil: "load" });
  const screenshot = await page.screenshot({ fullPage: true });
  await page.close();
  return { ...v, screenshot };
}

/**
 * Runs in the page (plain JavaScript, since the project's TypeScript has no DOM types): decodes a
 * PNG into a canvas and returns the mean and variance of its grey level (ITU-R BT.601 weights).
 */
const GREY_STATS = `async (b64) => {
  const img = new Image();
  img.src = "data:image/png;base64," + b64;
  await img.decode();
  const c = document.createElement("canvas");
  c.width = img.width;
  c.height = img.height;
  const ctx = c.getContext("2d");
  ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(0, 0, c.width, c.height).data;
  let s = 0, s2 = 0;
  const n = d.length / 4;
  for (let i = 0; i < d.length; i += 4) {
    const g = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
    s += g;
    s2 += g * g;
  }
  const mean = s / n;
  return { mean, variance: s2 / n - mean * mean, width: c.width, height: c.height };
}`;

/** Mean and variance of the grey level of a PNG (0-255), computed by the browser's canvas. */
export async function pixelStats(
  browser: Browser,
  png: Buffer,
): Promise<{ mean: number; variance: number; width: number; height: number }> {
  const page: Page = await browser.newPage();
  try {
    return (await page.evaluate(`(${GREY_STATS})(${JSON.stringify(png.toString("base64"))})`)) as {
      mean: number;
      variance: number;
      width: number;
      height: number;
    };
  } finally {
    await page.close();
  }
}
