/**
 * `runStudy` with every item ordered against R: every expected number is read from
 * tests/fixtures/ordinal-reliability/<case>.json, made by make-reference.R there with lavaan 0.6.14
 * and semTools 0.5.6 (R 4.2.2): ordinal alpha = compRelSEM(fit, tau.eq = TRUE, ord.scale = FALSE),
 * categorical omega = compRelSEM(fit), AVE(fit), htmt(model, data, ordered = items) (HTMT2 and
 * htmt2 = FALSE), lavInspect(fit, "cor.lv") and "sampstat", reliabilityL2(fit2, F), the second-order
 * categorical omega (semTools 0.5.6's omegaCat with its commit 38ea51e fix, see make-reference.R),
 * and the models' fitMeasures().
 *
 * Tolerances: what is computed from the polychoric matrix alone (ordinal alpha, HTMT) 1e-6
 * absolute (the values are below 1; observed differences about 5e-10, those of two optimisers of
 * the same bivariate likelihoods); what also uses the WLSMV estimates (categorical omega, AVE,
 * latent correlations, second-order reliability) 1e-5 relative to max(1, |ref|) (observed: about
 * 2e-7, the estimates' own convergence differences; the engine promises 1e-4 for estimates); fit
 * measures the engine's 1e-3 relative to max(0.1, |ref|).
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { designFromInstrument, designFromSyntax } from "../../../src/analysis/design.js";
import { runStudy, type StudyInput, type StudyResults } from "../../../src/analysis/study.js";
import { loadInstrument, loadResponses } from "../../../src/instrument/index.js";
import { readTable } from "../../../src/sem/data/read-file.js";
import { parseModel } from "../../../src/sem/syntax/index.js";
import { agrees, type Tol } from "../../parity/compare.js";

interface NamedMatrix {
  names: string[];
  values: number[][];
}

interface OrdinalRef {
  case: string;
  data: string;
  constructs: Record<string, string[]>;
  second_order: { name: string; dimensions: string[] };
  complete_rows: number;
  /** the items fitted as ordered */
  ordered: string[];
  estimator: string;
  polychoric: NamedMatrix;
  ordinal_alpha: Record<string, number>;
  categorical_omega: Record<string, number>;
  ave: Record<string, number>;
  "cor.lv": NamedMatrix;
  htmt: NamedMatrix;
  "htmt.arithmetic": NamedMatrix;
  second: {
    /** compRelSEM(fit2, higher = F) of semTools 0.5.6: an error message for all-ordered items */
    "compRelSEM_0.5.6": Record<string, number> | string;
    /** every item ordered: compRelSEM(fit2, higher = F) with semTools' fix (make-reference.R) */
    categorical_omega: number | Record<string, never>;
    reliabilityL2: Record<string, number>;
  };
  fit: Record<string, Record<string, number | null>>;
  paths: { lhs: string; rhs: string; est: number; se: number; pvalue: number; "std.all": number }[];
  /** lavTestLRT(fm, f2, fs): method "satorra.2000" for WLSMV */
  lrt: {
    model: string;
    Df: number;
    Chisq: number;
    "chisq.diff": number | null;
    pvalue: number | null;
    method: string;
  }[];
}

const POLY: Tol = { rel: 1e-6, floor: 1 }; // 1e-6 absolute below 1
const EST: Tol = { rel: 1e-5, floor: 1 };
const FIT: Tol = { rel: 1e-3, floor: 0.1 };

