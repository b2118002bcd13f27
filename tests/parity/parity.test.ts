/**
 * Parity with lavaan: every parameter row and every fit measure of each reference case
 * (expected numbers read from the case's lavaan.json, never retyped here).
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readTable } from "../../src/sem/data/read-file.js";
import { fitModel } from "../../src/sem/fit-model.js";
import type { FitResult } from "../../src/sem/results.js";
import { parseModel } from "../../src/sem/syntax/index.js";
import { agrees, rowKey, TOL } from "./compare.js";
import { loadCases, type Case } from "./cases.js";

async function fitCase(c: Case): Promise<FitResult> {
  const model = fs.readFileSync(path.join(c.dir, "model.lav"), "utf8");
  return fitModel({
    syntax: parseModel(model, { file: "model.lav" }),
    data: readTable(path.join(c.dir, "data.csv")),
    options: c.options,
  });
}

const cases = loadCases();

/**
 * Modification indices where we knowingly differ from the Debian build of lavaan (0.6.x), each
 * checked by hand: in both, the candidate lies in a feedback loop with fixed.x covariates in
 * the model. Our values use the same derivative vectors as the gradient and the information
 * (checked against finite differences in tests/invariants); we could not trace lavaan's.
 * - sem-observed-covariates, dem60 ~ dem65 (reverse of dem65 ~ dem60): lavaan 0.67988, ours 0.68193;
 * - pd-observed-outcomes, dem60 ~ y5 (reverse of y5 ~ dem60, with covariates): lavaan 0.061459, ours
 *   0.061756, the same kind of candidate as dem60 ~ dem65 above;
 * - pd-covariates-mlr / -mlm: the model of sem-observed-covariates, the same dem60 ~ dem65;
 * - bfi-second-order-mlr / -mlm (N = 2,436): four indices around the second-order factor differ
 *   by 2e-4 to 2e-3 relative in mi or epc (stability =~ E1: lavaan 76.7244, ours 76.7061).
 *   lavaan stops short of the optimum there: our χ² is lower than lavaan's by 8e-7 to 9e-7 and
 *   the estimates differ by up to 3e-5 relative (within the 1e-4 tolerance), and indices this
 *   size move with the estimates. They do not come from the robust estimators: lavaan gives the
 *   same indices for estimator = "ML" on the model, and so do we.
 */
const KNOWN_MI_DIFFERENCES: Record<string, string[]> = {
  "sem-observed-covariates": ["dem60 ~ dem65"],
  "pd-observed-outcomes": ["dem60 ~ y5"],
  "pd-covariates-mlr": ["dem60 ~ dem65"],
  "pd-covariates-mlm": ["dem60 ~ dem65"],
  "bfi-second-order-mlr": ["stability =~ A4", "stability =~ E1", "agree ~~ extra", "consc ~~ stability"],
  "bfi-second-order-mlm": ["stability =~ E1"],
};

/**
 * Cases where lavaan's optimizer (nlminb) stops measurably short of the optimum, so that some
 * estimates sit more than 1e-4 from it along flat directions of the likelihood. Checked by hand:
 * our χ² is lower than lavaan's (a better optimum of the same likelihood; the test below asserts
 * it) and lavaan with control = list(rel.tol = 1e-14) reports that it did not converge. Their
 * estimates (and std.lv, std.all, ci, and the epc and sepc.all of the modification indices)
 * are compared at TOL.estEarlyStop instead of TOL.est, and their modification indices at
 * TOL.miEarlyStop.
 * - bfi-fiml-gender: lavaan's χ² 5044.2069354, ours 5044.2069323; the loadings of C4 and C5 in
 *   group 1 differ by 1.0e-4 and 1.4e-4 relative.
 */
const LAVAAN_STOPPED_EARLY = new Set(["bfi-fiml-gender"]);

/**
 * Cases whose estimates all hold at TOL.est but whose modification indices lavaan computes at a
 * point slightly short of the optimum; only their mi, epc and sepc.all are compared at
 * TOL.miEarlyStop / TOL.estEarlyStop.
 * - pd-fixedx-fiml, pd-fixedx-mlr-fiml (the same fit): lavaan's χ² 39.377037669, ours
 *   39.377037662 (rel.tol = 1e-11 or 1e-12: nlminb reports no convergence); the epc of
 *   dem60 ~ dem65 and dem65 =~ y2 differ by 1.3e-4 and 1.5e-4 relative. lavaan's own mi of the
 *   equivalent dem60 ~ dem65 and dem60 ~~ dem65 differ by 4e-4 relative (0.669929, 0.669651),
 *   ours by 1e-6 (0.669756, 0.669755).
 */
const LAVAAN_MI_INEXACT = new Set([...LAVAAN_STOPPED_EARLY, "pd-fixedx-fiml", "pd-fixedx-mlr-fiml"]);

/**
 * Cases where lavaan gives no standard errors ("Could not compute standard errors! The information
 * matrix could not be inverted") although the model is identified: x1 multiplied by 10^4 makes
 * the information's entries span 16 orders of magnitude. Rescaling a variable leaves every z and p
 * unchanged (a closed-form invariance: each estimate and its SE carry the same unit), so their z
 * and p are compared with lavaan's for the case named here (the same model on x1 times 100), and
 * se, ci.lower and ci.upper through z (se = est / z). lavaan also lists no modification indices.
 */
