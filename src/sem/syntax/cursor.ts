/**
 * A cursor over a range of one statement's tokens (say, the right-hand side of its
 * operator), with the error helpers the parsers share.
 */
import type { ModelSyntaxError, SourceText } from "./errors.js";
import type { Token } from "./tokenize.js";

export class Cursor {
  private pos: number;

  constructor(
    private readonly tokens: Token[],
    start: number,
    private readonly end: number,
    private readonly source: SourceText,
  ) {
    this.pos = start;
  }

  atEnd(): boolean {
    return this.pos >= this.end;
  }

  /** The next token in the range, or undefined at its end. */
  peek(): Token | undefined {
    return this.pos < this.end ? this.tokens[this.pos] : undefined;
  }

  /** True if the next token is the punctuation `text` (one of several, e.g. "*?"). */
  peekPunct(texts: string): boolean {
    const t = this.peek();
    return t !== undefined && t.kind === "punct" && texts.includes(t.text);
  }

  /** The next token; the caller checks atEnd() first. */
  next(): Token {
    const t = this.tokens[this.pos];
    if (t === undefined || this.pos >= this.end) throw new Error("Cursor.next() past the end");
    this.pos++;
    return t;
  }

  get position(): number {
    return this.pos;
  }

  /** The source text of tokens [from, current position), without whitespace. */
  textFrom(from: number): string {
    return this.tokens
      .slice(from, this.pos)
      .map((t) => t.text)
      .join("");
  }

  /** An error at a token. */
  fail(token: Token, reason: string): ModelSyntaxError {
    return this.source.error(token.line, token.column, reason);
  }

  /** An error at a line and column. */
  failAt(line: number, column: number, reason: string): ModelSyntaxError {
    return this.source.error(line, column, reason);
  }

  /**
   * "<what> after <prev>": at the token found instead (the next one in the range, else the one
   * just after the range, such as the operator after a left-hand side), or at `prev` when the
   * statement ends there.
   */
  expected(what: string, prev: Token, prevDescription = `'${prev.text}'`): ModelSyntaxError {
    const found = this.peek() ?? (this.end < this.tokens.length ? this.tokens[this.end] : undefined);
    if (found === undefined) return this.fail(prev, `${what} after ${prevDescription}`);
    return this.fail(found, `${what} after ${prevDescription}, found '${found.text}'`);
  }
}
