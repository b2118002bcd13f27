/**
 * Sample statistics of ordinal (and mixed) data as lavaan 0.6.14 computes them for its WLS family:
 * thresholds and means, variances, polychoric / polyserial / Pearson correlations, and their
 * asymptotic covariance Gamma (Muthén 1984), per group; see group.ts for the method.
 *
 * Categories are the distinct values observed in the rows used (over all groups), in ascending
 * order, as lavaan's ordered(): category k of an item is its k-th smallest value.
 * Missing data: "listwise" uses the rows complete on every variable; "pairwise" (lavaan's
 * missing = "pairwise" for categorical data) uses every row observing at least one variable,
 * thresholds, means and variances from each variable's own rows, each correlation from the rows
 * observing its pair, and Gamma from the same casewise scores (a score is 0 where its variables are
 * missing); N is then the number of rows used.
 */
import { cholesky } from "../../linalg/dense.js";
import { InputError, warning, type Warning } from "../../messages.js";
import type { OrdinalGroupStats, OrdinalStats, OrdinalVariable } from "../types.js";
import { MAX_CATEGORIES, OrdinalInputError } from "./errors.js";
import { groupStatistics, type GroupResult, type GroupVariable } from "./group.js";
import { continuousMargin, orderedMargin } from "./margins.js";

export interface OrdinalStatsOptions {
  readonly missing: "listwise" | "pairwise";
  /** per group, its name in messages (default: 1, 2, ...) */
  readonly groupLabels?: readonly string[];
  /** per group, the row number shown in messages for each row (default: its position, from 1) */
  readonly rowNumbers?: readonly ArrayLike<number>[];
  /** the data's name in messages (e.g. the file) */
  readonly source?: string;
}

export interface OrdinalVariableSpec {
  readonly name: string;
  readonly ordered: boolean;
}

/** data[g][v]: group g's column of variable v (NaN missing). */
export type OrdinalData = readonly (readonly ArrayLike<number>[])[];

function rowsUsed(columns: readonly ArrayLike<number>[], missing: "listwise" | "pairwise"): Int32Array {
  const len = columns[0]?.length ?? 0;
  const out: number[] = [];
  for (let i = 0; i < len; i++) {
    let observed = 0;
    for (const col of columns) if (!Number.isNaN(col[i]!)) observed++;
    if (missing === "listwise" ? observed === columns.length : observed > 0) out.push(i);
  }
  return Int32Array.from(out);
}

const prefix = (options: OrdinalStatsOptions) => (options.source === undefined ? "" : `${options.source}: `);
const groupName = (options: OrdinalStatsOptions, g: number, ngroups: number) =>
  ngroups === 1 ? "" : ` in group ${options.groupLabels?.[g] ?? String(g + 1)}`;

/** The sorted distinct values of an ordered item over the rows used; whole numbers checked. */
function levelsOf(
  data: OrdinalData,
  v: number,
  name: string,
  rows: readonly Int32Array[],
  options: OrdinalStatsOptions,
) {
  const seen = new Set<number>();
  data.forEach((columns, g) => {
    const col = columns[v]!;
    for (const i of rows[g]!) {
      const x = col[i]!;
      if (Number.isNaN(x)) continue;
      if (!Number.isInteger(x)) {
        const row = options.rowNumbers?.[g]?.[i] ?? i + 1;
        throw new OrdinalInputError(
          "E_ORDINAL_VALUE",
          `${prefix(options)}row ${row}, column '${name}': ${x} is not a whole number ` +
            `(an ordered item holds category codes; recode it, or do not declare it ordered)`,
        );
      }
      seen.add(x);
    }
  });
  const levels = [...seen].sort((a, b) => a - b);
  if (levels.length === 1) {
    throw new OrdinalInputError(
      "E_ORDINAL_CATEGORIES",
      `${prefix(options)}ordered item '${name}' has a single observed category (${levels[0]}): ` +
        `it carries no information; drop it from the model`,
    );
  }
  if (levels.length > MAX_CATEGORIES) {
    throw new OrdinalInputError(
      "E_ORDINAL_CATEGORIES",
      `${prefix(options)}ordered item '${name}' has ${levels.length} distinct values, more than ` +
        `${MAX_CATEGORIES} categories: treat it as continuous (leave it out of the ordered items)`,
    );
  }
  return levels;
}

