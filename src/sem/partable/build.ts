/**
 * Builds the parameter table from a parsed model, following lavaan's cfa()/sem()/growth()
 * defaults (lavaanify, lavaan 0.6.14):
 * - the first loading of each factor is fixed to 1, or with std.lv every latent (residual)
 *   variance is fixed to 1;
 * - residual variances of every observed (non-exogenous) and latent variable are free;
 * - covariances among exogenous latents, and among final dependent variables (auto.cov.y), free;
 * - fixed.x: variances, covariances (and means) of exogenous observed covariates are fixed
 *   at their sample values (filled in by the start-value step);
 * - with a mean structure, observed intercepts free and latent intercepts fixed to 0
 *   (growth(): the other way round); multiple groups imply a mean structure;
 * - group.equal gives the rows of the chosen kinds a shared `.pN.` label across groups; when
 *   intercepts are equal the latent means of groups 2.. are freed, and with std.lv and equal
 *   loadings the latent variances of groups 2.. are freed; group.partial names parameters
 *   (lavaan's "lhs op rhs" without spaces: "x3~1", "visual=~x2") left out of these constraints.
 */
import { checkDefinitions } from "../inference/defined.js";
import { InputError } from "../messages.js";
import type { ModelSyntax } from "../syntax/index.js";
import { flatten, type FlatConstraint, type FlatDefinition } from "./flatten.js";
import { checkLatentNames } from "./loops.js";
import { checkSingularLoops } from "./singular.js";
import type { GroupEqual, ModelOptions, ParameterTable, ParOp, ParRow } from "./types.js";
import { variableSets, type FlatRow } from "./vnames.js";

interface Draft {
  lhs: string;
  op: ParOp;
  rhs: string;
  group: number;
  user: boolean;
  fixed: number | null | undefined; // number: fixed; null: explicitly free (NA); undefined: default
  label: string;
  start: number | undefined;
  exo: boolean;
}

function pick<T>(values: readonly T[] | undefined, g: number, ngroups: number, where: string): T | undefined {
  if (values === undefined) return undefined;
  if (values.length === 1) return values[0];
  if (values.length === ngroups) return values[g - 1];
  throw new InputError(
    "E_MODEL",
    `${where}: a modifier has ${values.length} values but the data have ${ngroups} group(s)`,
  );
}

function defaultRows(vars: ReturnType<typeof variableSets>, opts: ModelOptions): FlatRow[] {
  const out: FlatRow[] = [];
  // the covariates' (co)variances: fixed at their sample values under fixed.x, free otherwise
  // (lavaan lists the same block, in the same place, either way)
  const ovx = vars.ovX;
  const ovNox = vars.ov.filter((v) => !ovx.includes(v));
  for (const v of [...ovNox, ...vars.lv]) out.push({ lhs: v, op: "~~", rhs: v });
  for (let i = 0; i < vars.lvX.length; i++)
    for (let j = i + 1; j < vars.lvX.length; j++) out.push({ lhs: vars.lvX[i]!, op: "~~", rhs: vars.lvX[j]! });
  const ys = [...vars.lvY, ...vars.ovY];
  for (let i = 0; i < ys.length; i++)
    for (let j = i + 1; j < ys.length; j++) out.push({ lhs: ys[i]!, op: "~~", rhs: ys[j]! });
  for (let j = 0; j < ovx.length; j++)
    for (let i = j; i < ovx.length; i++) out.push({ lhs: ovx[j]!, op: "~~", rhs: ovx[i]! });
  if (opts.meanstructure) for (const v of [...vars.ov, ...vars.lv]) out.push({ lhs: v, op: "~1", rhs: "" });
  return out;
}

/** Does a row belong to a group.equal kind? */
function equalKind(d: Draft, lv: Set<string>, kinds: readonly GroupEqual[]): boolean {
  const has = (k: GroupEqual): boolean => kinds.includes(k);
  if (d.exo) return false;
  switch (d.op) {
    case "=~":
      return has("loadings");
    case "~":
      return has("regressions");
    case "~1":
      return lv.has(d.lhs) ? has("means") : has("intercepts");
    case "~~": {
      const latent = lv.has(d.lhs) && lv.has(d.rhs);
      const observed = !lv.has(d.lhs) && !lv.has(d.rhs);
      if (d.lhs === d.rhs) return latent ? has("lv.variances") : observed && has("residuals");
      return latent ? has("lv.covariances") : observed && has("residual.covariances");
    }
    default:
      return false;
  }
}

export interface BuildInput {
  syntax: ModelSyntax;
  options: ModelOptions;
  groupLabels: string[];
}

