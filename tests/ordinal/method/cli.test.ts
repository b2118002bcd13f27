/**
 * `isrs fit --ordered` as a user runs it: the text summary of a categorical fit (thresholds,
 * "Scales y*", the scaled-shifted test), the JSON, and the one-line refusals. Expected numbers:
 * lavaan 0.6.14, /work/shared/reference/ord-hs-cat3-wlsmv/lavaan.json (chisq 54.572, scaled
 * 76.605, shift 4.049 = chisq.scaled − chisq/chisq.scaling.factor, x1|t1 −0.480 (se 0.075)).
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/run.js";
import { expectBadInput, tmpWriter } from "../../cli/expect-bad.js";

const D = "/work/shared/reference/ord-hs-cat3-wlsmv";
const have = fs.existsSync(D);

describe.skipIf(!have)("isrs fit --ordered", () => {
  it("prints lavaan's categorical summary", async () => {
    const r = await run("fit", `${D}/data.csv`, "--model", `${D}/model.lav`, "--ordered", "all");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Estimator\s+WLSMV/);
    expect(r.stdout).toMatch(/Test Statistic\s+54\.572\s+76\.605/);
    expect(r.stdout).toMatch(/Shift parameter\s+4\.049/);
    expect(r.stdout).toMatch(/Thresholds:/);
    expect(r.stdout).toMatch(/x1\|t1\s+-0\.480\s+0\.075/);
    expect(r.stdout).toMatch(/Scales y\*:/);
    expect(r.stdout).toMatch(/Standard errors\s+Robust\.sem/);
    expect(r.stdout).not.toMatch(/Loglikelihood/);
  });

  it("gives threshold and scale rows in the JSON under lavaan's names", async () => {
    const r = await run("fit", `${D}/data.csv`, "--model", `${D}/model.lav`, "--ordered", "all", "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      estimator: string;
      fit: Record<string, number>;
      parameters: { lhs: string; op: string; rhs: string; est: number }[];
    };
    expect(j.estimator).toBe("WLSMV");
    expect(j.fit["chisq.shift.parameter"]).toBeCloseTo(4.0491153545178, 4);
    expect(j.parameters.find((p) => p.lhs === "x1" && p.op === "|" && p.rhs === "t1")!.est).toBeCloseTo(-0.48, 3);
    expect(j.parameters.filter((p) => p.op === "~*~")).toHaveLength(9);
  });

  it("refuses options that do not fit ordered items, in one line", async () => {
    const args = ["fit", `${D}/data.csv`, "--model", `${D}/model.lav`];
    await expectBadInput([...args, "--ordered", "all", "--missing", "fiml"], /--missing fiml needs continuous/);
    await expectBadInput([...args, "--ordered", "all", "--estimator", "MLR"], /--estimator MLR with ordered items/);
    await expectBadInput([...args, "--estimator", "WLSMV"], /WLSMV is for ordinal indicators/);
    await expectBadInput([...args, "--ordered", "x1,zz"], /ordered variable 'zz' is not an observed variable/);
  });

  it("names item, category and group when a category is empty in one group", async () => {
    const w = tmpWriter("isrs-ord-");
    const lines = fs.readFileSync(`${D}/data.csv`, "utf8").trim().split("\n");
    // group b never uses category 3 of x1
    const rows = lines.slice(1).map((l, i) => {
      const g = i % 2 === 0 ? "a" : "b";
      const cells = l.split(",");
      if (g === "b" && cells[0] === "3") cells[0] = "2";
      return `${g},${cells.join(",")}`;
    });
    const data = w.file("mg.csv", [`school,${lines[0]}`, ...rows].join("\n") + "\n");
    await expectBadInput(
      [
        "fit",
        data,
        "--model",
        `${D}/model.lav`,
        "--ordered",
        "all",
        "--group",
        "school",
        "--group-equal",
        "thresholds",
      ],
      /x1.*categor.*3.*group b/,
    );
  });
});
