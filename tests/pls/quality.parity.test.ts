/**
 * Parity of the quality criteria with seminr 2.3.1's summary() (tests/fixtures/pls, seminr.json):
 * reliability (alpha, rhoC, AVE, rhoA), HTMT, Fornell-Larcker, cross-loadings, item and antecedent
 * VIFs, f² (re-estimated without each path), AIC/BIC, item and construct descriptives; 1e-6
 * relative to max(1, |ref|).
 */
import { describe, expect, test } from "vitest";
import { estimatePls } from "../../src/pls/estimate.js";
import { plsQuality } from "../../src/pls/quality.js";
import { cell, loadCase, relDiff, type Matrix } from "./helpers.js";

const TOL = 1e-6;
const CASES: [string, { plsc?: boolean }][] = [
  ["mobi-simple", {}],
  ["mobi-modeb", {}],
  ["mobi-plsc", { plsc: true }],
  ["corp-rep-hoc", {}],
];

describe.each(CASES)("%s", (name, options) => {
  const c = loadCase(name, options);
  const est = estimatePls(c.data, c.spec, c.options);
  const q = plsQuality(est, c.data, c.spec, c.options);
  const ref = c.ref as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  test("reliability: alpha, rhoC, AVE, rhoA", () => {
    expect(q.reliability.map((r) => r.construct).sort()).toEqual(
      (ref.reliability as { construct: string }[]).map((r) => r.construct).sort(),
    );
    for (const r of ref.reliability as Record<string, number & string>[]) {
      const e = q.reliability.find((x) => x.construct === r.construct)!;
      for (const k of ["alpha", "rhoC", "AVE", "rhoA"] as const)
        expect(relDiff(e[k], r[k] as number), `${r.construct} ${k}`).toBeLessThan(TOL);
    }
  });

  test("HTMT of every pair", () => {
    const long = ref.htmt as { construct_1: string; construct_2: string; htmt: number }[];
    expect(q.htmt.length).toBe(long.length);
    for (const h of long) {
      const e = q.htmt.find(
        (x) =>
          (x.lhs === h.construct_1 && x.rhs === h.construct_2) || (x.lhs === h.construct_2 && x.rhs === h.construct_1),
      )!;
      expect(relDiff(e.est, h.htmt)).toBeLessThan(TOL);
    }
  });

  test("Fornell-Larcker and cross-loadings", () => {
    const fl = ref.fornell_larcker_matrix as Matrix;
    for (const a of fl.rows)
      for (const b of fl.cols) {
        const v = cell(fl, a, b);
        const e = q.fornellLarcker[q.constructs.indexOf(a)]![q.constructs.indexOf(b)]!;
        if (v === null) continue; // upper triangle in seminr's order; ours may be the transposed position
        const sym = e ?? q.fornellLarcker[q.constructs.indexOf(b)]![q.constructs.indexOf(a)]!;
        expect(relDiff(sym, v)).toBeLessThan(TOL);
      }
    const cl = ref.cross_loadings_matrix as Matrix;
    expect(q.crossLoadings.items.length).toBe(cl.rows.length);
    for (const it of cl.rows)
      for (const con of cl.cols) {
        const e = q.crossLoadings.values[q.crossLoadings.items.indexOf(it)]![q.constructs.indexOf(con)]!;
        expect(relDiff(e, cell(cl, it, con)!)).toBeLessThan(TOL);
      }
  });

  test("item and antecedent VIFs", () => {
    for (const [con, items] of Object.entries(ref.vif_items as Record<string, Record<string, number>>))
      for (const [it, v] of Object.entries(items)) {
        const e = q.vifItems.find((x) => x.construct === con && x.item === it)!;
        expect(relDiff(e.vif, v)).toBeLessThan(TOL);
      }
    for (const [y, preds] of Object.entries(ref.vif_antecedents as Record<string, Record<string, number | null>>))
      for (const [x, v] of Object.entries(preds)) {
        const e = q.vifAntecedents.find((r) => r.lhs === y && r.rhs === x)!;
        if (v === null) expect(e.vif).toBeNull();
        else expect(relDiff(e.vif!, v)).toBeLessThan(TOL);
      }
  });

  test("f² re-estimated without each path", () => {
    for (const p of c.ref.paths) {
      const e = q.fsquared.find((x) => x.lhs === p.to && x.rhs === p.from)!;
      expect(relDiff(e.est, p.f_squared), `${p.from} -> ${p.to}`).toBeLessThan(TOL);
    }
  });

  test("AIC and BIC per endogenous construct", () => {
    const m = ref.it_criteria_matrix as Matrix;
    for (const con of m.cols) {
      const e = q.itCriteria.find((x) => x.construct === con)!;
      expect(relDiff(e.AIC, cell(m, "AIC", con)!)).toBeLessThan(TOL);
      expect(relDiff(e.BIC, cell(m, "BIC", con)!)).toBeLessThan(TOL);
    }
  });

  test("item and construct descriptives", () => {
    const keys = ["n", "missing", "mean", "median", "min", "max", "sd", "kurtosis", "skewness"] as const;
    const refCols = ["No.", "Missing", "Mean", "Median", "Min", "Max", "Std.Dev.", "Kurtosis", "Skewness"];
    for (const [field, list] of [
      ["item_descriptives_matrix", q.itemDescriptives],
      ["construct_descriptives_matrix", q.constructDescriptives],
    ] as const) {
      const m = ref[field] as Matrix;
      for (const row of m.rows) {
        const e = list.find((d) => d.name === row)!;
        keys.forEach((k, t) => {
          if (k === "n") return; // seminr's "No." is the row number
          expect(relDiff(e[k], cell(m, row, refCols[t]!)!), `${row} ${k}`).toBeLessThan(TOL);
        });
      }
    }
  });
});
