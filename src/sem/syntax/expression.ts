/**
 * Arithmetic expressions, the right-hand side of := and both sides of == < >.
 *
 *   expr    := unary { ('+' | '-' | '*' | '/' | '^') unary }
 *   unary   := { '+' | '-' } primary
 *   primary := number | name | name '(' [expr {',' expr}] ')' | '(' expr ')'
 *
 * A call must name one of the functions of expr/functions.ts, with as many arguments as it takes.
 *
 * The expression is checked against this grammar and kept as its source text with whitespace
 * removed (`c + a*b` gives "c+a*b"), as lavaan keeps it; its meaning is left to the model.
 */
import { callProblem } from "../expr/functions.js";
import type { Cursor } from "./cursor.js";
import type { Token } from "./tokenize.js";

const BINARY = "+-*/^";
const OPERAND = "expected a number, a name or '('";

/**
 * Checks the expression in the cursor's range and returns its text; the range is the `side`
 * of the operator `op`, which the caller has checked is not empty.
 */
export function parseExpression(cur: Cursor, op: Token, side: "left" | "right"): string {
  const start = cur.position;
  parseExpr(cur, op);
  const t = cur.peek();
  if (t !== undefined) {
    const ending = side === "left" ? `'${op.text}'` : "the end of the statement";
    throw cur.fail(t, `expected an arithmetic operator or ${ending}, found '${t.text}'`);
  }
  return cur.textFrom(start);
}

/** Returns the last token of the expression. */
function parseExpr(cur: Cursor, prev: Token): Token {
  let last = parseUnary(cur, prev);
  while (cur.peekPunct(BINARY)) {
    last = parseUnary(cur, cur.next());
  }
  return last;
}

function parseUnary(cur: Cursor, prev: Token): Token {
  let before = prev;
  while (cur.peekPunct("+-")) before = cur.next();
  const t = cur.peek();
  if (t === undefined) throw cur.expected(OPERAND, before);
  if (t.kind === "number") return cur.next();
  if (t.kind === "name") {
    cur.next();
    return cur.peekPunct("(") ? parseCall(cur, t) : t;
  }
  if (cur.peekPunct("(")) return parseParenthesized(cur, false);
  throw cur.expected(OPERAND, before);
}

/** A call of one of the known functions (expr/functions.ts), with as many arguments as it takes. */
function parseCall(cur: Cursor, fn: Token): Token {
  let nargs = 0;
  const close = parseParenthesized(cur, true, () => nargs++);
  const problem = callProblem(fn.text, nargs);
  if (problem !== null) throw cur.fail(fn, problem);
  return close;
}

/** `( expr )`, or the argument list of a function call; returns the ')'. */
function parseParenthesized(cur: Cursor, call: boolean, onArgument?: () => void): Token {
  let prev = cur.next(); // "("
  if (call && cur.peekPunct(")")) return cur.next();
  for (;;) {
    const last = parseExpr(cur, prev);
    onArgument?.();
    if (cur.peekPunct(")")) return cur.next();
    if (!(call && cur.peekPunct(","))) {
      throw cur.expected(call ? "expected ',' or ')'" : "expected ')'", last);
    }
    prev = cur.next();
  }
}
