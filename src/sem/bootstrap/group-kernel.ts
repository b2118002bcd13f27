/**
 * One group of MlKernel (ml-kernel.ts): its cells compiled into index arrays, its model matrices
 * and the buffers of F_g and ∂F_g, allocated once. Formulas of model/implied.ts and
 * estimate/ml.ts:
 *   IB = (I − B)⁻¹, G = Λ IB, M = IB Ψ IBᵀ, Σ = Λ M Λᵀ + Θ, μ = ν + G α;
 *   F_g = log|Σ| + tr(S Σ⁻¹) − log|S| − p + dᵀ Σ⁻¹ d (d = x̄ − μ);
 *   ∂F_g through W = Σ⁻¹ − Σ⁻¹(S + ddᵀ)Σ⁻¹ and d̃ = Σ⁻¹d.
 */
import { generalInverse } from "../linalg/dense.js";
import type { GroupRepresentation } from "../model/representation.js";
import type { GroupStats } from "../samplestats/index.js";
import { choleskyInverse, product, productT, productTN } from "./kernel-algebra.js";

/** The matrix of a cell, as a number (the order of MatrixKind's names; alpha is 5). */
const KINDS = { lambda: 0, beta: 1, psi: 2, theta: 3, nu: 4, alpha: 5 } as const;
const [LAMBDA, BETA, PSI, THETA, NU] = [0, 1, 2, 3, 4];

/** The pieces of one group: its cells as index arrays, its matrices, and the buffers of F and ∂F. */
export class GroupKernel {
  readonly p: number;
  readonly m: number;
  readonly meanstructure: boolean;
  readonly kind: Uint8Array;
  readonly ci: Int32Array;
  readonly cj: Int32Array;
  readonly free: Int32Array;
  readonly row: Int32Array;
  /** some cell of B (free or fixed): IB = (I − B)⁻¹ is computed, else IB = I */
  readonly hasBeta: boolean;
  /** a free cell of B or Ψ: ∂F needs Gᵀ W */
  readonly needGtW: boolean;
  readonly lambda: Float64Array;
  readonly beta: Float64Array;
  readonly psi: Float64Array;
  readonly theta: Float64Array;
  readonly nu: Float64Array;
  readonly alpha: Float64Array;
  readonly IB: Float64Array;
  readonly G: Float64Array;
  readonly IBpsi: Float64Array;
  readonly M: Float64Array;
  readonly LM: Float64Array;
  readonly IBalpha: Float64Array;
  readonly sigma: Float64Array;
  readonly mu: Float64Array;
  /** the Cholesky factor of Σ, then L⁻¹ (lower triangles) */
  readonly L: Float64Array;
  readonly Linv: Float64Array;
  readonly sigmaInv: Float64Array;
  readonly d: Float64Array;
  readonly dt: Float64Array;
  readonly T: Float64Array;
  readonly W: Float64Array;
  readonly WLM: Float64Array;
  readonly WG: Float64Array;
  readonly GtWLM: Float64Array;
  readonly GtWG: Float64Array;
  readonly Gtd: Float64Array;

  constructor(rep: GroupRepresentation) {
    const { p, m } = rep;
    this.p = p;
    this.m = m;
    this.meanstructure = rep.meanstructure;
    const k = rep.cells.length;
    this.kind = new Uint8Array(k);
    this.ci = new Int32Array(k);
    this.cj = new Int32Array(k);
    this.free = new Int32Array(k);
    this.row = new Int32Array(k);
    rep.cells.forEach((c, t) => {
      this.kind[t] = KINDS[c.kind];
      this.ci[t] = c.i;
      this.cj[t] = c.j;
      this.free[t] = c.free;
      this.row[t] = c.row;
    });
    this.hasBeta = rep.cells.some((c) => c.kind === "beta");
    this.needGtW = rep.cells.some((c) => c.free >= 0 && (c.kind === "beta" || c.kind === "psi"));
    const f = (n: number): Float64Array => new Float64Array(n);
    [this.lambda, this.beta, this.psi, this.theta, this.nu, this.alpha] = [
      f(p * m),
      f(m * m),
      f(m * m),
      f(p * p),
      f(p),
      f(m),
    ];
    [this.IB, this.G, this.IBpsi, this.M, this.LM, this.IBalpha] = [
      f(m * m),
      f(p * m),
      f(m * m),
      f(m * m),
      f(p * m),
      f(m),
    ];
    [this.sigma, this.mu, this.L, this.Linv, this.sigmaInv] = [f(p * p), f(p), f(p * p), f(p * p), f(p * p)];
    [this.d, this.dt, this.T, this.W, this.WLM, this.WG] = [f(p), f(p), f(p * p), f(p * p), f(p * m), f(p * m)];
    [this.GtWLM, this.GtWG, this.Gtd] = [f(m * m), f(m * m), f(m)];
    rep.dummyOf.forEach((o, lv) => {
      if (o >= 0) this.lambda[o * m + lv] = 1;
    });
    for (let i = 0; i < m; i++) this.IB[i * m + i] = 1;
  }

  /** Writes the value v into the cell t (both halves of a symmetric cell). */
  set(t: number, v: number): void {
    const i = this.ci[t]!,
      j = this.cj[t]!,
      p = this.p,
      m = this.m;
    switch (this.kind[t]) {
      case LAMBDA:
        this.lambda[i * m + j] = v;
        break;
      case BETA:
        this.beta[i * m + j] = v;
        break;
      case PSI:
        this.psi[i * m + j] = v;
        this.psi[j * m + i] = v;
        break;
      case THETA:
        this.theta[i * p + j] = v;
        this.theta[j * p + i] = v;
        break;
      case NU:
        this.nu[i] = v;
        break;
      default:
        this.alpha[i] = v;
    }
  }

