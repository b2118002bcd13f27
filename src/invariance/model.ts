/**
 * The model of each step: the user's model and options with the step's group.equal kinds, the
 * parameters freed (lavaan's group.partial), and, for a second-order model from the scalar step
 * on, the first-order factors' intercepts held at 0 in every group (steps.ts). Also which
 * parameters a step constrains (the candidates of the partial search and of --partial LIST).
 */
import type { FitInput, FittedModel } from "../sem/fit-model.js";
import type { GroupEqual, ParRow } from "../sem/partable/types.js";
import type { InterceptStatement, ModelSyntax } from "../sem/syntax/index.js";
import type { Release } from "./score.js";
import { equalityReleases } from "./score.js";
import { holdsFactorIntercepts, stepAdds, stepKinds, type StepName } from "./steps.js";

/** The first-order factors of a second-order model: latent variables that indicate another latent. */
export function firstOrderFactors(syntax: ModelSyntax): string[] {
  const lv = new Set<string>();
  for (const s of syntax.statements) if (s.kind === "formula" && s.op === "=~") lv.add(s.lhs);
  const out: string[] = [];
  for (const s of syntax.statements)
    if (s.kind === "formula" && s.op === "=~")
      for (const t of s.terms) if (lv.has(t.name) && !out.includes(t.name)) out.push(t.name);
  return out;
}

/** The first-order factors whose intercepts the steps hold (those the model text leaves to the defaults). */
export function heldFactorIntercepts(syntax: ModelSyntax): string[] {
  const written = new Set(syntax.statements.filter((s) => s.kind === "intercept").map((s) => s.lhs));
  return firstOrderFactors(syntax).filter((f) => !written.has(f));
}

/** Are some indicators ordered (lavaan's `ordered`)? Their thresholds join the scalar step. */
export function isOrdinal(base: FitInput): boolean {
  const o = base.options?.ordered;
  return o === true || (Array.isArray(o) && o.length > 0);
}

/** The fit input of a step with `freed` parameters (lavaan's label form, "x3~1"); `ngroups` from the data. */
export function stepInput(
  base: FitInput,
  step: StepName,
  freed: readonly string[],
  ngroups: number,
  extra: readonly GroupEqual[] = [],
): FitInput {
  const held = holdsFactorIntercepts(step) ? heldFactorIntercepts(base.syntax) : [];
  const statements = [...base.syntax.statements];
  for (const f of held) {
    const where = statements.find((s) => s.kind === "formula" && s.op === "=~" && s.terms.some((t) => t.name === f))!;
    const fixed = freed.includes(`${f}~1`) ? [0, ...Array<null>(ngroups - 1).fill(null)] : [0];
    const st: InterceptStatement = {
      kind: "intercept",
      lhs: f,
      op: "~1",
      term: { name: "", fixed, line: where.line, column: where.column },
      line: where.line,
      column: where.column,
    };
    statements.push(st);
  }
  const partial = freed.filter((k) => !held.some((f) => k === `${f}~1`));
  return {
    ...base,
    syntax: { ...base.syntax, statements },
    options: { ...base.options, groupEqual: [...stepKinds(step, isOrdinal(base)), ...extra], groupPartial: partial },
  };
}

/** lavaan's group.equal kind of a parameter-table row (lav_partable_labels), or null. */
export function kindOf(r: ParRow, lv: ReadonlySet<string>): GroupEqual | null {
  switch (r.op) {
    case "=~":
      return "loadings";
    case "~":
      return "regressions";
    case "~1":
      return lv.has(r.lhs) ? "means" : "intercepts";
    case "|":
      return "thresholds";
    case "~~": {
      const latent = lv.has(r.lhs) && lv.has(r.rhs);
      if (r.lhs === r.rhs) return latent ? "lv.variances" : "residuals";
      return latent ? "lv.covariances" : "residual.covariances";
    }
    default:
      return null;
  }
}

/** "x3~1", "visual=~x2", "x3|t1": lavaan's label of a row (the form of group.partial). */
export function keyOf(r: Pick<ParRow, "lhs" | "op" | "rhs">): string {
  return `${r.lhs}${r.op}${r.rhs}`;
}

/** A constraint a step adds, with the parameter it belongs to. */
export interface Candidate {
  readonly key: string;
  readonly release: Release;
}

/**
 * The constraints the step adds that a partial search may release, in the fitted model: the
 * group.equal ties of the step's kinds, and at the scalar step of a second-order model the
 * first-order factors' intercepts of groups 2.. (held at 0).
 */
export function stepCandidates(fitted: FittedModel, step: StepName, syntax: ModelSyntax): Candidate[] {
  const rows = fitted.table.rows;
  const lv = new Set(fitted.table.vars.lv);
  const adds = stepAdds(step, fitted.opts.ordinal !== null);
  const out: Candidate[] = [];
  for (const rel of equalityReleases(fitted)) {
    const r = rows[rel.ref]!;
    const k = kindOf(r, lv);
    if (k !== null && adds.includes(k) && r.label.startsWith(".p")) out.push({ key: keyOf(r), release: rel });
  }
  if (adds.includes("intercepts")) {
    const held = new Set(heldFactorIntercepts(syntax));
    rows.forEach((r, k) => {
      if (r.op === "~1" && r.group > 1 && held.has(r.lhs) && r.free === 0)
        out.push({ key: keyOf(r), release: { ref: -1, row: k } });
    });
  }
  return out;
}

/** Every parameter any of the steps constrains, by key (for checking --partial LIST). */
export function constrainedKeys(fitted: FittedModel, syntax: ModelSyntax, steps: readonly StepName[]): Set<string> {
  const lv = new Set(fitted.table.vars.lv);
  const kinds = new Set(steps.flatMap((s) => stepKinds(s, fitted.opts.ordinal !== null)));
  const out = new Set<string>();
  for (const r of fitted.table.rows) {
    if (r.group !== 1 || r.free === 0) continue;
    const k = kindOf(r, lv);
    if (k !== null && kinds.has(k) && !(k === "means")) out.add(keyOf(r));
  }
  if (kinds.has("intercepts")) for (const f of heldFactorIntercepts(syntax)) out.add(`${f}~1`);
  return out;
}

/**
 * lavaan's plabel (".pN.") of a row: N its position in lavaan's table, which repeats group 1's
 * rows, in group 1's order, for each group. The engine's ordinal tables list the thresholds (and
 * scales) of every group together, so their row ids are not lavaan's; group 1's order is.
 */
export function lavaanPlabels(fitted: FittedModel): (row: number) => string {
  const rows = fitted.table.rows;
  const first = new Map<string, number>();
  for (const r of rows) if (r.group === 1) first.set(`${r.lhs}${r.op}${r.rhs}`, first.size + 1);
  return (k) => {
    const r = rows[k]!;
    const pos = first.get(`${r.lhs}${r.op}${r.rhs}`);
    return r.group === 0 || pos === undefined ? `.p${r.id}.` : `.p${(r.group - 1) * first.size + pos}.`;
  };
}
