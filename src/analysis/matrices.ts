/**
 * The estimated model matrices of a single-group fit, read back from its parameter rows
 * (lavaan's lavInspect(fit, "est") and "cov.lv"): Λ (items x latent), B (latent x latent,
 * B[i][j] = effect of j on i), Ψ, Θ, and the model-implied latent covariance
 * cov.lv = (I - B)⁻¹ Ψ (I - B)⁻ᵀ (Bollen 1989, ch. 8).
 */
import { generalInverse, matmul, square, transpose } from "../sem/linalg/dense.js";
import type { FitResult } from "../sem/results.js";

export interface ModelMatrices {
  observed: string[];
  latent: string[];
  /** row-major observed x latent */
  lambda: number[][];
  beta: number[][];
  psi: number[][];
  theta: number[][];
  covLv: number[][];
}

const zeros = (r: number, c: number): number[][] => Array.from({ length: r }, () => new Array<number>(c).fill(0));

export function modelMatrices(fit: FitResult): ModelMatrices {
  const ov = fit.observed;
  const lv = fit.latent;
  const lambda = zeros(ov.length, lv.length);
  const beta = zeros(lv.length, lv.length);
  const psi = zeros(lv.length, lv.length);
  const theta = zeros(ov.length, ov.length);
  for (const r of fit.parameters) {
    if (r.group !== 1 || r.est === null) continue;
    const [li, ri] = [lv.indexOf(r.lhs), lv.indexOf(r.rhs)];
    if (r.op === "=~" && li >= 0 && ri >= 0) beta[ri]![li] = r.est;
    else if (r.op === "=~" && li >= 0) lambda[ov.indexOf(r.rhs)]![li] = r.est;
    else if (r.op === "~" && li >= 0 && ri >= 0) beta[li]![ri] = r.est;
    else if (r.op === "~~" && li >= 0 && ri >= 0) psi[li]![ri] = psi[ri]![li] = r.est;
    else if (r.op === "~~" && ov.includes(r.lhs) && ov.includes(r.rhs)) {
      const [a, b] = [ov.indexOf(r.lhs), ov.indexOf(r.rhs)];
      theta[a]![b] = theta[b]![a] = r.est;
    }
  }
  return { observed: ov, latent: lv, lambda, beta, psi, theta, covLv: impliedLatentCov(beta, psi) };
}

function impliedLatentCov(beta: number[][], psi: number[][]): number[][] {
  const m = beta.length;
  const iMinusB = square(m, Float64Array.from(beta.flatMap((row, i) => row.map((b, j) => (i === j ? 1 : 0) - b))));
  const inv = generalInverse(iMinusB);
  if (inv === null) return psi.map((r) => [...r]);
  const P = Float64Array.from(psi.flat());
  const out = matmul(matmul(inv.a, P, m, m, m), transpose(inv.a, m, m), m, m, m);
  return Array.from({ length: m }, (_, i) => Array.from(out.subarray(i * m, (i + 1) * m)));
}

/** Correlations from a covariance matrix (cov2cor). */
export function cov2cor(c: readonly (readonly number[])[]): number[][] {
  const sd = c.map((row, i) => Math.sqrt(row[i]!));
  return c.map((row, i) => row.map((v, j) => (i === j ? 1 : v / (sd[i]! * sd[j]!))));
}
