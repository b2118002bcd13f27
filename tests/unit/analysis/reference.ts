/**
 * The R reference files of tests/fixtures/analysis (made by make-reference.R with lavaan 0.6.14,
 * semTools 0.5.6 and psych 2.2.9 on the bundled data sets) and the study designs they describe.
 */
import { readFileSync } from "node:fs";
import { designFromInstrument, type StudyDesign } from "../../../src/analysis/design.js";
import type { StudyInput } from "../../../src/analysis/study.js";
import { loadInstrument, loadResponses } from "../../../src/instrument/index.js";
import { readTable } from "../../../src/sem/data/read-file.js";

export interface LrtRef {
  models: string[];
  Df: number[];
  Chisq: number[];
  AIC: number[];
  BIC: number[];
  "Chisq diff": (number | null)[];
  "Df diff": (number | null)[];
  "Pr(>Chisq)": (number | null)[];
}

export interface AnalysisRef {
  case: string;
  data: string;
  constructs: Record<string, string[]>;
  second_order: { name: string; dimensions: string[] };
  paths: [string, string][];
  reverse?: string[];
  rows: number;
  complete_rows: number;
  descriptives: {
    item: string;
    n: number;
    mean: number;
    sd: number;
    skew: number;
    kurtosis: number;
    missing: number;
  }[];
  mardia: Record<string, number>;
  mahalanobis: { d2: number[]; pvalue: number[]; row: number[] };
  alpha: Record<string, { raw_alpha: number; "std.alpha": number }>;
  omega: Record<string, number>;
  ave: Record<string, number>;
  "cor.lv": { names: string[]; values: number[][] };
  htmt: { names: string[]; values: number[][] };
  "htmt.arithmetic": { names: string[]; values: number[][] };
  second: { compRelSEM: Record<string, number>; reliabilityL2: Record<string, number> };
  estimators: Record<
    string,
    {
      fit: Record<string, Record<string, number>>;
      lrt: Record<string, LrtRef>;
      paths:
        | {
            lhs: string;
            rhs: string;
            est: number;
            se: number;
            z: number;
            pvalue: number;
            "std.all": number;
            "se.std": number;
          }[]
        | Record<string, never>;
    }
  >;
}

export const CASES = ["holzinger-swineford", "big-five-inventory", "isrs-kibs-simulated"] as const;
export type CaseName = (typeof CASES)[number];

export function loadRef(name: CaseName): AnalysisRef {
  return JSON.parse(
    readFileSync(new URL(`../../fixtures/analysis/${name}.json`, import.meta.url), "utf8"),
  ) as AnalysisRef;
}

export function designOf(ref: AnalysisRef): StudyDesign {
  return {
    constructs: Object.entries(ref.constructs).map(([name, items]) => ({ name, items })),
    secondOrder: [{ name: ref.second_order.name, dimensions: ref.second_order.dimensions }],
    hypotheses: ref.paths.map(([outcome, predictor], i) => ({
      id: `H${i + 1}`,
      outcome,
      predictor,
      expected: "positive" as const,
    })),
    source: ref.case,
  };
}

/**
 * The study input of a case: the ISRS case goes through the instrument (its design, and the
 * responses loaded with reverse-keyed items recoded), the others through their CSV and the
 * design written in the reference file.
 */
export function studyInput(ref: AnalysisRef, estimator = "ML"): StudyInput {
  if (ref.case === "isrs-kibs-simulated") {
    const instr = loadInstrument();
    return { design: designFromInstrument(instr), data: loadResponses(ref.data, instr).table, estimator };
  }
  return { design: designOf(ref), data: readTable(ref.data), estimator };
}
