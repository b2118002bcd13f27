#!/usr/bin/env node
// Entry point. It runs the bundled CLI, dist/bundle/isrs.js (one file and a few shared chunks,
// built by `npm run build`, which `npm install` runs through the prepare script), unless the
// modules compiled by tsc alone are newer (dist/cli/main.js, after `tsc -p tsconfig.build.json`
// without the bundling step): the program run is always the latest one built. `isrs fit` runs
// from dist/bundle/fit.cjs with a code cache (fit-script.js), built in the same step.
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";

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
const fitScript = "../dist/bundle/fit.cjs";
const entry = modified(bundle) >= modified(compiled) && modified(bundle) > -Infinity ? bundle : compiled;
// `isrs fit` (the first operand, as cli/main.ts finds it) runs from the CommonJS bundle with
// V8's code cache (fit-script.js) when it was built with the bundle and is not older than it
const first = process.argv.slice(2).find((a) => !a.startsWith("-"));
if (first === "fit" && entry === bundle && modified(fitScript) >= modified(bundle)) {
  const { runFitScript } = await import("./fit-script.js");
  process.exitCode = await runFitScript(fileURLToPath(new URL(fitScript, import.meta.url)), process.argv);
} else {
  const { main } = await import(entry);
  process.exitCode = await main(process.argv);
}