export function buildParameterTable(input: BuildInput): ParameterTable {
  const { syntax, options: opts, groupLabels } = input;
  const G = groupLabels.length;
  const { rows: userRows, defs, cons, warnings } = flatten(syntax);
  const vars = variableSets(userRows);
  const lvSet = new Set(vars.lv);
  const exoSet = new Set(opts.fixedX ? vars.ovX : []);
  const defaults = defaultRows(vars, opts);
  const userKeys = new Set(userRows.flatMap((r) => [`${r.lhs} ${r.op} ${r.rhs}`, `${r.rhs} ${r.op} ${r.lhs}`]));
  const drafts: Draft[] = [];
  for (let g = 1; g <= G; g++) {
    for (const r of userRows) {
      const where = `${syntax.file}:${r.line}`;
      drafts.push({
        lhs: r.lhs,
        op: r.op,
        rhs: r.rhs,
        group: g,
        user: true,
        fixed: pick(r.term.fixed, g, G, where),
        label: pick(r.term.label, g, G, where) ?? "",
        start: pick(r.term.start, g, G, where) ?? undefined,
        exo: false,
      });
    }
    for (const r of defaults) {
      if (userKeys.has(`${r.lhs} ${r.op} ${r.rhs}`)) continue;
      const exo = (r.op === "~~" && exoSet.has(r.lhs) && exoSet.has(r.rhs)) || (r.op === "~1" && exoSet.has(r.lhs));
      drafts.push({
        lhs: r.lhs,
        op: r.op,
        rhs: r.rhs,
        group: g,
        user: false,
        fixed: undefined,
        label: "",
        start: undefined,
        exo,
      });
    }
  }
  applyDefaults(drafts, vars, opts);
  applyGroupEqual(drafts, lvSet, opts, G);
  const rows = drafts.map((d, i) => toRow(d, i + 1));
  checkDefined(defs, rows, syntax.file);
  for (const d of defs) rows.push(mkRow(rows.length + 1, d.name, ":=", d.expr, d.name));
  const nfree = numberFree(rows, cons, syntax.file);
  checkSingularLoops(rows, userRows, lvSet, syntax.file, groupLabels);
  for (const c of cons) rows.push(mkRow(rows.length + 1, c.lhs, "==", c.rhs, ""));
  return { rows, ngroups: G, groupLabels, vars, nfree, options: opts, warnings };
}

/**
 * The definitions against the labels of the parameters (including group.equal's `.pN.`): an
 * unknown name, a name that already labels a parameter, self-reference or a cycle is an
 * InputError naming the model line (checked here, before any data are fitted).
 */
function checkDefined(defs: FlatDefinition[], rows: ParRow[], file: string): void {
  if (defs.length === 0) return;
  const labels = new Set(rows.filter((r) => r.label !== "").map((r) => r.label));
  checkDefinitions(
    defs.map((d) => ({ name: d.name, expression: d.expr, where: `${file}:${d.line}` })),
    labels,
  );
}

function mkRow(id: number, lhs: string, op: ParOp, rhs: string, label: string): ParRow {
  return { id, lhs, op, rhs, group: 0, user: true, free: 0, value: NaN, label, exo: false, userStart: false };
}

function applyDefaults(drafts: Draft[], vars: ReturnType<typeof variableSets>, opts: ModelOptions): void {
  const lvSet = new Set(vars.lv);
  const firstDone = new Set<string>();
  const indicatorCount = new Map<string, string[]>();
  for (const d of drafts)
    if (d.op === "=~" && d.group === 1) indicatorCount.set(d.lhs, [...(indicatorCount.get(d.lhs) ?? []), d.rhs]);
  for (const d of drafts) {
    const key = `${d.group}:${d.lhs}`;
    if (d.op === "=~" && !firstDone.has(key)) {
      firstDone.add(key);
      if (!opts.stdLv && d.fixed === undefined) d.fixed = 1;
    }
    if (d.op === "~~" && d.lhs === d.rhs && lvSet.has(d.lhs) && opts.stdLv && d.fixed === undefined) d.fixed = 1;
    if (d.op === "~1" && d.fixed === undefined && !d.exo && !d.user) {
      const latent = lvSet.has(d.lhs);
      if (opts.growth ? !latent : latent) d.fixed = 0;
    }
    if (d.op === "~~" && d.lhs === d.rhs && !d.user && !lvSet.has(d.lhs)) {
      // a single observed indicator measures its factor without error (lavaan's auto.fix.single)
      for (const [lv, inds] of indicatorCount)
        if (inds.length === 1 && inds[0] === d.lhs && !lvSet.has(d.lhs) && lv !== d.lhs) d.fixed = 0;
    }
  }
}

