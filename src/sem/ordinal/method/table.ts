/**
 * The parameter table of a model with ordered indicators, as lavaan 0.6.14 builds it
 * (lav_partable_full / lav_partable_add for categorical data, lavaan's defaults of cfa()/sem()):
 * - thresholds `x | t1`, `x | t2`, ... (K − 1 for K categories), free, placed after the rows
 *   of the model text;
 * - intercepts of ordered items fixed at 0 (the thresholds take their place);
 * - delta parameterization: residual variances of ordered items are not free, 1 − the explained
 *   variance of y* (computed at each θ, reported with se 0); scale factors `x ~*~ x` fixed at 1;
 * - theta parameterization: residual variances fixed at 1, the scales derived (1/sd of y*).
 * Free parameters are renumbered in row order; rows that shared a θ entry still share one.
 */
import type { ParameterTable, ParRow } from "../../partable/types.js";

/** What the table needs to know of the data: which observed variables are ordered, with how many thresholds. */
export interface OrdinalVarInfo {
  /** per observed variable (table.vars.ov order): its number of thresholds, 0 for a continuous variable */
  readonly nth: readonly number[];
}

/** A user's threshold or scale row from the model text, keyed `x|t1` / `x~*~x` (fixed value and label per group). */
export interface UserOrdinalRow {
  readonly fixed?: readonly (number | null)[];
  readonly label?: readonly (string | null)[];
}

export interface OrdinalTableOptions {
  readonly parameterization: "delta" | "theta";
  readonly user?: ReadonlyMap<string, UserOrdinalRow>;
  /** thresholds equal across groups (group.equal "thresholds") */
  readonly equalThresholds?: boolean;
  /** latent means equal across groups (group.equal "means") */
  readonly equalMeans?: boolean;
  /** group.partial: thresholds ("x3|t1") left free across groups */
  readonly partial?: ReadonlySet<string>;
}

export function ordinalTable(table: ParameterTable, info: OrdinalVarInfo, o: OrdinalTableOptions): ParameterTable {
  const ov = table.vars.ov;
  const ordered = new Set(ov.filter((_, i) => info.nth[i]! > 0));
  const base = table.rows.map((r) => ({ ...r }));
  const structural = base.filter((r) => r.op !== ":=" && r.op !== "==");
  const tail = base.filter((r) => r.op === ":=" || r.op === "==");
  for (const r of structural) {
    if (!ordered.has(r.lhs)) continue;
    if (r.op === "~1") fix(r, 0);
    if (r.op === "~~" && r.lhs === r.rhs) fix(r, 1);
  }
  const firstDefault = structural.findIndex((r) => !r.user);
  const at = firstDefault < 0 ? structural.length : firstDefault;
  const thresholds: ParRow[] = [];
  const scales: ParRow[] = [];
  for (let g = 1; g <= table.ngroups; g++) {
    ov.forEach((v, i) => {
      for (let k = 1; k <= info.nth[i]!; k++) thresholds.push(newRow(v, "|", `t${k}`, g, o, table.ngroups));
    });
    for (const v of ov) if (ordered.has(v)) scales.push(scaleRow(v, g, o, table.ngroups));
  }
  if (o.equalThresholds && table.ngroups > 1) {
    equalAcrossGroups(thresholds, o.partial);
    freeInLaterGroups([...structural, ...scales], new Set(table.vars.lv), ordered, o);
  }
  const head = [...structural.slice(0, at), ...thresholds, ...structural.slice(at)];
  const firstMean = head.findIndex((r) => r.op === "~1" && !r.user);
  const rows = [
    ...(firstMean < 0 ? head : head.slice(0, firstMean)),
    ...scales,
    ...(firstMean < 0 ? [] : head.slice(firstMean)),
    ...tail,
  ];
  rows.forEach((r, k) => ((r as { id: number }).id = k + 1));
  // group.equal labels as lavaan's: `.pN.` with N the id of the group-1 row in this table; the
  // labels the model's table gave (`.pN.` by its own row numbers) are renumbered too, else a
  // threshold's label could meet another parameter's (e.g. a latent variance's) and tie them
  const firstId = new Map<string, number>();
  for (const r of rows) if (r.group === 1) firstId.set(`${r.lhs}${r.op}${r.rhs}`, r.id);
  for (const r of rows) {
    if (!(r.label.startsWith(".th.") || /^\.p\d+\.$/.test(r.label))) continue;
    const id = firstId.get(`${r.lhs}${r.op}${r.rhs}`);
    if (id !== undefined) r.label = `.p${id}.`;
  }
  return { ...table, rows, nfree: renumber(rows) };
}

