/**
 * The bundled CLI (dist/bundle, built by scripts/build-cli.mjs in `npm run build`, which
 * `npm test` runs first) is the same program as the modules tsc compiles: the same version
 * line, the same JSON for a fit and for a bootstrap run with worker threads (the workers then
 * start from the bundled worker script). And each command's static import graph, read from
 * esbuild's metafile, holds none of the heavy packages (vega, vega-lite, Graphviz, mathjs): they
 * are loaded by dynamic import where they are used. No timing is asserted here; speed is
 * measured by `npm run bench`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "./command-names.js";

const BUNDLE = "dist/bundle/isrs.js";
const DIST = "dist/cli/main.js";
const META = "dist/bundle.meta.json";
const HS = [
  "datasets/holzinger-swineford-1939/data.csv",
  "--model",
  "datasets/holzinger-swineford-1939/three-factor.lav",
];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI through one entry module, in a child process. */
function runThrough(entry: string, args: string[]): Run {
  const r = spawnSync(process.execPath, ["tests/cli/run-entry.mjs", entry, ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the bundled CLI", () => {
  it("is built: the CLI, the bootstrap worker and the metafile", () => {
    for (const f of [BUNDLE, "dist/bundle/worker.js", META, DIST])
      expect(existsSync(f), `${f} (npm run build)`).toBe(true);
  });

  it("bin/isrs.js --version prints the package's version", () => {
    const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
    const r = spawnSync(process.execPath, ["bin/isrs.js", "--version"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${version}\n`);
    expect(runThrough(BUNDLE, ["--version"]).stdout).toBe(`${version}\n`);
  });

  it("fits Holzinger-Swineford to the same JSON as tsc's modules, and bin/isrs.js too", () => {
    const bundled = runThrough(BUNDLE, ["fit", ...HS, "--format", "json"]);
    const compiled = runThrough(DIST, ["fit", ...HS, "--format", "json"]);
    expect(bundled.stderr).toBe("");
    expect(bundled.status).toBe(0);
    expect(compiled.status).toBe(0);
    expect(bundled.stdout, "the bundle and tsc's output differ: is one stale? npm run build").toBe(compiled.stdout);
    // lavaan 0.6.14, cfa(HS.model, data = HolzingerSwineford1939): chisq 85.306, df 24
    const fit = (JSON.parse(bundled.stdout) as { fit: Record<string, number> }).fit;
    expect(fit.chisq).toBeCloseTo(85.306, 3);
    expect(fit.df).toBe(24);
    const bin = spawnSync(process.execPath, ["bin/isrs.js", "fit", ...HS, "--format", "json"], { encoding: "utf8" });
    expect(bin.stdout).toBe(compiled.stdout);
  });

  it("bootstraps on 2 threads from the bundled worker, to the same JSON as tsc's modules", () => {
    const args = ["fit", ...HS, "--bootstrap", "120", "--seed", "7", "--workers", "2", "--format", "json"];
    const bundled = runThrough(BUNDLE, args);
    const compiled = runThrough(DIST, args);
    expect(bundled.stderr).toBe("");
    expect(bundled.stdout).toBe(compiled.stdout);
    const boot = (JSON.parse(bundled.stdout) as { bootstrap: { threads: number; threadNote?: string } }).bootstrap;
    expect(boot.threads).toBe(2); // 1 when the worker script is not found next to the code
  });
});

interface Metafile {
  outputs: Record<
    string,
    { entryPoint?: string; inputs: Record<string, unknown>; imports: { path: string; kind: string }[] }
  >;
}

/** The packages under node_modules that a bundle output and its static imports hold. */
function staticPackages(meta: Metafile, output: string): Set<string> {
  const seen = new Set<string>();
  const todo = [output];
  const packages = new Set<string>();
  while (todo.length > 0) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const o = meta.outputs[f]!;
    for (const input of Object.keys(o.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (m) packages.add(m[1]!);
    }
    for (const i of o.imports) if (i.kind === "import-statement" && i.path in meta.outputs) todo.push(i.path);
  }
  return packages;
}

describe("what each command loads", () => {
  const HEAVY = ["vega", "vega-lite", "@viz-js/viz", "mathjs"];
  const commands = COMMANDS;

  it.each(commands)("isrs %s: no heavy package in its static import graph", (command) => {
    const meta = JSON.parse(readFileSync(META, "utf8")) as Metafile;
    const output = Object.keys(meta.outputs).find(
      (f) => meta.outputs[f]!.entryPoint === `src/cli/commands/${command}.ts`,
    );
    expect(output, `the bundle has a chunk for src/cli/commands/${command}.ts`).toBeDefined();
    const packages = staticPackages(meta, output!);
    for (const p of staticPackages(meta, "dist/bundle/isrs.js")) packages.add(p);
    expect(HEAVY.filter((h) => packages.has(h))).toEqual([]);
  });

  it("the graph reader sees a heavy package where one is imported statically", () => {
    // the dynamically imported chunk of vega-lite holds vega-lite itself
    const meta = JSON.parse(readFileSync(META, "utf8")) as Metafile;
    const vl = Object.keys(meta.outputs).find((f) => (meta.outputs[f]!.entryPoint ?? "").includes("vega-lite"));
    expect(vl).toBeDefined();
    expect(staticPackages(meta, vl!).has("vega-lite")).toBe(true);
  });
});
