#!/usr/bin/env node
/**
 * The browser ESM bundle of the engine entry (src/index.ts): dist/browser/isrs.js; whatever the
 * engine imports dynamically (code only some models need) is split into chunks under
 * dist/browser/chunks/, loaded when a model asks for it. `platform: "browser"` makes the build fail on any Node
 * built-in in the entry's import graph. Prints the gzipped sizes.
 */
import { build } from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(root, "dist/browser");
fs.rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { isrs: path.join(root, "src/index.ts") },
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  splitting: true,
  // csv-parse's own browser build (it carries the Buffer it needs); its Node build uses Node's Buffer
  alias: { "csv-parse/sync": "csv-parse/browser/esm/sync" },
  minify: true,
  outdir,
  chunkNames: "chunks/[name]-[hash]",
  metafile: true,
  legalComments: "linked",
  logLevel: "warning",
});
const sizes = Object.keys(result.metafile.outputs)
  .filter((f) => f.endsWith(".js"))
  .map((f) => {
    const bytes = fs.readFileSync(path.join(root, f));
    return {
      file: path.relative(root, path.join(root, f)),
      kb: bytes.length / 1024,
      gzKb: gzipSync(bytes, { level: 9 }).length / 1024,
    };
  });
for (const s of sizes) console.log(`${s.file}: ${s.kb.toFixed(1)} KB, ${s.gzKb.toFixed(1)} KB gzipped`);
