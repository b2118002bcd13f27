#!/usr/bin/env node
/**
 * Writes `isrs fit --format json` (and the text output) of every reference case (a folder with
 * data.csv, model.lav and lavaan.json) into an output folder, so that two builds can be compared
 * byte for byte: `node scripts/snapshot-json.mjs OUTDIR` then `diff -r OUTDIR1 OUTDIR2`.
 * Options are translated from lavaan.json as tests/parity/cases.ts does.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.resolve(process.argv[2] ?? "snapshot");
/** optional: only the cases whose name contains this text */
const only = process.argv[3] ?? "";
fs.mkdirSync(out, { recursive: true });
const roots = [
  "tests/parity/lavaan-0.6.14",
  "tests/fixtures/extra",
  "tests/fixtures/robust",
  "tests/fixtures/fit-edges",
];

function flags(ref) {
  const o = Array.isArray(ref.options) ? {} : ref.options;
  const f = ["--modindices"];
  if (o["std.lv"] === true) f.push("--std-lv");
  if (typeof o.group === "string") f.push("--group", o.group);
  const ge = o["group.equal"];
  if (ge !== undefined) f.push("--group-equal", (Array.isArray(ge) ? ge : [ge]).join(","));
  if (ref.fun === "growth") f.push("--growth");
  if (o.meanstructure === true) f.push("--meanstructure");
  if (o["fixed.x"] === false) f.push("--no-fixed-x");
  if (typeof o.missing === "string") f.push("--missing", o.missing);
  if (typeof o.estimator === "string") f.push("--estimator", o.estimator.toUpperCase());
  return f;
}

function run(args) {
  try {
    return execFileSync("node", [path.join(root, "bin/isrs.js"), ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
  } catch (e) {
    return `EXIT ${e.status}\n${e.stdout}\n${e.stderr}`;
  }
}

let n = 0;
for (const r of roots) {
  const dir = path.join(root, r);
  if (!fs.existsSync(dir)) continue;
  for (const name of fs.readdirSync(dir).sort()) {
    const c = path.join(dir, name);
    if (!name.includes(only)) continue;
    if (!["data.csv", "model.lav", "lavaan.json"].every((f) => fs.existsSync(path.join(c, f)))) continue;
    const ref = JSON.parse(fs.readFileSync(path.join(c, "lavaan.json"), "utf8"));
    const args = ["fit", path.join(c, "data.csv"), "-m", path.join(c, "model.lav"), ...flags(ref)];
    fs.writeFileSync(path.join(out, `${name}.json`), run([...args, "--format", "json"]));
    fs.writeFileSync(path.join(out, `${name}.txt`), run(args));
    n++;
  }
}
if (only !== "") process.exit(0);
// bootstrap: a fixed seed, one and two workers
const hs = path.join(root, "tests/parity/lavaan-0.6.14/hs-cfa-ml");
for (const w of ["1", "2"]) {
  const b = ["fit", path.join(hs, "data.csv"), "-m", path.join(hs, "model.lav"), "--bootstrap", "200", "--seed", "7"];
  fs.writeFileSync(path.join(out, `bootstrap-w${w}.json`), run([...b, "--workers", w, "--format", "json"]));
}
const bs = ["fit", path.join(hs, "data.csv"), "-m", path.join(hs, "model.lav"), "--bootstrap", "100", "--seed", "3"];
fs.writeFileSync(path.join(out, "bollen-stine.json"), run([...bs, "--test", "bollen-stine", "--format", "json"]));
console.log(`${n} cases written to ${out}`);
