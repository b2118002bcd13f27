import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadInstrument, type Instrument } from "../../../src/instrument/index.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isrs-instr-"));

/** Writes a temporary file and returns its path. */
export function tmpFile(name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

/** A deep copy of the bundled instrument's JSON, to break on purpose. */
export function bundledJson(): Record<string, any> {
  return structuredClone(loadInstrument()) as unknown as Record<string, any>;
}

/** A CSV of the bundled instrument's columns, one row per given answer vector (keyed as written). */
export function responsesCsv(instr: Instrument, rows: [string, (number | string)[]][]): string {
  const header = [instr.idColumn, ...instr.items.map((i) => i.id)].join(",");
  return `${header}\n${rows.map(([id, vals]) => [id, ...vals].join(",")).join("\n")}\n`;
}

/** |est - truth| <= k se: the statistical tolerance of the simulation tests (k = 4 unless said). */
export function withinSe(est: number, truth: number, se: number, k = 4): boolean {
  return Math.abs(est - truth) <= k * se;
}
