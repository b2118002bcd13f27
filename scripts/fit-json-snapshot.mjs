#!/usr/bin/env node
/**
 * Writes the output of `isrs fit --format json` for every reference case (tests/parity/lavaan-0.6.14/*
 * and tests/fixtures/extra/*) into OUT_DIR, one file per case, so that two builds can be compared
 * byte for byte: `node scripts/fit-json-snapshot.mjs OUT_DIR [ROOT]` (ROOT: the checkout whose
 * bin/isrs.js runs, default this one), then `diff -r BEFORE AFTER`.
 * The lavaan call of each case (lavaan.json `fun`, `options`) is translated into CLI flags as
 * tests/parity/cases.ts translates it into fit options.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..");
const [outDir, rootArg] = process.argv.slice(2);
if (outDir === undefined) {
  console.error("usage: node scripts/fit-json-snapshot.mjs OUT_DIR [ROOT]");
  process.exit(2);
}
const bin = path.join(path.resolve(rootArg ?? repo), "bin/isrs.js");
const roots = ["tests/parity/lavaan-0.6.14", "tests/fixtures/extra"].map((r) => path.join(repo, r));

function flags(ref) {
  const o = Array.isArray(ref.options) ? {} : ref.options;
  const out = ["--modindices"];
  if (o["std.lv"] === true) out.push("--std-lv");
  if (typeof o.group === "string") out.push("--group", o.group);
  const ge = o["group.equal"];
  if (ge !== undefined) out.push("--group-equal", (Array.isArray(ge) ? ge : [ge]).join(","));
  if (ref.fun === "growth") out.push("--growth");
  if (o.meanstructure === true) out.push("--meanstructure");
  if (o["fixed.x"] === false) out.push("--no-fixed-x");
  if (typeof o.missing === "string") out.push("--missing", o.missing);
  if (typeof o.estimator === "string") out.push("--estimator", o.estimator.toUpperCase());
  return out;
}

fs.mkdirSync(outDir, { recursive: true });
for (const root of roots) {
  for (const name of fs.readdirSync(root).sort()) {
    const dir = path.join(root, name);
    const refFile = path.join(dir, "lavaan.json");
    if (!fs.existsSync(refFile)) continue;
    const ref = JSON.parse(fs.readFileSync(refFile, "utf8"));
    const args = [bin, "fit", path.join(dir, "data.csv"), "--model", path.join(dir, "model.lav"), "--format", "json"];
    const run = spawnSync(process.execPath, [...args, ...flags(ref)], {
      encoding: "utf8",
      cwd: repo,
      maxBuffer: 1 << 30,
    });
    const text = `exit ${run.status}\n${run.stdout}${run.stderr}`;
    fs.writeFileSync(path.join(outDir, `${name}.txt`), text);
    console.log(`${name}: exit ${run.status}`);
  }
}
