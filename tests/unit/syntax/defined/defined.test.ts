/**
 * Defined parameters (:=) evaluated by our own expression language (src/sem/expr): every
 * function and operator against lavaan 0.6.14 (tests/unit/syntax/defined/lavaan.json, made by
 * make-reference.R beside it), forward references, and the exact derivatives against central
 * differences.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { agrees, TOL, type Tol } from "../../../parity/compare.js";
import { readTable } from "../../../../src/sem/data/read-file.js";
import { FUNCTIONS, evaluate, evaluateDual, parseExpr } from "../../../../src/sem/expr/index.js";
import { fitModel } from "../../../../src/sem/fit-model.js";
import { compileDefinitions } from "../../../../src/sem/inference/defined.js";
import type { FitResult } from "../../../../src/sem/results.js";
import { parseModel } from "../../../../src/sem/syntax/index.js";
import { toFitResult } from "../../../../src/sem/views.js";

const DIR = path.resolve(__dirname);
const DATA = path.resolve(__dirname, "../../../parity/lavaan-0.6.14/hs-cfa-ml/data.csv");
interface RefRow {
  lhs: string;
  rhs: string;
  est: number;
  se: number;
  "std.lv": number;
  "std.all": number;
}
const ref = JSON.parse(fs.readFileSync(path.join(DIR, "lavaan.json"), "utf8")) as {
  lavaan_version: string;
  defined: RefRow[];
};
const modelText = fs.readFileSync(path.join(DIR, "model.lav"), "utf8");

async function fit(text: string): Promise<FitResult> {
  return fitModel({ syntax: parseModel(text, { file: "model.lav" }), data: readTable(DATA), options: {} }).then(
    toFitResult,
  );
}

function expectParity(res: FitResult): void {
  expect(ref.lavaan_version).toBe("0.6.14");
  for (const r of ref.defined) {
    const mine = res.parameters.find((p) => p.op === ":=" && p.lhs === r.lhs);
    expect(mine, r.lhs).toBeDefined();
    const checks: [string, number | null, number, Tol][] = [
      ["est", mine!.est, r.est, TOL.est],
      ["se", mine!.se, r.se, TOL.se],
      ["std.lv", mine!["std.lv"], r["std.lv"], TOL.est],
      ["std.all", mine!["std.all"], r["std.all"], TOL.est],
    ];
    for (const [col, got, want, tol] of checks) {
      expect(agrees(got, want, tol), `${r.lhs} := ${r.rhs}: ${col} ${got} vs lavaan ${want}`).toBe(true);
    }
  }
}

describe("defined parameters against lavaan 0.6.14", () => {
  let res: FitResult;
  beforeAll(async () => {
    res = await fit(modelText);
  });

  it("every function and operator: estimate, delta-method SE, std.lv, std.all (lavaan.json)", () => {
    expect(res.converged).toBe(true);
    expect(ref.defined).toHaveLength(16);
    expectParity(res);
  });

  it("forward references are evaluated in dependency order (lavaan needs them in order)", async () => {
    const lines = modelText.split("\n");
    const defs = lines.filter((l) => l.includes(":="));
    const reversed = [...lines.filter((l) => !l.includes(":=")), ...defs.reverse()].join("\n");
    const back = await fit(reversed);
    expectParity(back);
    // the rows keep the order of the model text
    const order = back.parameters.filter((p) => p.op === ":=").map((p) => p.lhs);
    expect(order).toEqual(ref.defined.map((r) => r.lhs).reverse());
  });
});

describe("the expression language", () => {
  const scope: Record<string, number> = { a: 0.7, b: 1.3, c: -0.4 };
  const value = (text: string): number => evaluate(parseExpr(text), (n) => scope[n]!);

  it("follows R's precedence (values computed by hand)", () => {
    expect(value("-a^2")).toBeCloseTo(-0.49, 14); // -(a^2) in R
    expect(value("2^3^2")).toBe(512); // right-associative: 2^(3^2)
    expect(value("2^-1")).toBe(0.5);
    expect(value("a--b")).toBeCloseTo(2.0, 14);
    expect(value("1+2*3-4/2")).toBe(5);
    expect(value("(1+2)*3")).toBe(9);
    expect(value("-2^2")).toBe(-4);
    expect(value("log(8,2)")).toBeCloseTo(3, 14);
    expect(value("max(a,b,c)-min(a,b,c)")).toBeCloseTo(1.7, 14);
    expect(value("a/0")).toBe(Infinity);
    expect(Number.isNaN(value("sqrt(c)"))).toBe(true);
  });

  it("exact derivatives of every function agree with central differences", () => {
    const args: Record<string, string> = { min: "min(a,b,c)", max: "max(a,b,c)", log: "log(b,a+2)" };
    for (const fn of Object.keys(FUNCTIONS)) {
      const text = `${args[fn] ?? `${fn}(a*b/3)`}*b+c^2/b^a`;
      const tree = parseExpr(text);
      const names = ["a", "b", "c"];
      const dual = evaluateDual(tree, (n) => {
        const d = new Float64Array(3);
        d[names.indexOf(n)] = 1;
        return { v: scope[n]!, d };
      });
      expect(dual.v).toBeCloseTo(value(text), 14);
      names.forEach((n, j) => {
        const h = 1e-6;
        const at = (x: number): number => evaluate(tree, (m) => (m === n ? x : scope[m]!));
        const numeric = (at(scope[n]! + h) - at(scope[n]! - h)) / (2 * h);
        expect(Math.abs(dual.d![j]! - numeric), `${text} d/d${n}`).toBeLessThan(1e-7 * Math.max(1, Math.abs(numeric)));
      });
    }
  });

  it("a chain of definitions carries the derivatives through (d/da of (a*b)^2 = 2ab²)", () => {
    const f = compileDefinitions(
      [
        { name: "sq", expression: "ab^2" },
        { name: "ab", expression: "a*b" },
      ],
      new Set(["a", "b"]),
    );
    const { values, jacobian } = f.withJacobian({ a: 0.7, b: 1.3 });
    expect(f.inputs).toEqual(["a", "b"]);
    expect(values[0]).toBeCloseTo((0.7 * 1.3) ** 2, 14);
    expect(jacobian[0]).toBeCloseTo(2 * 0.7 * 1.3 * 1.3, 14);
    expect(jacobian[1]).toBeCloseTo(2 * 0.7 * 0.7 * 1.3, 14);
    expect(Array.from(jacobian.subarray(2))).toEqual([1.3, 0.7]);
  });
});
