/**
 * Degrees of freedom: df = p*·G − q, where p* = p(p+1)/2 sample (co)variances (+ p means with a
 * mean structure) per group and q the number of distinct free parameters, counted here from
 * the parameter rows: rows with a z value (free, not `:=`), one per distinct label (equal
 * labels and group.equal's `.pN.` labels are one parameter) plus each unlabelled one.
 * None of the reference cases has exogenous observed covariates, so fixed.x removes nothing
 * there; a model built here checks that it removes their moments from p* and q.
 * hs-cfa-mlr and hs-cfa-mlm are left out (the model and data of hs-cfa-ml: the estimator does
 * not change df), and so is hs-cfa-fiml (missing = "fiml").
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fitModel } from "../../src/sem/fit-model.js";
import type { FitResult } from "../../src/sem/results.js";
import { parseModel } from "../../src/sem/syntax/index.js";
import { loadCase, type Case } from "./problem.js";
import { toFitResult } from "../../src/sem/views.js";

const CASES = [
  "hs-cfa-ml",
  "hs-cfa-stdlv",
  "hs-cfa-listwise",
  "hs-second-order",
  "hs-multigroup-configural",
  "hs-multigroup-metric",
  "pd-sem",
  "pd-sem-indirect",
];

interface Row {
  lhs: string;
  op: string;
  rhs: string;
  label?: string;
  z: number | null;
}

/** Distinct free parameters among parameter rows. */
function distinctFree(rows: readonly Row[]): number {
  const labels = new Set<string>();
  let unlabelled = 0;
  for (const r of rows) {
    if (r.op === ":=" || r.z === null) continue;
    const label = r.label ?? "";
    if (label === "") unlabelled++;
    else labels.add(label);
  }
  return unlabelled + labels.size;
}

/** The observed variables named in the rows: every name except latent variables (lhs of =~). */
function observedNames(rows: readonly Row[]): string[] {
  const latent = new Set(rows.filter((r) => r.op === "=~").map((r) => r.lhs));
  const names = new Set<string>();
  for (const r of rows) {
    if (r.op === ":=" || r.op === "==") continue;
    for (const v of [r.lhs, r.rhs]) if (v !== "" && !latent.has(v)) names.add(v);
  }
  return [...names].sort();
}

/** p* · G from the variables, the mean structure and the groups. */
function sampleMoments(p: number, meanstructure: boolean, groups: number): number {
  return ((p * (p + 1)) / 2 + (meanstructure ? p : 0)) * groups;
}

describe.each(CASES)("%s", (name) => {
  const c: Case = loadCase(name);
  let result: FitResult;

  beforeAll(async () => {
    result = toFitResult(await fitModel({ syntax: c.syntax, data: c.data, options: c.options }));
  });

  it("fits and converges", () => {
    expect(result.converged).toBe(true);
  });

  it("df = p*·G − q, with q counted from the fitted parameter rows, and equals lavaan's df", () => {
    const rows = result.parameters;
    const p = observedNames(rows).length;
    expect(observedNames(rows)).toEqual([...result.observed].sort());
    const meanstructure = rows.some((r) => r.op === "~1");
    const groups = result.nobs.length;
    const df = sampleMoments(p, meanstructure, groups) - distinctFree(rows);
    expect(result.fit.df).toBe(df);
    expect(result.fit.df).toBe(c.ref.fit.df);
  });

  it("lavaan's own rows give the same p*, q and df", () => {
    const rows = c.ref.parameters;
    const groups = Array.isArray(c.ref.nobs) ? c.ref.nobs.length : 1;
    expect(groups).toBe(result.nobs.length);
    expect(observedNames(rows)).toEqual(observedNames(result.parameters));
    const meanstructure = rows.some((r) => r.op === "~1");
    const q = distinctFree(rows);
    expect(q).toBe(distinctFree(result.parameters));
    expect(sampleMoments(observedNames(rows).length, meanstructure, groups) - q).toBe(c.ref.fit.df);
  });

  it("npar counts every free row (equality-constrained copies included), as lavaan's npar", () => {
    const freeRows = result.parameters.filter((r) => r.op !== ":=" && r.z !== null).length;
    expect(result.npar).toBe(freeRows);
    expect(result.npar).toBe(c.ref.npar);
  });
});

describe("fixed.x: the moments of an exogenous observed covariate count on neither side", () => {
  // x7 is exogenous and observed: its variance (and mean) are fixed at the sample values, so
  // they leave both p* and q. lavaan 0.6.14, sem(model, data, meanstructure = m) on the
  // hs-cfa-ml data, gives df = 18 (chisq 87.55489) for both m = TRUE and m = FALSE.
  const model =
    "visual =~ x1 + a*x2 + a*x3\ntextual =~ x4 + x5 + x6\ntextual ~ visual + x7\nx9 ~ textual + x7\nx1 ~~ x4";
  const c = loadCase("hs-cfa-ml");
  it.each([true, false])("meanstructure %s", async (meanstructure) => {
    const syntax = parseModel(model, { file: "fixed-x.lav" });
    const result = toFitResult(await fitModel({ syntax, data: c.data, options: { meanstructure } }));
    expect(result.converged).toBe(true);
    const p = observedNames(result.parameters).length;
    expect(p).toBe(8);
    const nx = 1;
    const exo = result.parameters.filter((r) => r.lhs === "x7" && (r.op === "~~" || r.op === "~1"));
    expect(exo.length).toBe(meanstructure ? 2 : 1);
    for (const r of exo) expect(r.z).toBeNull();
    const df =
      sampleMoments(p, meanstructure, 1) - sampleMoments(nx, meanstructure, 1) - distinctFree(result.parameters);
    expect(result.fit.df).toBe(df);
    expect(result.fit.df).toBe(18);
  });
});
