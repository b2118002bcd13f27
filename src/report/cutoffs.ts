/**
 * Cut-offs marked on the fit indices. CFI and TLI ≥ .95, RMSEA ≤ .06 and SRMR ≤ .08 are the
 * combination rules of Hu & Bentler (1999, Structural Equation Modeling 6(1), p. 27); the
 * chi-square test of exact fit at α = .05; χ²/df ≤ 3 is the rule of thumb of Carmines & McIver
 * (1981), cited by Kline (2016, ch. 12), reported as a convention, not a test.
 */
import type { Flag } from "./document.js";

export interface FitIndices {
  chisq: number;
  df: number;
  pvalue: number;
  cfi: number;
  tli: number;
  rmsea: number;
  rmseaLower: number;
  rmseaUpper: number;
  srmr: number;
  aic: number;
  bic: number;
}

export interface Cutoff {
  key: "pvalue" | "chisqDf" | "cfi" | "tli" | "rmsea" | "srmr";
  op: ">=" | "<=";
  value: number;
  source: string;
}

export const CUTOFFS: readonly Cutoff[] = [
  { key: "pvalue", op: ">=", value: 0.05, source: "exact-fit test, α = .05" },
  { key: "chisqDf", op: "<=", value: 3, source: "Carmines & McIver 1981" },
  { key: "cfi", op: ">=", value: 0.95, source: "Hu & Bentler 1999" },
  { key: "tli", op: ">=", value: 0.95, source: "Hu & Bentler 1999" },
  { key: "rmsea", op: "<=", value: 0.06, source: "Hu & Bentler 1999" },
  { key: "srmr", op: "<=", value: 0.08, source: "Hu & Bentler 1999" },
];

/** Pass or fail of a value against a cut-off; undefined when the value is missing. */
export function judge(value: number | undefined, c: Cutoff): Flag | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return (c.op === ">=" ? value >= c.value : value <= c.value) ? "pass" : "fail";
}

export function cutoffFor(key: Cutoff["key"]): Cutoff {
  return CUTOFFS.find((c) => c.key === key)!;
}

/** The values the cut-offs apply to, with χ²/df derived (undefined for df = 0). */
export function cutoffValues(f: FitIndices): Record<Cutoff["key"], number | undefined> {
  return {
    pvalue: f.df > 0 ? f.pvalue : undefined,
    chisqDf: f.df > 0 ? f.chisq / f.df : undefined,
    cfi: f.cfi,
    tli: f.tli,
    rmsea: f.rmsea,
    srmr: f.srmr,
  };
}
