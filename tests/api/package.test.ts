/**
 * The package as a user gets it: `npm pack` (of the built dist/, as `npm test` builds it), then a
 * consumer project in a temporary folder installs the tarball from the registry's dependencies,
 * fits Holzinger-Swineford from records in Node, and type-checks strict TypeScript against the
 * packed types, Node and browser flavours, including code that must not compile.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { close, HS_CSV, HS_MODEL, lavaanRef, ROOT } from "./hs.js";

const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");
let tmp = "";
let consumer = "";
let packed: string[] = [];

function sh(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 26 });
}

beforeAll(() => {
  for (const f of ["dist/index.js", "dist/node.js", "dist/browser/isrs.js"]) {
    if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run npm run build first`);
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "isrs-consumer-"));
  // the build is the one `npm test` made; --ignore-scripts: pack it as it is
  const pack = JSON.parse(sh("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", tmp], ROOT)) as {
    filename: string;
    files: { path: string }[];
  }[];
  packed = pack[0]!.files.map((f) => f.path);
  consumer = path.join(tmp, "consumer");
  fs.mkdirSync(consumer);
  fs.writeFileSync(
    path.join(consumer, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }),
  );
  sh(
    "npm",
    ["install", path.join(tmp, pack[0]!.filename), "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"],
    consumer,
  );
}, 600_000);

afterAll(() => {
  if (tmp !== "") fs.rmSync(tmp, { recursive: true, force: true });
});

describe("the packed tarball", () => {
  it("ships the compiled entries, the browser bundle, the bundled instrument and data, and no tests or maps", () => {
    for (const f of [
      "bin/isrs.js",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/node.js",
      "dist/instrument/index.js",
      "dist/report/index.js",
      "dist/sem/bootstrap/worker.js",
      "dist/browser/isrs.js",
      "instruments/isrs-v1.json",
      "datasets/isrs-kibs-simulated/data.csv",
      "README.md",
      "package.json",
    ]) {
      expect(packed, f).toContain(f);
    }
    expect(packed.filter((f) => f.endsWith(".map") || f.startsWith("tests/") || f.startsWith("src/"))).toEqual([]);
  });
});

describe("a Node consumer of the installed package", () => {
  it("fits Holzinger-Swineford from records with lavaan's numbers", () => {
    const script = `
      import fs from "node:fs";
      import { fit, readCsv, IsrsInputError } from "isrs";
      const [header, ...lines] = fs.readFileSync(${JSON.stringify(HS_CSV)}, "utf8").trim().split("\\n");
      const names = header.split(",").map((h) => h.replaceAll('"', ""));
      const rows = lines.map((l) => Object.fromEntries(l.split(",").map((c, j) =>
        [names[j], c.startsWith('"') ? c.replaceAll('"', "") : Number(c)])));
      const fitted = await fit(${JSON.stringify(HS_MODEL)}, rows);
      const fromFile = await fit(${JSON.stringify(HS_MODEL)}, readCsv(${JSON.stringify(HS_CSV)}));
      let error = null;
      try { await fit("f =~ x1 + x2 + x3", rows.map((r, i) => i === 9 ? { ...r, x2: "n/a" } : r)); }
      catch (e) { error = { isInputError: e instanceof IsrsInputError, code: e.code, message: e.message }; }
      console.log(JSON.stringify({
        fit: fitted.fitMeasures(),
        parameters: fitted.parameterEstimates(),
        same: JSON.stringify(fitted.toJSON()) === JSON.stringify(fromFile.toJSON()),
        summary: fitted.summary().split("\\n")[0],
        error,
      }));
    `;
    fs.writeFileSync(path.join(consumer, "fit.mjs"), script);
    const out = JSON.parse(sh(process.execPath, ["fit.mjs"], consumer)) as {
      fit: Record<string, number>;
      parameters: { lhs: string; op: string; rhs: string; est: number; se: number }[];
      same: boolean;
      summary: string;
      error: { isInputError: boolean; code: string; message: string };
    };
    // lavaan 0.6.14: cfa(HS.model, HolzingerSwineford1939), tests/parity/lavaan-0.6.14/hs-cfa-ml/lavaan.json
    const ref = lavaanRef();
    for (const k of ["chisq", "cfi", "tli", "rmsea", "srmr", "aic", "bic"]) {
      expect(close(out.fit[k]!, ref.fit[k]!, 1e-3), k).toBe(true);
    }
    for (const r of ref.parameters) {
      const mine = out.parameters.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs)!;
      expect(close(mine.est, r.est, 1e-4), `${r.lhs}${r.op}${r.rhs}`).toBe(true);
      expect(close(mine.se, r.se, 1e-3), `${r.lhs}${r.op}${r.rhs} se`).toBe(true);
    }
    expect(out.same).toBe(true);
    expect(out.summary).toMatch(/^isrs 0\.1\.0 ended normally after \d+ iterations$/);
    expect(out.error).toEqual({
      isInputError: true,
      code: "E_NOT_NUMERIC",
      message: 'data[9].x2: "n/a" is not a number',
    });
  });

  it("imports isrs/instrument and isrs/report, and runs the installed isrs command", () => {
    const script = `
      import { loadInstrument, instrumentModelSyntax, bundledDatasetPath } from "isrs/instrument";
      import { studyReport, renderHtml } from "isrs/report";
      import fs from "node:fs";
      const instr = loadInstrument();
      console.log(JSON.stringify({ id: instr.id, model: instrumentModelSyntax(instr).split("\\n").length,
        data: fs.existsSync(bundledDatasetPath()), report: typeof studyReport, html: typeof renderHtml }));
    `;
    fs.writeFileSync(path.join(consumer, "layers.mjs"), script);
    const out = JSON.parse(sh(process.execPath, ["layers.mjs"], consumer)) as Record<string, unknown>;
    expect(out).toMatchObject({ data: true, report: "function", html: "function" });
    expect(out.id).toBe(
      (JSON.parse(fs.readFileSync(path.join(ROOT, "instruments/isrs-v1.json"), "utf8")) as { id: string }).id,
    );
    const cli = spawnSync(path.join(consumer, "node_modules/.bin/isrs"), ["model"], {
      cwd: consumer,
      encoding: "utf8",
    });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain("=~");
  });
});

describe("strict TypeScript against the packed types", () => {
  const NODE_TSCONFIG = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      lib: ["ES2022"],
      types: [],
    },
  };
  const BROWSER_TSCONFIG = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: "ES2022",
      module: "ESNext",
      moduleResolution: "Bundler",
      lib: ["ES2022", "DOM"],
      types: [],
    },
  };

  /** tsc over the files of one project; its error lines. */
  function typecheck(name: string, tsconfig: object, files: Record<string, string>): string[] {
    const dir = path.join(consumer, name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ ...tsconfig, include: ["*.ts"] }));
    for (const [file, source] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), source);
    const r = spawnSync(process.execPath, [TSC, "-p", ".", "--pretty", "false"], { cwd: dir, encoding: "utf8" });
    return (r.stdout + r.stderr).split("\n").filter((l) => l.trim() !== "");
  }

  const GOOD = `
    import { fit, parseModel, csvTable, IsrsInputError, type FitMeasures, type ParameterRow, type FitJson } from "isrs";
    export async function run(rows: { x1: number; x2: number | null; x3: number; school: string }[]): Promise<number> {
      const fitted = await fit(parseModel("f =~ x1 + x2 + x3"), rows, { estimator: "MLR", missing: "fiml" });
      const fm: FitMeasures = fitted.fitMeasures();
      const cfi: number = fm.cfi;
      const robust: number | undefined = fm["cfi.robust"];
      const rows2: ParameterRow[] = fitted.parameterEstimates();
      const json: FitJson = fitted.toJSON();
      const cols = await fit("f =~ x1 + x2 + x3", { x1: new Float64Array(3), x2: [1, null, 2], x3: [1, 2, 3] });
      const table = await fit("f =~ x1 + x2 + x3", csvTable("x1,x2,x3\\n1,2,3", { na: ["-9"] }), { group: "g" });
      try { await fit("", []); } catch (e) { if (e instanceof IsrsInputError) return e.code.length; }
      return cfi + (robust ?? 0) + rows2.length + json.npar + cols.nobs[0]! + table.summary().length;
    }
  `;

  it("a strict Node consumer compiles (readCsv, the bootstrap); a misspelt measure or option value does not", () => {
    const errors = typecheck("node", NODE_TSCONFIG, {
      "good.ts": `${GOOD}
        import { readCsv, fit as fitNode } from "isrs";
        export const later = async () =>
          (await fitNode("f =~ a + b + c", readCsv("x.csv"), { bootstrap: { draws: 100, seed: 1 } }))
            .toJSON().bootstrap;
      `,
      "typo.ts": `import { fit } from "isrs";
export const f = async () => (await fit("f =~ a", [])).fitMeasures().cfii;
`,
      "option.ts": `import { fit } from "isrs";
export const f = () => fit("f =~ a + b + c", [], { estimator: "GLS" });
`,
    });
    expect(errors.filter((l) => l.includes("good.ts"))).toEqual([]);
    expect(errors.find((l) => l.startsWith("typo.ts"))).toMatch(
      /error TS2551: Property 'cfii' does not exist .*Did you mean 'cfi'\?/,
    );
    expect(errors.find((l) => l.startsWith("option.ts"))).toContain(`Type '"GLS"' is not assignable`);
    expect(errors.filter((l) => /^\w+\.ts\(/.test(l))).toHaveLength(2);
  });

  it("a strict browser consumer compiles against the browser types, which have no readCsv", () => {
    const errors = typecheck("browser", BROWSER_TSCONFIG, {
      "good.ts": GOOD,
      "readcsv.ts": `import { readCsv } from "isrs";\nreadCsv("x.csv");\n`,
    });
    expect(errors.filter((l) => l.includes("good.ts"))).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^readcsv\.ts.*has no exported member 'readCsv'/);
  });
});
