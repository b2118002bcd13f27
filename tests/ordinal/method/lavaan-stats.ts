/**
 * lavaan 0.6.14's own ordinal sample statistics (tests/fixtures/ordinal/method/<case>.json, made
 * by dump-lavaan.R: lavInspect wls.obs, gamma, sampstat) as an OrdinalStats source, so that the
 * weighted least-squares method is tested against lavaan on lavaan's statistics.
 */
import fs from "node:fs";
import path from "node:path";
import type { OrdinalStats, OrdinalVariable } from "../../../src/sem/ordinal/types.js";
import type { OrdinalStatsSource } from "../../../src/sem/ordinal/method/source.js";

export const DUMPS = path.resolve(__dirname, "../../fixtures/ordinal/method");

export interface DumpGroup {
  nobs: number;
  wls_obs: number[];
  wls_est: number[];
  gamma: number[][];
  wls_v: number[][];
  th: number[];
  th_idx: number[];
  cov: number[][];
  ov: string[];
}

export interface Dump {
  case: string;
  estimator: string;
  fmin: number;
  groups: DumpGroup[];
  test: Record<string, { stat: number; df: number; scaling: number | null; shift: number | null }>;
}

export function readDump(name: string): Dump {
  return JSON.parse(fs.readFileSync(path.join(DUMPS, `${name}.json`), "utf8")) as Dump;
}

export function statsFromDump(d: Dump): OrdinalStats {
  return {
    notes: [],
    warnings: [],
    groups: d.groups.map((g) => {
      const thVar: number[] = [];
      const thNumber: number[] = [];
      let cont = 0;
      const contVars = g.ov.map((_, i) => i).filter((i) => !g.th_idx.includes(i + 1));
      g.th_idx.forEach((ix) => {
        if (ix > 0) {
          thNumber.push(thVar.filter((v) => v === ix - 1).length + 1);
          thVar.push(ix - 1);
        } else {
          thVar.push(contVars[cont++]!);
          thNumber.push(0);
        }
      });
      // the categories as 1..K (K − 1 thresholds in the dump)
      const vars: OrdinalVariable[] = g.ov.map((name, i) => {
        const k = g.th_idx.filter((x) => x === i + 1).length;
        return { name, ordered: k > 0, levels: k > 0 ? Array.from({ length: k + 1 }, (_, c) => c + 1) : [] };
      });
      const m = g.wls_obs.length;
      return {
        nobs: g.nobs,
        vars,
        // th: thresholds, and a continuous variable's mean (its wls.obs entry is −mean)
        th: Float64Array.from(g.th_idx.map((ix, t) => (ix > 0 ? g.wls_obs[t]! : -g.wls_obs[t]!))),
        thVar: Int32Array.from(thVar),
        thNumber: Int32Array.from(thNumber),
        cov: Float64Array.from(g.cov.flat()),
        wlsObs: Float64Array.from(g.wls_obs),
        gamma: Float64Array.from(g.gamma.flat()),
        gammaDiag: Float64Array.from({ length: m }, (_, i) => g.gamma[i]![i]!),
        influence: new Float64Array(0),
        rows: new Int32Array(0),
      };
    }),
  };
}

export function dumpSource(d: Dump): OrdinalStatsSource {
  const st = statsFromDump(d);
  return () => st;
}
