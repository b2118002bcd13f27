/**
 * Covariance matrix of the estimates from the expected information (lavaan's default for
 * complete-data ML): vcov(θ̂) = I(θ̂)⁻¹ / N, with I per observation (sem-conventions.md).
 * The rank is judged on the information in correlation form (D I D, D = diag(I)^-½), which does
 * not change with the units of the variables. When it is singular the model is not identified:
 * the eigenvector of its smallest eigenvalue names the parameters involved (`involvedParameters`:
 * ml-matrix's eigen-decomposition in null-direction.ts, loaded only then, as ml-matrix is large).
 */
import { cholesky, inverseFromCholesky } from "../linalg/dense.js";

/**
 * The covariance matrix, or why there is none: `involved` lists the parameters involved when they
 * are known at once (non-finite information); otherwise it is null and `singular` holds the
 * information in correlation form, whose null direction `involvedParameters` finds.
 */
export type VcovResult =
  | { readonly ok: true; readonly vcov: Float64Array }
  | { readonly ok: false; readonly involved: number[] }
  | { readonly ok: false; readonly involved: null; readonly singular: Float64Array; readonly q: number };

/** The parameters involved in a singular information (indices of free parameters, 0-based). */
export async function involvedParameters(r: Extract<VcovResult, { ok: false }>): Promise<number[]> {
  if (r.involved !== null) return r.involved;
  const { nullDirection } = await import("./null-direction.js");
  return nullDirection(r.singular, r.q);
}

export function vcovFromInformation(info: Float64Array, q: number, ntotal: number): VcovResult {
  if (q === 0) return { ok: true, vcov: new Float64Array(0) };
  const { scaled, d } = unitDiagonal(info, q);
  if (d === null) return { ok: false, involved: nonFinite(info, q) };
  const L = cholesky({ n: q, a: scaled });
  let ok = L !== null;
  if (L !== null) {
    let minPivot = Infinity;
    for (let i = 0; i < q; i++) minPivot = Math.min(minPivot, L.a[i * q + i]! ** 2);
    if (minPivot < 1e-12) ok = false;
  }
  if (!ok || L === null) {
    return scaled.every(Number.isFinite)
      ? { ok: false, involved: null, singular: scaled, q }
      : { ok: false, involved: nonFinite(scaled, q) };
  }
  const inv = inverseFromCholesky(L).a;
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) inv[i * q + j] *= (d[i]! * d[j]!) / ntotal;
  return { ok: true, vcov: inv };
}

/**
 * D I D with D = diag(I)^-½: the information in correlation form, so that the rank is judged
 * on the matrix's own scale and not on the units of the variables (a variable measured in
 * cents multiplies the information of its variance by 1e-8, which says nothing about
 * identification). d is null when a diagonal entry is not a positive finite number; a zero
 * diagonal (a parameter the likelihood does not depend on) is kept at 0, so the check fails.
 */
function unitDiagonal(info: Float64Array, q: number): { scaled: Float64Array; d: Float64Array | null } {
  const d = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    const h = info[i * q + i]!;
    if (!Number.isFinite(h) || h < 0) return { scaled: info, d: null };
    d[i] = h > 0 ? 1 / Math.sqrt(h) : 0;
  }
  const scaled = new Float64Array(q * q);
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) scaled[i * q + j] = d[i]! * info[i * q + j]! * d[j]!;
  for (let i = 0; i < q; i++) if (d[i] === 0) scaled[i * q + i] = 0;
  return { scaled, d };
}

/** The parameters whose information row holds a non-finite number (or a negative diagonal). */
export function nonFinite(info: Float64Array, q: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < q; i++) {
    let bad = info[i * q + i]! < 0;
    for (let j = 0; j < q; j++) if (!Number.isFinite(info[i * q + j]!)) bad = true;
    if (bad) out.push(i);
  }
  return out;
}
