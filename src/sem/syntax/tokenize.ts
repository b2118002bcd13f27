/**
 * Tokens of lavaan model syntax.
 *
 *   comment   '#' or '!' to the end of the line (not inside a quoted string)
 *   name      [letter _ .] [letter digit _ .]*      (a '.' followed by a digit starts a number)
 *   number    digits [. digits] [(e|E) [+|-] digits]  or  . digits [exponent]; a number beyond
 *             the range of a double (1e400) is invalid
 *   string    "..." or '...' on one line
 *   op        a run of = ~ < > : |   (=~ ~ ~~ := == < > and lavaan's <~ | :), or ~*~
 *   punct     + - * / ^ ( ) , ?
 *   semi      ;
 *   newline   the end of every source line
 *
 * Anything else becomes an "invalid" token carrying the reason, which the parser reports
 * when it reaches that statement, so errors come in source order.
 */
import type { SourceText } from "./errors.js";

export type TokenKind = "name" | "number" | "string" | "op" | "punct" | "semi" | "newline" | "invalid";

export interface Token {
  kind: TokenKind;
  /** The source text of the token (a string keeps its quotes). */
  text: string;
  line: number;
  column: number;
  /** The value of a number. */
  num?: number;
  /** The content of a string. */
  str?: string;
  /** Why an invalid token is invalid. */
  reason?: string;
}

const OP_CHARS = "=~<>:|";
const PUNCT_CHARS = "+-*/^(),?";
const NUMBER_RE = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NUMBER_LIKE_RE = /^[\d.]*(?:[eE][+-]?\d*)?$/;
const MANTISSA_E_RE = /^(?:\d+\.?\d*|\.\d+)[eE]$/;

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";
const isNameStart = (ch: string): boolean => /^[\p{L}_.]$/u.test(ch);
const isNameChar = (ch: string | undefined): boolean => ch !== undefined && /^[\p{L}\p{N}_.]$/u.test(ch);

/** All tokens of the text, with a newline token at the end of every line. */
export function tokenize(source: SourceText): Token[] {
  const tokens: Token[] = [];
  source.lines.forEach((text, index) => {
    const chars = Array.from(text);
    scanLine(chars, index + 1, tokens);
    tokens.push({ kind: "newline", text: "\n", line: index + 1, column: chars.length + 1 });
  });
  return tokens;
}

function scanLine(chars: string[], line: number, out: Token[]): void {
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] ?? "";
    if (ch === "#" || ch === "!") return;
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    const token = scanToken(chars, i, line);
    out.push(token);
    i += Array.from(token.text).length;
  }
}

function scanToken(chars: string[], i: number, line: number): Token {
  const ch = chars[i] ?? "";
  const at = { line, column: i + 1 };
  if (isDigit(ch) || (ch === "." && isDigit(chars[i + 1]))) return numberToken(chars, i, line);
  if (isNameStart(ch)) return { kind: "name", text: scanWord(chars, i, false), ...at };
  if (ch === '"' || ch === "'") return stringToken(chars, i, line);
  if (chars.slice(i, i + 3).join("") === "~*~") return { kind: "op", text: "~*~", ...at };
  if (OP_CHARS.includes(ch)) {
    let j = i;
    while (j < chars.length && OP_CHARS.includes(chars[j] ?? "")) j++;
    return { kind: "op", text: chars.slice(i, j).join(""), ...at };
  }
  if (PUNCT_CHARS.includes(ch)) return { kind: "punct", text: ch, ...at };
  if (ch === ";") return { kind: "semi", text: ch, ...at };
  return { kind: "invalid", text: ch, ...at, reason: `unexpected character '${ch}'` };
}

/** A run of name characters; in a number, also the sign of an exponent. */
function scanWord(chars: string[], i: number, numeric: boolean): string {
  let word = "";
  let j = i;
  for (;;) {
    const ch = chars[j];
    const exponentSign = numeric && (ch === "+" || ch === "-") && MANTISSA_E_RE.test(word) && isDigit(chars[j + 1]);
    if (!isNameChar(ch) && !exponentSign) return word;
    word += ch;
    j++;
  }
}

function numberToken(chars: string[], i: number, line: number): Token {
  const text = scanWord(chars, i, true);
  const at = { line, column: i + 1 };
  if (NUMBER_RE.test(text)) {
    const num = Number(text);
    if (Number.isFinite(num)) return { kind: "number", text, ...at, num };
    return {
      kind: "invalid",
      text,
      ...at,
      reason: `number '${text}' is out of range (numbers must lie within ±1.8e308)`,
    };
  }
  const reason = NUMBER_LIKE_RE.test(text)
    ? `bad number '${text}'`
    : `invalid name '${text}': a name must not start with a digit`;
  return { kind: "invalid", text, ...at, reason };
}

function stringToken(chars: string[], i: number, line: number): Token {
  const quote = chars[i] ?? "";
  const close = chars.indexOf(quote, i + 1);
  const at = { line, column: i + 1 };
  if (close < 0) {
    const text = chars.slice(i).join("");
    return { kind: "invalid", text, ...at, reason: `unterminated string: no closing ${quote}` };
  }
  const text = chars.slice(i, close + 1).join("");
  return { kind: "string", text, ...at, str: chars.slice(i + 1, close).join("") };
}

/** A valid variable name or label: letters, digits, '.' and '_', not starting with a digit. */
export function isName(text: string): boolean {
  return /^[\p{L}_.][\p{L}\p{N}_.]*$/u.test(text) && !/^\.\d/.test(text) && text !== "NA";
}
