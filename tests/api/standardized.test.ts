/**
 * ModelFit.standardizedSolution() against lavaan 0.6.14's standardizedSolution(fit, type) for the
 * types std.all, std.lv and std.nox: tests/fixtures/standardized/<case>.json, made by
 * make-reference.R there from each case's own data.csv, model.lav and lavaan call (ML, MLR, FIML,
 * two groups configural and with equal loadings, `:=` rows, observed covariates for std.nox).
 * Tolerances of the project: estimates 1e-4 relative, standard errors 1e-3 relative.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fit, readCsv } from "../../src/node.js";
import type { StandardizedRow } from "../../src/api/types.js";
import { loadCases } from "../parity/cases.js";

const DIR = path.resolve(__dirname, "../fixtures/standardized");
const ROOT = path.resolve(__dirname, "../..");

interface Reference {
  case: string;
  source: string;
  types: Record<"std.all" | "std.lv" | "std.nox", (Omit<StandardizedRow, "group"> & { group: number })[]>;
}

const refs = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8")) as Reference);
const cases = new Map(loadCases().map((c) => [c.name, c]));

function close(ours: number | null, theirs: number | null, rel: number, abs: number): boolean {
  if (theirs === null) return ours === null;
  if (ours === null) return false;
  return Math.abs(ours - theirs) <= rel * Math.abs(theirs) + abs;
}

describe("standardizedSolution() against lavaan 0.6.14", () => {
  it("has reference files for the cases", () => expect(refs.length).toBeGreaterThanOrEqual(8));

  for (const ref of refs) {
    it(`${ref.case}: std.all, std.lv and std.nox rows, values and inference`, async () => {
      const c = cases.get(ref.case)!;
      const { modindices: _mi, ...options } = c.options;
      const fitted = await fit(
        fs.readFileSync(path.join(ROOT, ref.source, "model.lav"), "utf8"),
        readCsv(path.join(ROOT, ref.source, "data.csv")),
        {
          ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
        } as never,
      );
      for (const type of ["std.all", "std.lv", "std.nox"] as const) {
        const ours = fitted.standardizedSolution({ type });
        const theirs = ref.types[type];
        expect(ours.map((r) => `${r.lhs} ${r.op} ${r.rhs} ${r.group}`)).toEqual(
          theirs.map((r) => `${r.lhs} ${r.op} ${r.rhs} ${r.group}`),
        );
        const bad: string[] = [];
        ours.forEach((o, i) => {
          const t = theirs[i]!;
          const id = `${type} ${o.lhs} ${o.op} ${o.rhs} g${o.group}`;
          if (!close(o["est.std"], t["est.std"], 1e-4, 1e-8))
            bad.push(`${id} est.std ${o["est.std"]} vs ${t["est.std"]}`);
          if (!close(o.se, t.se, 1e-3, 1e-7)) bad.push(`${id} se ${o.se} vs ${t.se}`);
          if (!close(o.z, t.z, 1e-3, 1e-6)) bad.push(`${id} z ${o.z} vs ${t.z}`);
          if (!close(o.pvalue, t.pvalue, 1e-3, 1e-9)) bad.push(`${id} pvalue ${o.pvalue} vs ${t.pvalue}`);
          if (!close(o["ci.lower"], t["ci.lower"], 1e-3, 1e-6)) bad.push(`${id} ci.lower`);
          if (!close(o["ci.upper"], t["ci.upper"], 1e-3, 1e-6)) bad.push(`${id} ci.upper`);
          if (o.label !== t.label) bad.push(`${id} label ${o.label} vs ${t.label}`);
        });
        expect(bad).toEqual([]);
      }
    });
  }

  it("refuses an unknown type and a bootstrap fit with E_USAGE", async () => {
    const dir = path.join(ROOT, "tests/parity/lavaan-0.6.14/hs-cfa-ml");
    const model = fs.readFileSync(path.join(dir, "model.lav"), "utf8");
    const data = readCsv(path.join(dir, "data.csv"));
    const plain = await fit(model, data);
    expect(() => plain.standardizedSolution({ type: "std.x" as never })).toThrow(/type std.x/);
    const boot = await fit(model, data, { bootstrap: { draws: 20, seed: 1, workers: 1, jackknife: false } });
    expect(() => boot.standardizedSolution()).toThrow(/bootstrap/);
  });
});
