/** Reads the lavaan 0.6.14 dumps of tests/fixtures/ordinal/stats (made by make-stats.R) and their data. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ordinalStats } from "../../../src/sem/ordinal/stats/index.js";
import type { OrdinalStats } from "../../../src/sem/ordinal/types.js";

export const FIXTURES = fileURLToPath(new URL("../../fixtures/ordinal/stats/", import.meta.url));

export interface LavaanGroup {
  label: string | null;
  nobs: number;
  ov: string[];
  th: number[];
  "th.names": string[];
  mean: number[];
  cov: number[][];
  "wls.obs": number[];
  "wls.names": string[];
  "gamma.diag": number[];
  gamma: number[][];
}

export interface LavaanDump {
  case: string;
  lavaan_version: string;
  data: string;
  ordered: true | string[];
  missing: "listwise" | "pairwise";
  group: string | null;
  groups: LavaanGroup[];
}

export function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(FIXTURES + name, "utf8")) as T;
}

/** A small CSV reader for the fixtures (quoted header names and text, empty cells missing). */
export function readCsv(path: string): { head: string[]; rows: string[][] } {
  const lines = readFileSync(path, "utf8").trim().split(/\r?\n/);
  const unquote = (s: string) => s.replace(/^"(.*)"$/, "$1");
  return { head: lines[0]!.split(",").map(unquote), rows: lines.slice(1).map((l) => l.split(",").map(unquote)) };
}

/** Runs ordinalStats on a dump's data, as lavaan fitted it (groups in order of appearance). */
export function runCase(name: string): { ref: LavaanDump; stats: OrdinalStats } {
  const ref = readJson<LavaanDump>(`${name}.json`);
  const file = FIXTURES + ref.data;
  const { head, rows } = readCsv(file);
  const ov = ref.groups[0]!.ov;
  const ordered = ref.ordered === true ? ov : ref.ordered;
  const gcol = ref.group === null ? -1 : head.indexOf(ref.group);
  const labels = gcol < 0 ? [null] : [...new Set(rows.map((r) => r[gcol]!))];
  const data = labels.map((label) => {
    const rs = label === null ? rows : rows.filter((r) => r[gcol] === label);
    return ov.map((v) => {
      const c = head.indexOf(v);
      return Float64Array.from(rs, (r) => (r[c] === "" || r[c] === "NA" ? Number.NaN : Number(r[c])));
    });
  });
  const specs = ov.map((v) => ({ name: v, ordered: ordered.includes(v) }));
  return { ref, stats: ordinalStats(data, specs, { missing: ref.missing }) };
}

/** Largest |a - b| / (1 + |b|) over two equally long lists. */
export function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / (1 + Math.abs(b[i]!)));
  return worst;
}