function applyGroupEqual(drafts: Draft[], lvSet: Set<string>, opts: ModelOptions, G: number): void {
  if (G < 2) return;
  const kinds = opts.groupEqual;
  const partial = new Set((opts.groupPartial ?? []).map((p) => p.replace(/\s+/g, "")));
  const firstOf = new Map<string, number>();
  drafts.forEach((d, i) => {
    if (d.group === 1) firstOf.set(`${d.lhs} ${d.op} ${d.rhs}`, i);
  });
  for (const d of drafts) {
    if (d.group === 1 || !equalKind(d, lvSet, kinds) || partial.has(`${d.lhs}${d.op}${d.rhs}`)) continue;
    if (d.fixed !== undefined && d.fixed !== null) continue;
    const i1 = firstOf.get(`${d.lhs} ${d.op} ${d.rhs}`);
    if (i1 === undefined) continue;
    const d1 = drafts[i1]!;
    if (d1.fixed !== undefined && d1.fixed !== null) continue;
    if (d1.label === "") d1.label = `.p${i1 + 1}.`;
    if (d.label === "") d.label = d1.label;
  }
  const freeMeans = kinds.includes("intercepts") && !kinds.includes("means");
  const freeVars = opts.stdLv && kinds.includes("loadings") && !kinds.includes("lv.variances");
  for (const d of drafts) {
    if (d.group === 1 || d.user || !lvSet.has(d.lhs)) continue;
    if (freeMeans && d.op === "~1") d.fixed = null;
    if (freeVars && d.op === "~~" && d.lhs === d.rhs) d.fixed = null;
  }
}

function toRow(d: Draft, id: number): ParRow {
  const isFixed = typeof d.fixed === "number" || d.exo;
  const value = typeof d.fixed === "number" ? d.fixed : (d.start ?? NaN);
  return {
    id,
    lhs: d.lhs,
    op: d.op,
    rhs: d.rhs,
    group: d.group,
    user: d.user,
    free: isFixed ? 0 : -1,
    value,
    label: d.label,
    exo: d.exo,
    userStart: !isFixed && d.start !== undefined,
  };
}

/** Numbers the free parameters; rows sharing a label (or tied by `a == b`) share one θ index. */
function numberFree(rows: ParRow[], cons: FlatConstraint[], file: string): number {
  const alias = new Map<string, string>();
  const root = (l: string): string => {
    let r = l;
    while (alias.has(r)) r = alias.get(r)!;
    return r;
  };
  const labels = new Set(rows.filter((r) => r.label !== "" && r.op !== ":=").map((r) => r.label));
  for (const c of cons) {
    const num = Number(c.rhs);
    if (labels.has(c.lhs) && labels.has(c.rhs)) {
      const a = root(c.lhs),
        b = root(c.rhs);
      if (a !== b) alias.set(b, a);
    } else if (labels.has(c.lhs) && c.rhs !== "" && Number.isFinite(num)) {
      for (const r of rows)
        if (r.label === c.lhs) {
          r.free = 0;
          r.value = num;
        }
    } else {
      throw new InputError(
        "E_MODEL",
        `${file}:${c.line}: constraint '${c.lhs} == ${c.rhs}' is not supported: ` +
          "write label == label or label == number, with labels of the model",
      );
    }
  }
  const byLabel = new Map<string, number>();
  let n = 0;
  for (const r of rows) {
    if (r.free === 0 || r.op === ":=") continue;
    if (r.label !== "") {
      const key = root(r.label);
      const k = byLabel.get(key);
      if (k !== undefined) {
        r.free = k;
        continue;
      }
      byLabel.set(key, ++n);
      r.free = n;
    } else {
      r.free = ++n;
    }
  }
  return n;
}

/** The observed variables a model uses, in lavaan's order (before any data are read). */
export function observedVariables(syntax: ModelSyntax): string[] {
  return variableSets(flatten(syntax).rows).ov;
}

/**
 * Refuses a model whose latent variables are named like columns of the data (lavaan 0.6.14:
 * "some latent variable names collide with observed variable names"): to be called once the
 * data's column names are known, before the data are read for the model's variables.
 */
export function checkLatentColumns(syntax: ModelSyntax, columns: readonly string[]): void {
  checkLatentNames(flatten(syntax).rows, columns, syntax.file);
}

/** Does the model text itself ask for intercepts (`x ~ 1`)? Then lavaan adds a mean structure. */
export function hasIntercepts(syntax: ModelSyntax): boolean {
  return syntax.statements.some((s) => s.kind === "intercept");
}
