/**
 * LISREL-type representation of each group (lavaan's "LISREL" representation, all-y form):
 *   Σ = Λ (I−B)⁻¹ Ψ (I−B)⁻ᵀ Λᵀ + Θ,   μ = ν + Λ (I−B)⁻¹ α.
 * Observed variables that predict others in `~` formulas (or covary with a latent) become
 * "dummy" latent variables: Λ has a fixed 1 linking the observed variable to its dummy and
 * Θ a fixed 0, so that regressions among them live in B and their (residual) variances in Ψ.
 * Each parameter row maps to one matrix cell (two for a symmetric off-diagonal cell).
 */
import type { ParameterTable } from "../partable/types.js";

export type MatrixKind = "lambda" | "beta" | "psi" | "theta" | "nu" | "alpha";

export interface Cell {
  /** index into ParameterTable.rows */
  readonly row: number;
  readonly kind: MatrixKind;
  readonly i: number;
  readonly j: number;
  /** 0-based free parameter index, or -1 when fixed */
  readonly free: number;
}

export interface GroupRepresentation {
  readonly group: number; // 1-based
  readonly p: number;
  readonly m: number;
  readonly ov: readonly string[];
  readonly lv: readonly string[]; // latent variables, then dummies
  /** for each latent index, the observed index it mirrors, or -1 for a real latent */
  readonly dummyOf: readonly number[];
  readonly cells: readonly Cell[];
  readonly meanstructure: boolean;
}

export interface Representation {
  readonly groups: readonly GroupRepresentation[];
  readonly nfree: number;
}

/** Observed variables that must be represented as dummy latents. */
function dummyNames(table: ParameterTable): string[] {
  const lv = new Set(table.vars.lv);
  const dummies = new Set<string>();
  for (const r of table.rows) if (r.op === "~" && !lv.has(r.rhs)) dummies.add(r.rhs);
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of table.rows) {
      if (r.op !== "~~" || r.lhs === r.rhs) continue;
      const a = lv.has(r.lhs) || dummies.has(r.lhs);
      const b = lv.has(r.rhs) || dummies.has(r.rhs);
      if (a !== b) {
        dummies.add(a ? r.rhs : r.lhs);
        changed = true;
      }
    }
  }
  return table.vars.ov.filter((v) => dummies.has(v));
}

/** Positions of the observed variables and of the latent (and dummy) variables. */
export interface NameIndex {
  readonly ov: ReadonlyMap<string, number>;
  readonly lv: ReadonlyMap<string, number>;
}

export function nameIndex(g: GroupRepresentation): NameIndex {
  return { ov: new Map(g.ov.map((v, i) => [v, i])), lv: new Map(g.lv.map((v, i) => [v, i])) };
}

/** The matrix cell a parameter (lhs op rhs) occupies, or null for rows outside the matrices. */
export function mapCell(
  names: NameIndex,
  op: string,
  lhs: string,
  rhs: string,
): { kind: MatrixKind; i: number; j: number } | null {
  const lv = names.lv;
  const ov = names.ov;
  switch (op) {
    case "=~":
      return lv.has(rhs)
        ? { kind: "beta", i: lv.get(rhs)!, j: lv.get(lhs)! }
        : { kind: "lambda", i: ov.get(rhs)!, j: lv.get(lhs)! };
    case "~":
      return lv.has(lhs)
        ? { kind: "beta", i: lv.get(lhs)!, j: lv.get(rhs)! }
        : { kind: "lambda", i: ov.get(lhs)!, j: lv.get(rhs)! };
    case "~~":
      return lv.has(lhs)
        ? { kind: "psi", i: lv.get(lhs)!, j: lv.get(rhs)! }
        : { kind: "theta", i: ov.get(lhs)!, j: ov.get(rhs)! };
    case "~1":
      return lv.has(lhs) ? { kind: "alpha", i: lv.get(lhs)!, j: 0 } : { kind: "nu", i: ov.get(lhs)!, j: 0 };
    default:
      return null;
  }
}

export function buildRepresentation(table: ParameterTable): Representation {
  const ov = table.vars.ov;
  const dummies = dummyNames(table);
  const lv = [...table.vars.lv, ...dummies];
  const ovIdx = new Map(ov.map((v, i) => [v, i]));
  const lvIdx = new Map(lv.map((v, i) => [v, i]));
  const names: NameIndex = { ov: ovIdx, lv: lvIdx };
  const dummyOf = lv.map((v) => (table.vars.lv.includes(v) ? -1 : ovIdx.get(v)!));
  const meanstructure = table.options.meanstructure;
  const groups: GroupRepresentation[] = [];
  for (let g = 1; g <= table.ngroups; g++) {
    const cells: Cell[] = [];
    table.rows.forEach((r, k) => {
      if (r.group !== g) return;
      const free = r.free > 0 ? r.free - 1 : -1;
      const at = mapCell(names, r.op, r.lhs, r.rhs);
      if (at !== null) cells.push({ row: k, kind: at.kind, i: at.i, j: at.j, free });
    });
    groups.push({ group: g, p: ov.length, m: lv.length, ov, lv, dummyOf, cells, meanstructure });
  }
  return { groups, nfree: table.nfree };
}