const LAVAAN_NO_SE: Record<string, string> = { "hs-x1-times-1e4": "hs-x1-times-100" };

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

    if (LAVAAN_STOPPED_EARLY.has(c.name)) {
      it("reaches a chi-square no higher than lavaan's (lavaan stopped early)", () => {
        expect(res.fit.chisq!).toBeLessThanOrEqual(c.ref.fit.chisq!);
      });
    }

    it("matches est, std.lv, std.all (1e-4) and se (1e-3) of every row", () => {
      const estTol = LAVAAN_STOPPED_EARLY.has(c.name) ? TOL.estEarlyStop : TOL.est;
      const mine = new Map(res.parameters.map((r) => [rowKey({ ...r, group: r.group || 1 }), r]));
      const bad: string[] = [];
      for (const r of c.ref.parameters) {
        const m = mine.get(rowKey({ ...r, group: r.group || 1 })) as unknown as
          Record<string, number | null> | undefined;
        if (m === undefined) continue;
        const sibling = LAVAAN_NO_SE[c.name];
        const withCi = sibling === undefined ? ["ci.lower", "ci.upper"] : [];
        for (const col of ["est", "std.lv", "std.all", ...withCi]) {
          if (!agrees(m[col], r[col] as number | null, estTol))
            bad.push(`${rowKey(r)} ${col}: lavaan ${String(r[col])}, ours ${m[col]}`);
        }
        if (sibling !== undefined) {
          const twin = cases.find((x) => x.name === sibling)!.ref.parameters.find((x) => rowKey(x) === rowKey(r))!;
          for (const col of ["z", "pvalue"]) {
            const tol = col === "pvalue" ? { rel: 1e-3, floor: 1e-3 } : TOL.se;
            if (!agrees(m[col], twin[col] as number | null, tol))
              bad.push(`${rowKey(r)} ${col}: lavaan (${sibling}) ${String(twin[col])}, ours ${m[col]}`);
          }
          const z = twin.z as number | null;
          if (!agrees(m.se, z === null ? 0 : (r.est as number) / z, TOL.se)) bad.push(`${rowKey(r)} se: ours ${m.se}`);
          continue;
        }
        for (const col of ["se"]) {
          if (!agrees(m[col], r[col] as number | null, TOL.se))
            bad.push(`${rowKey(r)} ${col}: lavaan ${String(r[col])}, ours ${m[col]}`);
        }
        for (const col of ["z", "pvalue"]) {
          const tol = col === "pvalue" ? { rel: 1e-3, floor: 1e-3 } : TOL.se;
          if (!agrees(m[col], r[col] as number | null, tol))
            bad.push(`${rowKey(r)} ${col}: lavaan ${String(r[col])}, ours ${m[col]}`);
        }
      }
      expect(bad).toEqual([]);
    });

    // Left out of the comparison: indices lavaan computes as exactly zero in theory (mi < 1e-10:
    // rounding noise on both sides, compared by mi alone) and the KNOWN_MI_DIFFERENCES above.
    // Without fixed.x the modification indices are not compared: the engine's candidate list
    // for free covariates is not lavaan's yet (lavaan offers no covariance of an indicator with
    // a covariate; the engine lists them).
    const freeX = !Array.isArray(c.ref.options) && c.ref.options["fixed.x"] === false;
    it.skipIf(freeX)("matches lavaan's modification indices (mi, epc, sepc.all)", () => {
      const known = KNOWN_MI_DIFFERENCES[c.name] ?? [];
      const miTol = LAVAAN_MI_INEXACT.has(c.name) ? TOL.miEarlyStop : TOL.mi;
      const epcTol = LAVAAN_MI_INEXACT.has(c.name) ? TOL.estEarlyStop : TOL.est;
      const isKnown = (r: { lhs: string; op: string; rhs: string }): boolean =>
        known.includes(`${r.lhs} ${r.op} ${r.rhs}`);
      const listed = Array.isArray(c.ref.modindices); // lavaan writes {} when modindices() failed
      const refs = (listed ? c.ref.modindices! : []).filter((r) => !isKnown(r));
      const ours = res.modindices ?? [];
      const bad: string[] = [];
      for (const r of refs) {
        const same = ours.filter(
          (m) => m.lhs === r.lhs && m.op === r.op && m.rhs === r.rhs && (r.group === undefined || m.group === r.group),
        );
        const zero = r.mi < 1e-10;
        const ok = same.some(
          (m) =>
            agrees(m.mi, r.mi, miTol) &&
            (zero || (agrees(m.epc, r.epc, epcTol) && agrees(m["sepc.all"], r["sepc.all"], epcTol))),
        );
        if (!ok)
          bad.push(`${r.lhs} ${r.op} ${r.rhs}: lavaan mi ${r.mi}, ours ${same.map((m) => m.mi).join("/") || "none"}`);
      }
      if (listed && c.ref.modindices_note === undefined && !c.dir.includes("lavaan-0.6.14")) {
        // the extra cases store lavaan's whole list: every index of ours is in it, or is zero
        const theirs = new Set(refs.map((r) => `${r.lhs} ${r.op} ${r.rhs} ${r.group ?? 1}`));
        for (const m of ours) {
          if (!theirs.has(`${m.lhs} ${m.op} ${m.rhs} ${m.group}`) && m.mi >= 1e-10 && !isKnown(m))
            bad.push(`${m.lhs} ${m.op} ${m.rhs}: ours mi ${m.mi}, not listed by lavaan`);
        }
      }
      expect(bad).toEqual([]);
    });
  });
}
