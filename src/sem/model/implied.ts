/**
 * Model matrices of one group at a parameter vector, and the moments they imply:
 *   IB = (I−B)⁻¹, G = Λ IB, M = IB Ψ IBᵀ (total latent covariance), ΛM = Λ M,
 *   Σ = ΛM Λᵀ + Θ, μ = ν + G α.
 * Bollen (1989), ch. 8; lavaan's computeSigmaHat / computeMuHat (LISREL representation).
 */
import { generalInverse, matmul, transpose } from "../linalg/dense.js";
import type { GroupRepresentation } from "./representation.js";

export interface GroupMatrices {
  readonly p: number;
  readonly m: number;
  readonly lambda: Float64Array; // p×m
  readonly beta: Float64Array; // m×m
  readonly psi: Float64Array; // m×m symmetric
  readonly theta: Float64Array; // p×p symmetric
  readonly nu: Float64Array; // p
  readonly alpha: Float64Array; // m
}

export interface Implied {
  readonly mats: GroupMatrices;
  readonly IB: Float64Array; // m×m
  readonly G: Float64Array; // p×m
  readonly M: Float64Array; // m×m
  readonly LM: Float64Array; // p×m
  readonly IBalpha: Float64Array; // m
  readonly sigma: Float64Array; // p×p
  readonly mu: Float64Array; // p
}

/** Fills the model matrices: free cells from θ, fixed cells from the rows' values. */
export function fillMatrices(
  rep: GroupRepresentation,
  theta: Float64Array,
  rowValues: ArrayLike<number>,
): GroupMatrices {
  const { p, m } = rep;
  const mats: GroupMatrices = {
    p,
    m,
    lambda: new Float64Array(p * m),
    beta: new Float64Array(m * m),
    psi: new Float64Array(m * m),
    theta: new Float64Array(p * p),
    nu: new Float64Array(p),
    alpha: new Float64Array(m),
  };
  rep.dummyOf.forEach((o, k) => {
    if (o >= 0) mats.lambda[o * m + k] = 1;
  });
  for (const c of rep.cells) {
    const v = c.free >= 0 ? theta[c.free]! : rowValues[c.row]!;
    switch (c.kind) {
      case "lambda":
        mats.lambda[c.i * m + c.j] = v;
        break;
      case "beta":
        mats.beta[c.i * m + c.j] = v;
        break;
      case "psi":
        mats.psi[c.i * m + c.j] = v;
        mats.psi[c.j * m + c.i] = v;
        break;
      case "theta":
        mats.theta[c.i * p + c.j] = v;
        mats.theta[c.j * p + c.i] = v;
        break;
      case "nu":
        mats.nu[c.i] = v;
        break;
      case "alpha":
        mats.alpha[c.i] = v;
        break;
    }
  }
  return mats;
}

/** Implied moments; null when I−B is singular (a non-recursive model at a bad point). */
export function impliedMoments(mats: GroupMatrices): Implied | null {
  const { p, m } = mats;
  let IB: Float64Array;
  if (mats.beta.some((x) => x !== 0)) {
    const IminusB = new Float64Array(m * m);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) IminusB[i * m + j] = (i === j ? 1 : 0) - mats.beta[i * m + j]!;
    const inv = generalInverse({ n: m, a: IminusB });
    if (inv === null) return null;
    IB = inv.a;
  } else {
    IB = new Float64Array(m * m);
    for (let i = 0; i < m; i++) IB[i * m + i] = 1;
  }
  const G = matmul(mats.lambda, IB, p, m, m);
  const M = matmul(matmul(IB, mats.psi, m, m, m), transpose(IB, m, m), m, m, m);
  const LM = matmul(mats.lambda, M, p, m, m);
  const sigma = matmul(LM, transpose(mats.lambda, p, m), p, m, p);
  for (let i = 0; i < p * p; i++) sigma[i] += mats.theta[i]!;
  for (let i = 0; i < p; i++)
    for (let j = 0; j < i; j++) {
      const s = 0.5 * (sigma[i * p + j]! + sigma[j * p + i]!);
      sigma[i * p + j] = s;
      sigma[j * p + i] = s;
    }
  const IBalpha = matmul(IB, mats.alpha, m, m, 1);
  const mu = matmul(G, mats.alpha, p, m, 1);
  for (let i = 0; i < p; i++) mu[i] += mats.nu[i]!;
  return { mats, IB, G, M, LM, IBalpha, sigma, mu };
}
