/**
 * Syntax errors of lavaan model text, and the source lines they point into.
 *
 * A ModelSyntaxError's message is one line, `<file>:<line>:<column>: <reason>`, so that the
 * CLI can print it as is; `detail` holds two more lines, the source line and a caret under
 * the column, and formatSyntaxError() returns all three.
 */
import { InputError } from "../messages.js";

export class ModelSyntaxError extends InputError {
  readonly file: string;
  /** 1-based line and column (in characters) of the offending place. */
  readonly line: number;
  readonly column: number;
  /** What is wrong, without the location. */
  readonly reason: string;
  /** The source line, as written (without its line break). */
  readonly sourceLine: string;
  /** Spaces (tabs where the source has tabs) up to the column, then '^'. */
  readonly caret: string;
  /** `sourceLine` and `caret` on two lines. */
  readonly detail: string;

  constructor(file: string, line: number, column: number, reason: string, sourceLine: string) {
    super("E_SYNTAX", `${file}:${line}:${column}: ${reason}`);
    this.name = "ModelSyntaxError";
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
    this.sourceLine = sourceLine;
    this.caret = caretLine(sourceLine, column);
    this.detail = `${this.sourceLine}\n${this.caret}`;
  }
}

function caretLine(sourceLine: string, column: number): string {
  const chars = Array.from(sourceLine);
  let pad = "";
  for (let i = 0; i < column - 1; i++) pad += chars[i] === "\t" ? "\t" : " ";
  return `${pad}^`;
}

/**
 * The message, the source line and the caret line, joined by "\n". An InputError without a
 * position (such as "the model has no statements") gives its message alone.
 */
export function formatSyntaxError(err: InputError): string {
  return err instanceof ModelSyntaxError ? `${err.message}\n${err.detail}` : err.message;
}

/** The model text split into lines, which raises errors pointing into them. */
export class SourceText {
  readonly file: string;
  /** Lines without their line breaks; a leading byte-order mark is removed. */
  readonly lines: string[];

  constructor(text: string, file: string) {
    this.file = file;
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    this.lines = body.split(/\r\n|\r|\n/);
  }

  /** An error at a 1-based line and column. */
  error(line: number, column: number, reason: string): ModelSyntaxError {
    return new ModelSyntaxError(this.file, line, column, reason, this.lines[line - 1] ?? "");
  }

  /** An error about the whole model (no position). */
  modelError(reason: string): InputError {
    return new InputError("E_SYNTAX", `${this.file}: ${reason}`);
  }
}
