/**
 * Modifiers: the elements before '*' (or '?') in a term.
 *
 *   number, -number, NA        fixed value (NA: explicitly free)      1*x  NA*x
 *   name                       label                                  a*x
 *   c(numbers and NA)          fixed value per group                  c(1, NA)*x
 *   c(names, strings and NA)   label per group                        c(a1, a2)*x
 *   start(v), v?               start value (v a number, NA or c(...))  start(0.5)*x  0.5?x
 *   label(s), equal(s)         label (s a name, a string or c(...))   label("a")*x
 *
 * equal() may also name a parameter, as in equal("f1=~x2"). Fixed and start values must be
 * finite: `Inf*x`, `-Inf*x`, `NaN*x` (R's constants, not labels) are refused.
 */
import type { Cursor } from "./cursor.js";
import { specialNumber, type Element } from "./elements.js";
import { isName, type Token } from "./tokenize.js";

export type Modifier =
  | { kind: "fixed" | "start"; values: (number | null)[]; token: Token }
  | { kind: "label"; values: (string | null)[]; token: Token };

const UNSUPPORTED = new Set(["lower", "upper", "prior", "efa", "rv"]);
const PARAMETER_NAME_RE = /^(.+?)(=~|~~|~)(.+)$/;

/** The modifier an element stands for, given the separator ('*' or '?') after it. */
export function modifierOf(el: Element, sep: Token, cur: Cursor): Modifier {
  const m = anyModifierOf(el, sep, cur);
  if (m.kind !== "label") {
    for (const v of m.values)
      if (v !== null && !Number.isFinite(v)) throw cur.fail(m.token, nonFinite(v, m.kind, el.text));
  }
  return m;
}

/** Why `Inf*x` or `NaN*x` (also in c() or start()) is refused. */
function nonFinite(value: number, kind: "fixed" | "start", text: string): string {
  const what = kind === "fixed" ? "a fixed value" : "a start value";
  if (Number.isNaN(value)) {
    return `'${text}' is not a number: ${what} must be a finite number (write NA to leave a parameter free)`;
  }
  return `'${text}' is infinite: ${what} must be a finite number`;
}

function anyModifierOf(el: Element, sep: Token, cur: Cursor): Modifier {
  const token = el.token;
  if (sep.text === "?") {
    const values = numbersOf(el);
    if (values === undefined) throw cur.fail(sep, `'?' must follow a start value, not '${el.text}'`);
    return { kind: "start", values, token };
  }
  switch (el.kind) {
    case "number":
      return { kind: "fixed", values: [el.value], token };
    case "na":
      return { kind: "fixed", values: [null], token };
    case "name":
      return numberOf(el) === undefined
        ? { kind: "label", values: [el.name], token }
        : { kind: "fixed", values: [numberOf(el)!], token };
    case "string":
      throw cur.fail(token, `a quoted label must be written label(${el.text})`);
    case "call":
      return callModifier(el, cur);
  }
}

function callModifier(el: Element & { kind: "call" }, cur: Cursor): Modifier {
  const token = el.token;
  if (el.fn === "c") {
    if (el.args.length === 0) throw cur.fail(token, "c() needs at least one value");
    const numbers = numbersOf(el);
    if (numbers !== undefined) return { kind: "fixed", values: numbers, token };
    const hasNumber = el.args.some((a) => numberOf(a) !== undefined);
    const hasLabel = el.args.some((a) => a.kind === "name" || a.kind === "string");
    if (hasNumber && hasLabel) throw cur.fail(token, `c() mixes numbers and labels: '${el.text}'`);
    return { kind: "label", values: labelsOf(el, cur, false), token };
  }
  if (el.fn === "start") {
    const values = el.args.length === 1 ? numbersOf(el.args[0]!) : undefined;
    if (values === undefined) throw cur.fail(token, `start() needs one number or c() of numbers`);
    return { kind: "start", values, token };
  }
  if (el.fn === "label" || el.fn === "equal") {
    if (el.args.length !== 1) throw cur.fail(token, `${el.fn}() needs one label`);
    return { kind: "label", values: labelsOf(el.args[0]!, cur, el.fn === "equal"), token };
  }
  if (UNSUPPORTED.has(el.fn)) throw cur.fail(token, `modifier '${el.fn}()' is not supported`);
  throw cur.fail(token, `unknown modifier '${el.fn}()'`);
}

/** The value of a number, or of R's Inf or NaN written as a name; undefined for anything else. */
function numberOf(el: Element): number | undefined {
  if (el.kind === "number") return el.value;
  return el.kind === "name" ? specialNumber(el.name) : undefined;
}

/** The values of a number, NA, or c() of numbers and NA; undefined for anything else. */
function numbersOf(el: Element): (number | null)[] | undefined {
  const single = numberOf(el);
  if (single !== undefined) return [single];
  if (el.kind === "na") return [null];
  if (el.kind !== "call" || el.fn !== "c" || el.args.length === 0) return undefined;
  const values: (number | null)[] = [];
  for (const a of el.args) {
    const v = numberOf(a);
    if (v !== undefined) values.push(v);
    else if (a.kind === "na") values.push(null);
    else return undefined;
  }
  return values;
}

/** A name, a string, NA, or c() of those. */
function labelsOf(el: Element, cur: Cursor, parameterNames: boolean): (string | null)[] {
  const items = el.kind === "call" && el.fn === "c" ? el.args : [el];
  if (items.length === 0) throw cur.fail(el.token, "c() needs at least one label");
  return items.map((a) => {
    if (a.kind === "na") return null;
    if (a.kind === "name" && numberOf(a) !== undefined) {
      throw cur.fail(a.token, `'${a.name}' is a number in R, not a label (a quoted label("${a.name}") is one)`);
    }
    if (a.kind === "name") return a.name;
    if (a.kind === "string") return checkedLabel(a, cur, parameterNames);
    throw cur.fail(a.token, `expected a label, found '${a.text}'`);
  });
}

function checkedLabel(a: Element & { kind: "string" }, cur: Cursor, parameterNames: boolean) {
  const label = a.value.replace(/\s+/gu, "");
  if (a.value === label && isName(label)) return label;
  const parts = parameterNames ? PARAMETER_NAME_RE.exec(label) : null;
  if (parts !== null && isName(parts[1]!) && isName(parts[3]!)) return label;
  throw cur.fail(
    a.token,
    `invalid label ${a.text}: a label is a name (letters, digits, '.' and '_', not starting with a digit)`,
  );
}
