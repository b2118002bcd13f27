/**
 * lavaan model syntax: parseModel() turns model text into a syntax tree with positions, and
 * ModelSyntaxError / formatSyntaxError() report what is wrong and where. The grammar is
 * described in parse.ts (statements), statements.ts (lines), terms.ts and modifiers.ts
 * (right-hand sides), expression.ts (:= and constraints) and tokenize.ts (tokens).
 */
export { parseModel } from "./parse.js";
export { ModelSyntaxError, formatSyntaxError } from "./errors.js";
export type {
  ConstraintStatement,
  DefinitionStatement,
  FormulaStatement,
  InterceptStatement,
  ModelSyntax,
  Operator,
  ParseOptions,
  Statement,
  Term,
} from "./types.js";
