/**
 * Model elements that make a variable a cause of itself, refused with one line naming the model
 * line before any data are read (lavaan 0.6.14's behaviour in brackets):
 * - `f =~ f + x1`: a factor among its own indicators (lavaan's lav_partable_flat stops:
 *   "latent variable `f' can not be measured by itself");
 * - `f =~ g + x1` with `g =~ f + x2` (or a longer cycle of `=~`): factors that measure each
 *   other, so that each is among its own indicators through the others (lavaan accepts the
 *   syntax, then its estimation fails on a singular (I - B) matrix);
 * - `y ~ y`: a variable regressed on itself (lavaan only warns "lhs and rhs are the same", then
 *   fits a model with no meaning: a regression of y on itself has no residual to explain).
 *
 * - a feedback loop of `~` whose coefficients are all fixed so that (I - B) is singular
 *   (`y1 ~ 1*y2` with `y2 ~ 1*y1`): no covariance matrix follows from such a model (lavaan's
 *   estimation fails on the singular matrix).
 *
 * Other feedback loops written with `~` (`y1 ~ y2` and `y2 ~ y1`: a nonrecursive model) are a
 * legitimate model and are left alone.
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
  checkFixedLoops(rows, file);
}

/** The value of a coefficient fixed to one number in every group, else undefined. */
function fixedValue(r: UserRow): number | undefined {
  const f = r.term.fixed;
  if (f === undefined || f.some((v) => v === null || v !== f[0])) return undefined;
  return f[0] ?? undefined;
}

/** det(I - B) of a small square matrix by Gaussian elimination with partial pivoting. */
function detIminusB(b: number[][]): number {
  const n = b.length;
  const a = b.map((row, i) => row.map((v, j) => (i === j ? 1 : 0) - v));
  let det = 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(a[i]![c]!) > Math.abs(a[p]![c]!)) p = i;
    if (a[p]![c] === 0) return 0;
    if (p !== c) [a[p], a[c], det] = [a[c]!, a[p]!, -det];
    det *= a[c]![c]!;
    for (let i = c + 1; i < n; i++) {
      const m = a[i]![c]! / a[c]![c]!;
      for (let j = c; j < n; j++) a[i]![j]! -= m * a[c]![j]!;
    }
  }
  return det;
}

/**
 * The loops of `~` (strongly connected sets of variables, found from the reachability matrix)
 * whose coefficients are all fixed: det(I - B) of the loop is then a constant, and zero makes the
 * model's implied covariance matrix undefined whatever the free parameters.
 */
function checkFixedLoops(rows: readonly UserRow[], file: string): void {
  const reg = rows.filter((r) => r.op === "~");
  const names = [...new Set(reg.flatMap((r) => [r.lhs, r.rhs]))];
  const n = names.length;
  const at = new Map(names.map((v, i) => [v, i]));
  const reach = names.map(() => new Array<boolean>(n).fill(false));
  for (const r of reg) reach[at.get(r.lhs)!]![at.get(r.rhs)!] = true;
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (reach[i]![k] && reach[k]![j]) reach[i]![j] = true;
  const done = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (done.has(i)) continue;
    const scc = names.map((_, j) => j).filter((j) => j === i || (reach[i]![j] && reach[j]![i]));
    scc.forEach((j) => done.add(j));
    if (scc.length < 2) continue;
    const inside = reg.filter((r) => scc.includes(at.get(r.lhs)!) && scc.includes(at.get(r.rhs)!));
    if (inside.some((r) => fixedValue(r) === undefined)) continue;
    const b = scc.map(() => new Array<number>(scc.length).fill(0));
    for (const r of inside) b[scc.indexOf(at.get(r.lhs)!)]![scc.indexOf(at.get(r.rhs)!)] = fixedValue(r)!;
    if (Math.abs(detIminusB(b)) > 1e-12) continue;
    const last = inside[inside.length - 1]!;
    const listed = inside.map((r) => `'${r.lhs} ~ ${fixedValue(r)}*${r.rhs}' on line ${r.line}`).join(", ");
    throw new InputError(
      "E_MODEL",
      `${where(file, last)}: the fixed coefficients of a feedback loop (${listed}) make (I - B) singular: ` +
        "no covariance matrix follows from the model; free or change one of them",
    );
  }
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
