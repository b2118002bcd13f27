/**
 * Covariance matrix of the estimates from the expected information (lavaan's default for
 * complete-data ML): vcov(θ̂) = I(θ̂)⁻¹ / N, with I per observation (sem-conventions.md).
 * When I is singular the model is not identified: the eigenvector of the smallest eigenvalue
 * names the parameters involved (ml-matrix's eigen-decomposition, off the hot path).
 */
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { cholesky, inverseFromCholesky } from "../linalg/dense.js";

export type VcovResult =
  { readonly ok: true; readonly vcov: Float64Array } | { readonly ok: false; readonly involved: number[] };

export function vcovFromInformation(info: Float64Array, q: number, ntotal: number): VcovResult {
  if (q === 0) return { ok: true, vcov: new Float64Array(0) };
  const L = cholesky({ n: q, a: info });
  const maxDiag = Math.max(...Array.from({ length: q }, (_, i) => Math.abs(info[i * q + i]!)));
  let ok = L !== null;
  if (L !== null) {
    let minPivot = Infinity;
    for (let i = 0; i < q; i++) minPivot = Math.min(minPivot, L.a[i * q + i]! ** 2);
    if (minPivot < 1e-12 * maxDiag) ok = false;
  }
  if (!ok || L === null) return { ok: false, involved: nullDirection(info, q) };
  const inv = inverseFromCholesky(L).a;
  for (let i = 0; i < q * q; i++) inv[i] /= ntotal;
  return { ok: true, vcov: inv };
}

/** Indices of the parameters with a sizeable weight in the smallest-eigenvalue eigenvector. */
function nullDirection(info: Float64Array, q: number): number[] {
  const M = new Matrix(q, q);
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) M.set(i, j, 0.5 * (info[i * q + j]! + info[j * q + i]!));
  const evd = new EigenvalueDecomposition(M, { assumeSymmetric: true });
  const values = evd.realEigenvalues;
  let k = 0;
  for (let i = 1; i < q; i++) if (values[i]! < values[k]!) k = i;
  const v = evd.eigenvectorMatrix.getColumn(k);
  const big = Math.max(...v.map(Math.abs));
  return v
    .map((x, i) => [Math.abs(x), i] as const)
    .filter(([a]) => a > 0.1 * big)
    .map(([, i]) => i);
}
