/**
 * Parity with lavaan: every parameter row and every fit measure of each reference case
 * (expected numbers read from the case's lavaan.json, never retyped here).
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readTable } from "../../src/sem/data/index.js";
import { fitModel } from "../../src/sem/fit-model.js";
import type { FitResult } from "../../src/sem/results.js";
import { parseModel } from "../../src/sem/syntax/index.js";
import { agrees, rowKey, TOL } from "./compare.js";
import { loadCases, type Case } from "./cases.js";

async function fitCase(c: Case): Promise<FitResult> {
  const model = fs.readFileSync(path.join(c.dir, "model.lav"), "utf8");
  return fitModel({ syntax: parseModel(model, { file: "model.lav" }), data: readTable(path.join(c.dir, "data.csv")), options: c.options });
}

const cases = loadCases();

it("finds the shared lavaan 0.6.14 reference cases", () => {
  expect(cases.filter((c) => c.dir.includes("lavaan-0.6.14")).length).toBe(11);
});

for (const c of cases) {
  describe.skipIf(c.skip !== null)(`${c.name}${c.skip ? ` (skipped: ${c.skip})` : ""}`, () => {
    let res: FitResult;
    beforeAll(async () => {
      res = await fitCase(c);
    });

    it("converges and uses the same observations", () => {
      expect(res.converged).toBe(c.ref.converged);
      expect(res.nobs).toEqual([c.ref.nobs].flat());
      expect(res.npar).toBe(c.ref.npar);
    });

    it("matches every fit measure (1e-3 relative, df exact)", () => {
      const bad: string[] = [];
      for (const [k, v] of Object.entries(c.ref.fit)) {
        if (k === "df" || k === "baseline.df" || k === "npar") {
          if (res.fit[k] !== v) bad.push(`${k}: lavaan ${v}, ours ${res.fit[k]}`);
        } else if (!agrees(res.fit[k], v, TOL.fit)) bad.push(`${k}: lavaan ${v}, ours ${res.fit[k]}`);
      }
      expect(bad).toEqual([]);
    });

    it("lists the same parameter rows with the same labels", () => {
      const ours = res.parameters.map((r) => rowKey({ ...r, group: r.group || 1 }));
      const theirs = c.ref.parameters.map((r) => rowKey({ ...r, group: r.group || 1 }));
      expect(ours).toEqual(theirs);
      expect(res.parameters.map((r) => r.label)).toEqual(c.ref.parameters.map((r) => r.label ?? ""));
    });

    it("matches est, std.lv, std.all (1e-4) and se (1e-3) of every row", () => {
      const mine = new Map(res.parameters.map((r) => [rowKey({ ...r, group: r.group || 1 }), r]));
      const bad: string[] = [];
      for (const r of c.ref.parameters) {
        const m = mine.get(rowKey({ ...r, group: r.group || 1 })) as unknown as Record<string, number | null> | undefined;
        if (m === undefined) continue;
        for (const col of ["est", "std.lv", "std.all", "ci.lower", "ci.upper"]) {
          if (!agrees(m[col], r[col] as number | null, TOL.est)) bad.push(`${rowKey(r)} ${col}: lavaan ${String(r[col])}, ours ${m[col]}`);
        }
        for (const col of ["se"]) {
          if (!agrees(m[col], r[col] as number | null, TOL.se)) bad.push(`${rowKey(r)} ${col}: lavaan ${String(r[col])}, ours ${m[col]}`);
        }
        for (const col of ["z", "pvalue"]) {
          const tol = col === "pvalue" ? { rel: 1e-3, floor: 1e-3 } : TOL.se;
          if (!agrees(m[col], r[col] as number | null, tol)) bad.push(`${rowKey(r)} ${col}: lavaan ${String(r[col])}, ours ${m[col]}`);
        }
      }
      expect(bad).toEqual([]);
    });

    it("matches lavaan's modification indices (mi, epc, sepc.all)", () => {
      const refs = c.ref.modindices ?? [];
      const ours = res.modindices ?? [];
      const bad: string[] = [];
      for (const r of refs) {
        const same = ours.filter((m) => m.lhs === r.lhs && m.op === r.op && m.rhs === r.rhs && (r.group === undefined || m.group === r.group));
        const ok = same.some((m) => agrees(m.mi, r.mi, TOL.mi) && agrees(m.epc, r.epc, TOL.est) && agrees(m["sepc.all"], r["sepc.all"], TOL.est));
        if (!ok) bad.push(`${r.lhs} ${r.op} ${r.rhs}: lavaan mi ${r.mi}, ours ${same.map((m) => m.mi).join("/") || "none"}`);
      }
      expect(bad).toEqual([]);
    });
  });
}
