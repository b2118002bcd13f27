/**
 * A small expression language for defined parameters (`:=`): R's arithmetic with the functions
 * of functions.ts, evaluated to values or to values with exact gradients.
 */
export { parseExpr, namesIn, callsIn, ExprSyntaxError, type ExprNode } from "./parse.js";
export { evaluate, evaluateDual, type Dual } from "./evaluate.js";
export { FUNCTIONS, FUNCTION_NAMES, callProblem } from "./functions.js";
