/**
 * parseModel(): lavaan model syntax to a syntax tree (types.ts).
 *
 *   model      := statement { (newline | ';') statement }    (at least one statement)
 *   statement  := names ('=~' | '~' | '~~') terms             formula, one per left-hand name
 *               | name ':=' expr                               defined parameter
 *               | expr ('==' | '<' | '>') expr                 constraint
 *               | names '|' terms                              thresholds t1, t2, ... of ordered items
 *               | name '~*~' name                              the scale factor of an ordered item
 *   names      := name { '+' name }
 *
 * The term `1` of '~' (also with modifiers: `0*1`, `a*1`) is the intercept and becomes an
 * intercept statement (op "~1"), so `y ~ 1 + x` gives an intercept and a formula.
 *
 * Tokens and comments ('#', '!') are in tokenize.ts; where statements end and how a formula
 * continues over lines in statements.ts; terms and modifiers in terms.ts, elements.ts and
 * modifiers.ts; expressions in expression.ts. Exactly one operator per statement; lavaan's
 * <~ and block headers (`group: 1`) are recognised and rejected as not supported.
 */
import { Cursor } from "./cursor.js";
import { SourceText } from "./errors.js";
import { parseExpression } from "./expression.js";
import { leavesOpen, splitStatements } from "./statements.js";
import { parseTerms } from "./terms.js";
import { tokenize, type Token } from "./tokenize.js";
import type { ModelSyntax, ParseOptions, Statement, Term } from "./types.js";

const OPERATORS = new Set(["=~", "~", "~~", ":=", "==", "<", ">", "|", "~*~"]);
const OPERATOR_LIST = "=~, ~, ~~, :=, ==, < or >";
const UNSUPPORTED: Record<string, string> = {
  "<~": "composite",
  ":": "group or level block",
};

/** Parses lavaan model text; throws a ModelSyntaxError (an InputError, code E_SYNTAX). */
export function parseModel(text: string, options: ParseOptions = {}): ModelSyntax {
  const file = options.file ?? "<model>";
  const source = new SourceText(text, file);
  const statements: Statement[] = [];
  for (const tokens of splitStatements(tokenize(source), source)) {
    statements.push(...parseStatement(tokens, source));
  }
  if (statements.length === 0) throw source.modelError("the model has no statements");
  return { statements, file };
}

function parseStatement(tokens: Token[], source: SourceText): Statement[] {
  const opIndex = findOperator(tokens, source);
  const op = tokens[opIndex]!;
  const lhs = new Cursor(tokens, 0, opIndex, source);
  const rhs = new Cursor(tokens, opIndex + 1, tokens.length, source);
  if (op.text === ":=") return [definition(lhs, op, rhs)];
  if (op.text === "==" || op.text === "<" || op.text === ">") {
    if (lhs.atEnd()) throw lhs.fail(op, `missing left-hand side before '${op.text}'`);
    if (rhs.atEnd()) throw rhs.fail(op, `missing right-hand side after '${op.text}'`);
    const left = parseExpression(lhs, op, "left");
    const right = parseExpression(rhs, op, "right");
    const { line, column } = tokens[0]!;
    return [{ kind: "constraint", op: op.text, lhs: left, rhs: right, line, column }];
  }
  if (op.text === "|" || op.text === "~*~") return ordinalStatements(lhs, op, rhs);
  return formulas(lhs, op, rhs);
}

/** `x | t1 + t2` (terms named t1, t2, ...) or `x ~*~ x` (the item itself), with modifiers. */
function ordinalStatements(lhs: Cursor, op: Token, rhs: Cursor): Statement[] {
  const names = lhsNames(lhs, op);
  const terms = parseTerms(rhs, op).map((p) => p.term);
  for (const n of names)
    for (const t of terms) {
      if (op.text === "|" && !/^t[1-9][0-9]*$/.test(t.name))
        throw rhs.failAt(t.line, t.column, `a threshold is named t1, t2, ... (lavaan's names), not '${t.name}'`);
      if (op.text === "~*~" && t.name !== n.text)
        throw rhs.failAt(t.line, t.column, `a scale factor is written '${n.text} ~*~ ${n.text}'`);
    }
  const kind = op.text === "|" ? "|" : "~*~";
  return names.map((n) => ({
    kind: "ordinal" as const,
    lhs: n.text,
    op: kind,
    terms: terms.map(copy),
    line: n.line,
    column: n.column,
  }));
}

