#!/usr/bin/env node
/**
 * Writes the outputs of the built CLI into a folder so that two builds can be compared byte for
 * byte (`node scripts/snapshot-outputs.mjs OUTDIR`, then `diff -r OUTDIR1 OUTDIR2`):
 *
 * - `isrs fit` (JSON and the text summary) of every reference case (continuous and ordinal) in the
 *   shared reference folder (ISRS_REFERENCE, default /work/shared/reference), in
 *   tests/parity/lavaan-0.6.14 and in tests/fixtures/{extra,robust,fit-edges}, with the options of
 *   its lavaan call (translated as tests/parity/cases.ts and tests/ordinal/method/cases.ts do);
 * - `isrs analyze`, `isrs score`, `isrs report` (study and firm) on the bundled dataset, and the
 *   page written by `isrs app`.
 *
 * Outputs that carry the date of the run, the package version or the checkout's path (so that two
 * checkouts can be compared) have those masked (see `mask`),
 * so that only the computed content is compared. The page written by `isrs app` inlines the
 * minified page and worker scripts (esbuild's output, which changes with any edit of their
 * sources); those two script bodies and the page script's hash in the Content-Security-Policy are
 * masked too, so the page's data, markup and texts are compared here and its behaviour by the
 * browser tests (tests/app).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.resolve(process.argv[2] ?? "snapshot");
const shared = process.env.ISRS_REFERENCE ?? "/work/shared/reference";
fs.mkdirSync(out, { recursive: true });
const version = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version;

/** the run's date and time (ISO timestamps, dates), the package version and the checkout's path, masked */
function mask(text) {
  return text
    .replaceAll(root, "<ROOT>")
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?/g, "<TIMESTAMP>")
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, "<DATE>")
    .replaceAll(`isrs ${version}`, "isrs <VERSION>")
    .replaceAll(`"version": "${version}"`, `"version": "<VERSION>"`)
    .replaceAll(`"version":"${version}"`, `"version":"<VERSION>"`);
}

function run(args, cwd = root) {
  try {
    return execFileSync("node", [path.join(root, "bin/isrs.js"), ...args], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
      cwd,
    });
  } catch (e) {
    return `EXIT ${e.status}\n${e.stdout}\n${e.stderr}`;
  }
}

/** the inlined scripts of the page written by `isrs app` (the data block is kept) */
function maskScripts(html) {
  return html
    .replace(/(<script type="text\/plain" id="isrs-worker">)[\s\S]*?(<\/script>)/, "$1<WORKER SCRIPT>$2")
    .replace(/(<script>)[\s\S]*?(<\/script>)/g, "$1<PAGE SCRIPT>$2")
    .replace(/script-src 'sha256-[^']+'/g, "script-src '<PAGE SCRIPT HASH>'");
}

function write(name, text) {
  fs.writeFileSync(path.join(out, name), mask(name.endsWith(".html") ? maskScripts(text) : text));
}

/** the fit flags of a lavaan call (lavaan.json's `fun` and `options`) */
function fitFlags(ref) {
  const o = Array.isArray(ref.options) ? {} : ref.options;
  const f = [];
  if (o.ordered === true) f.push("--ordered", "all");
  else if (Array.isArray(o.ordered)) f.push("--ordered", o.ordered.join(","));
  else f.push("--modindices");
  if (o["std.lv"] === true) f.push("--std-lv");
  if (typeof o.group === "string") f.push("--group", o.group);
  const ge = o["group.equal"];
  if (ge !== undefined) f.push("--group-equal", (Array.isArray(ge) ? ge : [ge]).join(","));
  if (ref.fun === "growth") f.push("--growth");
  if (o.meanstructure === true) f.push("--meanstructure");
  if (o["fixed.x"] === false) f.push("--no-fixed-x");
  if (typeof o.missing === "string") f.push("--missing", o.missing);
  if (typeof o.estimator === "string") f.push("--estimator", o.estimator.toUpperCase());
  if (typeof o.parameterization === "string") f.push("--parameterization", o.parameterization);
  return f;
}

function snapshotFits(prefix, dir) {
  if (!fs.existsSync(dir)) return 0;
  let n = 0;
  for (const name of fs.readdirSync(dir).sort()) {
    const c = path.join(dir, name);
    if (!["data.csv", "model.lav", "lavaan.json"].every((f) => fs.existsSync(path.join(c, f)))) continue;
    const ref = JSON.parse(fs.readFileSync(path.join(c, "lavaan.json"), "utf8"));
    const args = ["fit", path.join(c, "data.csv"), "-m", path.join(c, "model.lav"), ...fitFlags(ref)];
    write(`fit-${prefix}-${name}.json`, run([...args, "--format", "json"]));
    write(`fit-${prefix}-${name}.txt`, run(args));
    n++;
  }
  return n;
}

/** every file of a folder written by a command, concatenated with its relative name */
function folderText(dir) {
  const parts = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else parts.push(`=== ${path.relative(dir, p)}\n${fs.readFileSync(p, "utf8")}`);
    }
  };
  walk(dir);
  return parts.join("\n");
}

let fits = snapshotFits("shared", shared);
for (const r of [
  "tests/parity/lavaan-0.6.14",
  "tests/fixtures/extra",
  "tests/fixtures/robust",
  "tests/fixtures/fit-edges",
]) {
  fits += snapshotFits(path.basename(r), path.join(root, r));
}

const data = path.join(root, "datasets/isrs-kibs-simulated/data.csv");
write("analyze.txt", run(["analyze"]));
write("analyze.json", run(["analyze", "--format", "json"]));
write("analyze-mlr-fiml.json", run(["analyze", "--estimator", "MLR", "--missing", "fiml", "--format", "json"]));
write("score-F001.txt", run(["score", data, "--firm", "F001"]));
write("score-all.json", run(["score", data, "--all", "--format", "json"]));
write("score-all.txt", run(["score", data, "--all"]));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "isrs-snapshot-"));
try {
  const reports = [
    ["report-study", ["report", "--pls", "--out", path.join(tmp, "report-study")]],
    ["report-firm", ["report", "--firm", "F002", "--out", path.join(tmp, "report-firm")]],
    ["report-all", ["report", "--all", "--out", path.join(tmp, "report-all")]],
  ];
  for (const [name, args] of reports) {
    const log = run(args, tmp);
    write(`${name}.txt`, `${log.replaceAll(tmp, "<TMP>")}\n${folderText(path.join(tmp, name))}`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
write("app-en.html", run(["app"]));
write("app-es-embed.html", run(["app", "--lang", "es", "--embed-norm-data"]));
console.log(`${fits} fit cases and the study commands written to ${out}`);
