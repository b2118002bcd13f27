/**
 * Evaluation of expression trees: the value alone, or the value with its exact gradient
 * (forward-mode automatic differentiation: every intermediate carries its derivatives with
 * respect to the inputs, combined by the chain rule from each operation's partials).
 *
 * lavaan takes the Jacobian of the definitions numerically (lav_func_jacobian_complex, with
 * lav_func_jacobian_simple as fallback); exact derivatives agree with it to its accuracy and
 * need no step size.
 */
import { FUNCTIONS } from "./functions.js";
import type { ExprNode } from "./parse.js";

/** A value and its gradient over the inputs; `d` null means a constant (gradient zero). */
export interface Dual {
  readonly v: number;
  readonly d: Float64Array | null;
}

type Binary = "+" | "-" | "*" | "/" | "^";

function binaryValue(op: Binary, a: number, b: number): number {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return a / b;
    case "^":
      return a ** b;
  }
}

/** ∂(a op b)/∂a and ∂(a op b)/∂b. */
function binaryPartials(op: Binary, a: number, b: number): [number, number] {
  switch (op) {
    case "+":
      return [1, 1];
    case "-":
      return [1, -1];
    case "*":
      return [b, a];
    case "/":
      return [1 / b, -a / (b * b)];
    case "^":
      return [b * a ** (b - 1), a ** b * Math.log(a)];
  }
}

/** The value of a tree; `lookup` gives the value of a name. */
export function evaluate(node: ExprNode, lookup: (name: string) => number): number {
  switch (node.kind) {
    case "number":
      return node.value;
    case "name":
      return lookup(node.name);
    case "unary":
      return node.op === "-" ? -evaluate(node.arg, lookup) : evaluate(node.arg, lookup);
    case "binary":
      return binaryValue(node.op, evaluate(node.left, lookup), evaluate(node.right, lookup));
    case "call":
      return FUNCTIONS[node.fn]!.value(node.args.map((a) => evaluate(a, lookup)));
  }
}

/** Σ partial_i · d_i over the arguments that depend on the inputs (entries that are 0 stay 0). */
function chain(partials: number[], args: Dual[]): Float64Array | null {
  let out: Float64Array | null = null;
  args.forEach((arg, i) => {
    if (arg.d === null) return;
    out ??= new Float64Array(arg.d.length);
    const p = partials[i]!;
    for (let j = 0; j < arg.d.length; j++) if (arg.d[j] !== 0) out[j] += p * arg.d[j]!;
  });
  return out;
}

/** The value and gradient of a tree; `lookup` gives the value and gradient of a name. */
export function evaluateDual(node: ExprNode, lookup: (name: string) => Dual): Dual {
  switch (node.kind) {
    case "number":
      return { v: node.value, d: null };
    case "name":
      return lookup(node.name);
    case "unary": {
      const x = evaluateDual(node.arg, lookup);
      return node.op === "+" ? x : { v: -x.v, d: chain([-1], [x]) };
    }
    case "binary": {
      const a = evaluateDual(node.left, lookup);
      const b = evaluateDual(node.right, lookup);
      return { v: binaryValue(node.op, a.v, b.v), d: chain(binaryPartials(node.op, a.v, b.v), [a, b]) };
    }
    case "call": {
      const args = node.args.map((a) => evaluateDual(a, lookup));
      const f = FUNCTIONS[node.fn]!;
      const x = args.map((a) => a.v);
      return { v: f.value(x), d: chain(f.partials(x), args) };
    }
  }
}
