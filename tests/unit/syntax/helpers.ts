/** Helpers for the syntax tests: compact views of a parsed model and of syntax errors. */
import { expect } from "vitest";
import { InputError } from "../../../src/sem/messages.js";
import {
  formatSyntaxError,
  ModelSyntaxError,
  parseModel,
  type Statement,
  type Term,
} from "../../../src/sem/syntax/index.js";

function termText(term: Term): string {
  const parts: string[] = [];
  const list = (v: (number | string | null)[]): string =>
    v.length === 1 ? String(v[0] ?? "NA") : `c(${v.map((x) => String(x ?? "NA")).join(",")})`;
  if (term.fixed) parts.push(list(term.fixed));
  if (term.label) parts.push(list(term.label));
  if (term.start) parts.push(`start(${list(term.start)})`);
  parts.push(term.name === "" ? "1" : term.name);
  return parts.join("*");
}

/** One line per statement, lavaan style: `f =~ 1*x1 + a*x2`, `x ~1 1`, `d := a*b`. */
export function rows(statements: Statement[]): string[] {
  return statements.map((s) => {
    switch (s.kind) {
      case "formula":
      case "ordinal":
        return `${s.lhs} ${s.op} ${s.terms.map(termText).join(" + ")}`;
      case "intercept":
        return `${s.lhs} ~1 ${termText(s.term)}`;
      case "definition":
        return `${s.name} := ${s.expression}`;
      case "constraint":
        return `${s.lhs} ${s.op} ${s.rhs}`;
    }
  });
}

/** Rows of the parsed text. */
export function parseRows(text: string): string[] {
  return rows(parseModel(text).statements);
}

/** The ModelSyntaxError that parsing `text` (as model.lav) throws. */
export function syntaxError(text: string): ModelSyntaxError {
  try {
    parseModel(text, { file: "model.lav" });
  } catch (err) {
    expect(err).toBeInstanceOf(ModelSyntaxError);
    if (err instanceof ModelSyntaxError) return err;
  }
  throw new Error(`no syntax error for: ${text}`);
}

/** Asserts the error's one-line message and the three lines of formatSyntaxError(). */
export function expectError(text: string, message: string, sourceLine: string, caret: string): void {
  const err = syntaxError(text);
  expect(err).toBeInstanceOf(InputError);
  expect(err.code).toBe("E_SYNTAX");
  expect(err.message).toBe(message);
  expect(formatSyntaxError(err)).toBe(`${message}\n${sourceLine}\n${caret}`);
}

/** A caret under 1-based column `col` of a line without tabs. */
export const caret = (col: number): string => `${" ".repeat(col - 1)}^`;

/** [model text, message, source line, caret column] */
export type ErrorCase = [string, string, string, number];

/** expectError() for each case. */
export function check(cases: ErrorCase[]): void {
  for (const [text, message, line, col] of cases) expectError(text, message, line, caret(col));
}
