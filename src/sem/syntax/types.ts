/**
 * The syntax tree of a lavaan model (see parse.ts for the grammar).
 *
 * Positions are 1-based; a column counts characters (a tab is one character) of the source
 * line after a UTF-8 byte-order mark is removed.
 */

/** The operators a statement may carry. `~1` is `~` with the intercept term `1`. */
export type Operator = "=~" | "~" | "~~" | "~1" | ":=" | "==" | "<" | ">" | "|" | "~*~";

/**
 * One right-hand-side term of `=~`, `~` or `~~`, or the `1` of an intercept statement.
 * A vector modifier (`c(...)`) gives one value per group; a single value applies to all.
 */
export interface Term {
  /** The variable name; "" for the intercept term `1`. */
  name: string;
  /** `1*x`, `c(1, NA)*x`: fixed values; null (`NA`) marks a parameter as explicitly free. */
  fixed?: (number | null)[];
  /** `a*x`, `c(a1, a2)*x`, `label("a")*x`, `equal("a")*x`; null (`NA`) means no label. */
  label?: (string | null)[];
  /** `start(0.5)*x`, `0.5?x`, `start(c(1, 2))*x`; null (`NA`) means the default start. */
  start?: (number | null)[];
  /** Where the variable name (or the `1`) stands. */
  line: number;
  column: number;
}

/** `f =~ x1 + x2`, `y ~ x`, `x1 ~~ x2`: one statement per left-hand name. */
export interface FormulaStatement {
  kind: "formula";
  lhs: string;
  op: "=~" | "~" | "~~";
  terms: Term[];
  line: number;
  column: number;
}

/** `x ~ 1`, `x ~ 0*1`, `x ~ a*1`. */
export interface InterceptStatement {
  kind: "intercept";
  lhs: string;
  op: "~1";
  term: Term;
  line: number;
  column: number;
}

/** `indirect := a*b`; `expression` is the source text with whitespace removed. */
export interface DefinitionStatement {
  kind: "definition";
  name: string;
  op: ":=";
  expression: string;
  line: number;
  column: number;
}

/** `a == b`, `a1 + a2 == 2`, `v > 0`; both sides as source text with whitespace removed. */
export interface ConstraintStatement {
  kind: "constraint";
  op: "==" | "<" | ">";
  lhs: string;
  rhs: string;
  line: number;
  column: number;
}

/** `x1 | t1 + a*t2 + 0.5*t3` (thresholds of an ordered item) or `x1 ~*~ x1` (its scale factor), as lavaan prints them. */
export interface OrdinalStatement {
  kind: "ordinal";
  lhs: string;
  op: "|" | "~*~";
  terms: Term[];
  line: number;
  column: number;
}

export type Statement =
  FormulaStatement | InterceptStatement | DefinitionStatement | ConstraintStatement | OrdinalStatement;

export interface ModelSyntax {
  statements: Statement[];
  /** The file name used in messages. */
  file: string;
}

export interface ParseOptions {
  /** The file name for messages; default "<model>". */
  file?: string;
}
