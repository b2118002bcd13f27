/**
 * The weighted least-squares objective on ordinal sample statistics (lavaan's estimator.WLS /
 * estimator.DWLS / estimator.ULS in lav_model_objective):
 *   F = Σ_g (n_g/N) F_g,  F_g = ((n_g − 1)/n_g) (s_g − σ_g(θ))ᵀ W_g (s_g − σ_g(θ)),
 * W = Γ⁻¹ (WLS), diag(Γ)⁻¹ (DWLS), I (ULS), Γ = N·acov(s) per group (lavaan's NACOV). lavaan
 * reports fmin = F/2 and χ² = N·F = Σ_g (n_g − 1) eᵀWe (lav_model_objective's (n_g − 1)/n_g). Its
 * gradient is −2 Σ_g ((n_g − 1)/N) JᵀW(s − σ) with J = ∂σ/∂θ, and the information given to the
 * optimizer Σ_g ((n_g − 1)/N) JᵀWJ (so that its 2·I is the Gauss-Newton Hessian). J is analytic
 * (jacobian.ts); numericJacobian() gives central differences for the tests.
 */
import { spdInverse } from "../../linalg/dense.js";
import type { Evaluation, GroupEval } from "../../estimate/ml.js";
import type { Representation } from "../../model/representation.js";
import type { ParameterTable } from "../../partable/types.js";
import { impliedWls, type GroupImplied, type GroupLayout } from "./implied.js";
import { wlsJacobian } from "./jacobian.js";

/** A group's weight matrix: its diagonal (DWLS, ULS) or the whole matrix (WLS), m×m row-major. */
export type Weight = { readonly diag: Float64Array } | { readonly full: Float64Array };

export interface WlsGroup {
  readonly n: number;
  readonly layout: GroupLayout;
  /** the sample wls vector */
  readonly s: Float64Array;
  readonly W: Weight;
}

export interface WlsSetup {
  readonly table: ParameterTable;
  readonly rep: Representation;
  readonly rowValues: Float64Array;
  readonly groups: readonly WlsGroup[];
  readonly parameterization: "delta" | "theta";
  readonly ntotal: number;
  /** per group, Γ_g of the sample statistics (for difference tests of nested fits) */
  readonly gammas?: readonly Float64Array[];
}

interface State {
  readonly theta: Float64Array;
  readonly implied: readonly GroupImplied[];
}

/** W d for a weight and a vector. */
export function applyWeight(W: Weight, d: Float64Array): Float64Array {
  const m = d.length;
  const out = new Float64Array(m);
  if ("diag" in W) {
    for (let i = 0; i < m; i++) out[i] = W.diag[i]! * d[i]!;
    return out;
  }
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += W.full[i * m + j]! * d[j]!;
    out[i] = s;
  }
  return out;
}

export class WlsObjective {
  private readonly states = new WeakMap<Evaluation, State>();
  constructor(readonly setup: WlsSetup) {}

  /** σ_g(θ) for every group, or null where the model matrices cannot be formed. */
  implied(theta: Float64Array): GroupImplied[] | null {
    const { table, rep, rowValues, parameterization } = this.setup;
    const out: GroupImplied[] = [];
    for (let g = 0; g < this.setup.groups.length; g++) {
      const gi = impliedWls(table, rep.groups[g]!, this.setup.groups[g]!.layout, theta, rowValues, parameterization);
      if (gi === null) return null;
      out.push(gi);
    }
    return out;
  }

  evaluate(theta: Float64Array): Evaluation {
    const imp = this.implied(theta);
    if (imp === null) return { f: Infinity, groups: [] };
    let f = 0;
    const groups: GroupEval[] = imp.map((gi, g) => {
      const grp = this.setup.groups[g]!;
      const d = residual(grp.s, gi.wls);
      const Wd = applyWeight(grp.W, d);
      let fg = 0;
      for (let i = 0; i < d.length; i++) fg += d[i]! * Wd[i]!;
      fg *= (grp.n - 1) / grp.n;
      f += (grp.n / this.setup.ntotal) * fg;
      const p = gi.implied.mats.p;
      const inv = spdInverse({ n: p, a: gi.implied.sigma });
      return { implied: gi.implied, sigmaInv: inv === null ? new Float64Array(p * p) : inv.inv.a, f: fg };
    });
    const ev: Evaluation = { f: Number.isFinite(f) ? f : Infinity, groups };
    this.states.set(ev, { theta: Float64Array.from(theta), implied: imp });
    return ev;
  }

