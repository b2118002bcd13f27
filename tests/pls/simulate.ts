/** Seeded simulated data for the unshared PLS checks (no reference software: closed forms and invariances). */
import { parsePlsModel } from "../../src/pls/syntax.js";
import { preparePlsData } from "../../src/pls/data.js";
import type { PlsData, PlsSpec } from "../../src/pls/types.js";

/** mulberry32: a small seeded uniform generator. */
export function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws (Box-Muller). */
export function normal(seed: number): () => number {
  const u = uniform(seed);
  return () => Math.sqrt(-2 * Math.log(u() + 1e-300)) * Math.cos(2 * Math.PI * u());
}

/**
 * A common-factor population: eta1 ~ N(0,1); eta2 = beta eta1 + zeta (var 1); eta3 = g1 eta1 + g2 eta2 + zeta;
 * items x = lambda eta + e with unit variance.
 */
export function factorData(n: number, seed: number, beta = 0.5): Record<string, Float64Array> {
  const z = normal(seed);
  const load: Record<string, [number, number]> = {
    a1: [0, 0.9],
    a2: [0, 0.8],
    a3: [0, 0.7], // eta1
    b1: [1, 0.85],
    b2: [1, 0.75],
    b3: [1, 0.65], // eta2
    c1: [2, 0.8],
    c2: [2, 0.7],
    c3: [2, 0.75],
    c4: [2, 0.6], // eta3
  };
  const cols: Record<string, Float64Array> = Object.fromEntries(Object.keys(load).map((k) => [k, new Float64Array(n)]));
  for (let i = 0; i < n; i++) {
    const e1 = z();
    const e2 = beta * e1 + Math.sqrt(1 - beta * beta) * z();
    const c12 = beta;
    const g1 = 0.3;
    const g2 = 0.4;
    const v = g1 * g1 + g2 * g2 + 2 * g1 * g2 * c12;
    const e3 = g1 * e1 + g2 * e2 + Math.sqrt(1 - v) * z();
    const eta = [e1, e2, e3];
    for (const [k, [f, l]] of Object.entries(load)) cols[k]![i] = 3 + l * eta[f]! + Math.sqrt(1 - l * l) * z();
  }
  return cols;
}

export const FACTOR_MODEL = "A =~ a1 + a2 + a3\nB =~ b1 + b2 + b3\nC =~ c1 + c2 + c3 + c4\nB ~ A\nC ~ A + B\n";

export function prepared(model: string, cols: Record<string, Float64Array>): { spec: PlsSpec; data: PlsData } {
  const spec = parsePlsModel(model, "test.pls");
  return { spec, data: preparePlsData(cols, spec) };
}
