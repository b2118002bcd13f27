/**
 * `isrs fit --sample-cov`: the two-group fits of tests/fixtures/sample-cov (lavaan 0.6.14, made by
 * make-two-group.R there) through the CLI, and the one-line refusals (exit 2, nothing on stdout).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectBadInput, tmpWriter } from "../cli/expect-bad.js";
import { run } from "../cli/run.js";
import { agrees, rowKey, TOL } from "../parity/compare.js";

const FIX = path.resolve(__dirname, "../fixtures/sample-cov");
const f = (name: string): string => path.join(FIX, name);
const COVS = `${f("pasteur-cov.csv")},${f("grant-white-cov.csv")}`;
const MEANS = `${f("pasteur-mean.csv")},${f("grant-white-mean.csv")}`;

interface Ref {
  nobs: number[];
  npar: number;
  fit: Record<string, number | null>;
  parameters: { lhs: string; op: string; rhs: string; group: number; [c: string]: unknown }[];
}
type Json = { nobs: number[]; npar: number; groups: string[]; fit: Record<string, number | null> } & {
  parameters: { lhs: string; op: string; rhs: string; group: number; [c: string]: unknown }[];
};

async function fitJson(...args: string[]): Promise<Json> {
  const r = await run("fit", "--model", f("model.lav"), "--format", "json", ...args);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

function compare(ours: Json, ref: Ref): void {
  expect(ours.nobs).toEqual(ref.nobs);
  expect(ours.npar).toBe(ref.npar);
  for (const [name, value] of Object.entries(ref.fit))
    expect(agrees(ours.fit[name], value, TOL.fit), `${name}: ours ${ours.fit[name]}, lavaan ${value}`).toBe(true);
  const rows = new Map(ours.parameters.map((r) => [rowKey(r), r]));
  expect(rows.size).toBe(ref.parameters.length);
  for (const r of ref.parameters) {
    const row = rows.get(rowKey(r));
    expect(row, rowKey(r)).toBeDefined();
    for (const col of ["est", "std.all"])
      expect(agrees(row![col] as number, r[col] as number, TOL.est), `${rowKey(r)} ${col}`).toBe(true);
    expect(agrees(row!.se as number, r.se as number, TOL.se), `${rowKey(r)} se`).toBe(true);
  }
}

const ref = (name: string): Ref => JSON.parse(fs.readFileSync(f(name), "utf8")) as Ref;

describe("isrs fit --sample-cov: two groups (lavaan 0.6.14, tests/fixtures/sample-cov)", () => {
  it("two covariance matrices, no means: lavaan's fit without a mean structure (chisq 115.851, df 48)", async () => {
    const ours = await fitJson("--sample-cov", COVS, "--nobs", "156,145", "--group-labels", "Pasteur,Grant-White");
    expect(ours.groups).toEqual(["Pasteur", "Grant-White"]);
    expect(ours.parameters.some((r) => r.op === "~1")).toBe(false);
    compare(ours, ref("two-group-cov.json"));
  });

  it("with --sample-mean and equal loadings and intercepts: lavaan's scalar fit (chisq 164.103, df 60)", async () => {
    const ours = await fitJson(
      ...["--sample-cov", COVS, "--sample-mean", MEANS, "--nobs", "156,145"],
      ...["--group-labels", "Pasteur,Grant-White", "--group-equal", "loadings,intercepts"],
    );
    compare(ours, ref("two-group-mean-scalar.json"));
  });
});

describe("isrs fit --sample-cov: one line, exit 2", () => {
  const tmp = tmpWriter("isrs-samplecov-");
  const model = (text: string): string => tmp.file(`m${Math.random().toString(36).slice(2)}.lav`, text);
  const m3 = model("f =~ a + b + c\n");
  const good = tmp.file("good.csv", '"","a","b","c"\n"a",2,1,0.5\n"b",1,2,0.4\n"c",0.5,0.4,1.5\n');

  it("a non-symmetric matrix: names the file, row and column", async () => {
    const bad = tmp.file("asym.csv", '"","a","b","c"\n"a",2,1,0.5\n"b",1.2,2,0.4\n"c",0.5,0.4,1.5\n');
    await expectBadInput(
      ["fit", "--sample-cov", bad, "--nobs", "100", "--model", m3],
      /asym\.csv: the matrix is not symmetric: row "b", column "a" is 1\.2 but row "a", column "b" is 1/,
    );
  });
  it("a matrix that is not positive definite", async () => {
    const bad = tmp.file("npd.csv", '"","a","b","c"\n"a",1,0.9,-0.9\n"b",0.9,1,0.9\n"c",-0.9,0.9,1\n');
    await expectBadInput(
      ["fit", "--sample-cov", bad, "--nobs", "100", "--model", m3],
      /npd\.csv: the covariance matrix is not positive definite/,
    );
  });
  it("a model variable the matrix lacks, and a matrix variable the model does not use", async () => {
    await expectBadInput(
      ["fit", "--sample-cov", good, "--nobs", "100", "--model", model("f =~ a + b + d\n")],
      /good\.csv: model variable "d" is not in the covariance matrix/,
    );
    await expectBadInput(
      ["fit", "--sample-cov", good, "--nobs", "100", "--model", model("f =~ a + b\nf ~~ 1*f\n")],
      /good\.csv: variable "c" of the covariance matrix is not in the model/,
    );
  });
  it("N not greater than the number of variables", async () => {
    await expectBadInput(
      ["fit", "--sample-cov", good, "--nobs", "3", "--model", m3],
      /good\.csv: N = 3 must be a whole number greater than the number of variables \(3\)/,
    );
  });
  it("what needs raw data: MLR, MLM, FIML, the bootstrap, a data file as well", async () => {
    const args = ["fit", "--sample-cov", good, "--nobs", "100", "--model", m3];
    await expectBadInput([...args, "--estimator", "MLR"], /estimator MLR needs the raw data/);
    await expectBadInput([...args, "--estimator", "MLM"], /estimator MLM needs the raw data/);
    await expectBadInput([...args, "--missing", "fiml"], /missing = fiml needs the raw data/);
    await expectBadInput([...args, "--bootstrap", "100"], /--bootstrap draws cases from the raw data/);
    await expectBadInput([...args, "--meanstructure"], /a mean structure .* needs the sample means/);
    await expectBadInput(["fit", good, ...args.slice(1)], /give either a data file or --sample-cov, not both/);
  });
  it("a lower triangle without --names, a ragged row, a bad cell, --sds on a covariance matrix", async () => {
    const lower = tmp.file("lower.txt", "2\n1 2\n0.5 0.4 1.5\n");
    await expectBadInput(["fit", "--sample-cov", lower, "--nobs", "100", "--model", m3], /needs the variable names/);
    const ragged = tmp.file("ragged.txt", "2\n1 2 3\n0.5 0.4 1.5\n");
    await expectBadInput(
      ["fit", "--sample-cov", ragged, "--nobs", "100", "--names", "a,b,c", "--model", m3],
      /ragged\.txt: line 2: row 2 of a lower triangle has 2 numbers, not 3/,
    );
    const cell = tmp.file("cell.csv", '"","a","b","c"\n"a",2,1,0.5\n"b",1,x,0.4\n"c",0.5,0.4,1.5\n');
    await expectBadInput(
      ["fit", "--sample-cov", cell, "--nobs", "100", "--model", m3],
      /cell\.csv: row "b", column "b": "x" is not a number/,
    );
    const sds = tmp.file("sds.csv", '"variable","sd"\n"a",1\n"b",2\n"c",3\n');
    await expectBadInput(
      ["fit", "--sample-cov", good, "--sds", sds, "--nobs", "100", "--model", m3],
      /good\.csv: --sds given but this is not a correlation matrix: row "a", column "a" is 2, not 1/,
    );
  });
  it("the lower triangle with --names fits as the full matrix does", async () => {
    const lower = tmp.file("lower2.txt", "2\n1 2\n0.5 0.4 1.5\n");
    const a = await run("fit", "--sample-cov", lower, "--names", "a,b,c", "--nobs", "100", "--model", m3);
    const b = await run("fit", "--sample-cov", good, "--nobs", "100", "--model", m3);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });
});
