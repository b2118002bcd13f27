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
  const parser = new Parser(tokens(text));
  const tree = parser.sum();
  if (parser.peek().kind !== "end") parser.fail("expected an operator or the end of the expression");
  return tree;
}

/** Recursive descent over the tokens: one method per rule of the grammar above. */
class Parser {
  private pos = 0;
  constructor(private readonly toks: readonly Tok[]) {}

  peek(): Tok {
    return this.toks[this.pos]!;
  }

  fail(what: string): never {
    const t = this.peek();
    throw new ExprSyntaxError(t.kind === "end" ? `${what} at the end` : `${what}, found '${t.text}'`, t.offset);
  }

  private isPunct(chars: string): boolean {
    return this.peek().kind === "punct" && chars.includes(this.peek().text);
  }

  private expect(ch: string): void {
    if (!this.isPunct(ch)) this.fail(`expected '${ch}'`);
    this.pos++;
  }

  /** `next { op next }` for the operators `ops`, grouped from the left. */
  private leftAssoc(ops: "+-" | "*/", next: () => ExprNode): ExprNode {
    let left = next();
    while (this.isPunct(ops)) {
      const op = this.toks[this.pos++]!.text as "+" | "-" | "*" | "/";
      left = { kind: "binary", op, left, right: next() };
    }
    return left;
  }

  sum(): ExprNode {
    return this.leftAssoc("+-", () => this.product());
  }

  private product(): ExprNode {
    return this.leftAssoc("*/", () => this.unary());
  }

  private unary(): ExprNode {
    if (!this.isPunct("+-")) return this.power();
    const op = this.toks[this.pos++]!.text as "+" | "-";
    return { kind: "unary", op, arg: this.unary() };
  }

  private power(): ExprNode {
    const base = this.primary();
    if (!this.isPunct("^")) return base;
    this.pos++;
    return { kind: "binary", op: "^", left: base, right: this.unary() };
  }

  private primary(): ExprNode {
    const t = this.peek();
    if (t.kind === "number") {
      this.pos++;
      return { kind: "number", value: t.value! };
    }
    if (t.kind === "name") {
      this.pos++;
      return this.isPunct("(") ? this.call(t.text) : { kind: "name", name: t.text };
    }
    if (this.isPunct("(")) {
      this.pos++;
      const inner = this.sum();
      this.expect(")");
      return inner;
    }
    return this.fail("expected a number, a name or '('");
  }

  /** `fn(` read: the arguments and the closing parenthesis. */
  private call(fn: string): ExprNode {
    this.pos++;
    const args: ExprNode[] = [];
    if (!this.isPunct(")")) {
      args.push(this.sum());
      while (this.isPunct(",")) {
        this.pos++;
        args.push(this.sum());
      }
    }
    this.expect(")");
    return { kind: "call", fn, args };
  }
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
