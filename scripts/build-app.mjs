#!/usr/bin/env node
/**
 * The self-assessment page's two scripts, bundled by esbuild for browsers (IIFE, no imports left):
 *   dist/app/page.js    the page (src/app/page/main.ts): questionnaire, diagnostic, team view;
 *   dist/app/worker.js  the analysis worker (src/app/page/worker.ts): the engine and the study analysis.
 * `isrs app` inlines both into one HTML file (the worker's code is started from a blob: URL).
 * `platform: "browser"` makes the build fail on any Node built-in in their import graphs.
 */
import { build } from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
fs.mkdirSync(path.join(root, "dist/app"), { recursive: true });
const common = {
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2022",
  // csv-parse's own browser build (it carries the Buffer it needs)
  alias: { "csv-parse/sync": "csv-parse/browser/esm/sync" },
  minify: true,
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
};
for (const [name, entry] of [
  ["page", "src/app/page/main.ts"],
  ["worker", "src/app/page/worker.ts"],
]) {
  const out = path.join(root, "dist/app", `${name}.js`);
  await build({ ...common, entryPoints: [path.join(root, entry)], outfile: out });
  const bytes = fs.readFileSync(out);
  const kb = (n) => (n / 1024).toFixed(1);
  console.log(`dist/app/${name}.js: ${kb(bytes.length)} KB, ${kb(gzipSync(bytes, { level: 9 }).length)} KB gzipped`);
}