/**
 * Thresholds equal across groups identify the y* scales and the latent means of groups > 1
 * (lavaan's lav_partable_flat for categorical data): there the scales `~*~` (delta) or the
 * ordered items' residual variances (theta) are free, and so are the latent means (unless the
 * means are held equal, or the model text fixes them).
 */
function freeInLaterGroups(rows: ParRow[], lv: Set<string>, ordered: Set<string>, o: OrdinalTableOptions): void {
  for (const r of rows) {
    if (r.group < 2 || r.user) continue;
    const scale = o.parameterization === "delta" ? r.op === "~*~" : r.op === "~~" && r.lhs === r.rhs;
    // theta: a residual variance held equal (group.equal "residuals", labelled `.pN.`) stays at group 1's 1
    const heldEqual = o.parameterization === "theta" && r.label.startsWith(".p");
    if (scale && ordered.has(r.lhs) && !heldEqual) {
      r.free = -1;
      r.value = 1;
    }
    if (r.op === "~1" && lv.has(r.lhs) && !o.equalMeans && r.free === 0) r.free = -1;
  }
}

function fix(r: ParRow, value: number): void {
  r.free = 0;
  r.value = value;
  r.userStart = false;
}

function fixedRow(lhs: string, op: ParRow["op"], rhs: string, group: number, value: number): ParRow {
  return { id: 0, lhs, op, rhs, group, user: false, free: 0, value, label: "", exo: false, userStart: false };
}

/** A scale row: fixed at 1 unless the model text frees (NA*) or labels it. */
function scaleRow(v: string, g: number, o: OrdinalTableOptions, G: number): ParRow {
  const u = o.user?.get(`${v}~*~${v}`);
  if (u === undefined) return fixedRow(v, "~*~", v, g, 1);
  const row = newRow(v, "~*~", v, g, o, G);
  if (row.free !== 0 && u.fixed === undefined && u.label === undefined) fix(row, 1);
  if (row.free !== 0) row.value = 1;
  return row;
}

/** A threshold row: free unless the model text fixes it; its label from the model text. */
function newRow(lhs: string, op: ParRow["op"], rhs: string, g: number, o: OrdinalTableOptions, G: number): ParRow {
  const u = o.user?.get(`${lhs}${op}${rhs}`);
  const pick = <T>(v: readonly (T | null)[] | undefined): T | null | undefined =>
    v === undefined ? undefined : v.length === 1 ? v[0] : v.length === G ? v[g - 1] : undefined;
  const fixed = pick(u?.fixed);
  const label = pick(u?.label) ?? "";
  const row: ParRow = { ...fixedRow(lhs, op, rhs, g, NaN), user: u !== undefined, label };
  if (typeof fixed === "number") row.value = fixed;
  else row.free = -1;
  return row;
}

/** group.equal thresholds: each threshold of groups > 1 takes group 1's label (lavaan's `.pN.`). */
function equalAcrossGroups(rows: ParRow[], partial: ReadonlySet<string> | undefined): void {
  const first = new Map<string, ParRow>();
  for (const r of rows) {
    const key = `${r.lhs}|${r.rhs}`;
    if (partial?.has(key)) continue;
    const f = first.get(key);
    if (f === undefined) {
      first.set(key, r);
      continue;
    }
    if (r.free === 0 || f.free === 0) continue;
    if (f.label === "") f.label = `.th.${r.lhs}.${r.rhs}.`;
    if (r.label === "") r.label = f.label;
  }
}

/**
 * Free indices in row order: rows free before keep sharing their θ entry (equal labels,
 * group.equal), new free rows (-1) share by label, else get their own.
 */
function renumber(rows: ParRow[]): number {
  const old = new Map<number, number>();
  const byLabel = new Map<string, number>();
  let n = 0;
  for (const r of rows) {
    if (r.free === 0 || r.op === ":=" || r.op === "==") continue;
    const was = r.free;
    const k = (was > 0 ? old.get(was) : undefined) ?? (r.label !== "" ? byLabel.get(r.label) : undefined);
    r.free = k ?? ++n;
    if (was > 0) old.set(was, r.free);
    if (r.label !== "") byLabel.set(r.label, r.free);
  }
  return n;
}
