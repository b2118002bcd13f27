#!/usr/bin/env node
// Entry point. It runs the bundled CLI, dist/bundle/isrs.js (one file and a few shared chunks,
// built by `npm run build`, which `npm install` runs through the prepare script), unless the
// modules compiled by tsc alone are newer (dist/cli/main.js, after `tsc -p tsconfig.build.json`
// without the bundling step): the program run is always the latest one built.
import { statSync } from "node:fs";

/** @param {string} file relative to this script */
function modified(file) {
  try {
    return statSync(new URL(file, import.meta.url)).mtimeMs;
  } catch {
    return -Infinity;
  }
}

const bundle = "../dist/bundle/isrs.js";
const compiled = "../dist/cli/main.js";
const entry = modified(bundle) >= modified(compiled) && modified(bundle) > -Infinity ? bundle : compiled;
const { main } = await import(entry);
process.exitCode = await main(process.argv);
