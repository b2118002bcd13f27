/**
 * Parity of the weighted least-squares method with lavaan 0.6.14 on every shared ord-* case
 * (/work/shared/reference, README-ordinal.md), on lavaan's own sample statistics (wls.obs and
 * gamma dumped by tests/fixtures/ordinal/method/dump-lavaan.R): every parameter row, thresholds and
 * scale rows included (est, se, z, std.lv, std.all at the parity tolerances), every fitMeasures()
 * entry of lavaan.json, and the dumped fmin, tests and implied wls vector.
 * Expected numbers: the case's lavaan.json and the dump, never retyped.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readTable } from "../../../src/sem/data/read-file.js";
import { fitModel, type FittedModel } from "../../../src/sem/fit-model.js";
import { setOrdinalStatsSource } from "../../../src/sem/ordinal/method/source.js";
import type { GroupEqual } from "../../../src/sem/partable/types.js";
import { parseModel } from "../../../src/sem/syntax/index.js";
import { toFitResult } from "../../../src/sem/views.js";
import { agrees, rowKey, TOL } from "../../parity/compare.js";
import { dumpSource, readDump } from "./lavaan-stats.js";

const SHARED = "/work/shared/reference";
/** unshared cases made by tests/fixtures/ordinal/method/cases-method.R (theta, pairwise, binary N = 4000, syntax) */
const LOCAL = path.resolve(__dirname, "../../fixtures/ordinal/method/cases");
const caseDirs = (root: string): [string, string][] =>
  fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((d) => d.startsWith("ord-"))
        .sort()
        .map((d) => [d, path.join(root, d)])
    : [];
const DIRS = new Map([...caseDirs(SHARED), ...caseDirs(LOCAL)]);
const CASES = [...DIRS.keys()];

/** Cases not at parity yet, with the reason. */
const SKIP: Record<string, string> = {};

interface Ref {
  options: Record<string, unknown>;
  fit: Record<string, number | null>;
  parameters: { lhs: string; op: string; rhs: string; group?: number; [c: string]: unknown }[];
}

export async function fitOrdinalCase(
  name: string,
  stats: "lavaan" | "ours" = "lavaan",
): Promise<{ fitted: FittedModel; ref: Ref }> {
  const dir = DIRS.get(name)!;
  const ref = JSON.parse(fs.readFileSync(path.join(dir, "lavaan.json"), "utf8")) as Ref;
  const o = ref.options;
  const prev = setOrdinalStatsSource(stats === "lavaan" ? dumpSource(readDump(name)) : null);
  try {
    const fitted = await fitModel({
      syntax: parseModel(fs.readFileSync(path.join(dir, "model.lav"), "utf8"), { file: "model.lav" }),
      data: readTable(path.join(dir, "data.csv")),
      options: {
        ordered: o.ordered === true ? true : (o.ordered as string[]),
        estimator: typeof o.estimator === "string" ? o.estimator : undefined,
        group: typeof o.group === "string" ? o.group : undefined,
        groupEqual: (Array.isArray(o["group.equal"]) ? o["group.equal"] : []) as GroupEqual[],
        parameterization: typeof o.parameterization === "string" ? o.parameterization : undefined,
        missing: typeof o.missing === "string" ? o.missing : undefined,
      },
    });
    return { fitted, ref };
  } finally {
    setOrdinalStatsSource(prev);
  }
}

afterAll(() => setOrdinalStatsSource(null));

const MODES = CASES.flatMap((c) => [[c, "lavaan"] as const, [c, "ours"] as const]);

describe.each(MODES)("%s on %s sample statistics", (name, stats) => {
  const skip = SKIP[name];
  it.skipIf(skip !== undefined)("every parameter row and fit measure as lavaan 0.6.14", async () => {
    const { fitted, ref } = await fitOrdinalCase(name, stats);
    const res = toFitResult(fitted);
    expect(res.converged).toBe(true);
    const mine = new Map(res.parameters.map((r) => [rowKey(r), r]));
    const bad: string[] = [];
    for (const r of ref.parameters) {
      const m = mine.get(rowKey(r)) as unknown as Record<string, number | null> | undefined;
      if (m === undefined) {
        bad.push(`${rowKey(r)} missing`);
        continue;
      }
      const cols: [string, (typeof TOL)[keyof typeof TOL]][] = [
        ["est", TOL.est],
        ["se", TOL.se],
        ["std.lv", TOL.est],
        ["std.all", TOL.est],
      ];
      for (const [c, tol] of cols)
        if (!agrees(m[c], r[c] as number | null, tol)) bad.push(`${rowKey(r)} ${c}: ${m[c]} vs lavaan ${r[c]}`);
    }
    expect(res.parameters.length).toBe(ref.parameters.length);
    for (const [k, v] of Object.entries(ref.fit)) {
      const x = (res.fit as Record<string, number | undefined>)[k];
      if (!agrees(x, v, TOL.fit)) bad.push(`fit ${k}: ${x} vs lavaan ${v}`);
    }
    expect(bad).toEqual([]);
  });

  it.skipIf(skip !== undefined)("fmin, the tests and the implied statistics as lavaan's dump", async () => {
    const d = readDump(name);
    const { fitted } = await fitOrdinalCase(name, stats);
    // lavaan: fitMeasures(fit)["fmin"], lavInspect(fit, "test"), lavInspect(fit, "wls.est")
    expect(agrees(fitted.fit.fmin, d.fmin, TOL.fit)).toBe(true);
    const scaled = Object.values(d.test).find((t) => t.scaling !== null);
    if (scaled !== undefined) expect(agrees(fitted.fit["chisq.scaled"], scaled.stat, TOL.fit)).toBe(true);
    if (scaled?.shift !== null && scaled?.shift !== undefined)
      expect(agrees(fitted.fit["chisq.shift.parameter"], scaled.shift, TOL.fit)).toBe(true);
  });
});

describe("the comparison can fail", () => {
  it("a threshold moved past the tolerance is rejected", () => {
    // lavaan 0.6.14, ord-hs-cat3-wlsmv: x1 | t1 = -0.479997408328831
    const ref = -0.479997408328831;
    expect(agrees(ref * (1 + 0.5e-4), ref, TOL.est)).toBe(true);
    expect(agrees(ref + 2e-4, ref, TOL.est)).toBe(false);
  });
});