  state(ev: Evaluation): State {
    const s = this.states.get(ev);
    if (s === undefined) throw new Error("evaluation of another objective");
    return s;
  }

  /** J_g = ∂σ_g/∂θ (m_g × q, row-major), analytic (jacobian.ts). */
  jacobian(theta: Float64Array): Float64Array[] {
    const { table, rep, rowValues, parameterization } = this.setup;
    const imp = this.implied(theta);
    if (imp === null) return this.numericJacobian(theta);
    return this.setup.groups.map((grp, g) =>
      wlsJacobian(table, rep.groups[g]!, grp.layout, imp[g]!, theta, rowValues, parameterization),
    );
  }

  /** J_g by central differences (step 1e-6·max(1, |θ_a|)); the tests compare it with the analytic one. */
  numericJacobian(theta: Float64Array): Float64Array[] {
    const q = theta.length;
    const J = this.setup.groups.map((grp) => new Float64Array(grp.layout.m * q));
    const t = Float64Array.from(theta);
    for (let a = 0; a < q; a++) {
      const h = 1e-6 * Math.max(1, Math.abs(theta[a]!));
      t[a] = theta[a]! + h;
      const up = this.implied(t);
      t[a] = theta[a]! - h;
      const down = this.implied(t);
      t[a] = theta[a]!;
      if (up === null || down === null) continue;
      J.forEach((Jg, g) => {
        const u = up[g]!.wls;
        const dn = down[g]!.wls;
        for (let i = 0; i < u.length; i++) Jg[i * q + a] = (u[i]! - dn[i]!) / (2 * h);
      });
    }
    return J;
  }

  gradient(ev: Evaluation): Float64Array {
    const st = this.state(ev);
    const q = st.theta.length;
    const J = this.jacobian(st.theta);
    const grad = new Float64Array(q);
    this.setup.groups.forEach((grp, g) => {
      const Wd = applyWeight(grp.W, residual(grp.s, st.implied[g]!.wls));
      const w = (grp.n - 1) / this.setup.ntotal;
      const Jg = J[g]!;
      for (let i = 0; i < Wd.length; i++) {
        const c = -2 * w * Wd[i]!;
        if (c === 0) continue;
        for (let a = 0; a < q; a++) grad[a] += c * Jg[i * q + a]!;
      }
    });
    return grad;
  }

  /** Σ_g ((n_g − 1)/N) J_gᵀ W_g J_g at an evaluation (half the Gauss-Newton Hessian of F). */
  information(ev: Evaluation): Float64Array {
    return this.informationAt(this.jacobian(this.state(ev).theta), 1);
  }

  /** Σ_g ((n_g − c)/N) J_gᵀ W_g J_g: c = 1 for F, c = 0 for lavaan's expected information (vcov). */
  informationAt(J: readonly Float64Array[], c: number): Float64Array {
    const q = this.setup.rep.nfree;
    const info = new Float64Array(q * q);
    this.setup.groups.forEach((grp, g) => {
      const WJ = weightTimes(grp.W, J[g]!, grp.layout.m, q);
      addCrossProduct(info, J[g]!, WJ, grp.layout.m, q, (grp.n - c) / this.setup.ntotal);
    });
    return info;
  }
}

export function residual(s: Float64Array, sigma: Float64Array): Float64Array {
  const d = new Float64Array(s.length);
  for (let i = 0; i < s.length; i++) d[i] = s[i]! - sigma[i]!;
  return d;
}

/** W·X for an m×k matrix X. */
export function weightTimes(W: Weight, X: Float64Array, m: number, k: number): Float64Array {
  const out = new Float64Array(m * k);
  if ("diag" in W) {
    for (let i = 0; i < m; i++) for (let a = 0; a < k; a++) out[i * k + a] = W.diag[i]! * X[i * k + a]!;
    return out;
  }
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      const w = W.full[i * m + j]!;
      if (w === 0) continue;
      for (let a = 0; a < k; a++) out[i * k + a] += w * X[j * k + a]!;
    }
  return out;
}

/** out += w · Aᵀ B for m×k matrices A, B. */
export function addCrossProduct(out: Float64Array, A: Float64Array, B: Float64Array, m: number, k: number, w: number) {
  for (let i = 0; i < m; i++)
    for (let a = 0; a < k; a++) {
      const x = w * A[i * k + a]!;
      if (x === 0) continue;
      for (let b = 0; b < k; b++) out[a * k + b] += x * B[i * k + b]!;
    }
}
