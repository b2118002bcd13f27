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
/**
 * The page's modules of src/ declared free of side effects, so that esbuild drops a module none of
 * whose exports the page uses: score.ts imports the weights' fit (for scoreFirms), which the page
 * never calls (the weights come fitted), and without this the engine's option schemas (zod) would
 * come along. The worker runs the engine and is bundled as is.
 */
const pureSources = {
  name: "pure-sources",
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData === "pure") return undefined;
      const r = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: "pure" });
      return r.path.startsWith(path.join(root, "src") + path.sep) ? { ...r, sideEffects: false } : r;
    });
  },
};
for (const [name, entry, plugins] of [
  ["page", "src/app/page/main.ts", [pureSources]],
  ["worker", "src/app/page/worker.ts", []],
]) {
  const out = path.join(root, "dist/app", `${name}.js`);
  await build({ ...common, entryPoints: [path.join(root, entry)], outfile: out, plugins });
  const bytes = fs.readFileSync(out);
  const kb = (n) => (n / 1024).toFixed(1);
  console.log(`dist/app/${name}.js: ${kb(bytes.length)} KB, ${kb(gzipSync(bytes, { level: 9 }).length)} KB gzipped`);
}
