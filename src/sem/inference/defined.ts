/**
 * Defined parameters (`name := expression`). The expressions are parsed and evaluated with
 * mathjs (imported lazily: it costs about a second to load, and most models have no `:=`).
 * Their standard errors follow from the delta method, se = √(J V Jᵀ), with the Jacobian J
 * of the definitions with respect to the free parameters taken by central differences
 * (step 1e-5·max(1, |θ|); the truncation error is O(h²), far below the SE tolerance).
 */
import { InputError } from "../messages.js";

export interface Definition {
  readonly name: string;
  readonly expression: string;
}

export type Evaluator = (scope: Record<string, number>) => number[];

/** Compiles the definitions in order; later ones may use earlier ones by name. */
export async function compileDefinitions(defs: readonly Definition[], known: ReadonlySet<string>): Promise<Evaluator> {
  const math = await import("mathjs");
  const compiled = defs.map((d) => {
    let node;
    try {
      node = math.parse(d.expression);
    } catch (e) {
      throw new InputError("E_MODEL", `defined parameter '${d.name} := ${d.expression}': ${(e as Error).message}`);
    }
    const used = node
      .filter((n) => (n as { isSymbolNode?: boolean }).isSymbolNode === true)
      .map((n) => (n as unknown as { name: string }).name);
    const fns = node
      .filter((n) => (n as { isFunctionNode?: boolean }).isFunctionNode === true)
      .map((n) => (n as unknown as { fn: { name: string } }).fn.name);
    for (const u of used) {
      if (!known.has(u) && !fns.includes(u) && !defs.some((x) => x.name === u)) {
        throw new InputError(
          "E_MODEL",
          `defined parameter '${d.name} := ${d.expression}': '${u}' is not a label of the model`,
        );
      }
    }
    return { name: d.name, code: node.compile() };
  });
  return (scope) => {
    const s: Record<string, number> = { ...scope };
    return compiled.map((c) => {
      const v = Number(c.code.evaluate(s));
      s[c.name] = v;
      return v;
    });
  };
}

/** Jacobian (k × q, row-major) of the defined values with respect to θ, by central differences. */
export function definedJacobian(f: (theta: Float64Array) => number[], theta: Float64Array, k: number): Float64Array {
  const q = theta.length;
  const J = new Float64Array(k * q);
  const t = Float64Array.from(theta);
  for (let j = 0; j < q; j++) {
    const h = 1e-5 * Math.max(1, Math.abs(theta[j]!));
    t[j] = theta[j]! + h;
    const up = f(t);
    t[j] = theta[j]! - h;
    const down = f(t);
    t[j] = theta[j]!;
    for (let i = 0; i < k; i++) J[i * q + j] = (up[i]! - down[i]!) / (2 * h);
  }
  return J;
}
