// Runs `isrs fit` from dist/bundle/fit.cjs, a CommonJS bundle of the CLI with the fit command
// alone, through node:vm with V8's code cache (fit.cjs.cache beside it, written by
// `npm run build` after a fit, so it holds the compiled code of a whole run): Node 20 has no
// code cache for ES modules, and compiling the program is a large share of a short command.
// A cache that does not match this Node (another V8 version or flags) is ignored by V8, and the
// script is compiled as usual. Nothing is written at run time; the cache is made only by
// `makeCache` (scripts/build-cli.mjs).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import vm from "node:vm";

/**
 * Runs the CLI in `file` with `argv` (node, script, arguments) and returns its exit code; with
 * `makeCache`, then writes the code cache of everything compiled during the run.
 * @param {string} file  absolute path of fit.cjs
 * @param {readonly string[]} argv
 * @param {{ makeCache?: boolean }} [options]
 * @returns {Promise<number>}
 */
export async function runFitScript(file, argv, options = {}) {
  const cacheFile = `${file}.cache`;
  const cachedData = !options.makeCache && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const source = readFileSync(file, "utf8");
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  const code = await module.exports.main(argv);
  if (options.makeCache) writeFileSync(cacheFile, script.createCachedData());
  return code;
}
