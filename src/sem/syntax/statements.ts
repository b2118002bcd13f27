/**
 * Statement boundaries of lavaan model syntax.
 *
 *   model      := { statement (newline | ';') }
 *
 * A ';' always ends a statement. A line break ends one unless the statement is unfinished:
 *   - inside parentheses,
 *   - after an operator (=~ ~ ~~ := == < >) or after + - * / ^ , ? (,
 *   - or when the next non-blank line starts with an operator or + * / ^ , ? ).
 * Blank and comment-only lines are skipped. Parentheses must balance within a statement.
 */
import type { SourceText } from "./errors.js";
import type { Token } from "./tokenize.js";

const OPEN_END = new Set(["+", "-", "*", "/", "^", ",", "?", "("]);
const CONTINUING_START = new Set(["+", "*", "/", "^", ",", "?", ")"]);

/** True if a statement ending in this token is unfinished. */
export function leavesOpen(token: Token): boolean {
  return token.kind === "op" || (token.kind === "punct" && OPEN_END.has(token.text));
}

function continuesPrevious(token: Token): boolean {
  return token.kind === "op" || (token.kind === "punct" && CONTINUING_START.has(token.text));
}

function nextLineContinues(tokens: Token[], newlineIndex: number): boolean {
  for (let j = newlineIndex + 1; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind !== "newline") return continuesPrevious(t);
  }
  return false;
}

/** The tokens of each statement, in order, without newline and ';' tokens. */
export function* splitStatements(tokens: Token[], source: SourceText): Generator<Token[]> {
  let current: Token[] = [];
  const open: Token[] = [];
  // An invalid token before the parenthesis or on its line (an unterminated string, say)
  // comes first, and may be why the parentheses do not balance.
  const parenError = (t: Token, reason: string): Error => {
    const bad = current.find((c) => c.kind === "invalid");
    const first = bad !== undefined && (bad.line === t.line || bad.line < t.line);
    if (first) return source.error(bad.line, bad.column, bad.reason ?? "invalid token");
    return source.error(t.line, t.column, reason);
  };
  const unclosed = (): Error => parenError(open[open.length - 1]!, "unbalanced parentheses: '(' is not closed");
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "newline") {
      if (current.length === 0 || open.length > 0) continue;
      if (leavesOpen(current[current.length - 1]!) || nextLineContinues(tokens, i)) continue;
    }
    if (t.kind === "newline" || t.kind === "semi") {
      if (open.length > 0) throw unclosed();
      if (current.length > 0) yield current;
      current = [];
      continue;
    }
    if (t.kind === "punct" && t.text === "(") open.push(t);
    if (t.kind === "punct" && t.text === ")" && open.pop() === undefined) {
      throw parenError(t, "unbalanced parentheses: ')' has no matching '('");
    }
    current.push(t);
  }
  if (open.length > 0) throw unclosed();
  if (current.length > 0) yield current;
}