/** The index of the statement's one operator; reports invalid tokens and operators in order. */
function findOperator(tokens: Token[], source: SourceText): number {
  for (const t of tokens) {
    if (t.kind === "invalid") throw source.error(t.line, t.column, t.reason ?? "invalid token");
    if (t.kind !== "op" || OPERATORS.has(t.text)) continue;
    const what = UNSUPPORTED[t.text];
    const reason =
      what === undefined
        ? `unknown operator '${t.text}' (expected ${OPERATOR_LIST})`
        : `operator '${t.text}' (${what}) is not supported`;
    throw source.error(t.line, t.column, reason);
  }
  const ops = tokens.filter((t) => t.kind === "op");
  const first = ops[0];
  if (first === undefined) {
    const shown = tokens.map((t) => t.text).join(" ");
    const text = shown.length > 40 ? `${shown.slice(0, 37)}...` : shown;
    const { line, column } = tokens[0]!;
    throw source.error(line, column, `no operator in '${text}' (expected ${OPERATOR_LIST})`);
  }
  if (ops.length > 1) throw secondOperator(tokens, ops[1]!, source);
  return tokens.indexOf(first);
}

/**
 * A second operator. When the line before ends unfinished (with '+' or an operator), the
 * statement was continued by mistake: report that line's end instead.
 */
function secondOperator(tokens: Token[], op: Token, source: SourceText): Error {
  const lineStart = tokens.findIndex((t) => t.line === op.line);
  const before = lineStart > 0 ? tokens[lineStart - 1]! : undefined;
  if (before !== undefined && leavesOpen(before)) {
    const reason =
      before.kind === "op"
        ? `missing right-hand side after '${before.text}' (the next line starts a new statement)`
        : `'${before.text}' at the end of the line leaves the statement unfinished, but the next line starts a new one`;
    return source.error(before.line, before.column, reason);
  }
  const reason = `unexpected second operator '${op.text}' (one statement per line, or separate them with ';')`;
  return source.error(op.line, op.column, reason);
}

function definition(lhs: Cursor, op: Token, rhs: Cursor): Statement {
  const name = lhs.peek();
  if (name === undefined) throw lhs.fail(op, "missing parameter name before ':='");
  if (name.kind !== "name" || name.text === "NA") {
    throw lhs.fail(name, `expected a parameter name before ':=', found '${name.text}'`);
  }
  lhs.next();
  const extra = lhs.peek();
  if (extra !== undefined) throw lhs.fail(extra, `expected ':=' after '${name.text}', found '${extra.text}'`);
  if (rhs.atEnd()) throw rhs.fail(op, `the definition of '${name.text}' has no expression after ':='`);
  const expression = parseExpression(rhs, op, "right");
  return { kind: "definition", name: name.text, op: ":=", expression, line: name.line, column: name.column };
}

function formulas(lhs: Cursor, op: Token, rhs: Cursor): Statement[] {
  const names = lhsNames(lhs, op);
  const parsed = parseTerms(rhs, op);
  const terms = parsed.filter((p) => !p.intercept).map((p) => p.term);
  const intercept = parsed.find((p) => p.intercept)?.term;
  const interceptFirst = parsed[0]?.intercept === true;
  const opText = op.text === "=~" || op.text === "~~" ? op.text : "~";
  const out: Statement[] = [];
  for (const n of names) {
    const at = { lhs: n.text, line: n.line, column: n.column };
    const formula: Statement = { kind: "formula", op: opText, terms: terms.map(copy), ...at };
    const icept: Statement | undefined = intercept && { kind: "intercept", op: "~1", term: copy(intercept), ...at };
    if (icept && interceptFirst) out.push(icept);
    if (terms.length > 0) out.push(formula);
    if (icept && !interceptFirst) out.push(icept);
  }
  return out;
}

/** The names before =~, ~ or ~~, joined with '+'. */
function lhsNames(cur: Cursor, op: Token): Token[] {
  if (cur.atEnd()) throw cur.fail(op, `missing left-hand side before '${op.text}'`);
  const names: Token[] = [];
  let plus: Token | undefined;
  for (;;) {
    const t = cur.peek();
    if (t === undefined || t.kind !== "name" || t.text === "NA") {
      if (plus !== undefined || t === undefined) throw cur.expected("expected a variable name", plus ?? op);
      throw cur.fail(t, `expected a variable name before '${op.text}', found '${t.text}'`);
    }
    names.push(cur.next());
    const after = cur.peek();
    if (after === undefined) return names;
    if (!cur.peekPunct("+")) throw cur.fail(after, `expected '+' or '${op.text}', found '${after.text}'`);
    plus = cur.next();
  }
}

const copy = (term: Term): Term => structuredClone(term);
