/**
 * The functions a defined parameter may call, with R's meaning (lavaan evaluates `:=` as R
 * code), and their partial derivatives for the delta method. The set is the elementary
 * functions users write in indirect, total and transformed effects; any other name is refused
 * with this list.
 */
import { normalCdf, normalDensity } from "../distributions/index.js";

export interface ExprFunction {
  /** Fewest and most arguments. */
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly value: (x: number[]) => number;
  /** ∂f/∂x_i for every argument. */
  readonly partials: (x: number[]) => number[];
}

const unary = (value: (x: number) => number, d: (x: number) => number): ExprFunction => ({
  minArgs: 1,
  maxArgs: 1,
  value: (x) => value(x[0]!),
  partials: (x) => [d(x[0]!)],
});

/** The index of the argument min() or max() returns (the first of ties; NaN wins, as in R). */
function pick(x: number[], better: (a: number, b: number) => boolean): number {
  let k = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]!)) return i;
    if (better(x[i]!, x[k]!)) k = i;
  }
  return k;
}

const extreme = (better: (a: number, b: number) => boolean): ExprFunction => ({
  minArgs: 1,
  maxArgs: Infinity,
  value: (x) => x[pick(x, better)]!,
  partials: (x) => {
    const k = pick(x, better);
    return x.map((_, i) => (i === k ? 1 : 0));
  },
});

/** log(x) or log(x, base) = ln x / ln base (R's log). */
const log: ExprFunction = {
  minArgs: 1,
  maxArgs: 2,
  value: (x) => (x.length === 1 ? Math.log(x[0]!) : Math.log(x[0]!) / Math.log(x[1]!)),
  partials: (x) => {
    if (x.length === 1) return [1 / x[0]!];
    const lb = Math.log(x[1]!);
    return [1 / (x[0]! * lb), -Math.log(x[0]!) / (x[1]! * lb * lb)];
  },
};

export const FUNCTIONS: Readonly<Record<string, ExprFunction>> = {
  exp: unary(Math.exp, Math.exp),
  log,
  log10: unary(Math.log10, (x) => 1 / (x * Math.LN10)),
  log2: unary(Math.log2, (x) => 1 / (x * Math.LN2)),
  sqrt: unary(Math.sqrt, (x) => 0.5 / Math.sqrt(x)),
  abs: unary(Math.abs, (x) => Math.sign(x)),
  sin: unary(Math.sin, Math.cos),
  cos: unary(Math.cos, (x) => -Math.sin(x)),
  tan: unary(Math.tan, (x) => 1 / Math.cos(x) ** 2),
  asin: unary(Math.asin, (x) => 1 / Math.sqrt(1 - x * x)),
  acos: unary(Math.acos, (x) => -1 / Math.sqrt(1 - x * x)),
  atan: unary(Math.atan, (x) => 1 / (1 + x * x)),
  sinh: unary(Math.sinh, Math.cosh),
  cosh: unary(Math.cosh, Math.sinh),
  tanh: unary(Math.tanh, (x) => 1 - Math.tanh(x) ** 2),
  pnorm: unary(normalCdf, normalDensity),
  dnorm: unary(normalDensity, (x) => -x * normalDensity(x)),
  min: extreme((a, b) => a < b),
  max: extreme((a, b) => a > b),
};

/** The names of the known functions, for messages. */
export const FUNCTION_NAMES = Object.keys(FUNCTIONS).join(", ");

/** Why a call cannot be made (unknown function, wrong number of arguments), or null. */
export function callProblem(fn: string, nargs: number): string | null {
  const f = Object.hasOwn(FUNCTIONS, fn) ? FUNCTIONS[fn] : undefined;
  if (f === undefined) return `unknown function '${fn}()' (known: ${FUNCTION_NAMES})`;
  if (nargs < f.minArgs || nargs > f.maxArgs) {
    const wanted =
      f.minArgs === f.maxArgs
        ? `${f.minArgs} argument${f.minArgs === 1 ? "" : "s"}`
        : f.maxArgs === Infinity
          ? `at least ${f.minArgs} argument${f.minArgs === 1 ? "" : "s"}`
          : `${f.minArgs} to ${f.maxArgs} arguments`;
    return `${fn}() takes ${wanted}, not ${nargs}`;
  }
  return null;
}
