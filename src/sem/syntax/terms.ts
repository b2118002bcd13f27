/**
 * The right-hand side of =~, ~ and ~~.
 *
 *   terms  := term { '+' term }
 *   term   := { element ('*' | '?') } target
 *   target := name | '1'              ('1', the intercept, only after '~')
 *
 * Modifiers may come in any order (`a*start(1)*x`, `start(1)*a*x`), but each kind (fixed
 * value, label, start value) at most once per term. See modifiers.ts for the modifiers.
 */
import type { Cursor } from "./cursor.js";
import { parseElement, type Element } from "./elements.js";
import { modifierOf, type Modifier } from "./modifiers.js";
import type { Token } from "./tokenize.js";
import type { Term } from "./types.js";

export interface ParsedTerm {
  term: Term;
  /** True for the `1` of `x ~ 1`. */
  intercept: boolean;
}

const KIND_WORDS = { fixed: "fixed value", label: "label", start: "start value" } as const;

/** All terms of a right-hand side; `op` is the operator before it. */
export function parseTerms(cur: Cursor, op: Token): ParsedTerm[] {
  if (cur.atEnd()) throw cur.fail(op, `missing right-hand side after '${op.text}'`);
  const allowIntercept = op.text === "~";
  const out: ParsedTerm[] = [];
  let prev = op;
  for (;;) {
    const parsed = parseTerm(cur, prev, allowIntercept);
    if (parsed.intercept && out.some((p) => p.intercept)) {
      const { line, column } = parsed.term;
      throw cur.failAt(line, column, "the intercept '1' is given twice");
    }
    out.push(parsed);
    const t = cur.peek();
    if (t === undefined) return out;
    if (!cur.peekPunct("+")) {
      throw cur.fail(t, `expected '+' or the end of the statement, found '${t.text}'`);
    }
    prev = cur.next();
  }
}

function parseTerm(cur: Cursor, prev: Token, allowIntercept: boolean): ParsedTerm {
  const modifiers: Modifier[] = [];
  let after = prev;
  let afterDescription = `'${prev.text}'`;
  for (;;) {
    const el = parseElement(cur, after, "expected a variable name", afterDescription);
    if (!cur.peekPunct("*?")) return targetOf(el, modifiers, allowIntercept, cur);
    const sep = cur.next();
    modifiers.push(modifierOf(el, sep, cur));
    after = sep;
    afterDescription = `modifier '${el.text}${sep.text}'`;
  }
}

function targetOf(el: Element, mods: Modifier[], allowIntercept: boolean, cur: Cursor): ParsedTerm {
  if (el.kind === "name") {
    return { term: buildTerm(el.name, el.token, mods, cur), intercept: false };
  }
  if (el.kind === "number" && el.value === 1 && el.text === el.token.text && allowIntercept) {
    return { term: buildTerm("", el.token, mods, cur), intercept: true };
  }
  if (el.kind === "call" && ["c", "start", "label", "equal"].includes(el.fn)) {
    throw cur.fail(el.token, `modifier '${el.text}' must be followed by '*' and a variable name`);
  }
  const wanted = allowIntercept ? "a variable name or 1 (intercept)" : "a variable name";
  throw cur.fail(el.token, `expected ${wanted}, found '${el.text}'`);
}

function buildTerm(name: string, target: Token, mods: Modifier[], cur: Cursor): Term {
  const term: Term = { name, line: target.line, column: target.column };
  const whose = name === "" ? "the intercept" : `'${name}'`;
  let groups = 1;
  for (const m of mods) {
    if (term[m.kind] !== undefined) {
      throw cur.fail(m.token, `more than one ${KIND_WORDS[m.kind]} for ${whose}`);
    }
    const n = m.values.length;
    if (n > 1 && groups > 1 && n !== groups) {
      throw cur.fail(m.token, `modifiers of ${whose} give ${groups} and ${n} values (one per group)`);
    }
    groups = Math.max(groups, n);
    if (m.kind === "label") term.label = m.values;
    else term[m.kind] = m.values;
  }
  return term;
}