function loadRef(name: string): OrdinalRef {
  const url = new URL(`../../fixtures/ordinal-reliability/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as OrdinalRef;
}

function close(mine: number | null | undefined, ref: number | null | undefined, tol: Tol, what: string): void {
  if (!agrees(mine, ref, tol)) expect.fail(`${what}: ${String(mine)} vs R ${String(ref)}`);
}

function closeMatrix(mine: NamedMatrix, ref: NamedMatrix, tol: Tol, what: string): void {
  ref.names.forEach((a, i) =>
    ref.names.forEach((b, j) => {
      const v = mine.values[mine.names.indexOf(a)]?.[mine.names.indexOf(b)];
      close(v, ref.values[i]![j]!, tol, `${what}[${a}, ${b}]`);
    }),
  );
}

/** The bundled data through the instrument; ord-secondorder-7pt through its model file, as `--model`. */
function inputOf(ref: OrdinalRef): StudyInput {
  if (ref.case === "isrs-kibs-simulated") {
    const instr = loadInstrument();
    return { design: designFromInstrument(instr), data: loadResponses(ref.data, instr).table, ordered: true };
  }
  if (ref.case === "isrs-kibs-simulated-mixed") {
    const instr = loadInstrument();
    const data = loadResponses(ref.data, instr).table;
    return { design: designFromInstrument(instr), data, ordered: ref.ordered };
  }
  const file = ref.data.replace(/data\.csv$/, "model.lav");
  const text = readFileSync(file, "utf8");
  const syntax = parseModel(text, { file });
  const data = readTable(ref.data);
  const design = designFromSyntax(syntax, (c) => data.columns.includes(c));
  return { design, data, structural: { syntax, text }, ordered: true };
}

describe.each(["isrs-kibs-simulated", "isrs-kibs-simulated-mixed", "ord-secondorder-7pt"])(
  "ordinal study parity: %s",
  (name) => {
    const ref = loadRef(name);
    let res: StudyResults;
    beforeAll(async () => {
      res = await runStudy(inputOf(ref));
    });

    it("fits every model by WLSMV (lavaan: DWLS estimates, scaled-shifted test) on the complete rows", () => {
      expect(ref.estimator).toBe("DWLS");
      expect(res.estimator).toBe("WLSMV");
      expect(res.ordered).toEqual(ref.ordered);
      expect(res.models.map((m) => m.nobs)).toEqual(res.models.map(() => ref.complete_rows));
    });

    it("the fit measures of the three models match fitMeasures()", () => {
      for (const m of res.models) {
        for (const [k, v] of Object.entries(ref.fit[m.name]!)) close(m.fit[k], v, FIT, `${m.name} ${k}`);
      }
    });

    const ordered = (items: string[]) => items.every((v) => ref.ordered.includes(v));

    it("ordinal alpha of each construct matches compRelSEM(tau.eq = TRUE, ord.scale = FALSE)", () => {
      for (const r of res.reliability) {
        // a construct of continuous items: semTools gives coefficient alpha of their covariances, psych's alpha
        const mine = ordered(r.items) ? r.ordinal?.ordinalAlpha : r.alpha.raw_alpha;
        close(mine, ref.ordinal_alpha[r.construct], POLY, r.construct);
        expect(r.ordinal === undefined).toBe(!ordered(r.items));
      }
    });

    it("categorical omega (Green & Yang; the usual omega for continuous items) and AVE match compRelSEM(), AVE()", () => {
      for (const r of res.reliability) {
        close(r.omega, ref.categorical_omega[r.construct], EST, `omega ${r.construct}`);
        if (ordered(r.items)) expect(r.omega).toBe(r.ordinal?.categoricalOmega);
        close(r.ave, ref.ave[r.construct], EST, `AVE ${r.construct}`);
      }
    });

    it("HTMT (HTMT2 and arithmetic) on the polychoric correlations matches htmt(ordered = items)", () => {
      expect(res.validity.htmt.correlations).toBe("polychoric");
      closeMatrix(res.validity.htmt.htmt, ref.htmt, POLY, "htmt");
      closeMatrix(res.validity.htmt["htmt.arithmetic"], ref["htmt.arithmetic"], POLY, "htmt.arithmetic");
    });

    it("Fornell-Larcker: latent correlations match lavInspect(cor.lv), the diagonal sqrt(AVE)", () => {
      const fl = res.validity.fornellLarcker;
      fl.names.forEach((a, i) => {
        close(fl.values[i]![i], Math.sqrt(ref.ave[a]!), EST, `sqrt AVE ${a}`);
        fl.names.forEach((b, j) => {
          if (i !== j)
            close(
              fl.values[i]![j],
              ref["cor.lv"].values[ref["cor.lv"].names.indexOf(a)]![ref["cor.lv"].names.indexOf(b)],
              EST,
              `${a}-${b}`,
            );
        });
      });
    });

    it("second order: categorical omega and reliabilityL2", () => {
      const s = res.secondOrder[0]!;
      expect(s.factor).toBe(ref.second_order.name);
      const want = ref.second.categorical_omega;
      if (typeof want === "number") {
        close(s.categoricalOmega, want, EST, "categorical omega");
        expect(s.omega).toBe(s.categoricalOmega);
      } else {
        // some items continuous: compRelSEM(higher =) of semTools 0.5.6 works, on the sample covariances
        const r056 = ref.second["compRelSEM_0.5.6"] as Record<string, number>;
        close(s.omega, r056[s.factor], EST, "omega (higher)");
        expect(s.categoricalOmega).toBeUndefined();
      }
      for (const k of ["omegaL1", "omegaL2", "partialOmegaL1"] as const)
        close(s[k], ref.second.reliabilityL2[k], EST, k);
    });

    it("hypotheses: est, robust se, p and std.all of the structural paths match parameterEstimates()", () => {
      for (const p of ref.paths) {
        const h = res.hypotheses.find((x) => x.path === `${p.lhs} ~ ${p.rhs}`);
        expect(h, `${p.lhs} ~ ${p.rhs}`).toBeDefined();
        close(h!.est, p.est, EST, `est ${p.lhs} ~ ${p.rhs}`);
        close(h!.se, p.se, { rel: 1e-3, floor: 0 }, `se ${p.lhs} ~ ${p.rhs}`);
        // lavaan's p is 2(1 - pnorm(|z|)): below 1e-15 it is rounding only, hence the absolute floor
        close(h!.pvalue, p.pvalue, { rel: 1e-3, floor: 1e-9 }, `p ${p.lhs} ~ ${p.rhs}`);
        close(h!["std.all"], p["std.all"], EST, `std.all ${p.lhs} ~ ${p.rhs}`);
      }
    });

    it("difference tests between the WLSMV fits match lavTestLRT (method satorra.2000)", () => {
      const c = res.comparison!;
      expect(ref.lrt[1]!.method).toBe("satorra.2000");
      expect(c.method).toBe("satorra.2000");
      expect(c.rows.map((r) => r.model)).toEqual(ref.lrt.map((r) => r.model));
      ref.lrt.forEach((want, k) => {
        const row = c.rows[k]!;
        expect(row.Df).toBe(want.Df);
        close(row.Chisq, want.Chisq, FIT, `${want.model} Chisq`);
        close(row["Chisq diff"], want["chisq.diff"], FIT, `${want.model} Chisq diff`);
        close(row["Pr(>Chisq)"], want.pvalue, FIT, `${want.model} Pr(>Chisq)`);
      });
    });
  },
);
