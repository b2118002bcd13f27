/**
 * Comparison rules of the parity tests, as tests/parity/lavaan-0.6.14/README.md states them:
 * estimates and standardized values within 1e-4 relative to max(1, |ref|), standard errors within
 * 1e-3 relative to max(0.01, |ref|), fit measures within 1e-3 relative to max(0.1, |ref|), df exact.
 */
export const TOL = {
  est: { rel: 1e-4, floor: 1 },
  se: { rel: 1e-3, floor: 0.01 },
  fit: { rel: 1e-3, floor: 0.1 },
  mi: { rel: 1e-3, floor: 1 },
  /**
   * estimates of a case whose lavaan run stopped measurably short of the optimum (see
   * LAVAAN_STOPPED_EARLY in parity.test.ts): 5e-4 relative to max(1, |ref|)
   */
  estEarlyStop: { rel: 5e-4, floor: 1 },
  /** modification indices of such a case: 5e-3 relative to max(1, |ref|) */
  miEarlyStop: { rel: 5e-3, floor: 1 },
} as const;

export type Tol = { rel: number; floor: number };

/** true when `mine` agrees with `ref` within the tolerance; null agrees only with null/NaN. */
export function agrees(mine: number | null | undefined, ref: number | null | undefined, tol: Tol): boolean {
  const a = mine ?? NaN;
  const b = ref ?? NaN;
  if (Number.isNaN(b)) return Number.isNaN(a);
  if (!Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= tol.rel * Math.max(tol.floor, Math.abs(b));
}

export interface RefRow {
  lhs: string;
  op: string;
  rhs: string;
  group?: number;
  label?: string;
  [col: string]: unknown;
}

export function rowKey(r: { lhs: string; op: string; rhs: string; group?: number }): string {
  return `${r.lhs} ${r.op} ${r.rhs} [${r.group ?? 1}]`;
}