  /** The fixed cells take the problem's row values. */
  fixed(rowValues: ArrayLike<number>): void {
    for (let t = 0; t < this.free.length; t++) if (this.free[t]! < 0) this.set(t, rowValues[this.row[t]!]!);
  }

  /** F_g at θ for the statistics st; Infinity when I − B is singular or Σ is not positive definite. */
  evaluate(theta: Float64Array, st: GroupStats): number {
    for (let t = 0; t < this.free.length; t++) if (this.free[t]! >= 0) this.set(t, theta[this.free[t]!]!);
    if (!this.implied()) return Infinity;
    const logDet = choleskyInverse(this.sigma, this.L, this.Linv, this.sigmaInv, this.p);
    if (logDet === null) return Infinity;
    const { p, sigmaInv: si, d } = this;
    let tr = 0;
    for (let i = 0; i < p * p; i++) tr += st.S[i]! * si[i]!;
    let quad = 0;
    if (this.meanstructure) {
      for (let i = 0; i < p; i++) d[i] = st.mean[i]! - this.mu[i]!;
      for (let i = 0; i < p; i++) {
        let s = 0;
        for (let j = 0; j < p; j++) s += si[i * p + j]! * d[j]!;
        this.dt[i] = s;
        quad += d[i]! * s;
      }
    }
    return logDet + tr - st.logDetS - p + quad;
  }

  /** IB, G, M, ΛM, Σ and μ from the matrices; false when I − B is singular. */
  private implied(): boolean {
    const { p, m } = this;
    if (this.hasBeta) {
      const IminusB = new Float64Array(m * m);
      for (let i = 0; i < m * m; i++) IminusB[i] = -this.beta[i]!;
      for (let i = 0; i < m; i++) IminusB[i * m + i] += 1;
      const inv = generalInverse({ n: m, a: IminusB });
      if (inv === null) return false;
      this.IB.set(inv.a);
      product(this.G, this.lambda, this.IB, p, m, m);
      product(this.IBpsi, this.IB, this.psi, m, m, m);
      productT(this.M, this.IBpsi, this.IB, m, m, m);
    } else {
      this.G.set(this.lambda);
      this.M.set(this.psi);
    }
    product(this.LM, this.lambda, this.M, p, m, m);
    const { sigma, LM, lambda } = this;
    for (let i = 0; i < p; i++)
      for (let j = 0; j <= i; j++) {
        let s = this.theta[i * p + j]!;
        for (let k = 0; k < m; k++) s += LM[i * m + k]! * lambda[j * m + k]!;
        sigma[i * p + j] = s;
        sigma[j * p + i] = s;
      }
    if (this.meanstructure) {
      product(this.IBalpha, this.IB, this.alpha, m, m, 1);
      for (let i = 0; i < p; i++) {
        let s = this.nu[i]!;
        for (let k = 0; k < m; k++) s += this.G[i * m + k]! * this.alpha[k]!;
        this.mu[i] = s;
      }
    }
    return true;
  }

  /** Adds w·∂F_g/∂θ to grad (at the θ of the last evaluation, which must have been finite). */
  addGradient(st: GroupStats, w: number, grad: Float64Array): void {
    const { p, m, sigmaInv: si, T, W, dt } = this;
    // W = Σ⁻¹ − Σ⁻¹ S Σ⁻¹ − d̃ d̃ᵀ (T = S Σ⁻¹)
    product(T, st.S, si, p, p, p);
    for (let i = 0; i < p; i++)
      for (let j = 0; j <= i; j++) {
        let s = si[i * p + j]!;
        for (let k = 0; k < p; k++) s -= si[i * p + k]! * T[k * p + j]!;
        if (this.meanstructure) s -= dt[i]! * dt[j]!;
        W[i * p + j] = s;
        W[j * p + i] = s;
      }
    product(this.WLM, W, this.LM, p, p, m);
    if (this.needGtW) {
      productTN(this.GtWLM, this.G, this.WLM, p, m, m);
      product(this.WG, W, this.G, p, p, m);
      productTN(this.GtWG, this.G, this.WG, p, m, m);
    }
    if (this.meanstructure) productTN(this.Gtd, this.G, dt, p, m, 1);
    for (let t = 0; t < this.free.length; t++) {
      const fr = this.free[t]!;
      if (fr < 0) continue;
      const i = this.ci[t]!,
        j = this.cj[t]!;
      let v: number;
      switch (this.kind[t]) {
        case LAMBDA:
          v = 2 * this.WLM[i * m + j]! - (this.meanstructure ? 2 * dt[i]! * this.IBalpha[j]! : 0);
          break;
        case BETA:
          v = 2 * this.GtWLM[i * m + j]! - (this.meanstructure ? 2 * this.Gtd[i]! * this.IBalpha[j]! : 0);
          break;
        case PSI:
          v = (i === j ? 1 : 2) * this.GtWG[i * m + j]!;
          break;
        case THETA:
          v = (i === j ? 1 : 2) * W[i * p + j]!;
          break;
        case NU:
          v = -2 * dt[i]!;
          break;
        default:
          v = -2 * this.Gtd[i]!;
      }
      grad[fr] += w * v;
    }
  }
}
