/**
 * The model's statements as flat rows (lavaan's lav_partable_flat): one row per element
 * (`f =~ x1`, `x1 ~~ x2`, `y ~1`), the definitions (`:=`) and the equality constraints.
 *
 * An element written twice (`f =~ x1 + x1`, `x1 ~~ x2` and `x2 ~~ x1`) is kept once: with the
 * same modifiers the repeat is ignored with a warning, as lavaan warns "duplicated elements in
 * model syntax have been ignored"; with different modifiers (`x1 ~~ x2`, then `x2 ~~ 0.3*x1`)
 * it is an error, as lavaan's "duplicate model element". (lavaan merges a repeat inside one
 * formula, `f =~ x1 + 0.5*x1`, without a word; here the same rules apply there too.)
 *
 * A variable that measures or predicts itself (`f =~ f`, a cycle of `=~`, `y ~ y`) is refused
 * here (loops.ts), so that every use of the model (fit, diagram) meets the same line.
 */
import { InputError, warning, type Warning } from "../messages.js";
import type { ModelSyntax, Term } from "../syntax/index.js";
import { checkSelfReference } from "./loops.js";
import type { FlatRow } from "./vnames.js";

export interface UserRow extends FlatRow {
  term: Term;
  line: number;
}

export interface FlatDefinition {
  name: string;
  expr: string;
  line: number;
}

export interface FlatConstraint {
  lhs: string;
  rhs: string;
  line: number;
}

export interface FlatModel {
  rows: UserRow[];
  defs: FlatDefinition[];
  cons: FlatConstraint[];
  warnings: Warning[];
}

/** `1*`, `c(a1,a2)*`, `start(0.5)*`: the modifiers of a term as lavaan would print them. */
function modifierText(t: Term): string {
  const list = (v: readonly (number | string | null)[]): string =>
    v.length === 1 ? String(v[0] ?? "NA") : `c(${v.map((x) => String(x ?? "NA")).join(",")})`;
  const parts: string[] = [];
  if (t.fixed) parts.push(`${list(t.fixed)}*`);
  if (t.label) parts.push(`${list(t.label)}*`);
  if (t.start) parts.push(`start(${list(t.start)})*`);
  return parts.join("");
}

function elementText(r: UserRow): string {
  return r.op === "~1" ? `${r.lhs} ~ ${modifierText(r.term)}1` : `${r.lhs} ${r.op} ${modifierText(r.term)}${r.rhs}`;
}

export function flatten(syntax: ModelSyntax): FlatModel {
  const rows: UserRow[] = [];
  const defs: FlatDefinition[] = [];
  const cons: FlatConstraint[] = [];
  const warnings: Warning[] = [];
  const seen = new Map<string, UserRow>();
  const push = (r: UserRow): void => {
    const key = `${r.lhs} ${r.op} ${r.rhs}`;
    const first = seen.get(key) ?? (r.op === "~~" ? seen.get(`${r.rhs} ~~ ${r.lhs}`) : undefined);
    if (first === undefined) {
      seen.set(key, r);
      rows.push(r);
      return;
    }
    const where = `${syntax.file}:${r.line}:${r.term.column}`;
    const earlier = `line ${first.line}: '${elementText(first)}'`;
    if (modifierText(first.term) !== modifierText(r.term)) {
      const msg =
        `${where}: duplicate model element '${elementText(r)}' (${earlier}) with different modifiers; ` +
        "write each element once";
      throw new InputError("E_MODEL", msg);
    }
    const msg = `${where}: duplicated element '${elementText(r)}' ignored (already on ${earlier})`;
    warnings.push(warning("W_DUPLICATE_ELEMENT", msg));
  };
  for (const s of syntax.statements) {
    if (s.kind === "formula") {
      for (const t of s.terms) push({ lhs: s.lhs, op: s.op, rhs: t.name, term: t, line: t.line });
    } else if (s.kind === "intercept") {
      push({ lhs: s.lhs, op: "~1", rhs: "", term: s.term, line: s.line });
    } else if (s.kind === "ordinal") {
      continue; // thresholds and scales: added by the ordinal method (ordinal/method/table.ts)
    } else if (s.kind === "definition") {
      defs.push({ name: s.name, expr: s.expression, line: s.line });
    } else if (s.op === "==") {
      cons.push({ lhs: s.lhs, rhs: s.rhs, line: s.line });
    } else {
      const msg = `${syntax.file}:${s.line}: inequality constraints ('${s.lhs} ${s.op} ${s.rhs}') are not supported`;
      throw new InputError("E_MODEL", msg);
    }
  }
  checkSelfReference(rows, syntax.file);
  return { rows, defs, cons, warnings };
}
