/**
 * Fits to summary statistics against lavaan 0.6.14 (/work/shared/reference/sample-cov, made by its
 * make-sample-cov.R): every fit measure, every parameter row and the listed modification indices,
 * at the parity tolerances (tests/parity/compare.ts). Expected numbers are read from lavaan.json.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fitModel } from "../../src/sem/fit-model.js";
import { momentStats, momentsFromText, momentsTable, type MomentsText } from "../../src/sem/samplecov/index.js";
import { parseModel } from "../../src/sem/syntax/index.js";
import { toFitResult } from "../../src/sem/views.js";
import type { FitResult } from "../../src/sem/results.js";
import { agrees, rowKey, TOL } from "../parity/compare.js";

const ROOT = process.env.ISRS_SHARED_REFERENCE ?? "/work/shared/reference";
const DIR = path.join(ROOT, "sample-cov");
const present = fs.existsSync(DIR);

interface Ref {
  nobs: number;
  npar: number;
  fit: Record<string, number | null>;
  parameters: { lhs: string; op: string; rhs: string; [c: string]: unknown }[];
  modindices: { lhs: string; op: string; rhs: string; mi: number; epc: number; "sepc.all": number }[] | null;
  sample_cov_used: { names: string[]; matrix: number[][] };
  sample_cov_input: { names: string[]; matrix: number[][] };
}

const read = (...p: string[]): string => fs.readFileSync(path.join(DIR, ...p), "utf8");

async function fitFrom(dir: string, group: MomentsText, fun: "sem" | "cfa", names?: string[]): Promise<FitResult> {
  const moments = momentsFromText([group], names);
  const fitted = await fitModel({
    syntax: parseModel(read(dir, "model.lav"), { file: "model.lav" }),
    data: momentsTable(moments),
    moments,
    options: { modindices: true, ...(fun === "cfa" ? {} : {}) },
  });
  return toFitResult(fitted);
}

function compareWith(res: FitResult, ref: Ref): void {
  expect(res.converged).toBe(true);
  for (const [name, value] of Object.entries(ref.fit)) {
    const mine = (res.fit as unknown as Record<string, number>)[name];
    expect(agrees(mine, value, TOL.fit), `${name}: ours ${mine}, lavaan ${value}`).toBe(true);
  }
  expect(Object.keys(res.fit).sort()).toEqual(Object.keys(ref.fit).sort());
  const ours = new Map(res.parameters.map((r) => [rowKey(r), r as unknown as Record<string, number | null>]));
  expect(ours.size).toBe(ref.parameters.length);
  for (const r of ref.parameters) {
    const row = ours.get(rowKey(r));
    expect(row, rowKey(r)).toBeDefined();
    for (const col of ["est", "std.lv", "std.all", "ci.lower", "ci.upper"])
      expect(agrees(row![col], r[col] as number, TOL.est), `${rowKey(r)} ${col}`).toBe(true);
    for (const col of ["se", "z"])
      expect(agrees(row![col], r[col] as number, TOL.se), `${rowKey(r)} ${col}`).toBe(true);
  }
  const mis = new Map((res.modindices ?? []).map((m) => [rowKey(m), m]));
  for (const m of ref.modindices ?? []) {
    const mine = mis.get(rowKey(m));
    expect(mine, rowKey(m)).toBeDefined();
    expect(agrees(mine!.mi, m.mi, TOL.mi), `${rowKey(m)} mi`).toBe(true);
    expect(agrees(mine!.epc, m.epc, TOL.est), `${rowKey(m)} epc`).toBe(true);
  }
}

describe.runIf(present)("summary statistics against lavaan (sample.cov)", () => {
  it("Wheaton's covariance matrix as CSV (N = 932): every fit measure, row and listed modification index", async () => {
    const ref = JSON.parse(read("wheaton", "lavaan.json")) as Ref;
    const res = await fitFrom(
      "wheaton",
      { file: "cov.csv", text: read("wheaton", "cov.csv"), nobs: 932, label: "" },
      "sem",
    );
    compareWith(res, ref);
  });

  it("fits lavaan's rescaled matrix: sample_cov_used = input × (N − 1)/N (sample.cov.rescale)", () => {
    const ref = JSON.parse(read("wheaton", "lavaan.json")) as Ref;
    const m = momentsFromText([{ file: "cov.csv", text: read("wheaton", "cov.csv"), nobs: 932, label: "" }]);
    const used = ref.sample_cov_used;
    const S = momentStats(m, used.names).groups[0]!.S;
    used.matrix.forEach((row, i) =>
      row.forEach((x, j) =>
        expect(Math.abs(S[i * used.names.length + j]! - x)).toBeLessThan(1e-12 * Math.abs(x) + 1e-15),
      ),
    );
  });

  it("the same from lavaan's lower-triangle text with --names gives the same fit", async () => {
    const ref = JSON.parse(read("wheaton", "lavaan.json")) as Ref;
    const names = ref.sample_cov_input.names; // the order of lower.txt
    const res = await fitFrom(
      "wheaton",
      { file: "lower.txt", text: read("wheaton", "lower.txt"), nobs: 932, label: "" },
      "sem",
      names,
    );
    compareWith(res, ref);
  });

  it("HS from correlations and SDs (cor2cov, N = 301) equals lavaan's fit and the raw-data fit hs-cfa-ml", async () => {
    const ref = JSON.parse(read("hs-cor-sd", "lavaan.json")) as Ref;
    const res = await fitFrom(
      "hs-cor-sd",
      {
        file: "cor.csv",
        text: read("hs-cor-sd", "cor.csv"),
        nobs: 301,
        label: "",
        sds: { file: "sds.csv", text: read("hs-cor-sd", "sds.csv") },
      },
      "cfa",
    );
    compareWith(res, ref);
    const raw = JSON.parse(fs.readFileSync(path.join(ROOT, "hs-cfa-ml", "lavaan.json"), "utf8")) as Ref;
    expect(agrees(res.fit.chisq, raw.fit.chisq!, TOL.fit)).toBe(true);
    expect(agrees(res.fit.logl, raw.fit.logl!, TOL.fit)).toBe(true);
  });
});
