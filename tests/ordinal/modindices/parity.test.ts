/**
 * Modification indices of ordinal fits against lavaan 0.6.14's modindices(fit, sort. = FALSE)
 * (tests/fixtures/ordinal-modindices/*.json, made by make.R there from the shared data and
 * models): DWLS (WLSMV), WLS, ULS (ULSMV), two groups with thresholds and loadings equal, mixed
 * ordinal and continuous items (polyserial), binary items, and the theta parameterization in one
 * and two groups. Every row lavaan lists, in lavaan's order, and no other; every column (mi, epc,
 * sepc.lv, sepc.all, sepc.nox) within 1e-3 relative to max(0.1, |lavaan|). The fits run on our
 * own sample statistics, so the numbers carry their (parity-tested) differences too.
 */
import { describe, expect, it } from "vitest";
import { modindices } from "../../../src/sem/views.js";
import type { ModIndex } from "../../../src/sem/results.js";
import { agrees, type Tol } from "../../parity/compare.js";
import { fitMiCase, MI_CASES, readMiRef, type MiRef } from "./cases.js";

/** 1e-3 relative; absolute 1e-4 below 0.1 (an mi or epc near 0 is the difference of larger terms) */
const MI_TOL: Tol = { rel: 1e-3, floor: 0.1 };
const COLUMNS = ["mi", "epc", "sepc.lv", "sepc.all", "sepc.nox"] as const;

const key = (r: { lhs: string; op: string; rhs: string; group: number }): string =>
  `${r.lhs} ${r.op} ${r.rhs} [${r.group}]`;

/** The disagreements of our rows with lavaan's: rows missing, extra or out of order, and columns off. */
function compareRows(mine: readonly ModIndex[], ref: MiRef["modindices"]): string[] {
  const bad: string[] = [];
  const a = mine.map(key);
  const b = ref.map(key);
  if (a.join("\n") !== b.join("\n")) bad.push(`rows: ours ${a.length}, lavaan ${b.length} (or another order)`);
  const byKey = new Map(mine.map((r) => [key(r), r as unknown as Record<string, number>]));
  for (const r of ref) {
    const m = byKey.get(key(r));
    if (m === undefined) continue;
    for (const c of COLUMNS)
      if (!agrees(m[c], r[c] as number, MI_TOL)) bad.push(`${key(r)} ${c}: ${m[c]} vs lavaan ${r[c]}`);
  }
  return bad;
}

describe.each(MI_CASES)("%s", (name) => {
  it("every row and column of lavaan's modindices()", async () => {
    const { fitted, ref } = await fitMiCase(name);
    expect(fitted.optimization.converged).toBe(true);
    expect(ref.modindices.length).toBeGreaterThan(30);
    expect(compareRows(modindices(fitted), ref.modindices)).toEqual([]);
  });
});

describe("the comparison", () => {
  it("rejects a value just outside the tolerance, a missing row and another order", async () => {
    const ref = readMiRef("ord-hs-cat3-wlsmv");
    const { fitted } = await fitMiCase("ord-hs-cat3-wlsmv");
    const mine = modindices(fitted);
    expect(compareRows(mine, ref.modindices)).toEqual([]);
    // lavaan: visual =~ x9 mi 29.9407656436945; the tolerance there is 1e-3 · 29.94 = 0.02994
    const i = ref.modindices.findIndex((r) => key(r) === "visual =~ x9 [1]");
    expect(ref.modindices[i]!.mi).toBeCloseTo(29.9407656436945, 10);
    const shifted = (by: number): ModIndex[] => mine.map((r, k) => (k === i ? { ...r, mi: r.mi + by } : r));
    const off = ref.modindices[i]!.mi as number;
    const tol = 1e-3 * off;
    const exactly = mine.map((r, k) => (k === i ? { ...r, mi: off } : r));
    expect(compareRows(exactly, ref.modindices)).toEqual([]);
    expect(compareRows(shifted(off - mine[i]!.mi + 1.01 * tol), ref.modindices)).toEqual([
      expect.stringContaining("visual =~ x9 [1] mi"),
    ]);
    expect(compareRows(shifted(off - mine[i]!.mi + 0.99 * tol), ref.modindices)).toEqual([]);
    // a small epc (x6 ~~ x7: 0.00105899482476602) is held to 1e-4 absolute
    const j = ref.modindices.findIndex((r) => key(r) === "x6 ~~ x7 [1]");
    const small = mine.map((r, k) => (k === j ? { ...r, epc: (ref.modindices[j]!.epc as number) + 1.01e-4 } : r));
    expect(compareRows(small, ref.modindices)).toEqual([expect.stringContaining("x6 ~~ x7 [1] epc")]);
    expect(compareRows(mine.slice(1), ref.modindices)[0]).toMatch(/^rows:/);
    expect(compareRows([mine[1]!, mine[0]!, ...mine.slice(2)], ref.modindices)[0]).toMatch(/^rows:/);
  });
});
