/**
 * A feedback loop whose coefficients are all fixed so that (I - B) is singular, e.g.
 * `y1 ~ 1*y2` with `y2 ~ 1*y1`, or `f =~ x1 + x2 + 1*g` with `f ~ 1*g`: the model-implied
 * covariance matrix, (I - B)^-1 Psi (I - B)^-T in LISREL notation, exists for no value of the
 * free parameters. A loop that is singular only at the start values (`f =~ x1 + x2 + g` with
 * `f ~ 1*g`: the free loading starts at 1) cannot start the estimation. lavaan 0.6.14 fails on
 * both ("Model estimation FAILED", then a singular-system error). Refused with one line naming
 * the elements of the loop and their lines.
 *
 * B holds the regressions (`y ~ x`: B[y][x]) and the loadings of factors on factors
 * (`f =~ g`, g latent: B[g][f]), with the values the parameter table fixes (a default first
 * loading of 1 included) and the start values of the free ones. A loop is a strongly connected
 * set of variables of B; det(I - B) is the product of the loops' determinants, so one loop with
 * a zero determinant makes the whole (I - B) singular.
 */
import { InputError } from "../messages.js";
import type { UserRow } from "./flatten.js";
import type { ParRow } from "./types.js";

interface Edge {
  dep: string;
  cause: string;
  /** the fixed value, or the start value of a free coefficient */
  value: number;
  fixed: boolean;
  row: ParRow;
}

/**
 * Where the estimation starts a coefficient of B: its fixed value, the user's start(), else
 * lavaan's simple start (lav_start, the one start.ts follows): loadings of factors on factors 1,
 * regressions 0.
 */
function startValue(r: ParRow): number {
  if (r.free === 0 || r.userStart) return r.value;
  return r.op === "=~" ? 1 : 0;
}

/** det(I - B) of a small square matrix by Gaussian elimination with partial pivoting. */
export function detIminusB(b: readonly (readonly number[])[]): number {
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

/** The sets of variables that reach each other along B's edges (from the reachability matrix). */
function loops(edges: readonly Edge[]): string[][] {
  const names = [...new Set(edges.flatMap((e) => [e.dep, e.cause]))];
  const n = names.length;
  const at = new Map(names.map((v, i) => [v, i]));
  const reach = names.map(() => new Array<boolean>(n).fill(false));
  for (const e of edges) reach[at.get(e.dep)!]![at.get(e.cause)!] = true;
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (reach[i]![k] && reach[k]![j]) reach[i]![j] = true;
  const done = new Set<number>();
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    if (done.has(i)) continue;
    const set = names.map((_, j) => j).filter((j) => j === i || (reach[i]![j] && reach[j]![i]));
    set.forEach((j) => done.add(j));
    if (set.length > 1) out.push(set.map((j) => names[j]!));
  }
  return out;
}

/** `f =~ 1*g`, `y ~ start(0)*x`: an element of B with its value (fixed) or start value (free). */
function elementText(e: Edge): string {
  return `${e.row.lhs} ${e.row.op} ${e.fixed ? "" : "start("}${e.value}${e.fixed ? "" : ")"}*${e.row.rhs}`;
}

/** Throws on a loop of B with fixed coefficients and det(I - B) = 0, in any group. */
export function checkSingularLoops(
  rows: readonly ParRow[],
  userRows: readonly UserRow[],
  lv: ReadonlySet<string>,
  file: string,
  groupLabels: readonly string[],
): void {
  const lineOf = new Map(userRows.map((u) => [`${u.lhs} ${u.op} ${u.rhs}`, u]));
  groupLabels.forEach((label, g) => {
    const edges: Edge[] = rows
      .filter((r) => r.group === g + 1 && (r.op === "~" || (r.op === "=~" && lv.has(r.rhs))))
      .map((r) => ({
        dep: r.op === "~" ? r.lhs : r.rhs,
        cause: r.op === "~" ? r.rhs : r.lhs,
        value: startValue(r),
        fixed: r.free === 0,
        row: r,
      }));
    for (const set of loops(edges)) {
      const inside = edges.filter((e) => set.includes(e.dep) && set.includes(e.cause));
      const b = set.map(() => new Array<number>(set.length).fill(0));
      for (const e of inside) b[set.indexOf(e.dep)]![set.indexOf(e.cause)] = e.value;
      if (Math.abs(detIminusB(b)) > 1e-12) continue;
      const located = inside.map((e) => ({ e, u: lineOf.get(`${e.row.lhs} ${e.row.op} ${e.row.rhs}`) }));
      const last = located[located.length - 1]!;
      const listed = located.map(({ e, u }) => `'${elementText(e)}'${u ? ` on line ${u.line}` : ""}`).join(", ");
      const at = last.u ? `${file}:${last.u.line}:${last.u.term.column}` : file;
      const group = groupLabels.length > 1 ? ` in group ${label}` : "";
      const allFixed = inside.every((e) => e.fixed);
      const msg = allFixed
        ? `${at}: the fixed coefficients of a feedback loop (${listed}) make (I - B) singular${group}: ` +
          "no covariance matrix follows from the model; free or change one of them"
        : `${at}: the feedback loop (${listed}) makes (I - B) singular at the start values${group} ` +
          "(free loadings of factors on factors start at 1, free regressions at 0), so the estimation " +
          "cannot start; give a free coefficient of the loop a start value, e.g. start(0.5)*name";
      throw new InputError("E_MODEL", msg);
    }
  });
}
