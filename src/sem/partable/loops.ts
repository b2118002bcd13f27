/**
 * Model elements that make a variable a cause of itself, refused with one line naming the model
 * line before any data are read (lavaan 0.6.14's behaviour in brackets):
 * - `f =~ f + x1`: a factor among its own indicators (lavaan stops while flattening the syntax:
 *   "latent variable `f' can not be measured by itself");
 * - `f =~ g + x1` with `g =~ f + x2` (or a longer cycle of `=~`): factors that measure each
 *   other, so that each is among its own indicators through the others (lavaan accepts the
 *   syntax, then its estimation fails on a singular (I - B) matrix);
 * - `y ~ y`: a variable regressed on itself (lavaan only warns "lhs and rhs are the same", then
 *   fits a model whose coefficient and residual variance trade off, y = e / (1 - b), and whose
 *   information matrix cannot be inverted).
 *
 * A feedback loop that makes (I - B) singular, whatever the free parameters or at their start
 * values, is refused once the parameter table is built (singular.ts). Other feedback loops
 * (`y1 ~ y2` and `y2 ~ y1`: a nonrecursive model) are a legitimate model and are left alone.
 *
 * A latent variable named like a column of the data is refused by `checkLatentNames`, once the
 * data's column names are known (lavaan: "some latent variable names collide with observed
 * variable names").
 */
import { InputError } from "../messages.js";
import type { UserRow } from "./flatten.js";

const where = (file: string, r: UserRow): string => `${file}:${r.line}:${r.term.column}`;

/** Throws on the first element that makes a variable measure or predict itself. */
export function checkSelfReference(rows: readonly UserRow[], file: string): void {
  for (const r of rows) {
    if (r.op === "=~" && r.lhs === r.rhs) {
      throw new InputError(
        "E_MODEL",
        `${where(file, r)}: '${r.lhs} =~ ${r.rhs}': latent variable '${r.lhs}' cannot be measured by itself ` +
          `(a factor cannot be among its own indicators)`,
      );
    }
    if (r.op === "~" && r.lhs === r.rhs) {
      throw new InputError(
        "E_MODEL",
        `${where(file, r)}: '${r.lhs} ~ ${r.rhs}': a variable cannot be regressed on itself`,
      );
    }
  }
  checkMeasurementCycles(rows, file);
}

/**
 * The `=~` rows among latent variables as a graph factor -> indicator; a cycle (found by a
 * depth-first search) is refused, naming each element of the cycle and its line.
 */
function checkMeasurementCycles(rows: readonly UserRow[], file: string): void {
  const latent = new Set(rows.filter((r) => r.op === "=~").map((r) => r.lhs));
  const edges = new Map<string, UserRow[]>();
  for (const r of rows) if (r.op === "=~" && latent.has(r.rhs)) edges.set(r.lhs, [...(edges.get(r.lhs) ?? []), r]);
  const state = new Map<string, "open" | "done">();
  const path: UserRow[] = [];
  const visit = (v: string): UserRow[] | undefined => {
    state.set(v, "open");
    for (const e of edges.get(v) ?? []) {
      const s = state.get(e.rhs);
      if (s === "open") {
        const start = path.findIndex((p) => p.lhs === e.rhs);
        return [...path.slice(start), e];
      }
      if (s === "done") continue;
      path.push(e);
      const found = visit(e.rhs);
      if (found) return found;
      path.pop();
    }
    state.set(v, "done");
    return undefined;
  };
  for (const v of latent) {
    if (state.has(v)) continue;
    const cycle = visit(v);
    if (cycle === undefined) continue;
    const last = cycle[cycle.length - 1]!;
    const listed = cycle.map((e) => `'${e.lhs} =~ ${e.rhs}' on line ${e.line}`).join(", ");
    throw new InputError(
      "E_MODEL",
      `${where(file, last)}: '${last.lhs} =~ ${last.rhs}': the factors measure each other in a cycle ` +
        `(${listed}), so '${last.rhs}' would be among its own indicators`,
    );
  }
}

/**
 * A latent variable (left of `=~`) named like a column of the data: lavaan 0.6.14 refuses the
 * model ("some latent variable names collide with observed variable names"), whether or not
 * that column is used; the first such latent is named with the line that defines it.
 */
export function checkLatentNames(rows: readonly UserRow[], columns: readonly string[], file: string): void {
  const cols = new Set(columns);
  const r = rows.find((x) => x.op === "=~" && cols.has(x.lhs));
  if (r === undefined) return;
  throw new InputError(
    "E_MODEL",
    `${file}:${r.line}: latent variable '${r.lhs}' has the name of a column of the data; ` +
      "rename the latent variable (e.g. '" +
      `${r.lhs}_f =~ ...')`,
  );
}
