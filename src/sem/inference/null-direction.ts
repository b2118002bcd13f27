/**
 * The null direction of a singular information matrix (in correlation form, from vcov.ts): the
 * parameters with a sizeable weight in the eigenvector of the smallest eigenvalue (ml-matrix's
 * symmetric eigen-decomposition). Its own module so that ml-matrix is loaded only for a model
 * that is not identified.
 */
import { EigenvalueDecomposition, Matrix } from "ml-matrix";

/** Indices of the parameters with a sizeable weight in the smallest-eigenvalue eigenvector. */
export function nullDirection(info: Float64Array, q: number): number[] {
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
