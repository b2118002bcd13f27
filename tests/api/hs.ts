/**
 * Holzinger & Swineford (1939) for the API tests: the bundled CSV as records and columns (parsed
 * here by hand, not by the library), the three-factor model, and lavaan 0.6.14's reference
 * (tests/parity/lavaan-0.6.14/hs-cfa-ml/lavaan.json: cfa(HS.model, HolzingerSwineford1939)).
 */
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const HS_CSV = path.join(ROOT, "datasets/holzinger-swineford-1939/data.csv");
export const HS_MODEL = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";

export type HsRecord = Record<string, number | string>;

/** The records of the CSV: quoted cells are strings, the others numbers. */
export function hsRecords(): HsRecord[] {
  const [header, ...lines] = fs.readFileSync(HS_CSV, "utf8").trim().split(/\r?\n/);
  const names = header!.split(",").map((h) => h.replace(/"/g, ""));
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(
      names.map((n, j) => {
        const c = cells[j]!;
        return [n, c.startsWith('"') ? c.replace(/"/g, "") : Number(c)];
      }),
    );
  });
}

export interface LavaanRef {
  fit: Record<string, number | null>;
  parameters: { lhs: string; op: string; rhs: string; est: number; se: number }[];
}

export function lavaanRef(name = "hs-cfa-ml"): LavaanRef {
  const file = path.join(ROOT, "tests/parity/lavaan-0.6.14", name, "lavaan.json");
  return JSON.parse(fs.readFileSync(file, "utf8")) as LavaanRef;
}

/** |a − b| ≤ tol·max(1, |b|). */
export function close(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
}
