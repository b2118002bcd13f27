/**
 * The elements a term is built of: each modifier before a '*' or '?', and the variable.
 *
 *   element  := ['-'] number | 'NA' | string | name | name '(' [element {',' element}] ')'
 *
 * So `1`, `-0.5`, `NA`, `"a"`, `a1`, `c(1, NA)`, `start(c(1, 2))`, `label("a")`.
 */
import type { Cursor } from "./cursor.js";
import type { Token } from "./tokenize.js";

interface ElementBase {
  /** The first token of the element. */
  token: Token;
  /** Its source text, whitespace removed. */
  text: string;
}

/**
 * R's non-finite constants. In a modifier they are numbers, as R reads them (lavaan fixes
 * `Inf*x` at infinity and reads `NaN*x` as `NA*x`); modifiers.ts refuses them as values.
 */
export function specialNumber(name: string): number | undefined {
  return name === "Inf" ? Infinity : name === "NaN" ? NaN : undefined;
}

export type Element =
  | (ElementBase & { kind: "number"; value: number })
  | (ElementBase & { kind: "na" })
  | (ElementBase & { kind: "name"; name: string })
  | (ElementBase & { kind: "string"; value: string })
  | (ElementBase & { kind: "call"; fn: string; args: Element[] });

/**
 * One element. If the statement ends or holds something else, the error reads
 * "<what> after <prevDescription>".
 */
export function parseElement(cur: Cursor, prev: Token, what: string, prevDescription?: string): Element {
  const start = cur.position;
  const t = cur.peek();
  if (t === undefined) throw cur.expected(what, prev, prevDescription);
  if (t.kind === "punct" && t.text === "-") {
    cur.next();
    const n = cur.peek();
    const special = n !== undefined && n.kind === "name" ? specialNumber(n.text) : undefined;
    if (n === undefined || (n.kind !== "number" && special === undefined)) throw cur.expected("expected a number", t);
    cur.next();
    const value = n.num === 0 ? 0 : -(n.num ?? special ?? NaN);
    return { kind: "number", value, token: t, text: cur.textFrom(start) };
  }
  if (t.kind === "number") {
    cur.next();
    return { kind: "number", value: t.num ?? NaN, token: t, text: t.text };
  }
  if (t.kind === "string") {
    cur.next();
    return { kind: "string", value: t.str ?? "", token: t, text: t.text };
  }
  if (t.kind !== "name") throw cur.expected(what, prev, prevDescription);
  cur.next();
  if (cur.peekPunct("(")) return parseCall(cur, t, start);
  if (t.text === "NA") return { kind: "na", token: t, text: t.text };
  return { kind: "name", name: t.text, token: t, text: t.text };
}

function parseCall(cur: Cursor, fn: Token, start: number): Element {
  let prev = cur.next(); // "("
  const args: Element[] = [];
  const done = (): Element => ({
    kind: "call",
    fn: fn.text,
    args,
    token: fn,
    text: cur.textFrom(start),
  });
  if (cur.peekPunct(")")) {
    cur.next();
    return done();
  }
  for (;;) {
    args.push(parseElement(cur, prev, "expected a value"));
    const sep = cur.peek();
    if (sep === undefined || !cur.peekPunct(",)")) {
      throw cur.expected("expected ',' or ')'", args[args.length - 1]!.token, "a value");
    }
    prev = cur.next();
    if (sep.text === ")") return done();
  }
}
