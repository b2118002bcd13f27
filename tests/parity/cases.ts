/**
 * Reference cases: lavaan outputs (lavaan.json) with the data and model they came from.
 * The lavaan call (`fun`, `options`) is translated into our fit options.
 */
import fs from "node:fs";
import path from "node:path";
import type { FitOptionsInput } from "../../src/sem/options.js";
import type { GroupEqual } from "../../src/sem/partable/types.js";

export interface LavaanReference {
  case: string;
  lavaan_version: string;
  fun: string;
  options: Record<string, unknown> | unknown[];
  converged: boolean;
  nobs: number | number[];
  npar: number;
  fit: Record<string, number | null>;
  parameters: { lhs: string; op: string; rhs: string; group?: number; label?: string; [c: string]: unknown }[];
  modindices:
    { lhs: string; op: string; rhs: string; group?: number; mi: number; epc: number; "sepc.all": number }[] | null;
  lavaan_seconds_median: number;
  /** present when the stored list is not lavaan's whole list (e.g. only the largest 20) */
  modindices_note?: string;
}

export interface Case {
  name: string;
  dir: string;
  ref: LavaanReference;
  options: FitOptionsInput;
  /** why the case is not run yet, or null */
  skip: string | null;
}

const ROOTS = [
  path.resolve(__dirname, "lavaan-0.6.14"),
  path.resolve(__dirname, "../fixtures/extra"),
  path.resolve(__dirname, "../fixtures/robust"),
];

function toOptions(ref: LavaanReference): { options: FitOptionsInput; skip: string | null } {
  const o = Array.isArray(ref.options) ? {} : ref.options;
  const ge = o["group.equal"];
  const options: FitOptionsInput = {
    stdLv: o["std.lv"] === true,
    group: typeof o.group === "string" ? o.group : undefined,
    groupEqual: (ge === undefined ? [] : Array.isArray(ge) ? ge : [ge]) as GroupEqual[],
    growth: ref.fun === "growth",
    meanstructure: o.meanstructure === true ? true : undefined,
    fixedX: o["fixed.x"] === false ? false : undefined,
    modindices: true,
    missing: typeof o.missing === "string" ? o.missing : undefined,
  };
  let skip: string | null = null;
  const estimator = typeof o.estimator === "string" ? o.estimator.toUpperCase() : "ML";
  if (estimator === "MLM" || estimator === "MLR") options.estimator = estimator;
  else if (estimator !== "ML") skip = `estimator ${estimator} (not available)`;
  return { options, skip };
}

export function loadCases(roots: readonly string[] = ROOTS): Case[] {
  const out: Case[] = [];
  for (const root of roots) {
    if (!fs.existsSync(root)) continue;
    for (const name of fs.readdirSync(root).sort()) {
      const dir = path.join(root, name);
      const file = path.join(dir, "lavaan.json");
      if (!fs.existsSync(file)) continue;
      const ref = JSON.parse(fs.readFileSync(file, "utf8")) as LavaanReference;
      out.push({ name, dir, ref, ...toOptions(ref) });
    }
  }
  return out;
}