/**
 * The category of each row used (-1 where missing): the position of its value among the sorted
 * levels (every observed value is one of them), by binary search.
 */
function categoryCodes(col: ArrayLike<number>, rows: Int32Array, levels: readonly number[]): Int32Array {
  const codes = new Int32Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const x = col[rows[r]!]!;
    if (Number.isNaN(x)) {
      codes[r] = -1;
      continue;
    }
    let lo = 0;
    let hi = levels.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (levels[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    codes[r] = lo;
  }
  return codes;
}

/** One group's variables: codes (checked for empty categories) or values. */
function groupVariables(
  data: OrdinalData,
  g: number,
  rows: Int32Array,
  vars: readonly OrdinalVariable[],
  options: OrdinalStatsOptions,
): GroupVariable[] {
  const ng = data.length;
  return vars.map((v, k) => {
    const col = data[g]![k]!;
    if (v.ordered) {
      const codes = categoryCodes(col, rows, v.levels);
      const seen = new Uint8Array(v.levels.length);
      for (let r = 0; r < codes.length; r++) if (codes[r]! >= 0) seen[codes[r]!] = 1;
      const empty = v.levels.filter((_, c) => seen[c] === 0);
      if (empty.length > 0) {
        throw new OrdinalInputError(
          "E_ORDINAL_CATEGORIES",
          `${prefix(options)}ordered item '${v.name}': categor${empty.length === 1 ? "y" : "ies"} ` +
            `${empty.join(", ")} ${empty.length === 1 ? "is" : "are"} not observed${groupName(options, g, ng)} ` +
            `(observed elsewhere: ${v.levels.join(", ")}); its thresholds cannot be estimated there: ` +
            `merge the category with a neighbour`,
        );
      }
      return { margin: orderedMargin(codes, v.levels.length), codes };
    }
    const values = new Float64Array(rows.length);
    for (let r = 0; r < rows.length; r++) values[r] = col[rows[r]!]!;
    const margin = continuousMargin(values);
    if (!(margin.variance > 0)) {
      throw new InputError(
        "E_CONSTANT",
        `${prefix(options)}variable '${v.name}' has one value in every row${groupName(options, g, ng)}; ` +
          `drop it from the model`,
      );
    }
    return { margin, values };
  });
}

/** With pairwise deletion: every variable observed, and every pair observed together, in a group. */
function checkCoverage(
  columns: readonly ArrayLike<number>[],
  rows: Int32Array,
  vars: readonly OrdinalVariable[],
  where: string,
) {
  const p = vars.length;
  const seen = columns.map((col) => Uint8Array.from(rows, (i) => (Number.isNaN(col[i]!) ? 0 : 1)));
  for (let a = 0; a < p; a++) {
    if (!seen[a]!.includes(1)) {
      throw new InputError(
        "E_ALL_MISSING",
        `variable '${vars[a]!.name}' is missing in every row${where}; drop it from the model`,
      );
    }
    for (let b = 0; b < a; b++) {
      let both = 0;
      for (let i = 0; i < rows.length && both < 2; i++) both += seen[a]![i]! & seen[b]![i]!;
      if (both < 2) {
        throw new InputError(
          "E_COVERAGE",
          `'${vars[b]!.name}' and '${vars[a]!.name}' are observed together in ` +
            `${both} row${both === 1 ? "" : "s"}${where}: ` +
            `their correlation cannot be estimated; drop one of them`,
        );
      }
    }
  }
}

/** The correlation matrix of a group (cov with continuous variables standardised). */
function correlations(cov: Float64Array, p: number): Float64Array {
  const r = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) r[i * p + j] = cov[i * p + j]! / Math.sqrt(cov[i * p + i]! * cov[j * p + j]!);
  }
  return r;
}

