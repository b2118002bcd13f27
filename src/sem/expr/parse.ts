/**
 * Arithmetic expressions of defined parameters (`name := expression`), parsed with R's
 * precedence, since lavaan evaluates the right-hand side as R code:
 *
 *   sum     := product { ('+' | '-') product }
 *   product := unary { ('*' | '/') unary }
 *   unary   := ('+' | '-') unary | power
 *   power   := primary [ '^' unary ]                  (right-associative: a^b^c = a^(b^c))
 *   primary := number | name | name '(' sum { ',' sum } ')' | '(' sum ')'
 *
 * So `-a^2` is -(a²) and `a^-1` is 1/a, as in R. The model parser (syntax/expression.ts) has
 * already checked the statement's grammar and positions; this parser turns the stored text into
 * a tree and reports, for library callers, the character offset of what it cannot read.
 */

export type ExprNode =
  | { kind: "number"; value: number }
  | { kind: "name"; name: string }
  | { kind: "unary"; op: "-" | "+"; arg: ExprNode }
  | { kind: "binary"; op: "+" | "-" | "*" | "/" | "^"; left: ExprNode; right: ExprNode }
  | { kind: "call"; fn: string; args: ExprNode[] };

/** An expression that cannot be read: `offset` is the 0-based character position. */
export class ExprSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(`${reason} at character ${offset + 1}`);
    this.name = "ExprSyntaxError";
  }
}

interface Tok {
  kind: "number" | "name" | "punct" | "end";
  text: string;
  offset: number;
  value?: number;
}

const NUMBER_RE = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME_RE = /^[\p{L}_.][\p{L}\p{N}_.]*/u;
const PUNCT = "+-*/^(),";

function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/u.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const num = NUMBER_RE.exec(rest);
    if (num) {
      out.push({ kind: "number", text: num[0], offset: i, value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const name = NAME_RE.exec(rest);
    if (name) {
      out.push({ kind: "name", text: name[0], offset: i });
      i += name[0].length;
      continue;
    }
    if (!PUNCT.includes(rest[0]!)) throw new ExprSyntaxError(`unexpected character '${rest[0]}'`, i);
    out.push({ kind: "punct", text: rest[0]!, offset: i });
    i++;
  }
  out.push({ kind: "end", text: "", offset: text.length });
  return out;
}

/** Parses an expression; throws an ExprSyntaxError. */
export function parseExpr(text: string): ExprNode {
  const toks = tokens(text);
  let pos = 0;
  const peek = (): Tok => toks[pos]!;
  const isPunct = (chars: string): boolean => peek().kind === "punct" && chars.includes(peek().text);
  const fail = (what: string): never => {
    const t = peek();
    throw new ExprSyntaxError(t.kind === "end" ? `${what} at the end` : `${what}, found '${t.text}'`, t.offset);
  };
  const expect = (ch: string): void => {
    if (!isPunct(ch)) fail(`expected '${ch}'`);
    pos++;
  };
  /** `next { op next }` for the operators `ops`, grouped from the left. */
  const leftAssoc = (ops: "+-" | "*/", next: () => ExprNode) => (): ExprNode => {
    let left = next();
    while (isPunct(ops)) {
      const op = toks[pos++]!.text as "+" | "-" | "*" | "/";
      left = { kind: "binary", op, left, right: next() };
    }
    return left;
  };
  const product = (): ExprNode => leftAssoc("*/", unary)();
  const sum = leftAssoc("+-", product);
  const unary = (): ExprNode => {
    if (!isPunct("+-")) return power();
    const op = toks[pos++]!.text as "+" | "-";
    return { kind: "unary", op, arg: unary() };
  };
  const power = (): ExprNode => {
    const base = primary();
    if (!isPunct("^")) return base;
    pos++;
    return { kind: "binary", op: "^", left: base, right: unary() };
  };
  const primary = (): ExprNode => {
    const t = peek();
    if (t.kind === "number") {
      pos++;
      return { kind: "number", value: t.value! };
    }
    if (t.kind === "name") {
      pos++;
      if (!isPunct("(")) return { kind: "name", name: t.text };
      pos++;
      const args: ExprNode[] = [];
      if (!isPunct(")")) {
        args.push(sum());
        while (isPunct(",")) {
          pos++;
          args.push(sum());
        }
      }
      expect(")");
      return { kind: "call", fn: t.text, args };
    }
    if (isPunct("(")) {
      pos++;
      const inner = sum();
      expect(")");
      return inner;
    }
    return fail("expected a number, a name or '('");
  };
  const tree = sum();
  if (peek().kind !== "end") fail("expected an operator or the end of the expression");
  return tree;
}

/** The names an expression reads (labels or other definitions), in order of first use. */
export function namesIn(node: ExprNode, out: string[] = []): string[] {
  switch (node.kind) {
    case "name":
      if (!out.includes(node.name)) out.push(node.name);
      break;
    case "unary":
      namesIn(node.arg, out);
      break;
    case "binary":
      namesIn(node.left, out);
      namesIn(node.right, out);
      break;
    case "call":
      for (const a of node.args) namesIn(a, out);
      break;
    case "number":
      break;
  }
  return out;
}

/** The calls of an expression, in order. */
export function callsIn(node: ExprNode, out: { fn: string; nargs: number }[] = []): { fn: string; nargs: number }[] {
  if (node.kind === "call") out.push({ fn: node.fn, nargs: node.args.length });
  if (node.kind === "unary") callsIn(node.arg, out);
  if (node.kind === "binary") {
    callsIn(node.left, out);
    callsIn(node.right, out);
  }
  if (node.kind === "call") for (const a of node.args) callsIn(a, out);
  return out;
}
