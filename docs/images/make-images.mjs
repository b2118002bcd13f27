// Remakes the README's images from the bundled data with the toolkit itself:
//   npm run build && node docs/images/make-images.mjs
// diagram.svg is the path diagram `isrs report` writes; the PNGs are headless Chromium
// screenshots (Debian's /usr/bin/chromium) of the study report and of one firm's report.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "isrs-images-"));
const isrs = (...args) =>
  execFileSync(process.execPath, [path.join(root, "bin/isrs.js"), ...args], { cwd: root, stdio: "inherit" });

isrs("report", "--out", path.join(tmp, "study"));
isrs("report", "--firm", "F002", "--out", path.join(tmp, "firm"));
fs.copyFileSync(path.join(tmp, "study/diagram.svg"), path.join(here, "diagram.svg"));

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
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
const shot = async (file, out, height) => {
  const page = await browser.newPage({ viewport: { width: 1040, height }, deviceScaleFactor: 1 });
  await page.goto(`file://${file}`);
  await page.screenshot({ path: path.join(here, out) });
  await page.close();
};
await shot(path.join(tmp, "study/report.html"), "study-report.png", 1300);
await shot(path.join(tmp, "firm/report.html"), "firm-report.png", 1150);
await browser.close();
fs.rmSync(tmp, { recursive: true, force: true });