/** W_POLYCHORIC_NOT_PD naming the (up to three) pairs with the largest absolute correlations. */
function notPositiveDefinite(res: GroupResult, vars: readonly OrdinalVariable[], where: string): Warning | null {
  const p = vars.length;
  const r = correlations(res.cov, p);
  if (p === 0 || cholesky({ n: p, a: r }) !== null) return null;
  const pairs: [number, number, number][] = [];
  for (let i = 1; i < p; i++) for (let j = 0; j < i; j++) pairs.push([j, i, r[i * p + j]!]);
  pairs.sort((a, b) => Math.abs(b[2]) - Math.abs(a[2]));
  const worst = pairs
    .slice(0, 3)
    .map(([a, b, x]) => `${vars[a]!.name} ~ ${vars[b]!.name} ${x.toFixed(3)}`)
    .join(", ");
  return warning(
    "W_POLYCHORIC_NOT_PD",
    `the matrix of polychoric correlations${where} is not positive definite (the correlations were ` +
      `estimated pair by pair); the most extreme pairs: ${worst}`,
  );
}

function groupNotes(res: GroupResult, vars: readonly OrdinalVariable[], where: string): string[] {
  const notes: string[] = [];
  const p = vars.length;
  for (const { i, j, result } of res.pairs) {
    const pair = `${vars[j]!.name} x ${vars[i]!.name}${where}`;
    if (result.degenerate) notes.push(`${pair}: two empty cells in the 2 x 2 table; correlation set to ${result.rho}`);
    else if (result.zeroAdded)
      notes.push(`${pair}: an empty cell in the 2 x 2 table; 0.5 added to it (lavaan's zero.add)`);
  }
  for (let i = 1; i < p; i++) {
    for (let j = 0; j < i; j++) {
      const r = res.cov[i * p + j]! / Math.sqrt(res.cov[i * p + i]! * res.cov[j * p + j]!);
      if (Math.abs(r) > 0.99)
        notes.push(`correlation between ${vars[i]!.name} and ${vars[j]!.name}${where} is ${r.toFixed(4)}`);
    }
  }
  return notes;
}

/** A group's statistics with the lazily formed Gamma and influence matrix (kept once formed). */
function groupStats(res: GroupResult, vars: readonly OrdinalVariable[], rows: Int32Array): OrdinalGroupStats {
  let gamma: Float64Array | undefined;
  let influence: Float64Array | undefined;
  return {
    nobs: res.n,
    vars,
    th: res.th,
    thVar: res.thVar,
    thNumber: res.thNumber,
    cov: res.cov,
    wlsObs: res.wlsObs,
    gammaDiag: res.gammaDiag,
    rows,
    get gamma() {
      return (gamma ??= res.gamma());
    },
    get influence() {
      return (influence ??= res.influence());
    },
  };
}

export function ordinalStats(
  data: OrdinalData,
  specs: readonly OrdinalVariableSpec[],
  options: OrdinalStatsOptions,
): OrdinalStats {
  const rows = data.map((columns) => rowsUsed(columns, options.missing));
  rows.forEach((r, g) => {
    if (r.length < 2) {
      throw new InputError(
        "E_TOO_FEW_ROWS",
        `${prefix(options)}${r.length} usable row${r.length === 1 ? "" : "s"}${groupName(options, g, data.length)}: ` +
          `sample statistics need at least 2`,
      );
    }
  });
  const vars: OrdinalVariable[] = specs.map((s, v) => ({
    name: s.name,
    ordered: s.ordered,
    levels: s.ordered ? levelsOf(data, v, s.name, rows, options) : [],
  }));
  const notes: string[] = [];
  const warnings: Warning[] = [];
  const groups = data.map((columns, g) => {
    if (options.missing === "pairwise") checkCoverage(columns, rows[g]!, vars, groupName(options, g, data.length));
    const gv = groupVariables(data, g, rows[g]!, vars, options);
    const res = groupStatistics(gv, rows[g]!.length);
    const where = groupName(options, g, data.length);
    notes.push(...groupNotes(res, vars, where));
    const w = notPositiveDefinite(res, vars, where);
    if (w !== null) warnings.push(w);
    return groupStats(res, vars, rows[g]!);
  });
  return { groups, notes, warnings };
}

export type { OrdinalGroupStats, OrdinalStats, OrdinalVariable } from "../types.js";
