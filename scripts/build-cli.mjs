/**
 * Bundles the command-line program and the bootstrap worker with esbuild into dist/bundle/:
 *   isrs.js    the CLI (src/cli/main.ts), loaded by bin/isrs.js;
 *   worker.js  the bootstrap worker thread (src/sem/bootstrap/worker.ts), started by the pool;
 *   pls-worker.js  the PLS bootstrap worker thread (src/pls/bootstrap/pls-worker.ts);
 *   *-HASH.js  chunks: code shared by the two entries, and every module the sources load with
 *              a dynamic import() (vega, vega-lite, Graphviz, the `:=` evaluator), so that a
 *              command loads them only when it needs them.
 *   fit.cjs    the CLI with the fit command alone, as one CommonJS file, and fit.cjs.cache, V8's
 *              code cache of it after a fit of Holzinger-Swineford (bin/fit-script.js runs
 *              `isrs fit` from them: Node 20 has no code cache for ES modules);
 * Node then reads one file (plus a shared chunk) instead of some two hundred ES modules.
 * The folder is flat on purpose: it sits two levels below the package root, as the compiled
 * modules do, so paths the sources resolve from import.meta.url (package.json, the bundled
 * instrument) hold in both. Run by `npm run build` after tsc; dist/ from tsc stays for the
 * library and the tests.
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
export const BUNDLE_DIR = `${root}dist/bundle`;

/**
 * Builds the bundle and writes esbuild's metafile (every output with its inputs and its static
 * and dynamic imports) beside the folder, as `<outdir>.meta.json`, where a test reads which
 * packages each command loads; returns the metafile.
 */
export async function buildCli({ outdir = BUNDLE_DIR, quiet = false } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: {
      isrs: "src/cli/main.ts",
      worker: "src/sem/bootstrap/worker.ts",
      // the PLS bootstrap worker (src/pls/bootstrap/pool.ts finds it next to the code as pls-worker.js)
      "pls-worker": "src/pls/bootstrap/pls-worker.ts",
      "power-worker": "src/power/worker.ts",
    },
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // CommonJS dependencies that require() Node's built-ins need a require in an ES module
    banner: {
      js:
        'import { createRequire as __isrsRequire } from "node:module";\n' +
        "const require = __isrsRequire(import.meta.url);",
    },
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "none",
    metafile: true,
    logLevel: quiet ? "error" : "warning",
  });
  writeFileSync(`${outdir}.meta.json`, JSON.stringify(result.metafile));
  return result.metafile;
}

/** The other commands of cli/main.ts, left out of fit.cjs: a stub that says so if it were ever run. */
const OTHER_COMMANDS = /^\.\/commands\/[^/]+\.js$/;

/**
 * Builds dist/bundle/fit.cjs (CommonJS, the CLI with only the fit command; import.meta.url is
 * the file's own URL) and, when the Holzinger-Swineford data are present, its code cache made
 * by one fit with the output discarded. Returns whether the cache was written.
 */
export async function buildFitScript({ outdir = BUNDLE_DIR } = {}) {
  const file = `${outdir}/fit.cjs`;
  await build({
    absWorkingDir: root,
    entryPoints: ["src/cli/main.ts"],
    outfile: file,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    define: { "import.meta.url": "__isrsUrl" },
    banner: { js: 'const __isrsUrl = require("node:url").pathToFileURL(__filename).href;' },
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "none",
    logLevel: "error",
    plugins: [
      {
        name: "fit-only",
        setup(b) {
          b.onResolve({ filter: OTHER_COMMANDS }, (a) =>
            a.importer.endsWith("src/cli/main.ts") && a.path !== "./commands/fit.js"
              ? { path: a.path, namespace: "other-command" }
              : undefined,
          );
          b.onLoad({ filter: /.*/, namespace: "other-command" }, (a) => ({
            contents: `throw new Error(${JSON.stringify(`${a.path} is not part of fit.cjs`)});`,
            loader: "js",
          }));
        },
      },
    ],
  });
  const hs = `${root}datasets/holzinger-swineford-1939`;
  if (!existsSync(`${hs}/data.csv`)) return false;
  const argv = ["node", "isrs", "fit", `${hs}/data.csv`, "--model", `${hs}/three-factor.lav`];
  const run =
    `const { runFitScript } = await import(${JSON.stringify(`${root}bin/fit-script.js`)});` +
    `process.exitCode = await runFitScript(${JSON.stringify(file)}, ${JSON.stringify(argv)}, { makeCache: true });`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", run], { stdio: ["ignore", "ignore", "inherit"] });
  return r.status === 0 && existsSync(`${file}.cache`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const meta = await buildCli();
  const cached = await buildFitScript();
  const outputs = Object.entries(meta.outputs).filter(([f]) => f.endsWith(".js"));
  const kb = (/** @type {number} */ b) => `${(b / 1024).toFixed(0)} KB`;
  const main = ["isrs.js", "worker.js"].map((f) => `${f} ${kb(meta.outputs[`dist/bundle/${f}`]?.bytes ?? 0)}`);
  const all = outputs.reduce((a, [, o]) => a + o.bytes, 0);
  console.log(`CLI bundle in dist/bundle: ${main.join(", ")}; ${outputs.length} files, ${kb(all)} in all`);
  console.log(`fit.cjs ${cached ? "with" : "without"} its code cache`);
}
