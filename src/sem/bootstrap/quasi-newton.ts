/**
 * A refit from θ̂ by BFGS on the inverse Hessian: the quasi-Newton mode of the optimizer
 * (estimate/optimize.ts, started from the Hessian of the full sample) with the same steps, line
 * search and convergence rule, written for many refits of one model:
 *   Δ = −H⁻¹ ∇F(θ),  θ ← θ + t Δ,  t halved until F decreases (Armijo, c = 1e-4),
 *   converged when the Newton decrement −∇Fᵀ Δ is below max(1e-14, the rounding noise of F).
 * optimize.ts keeps H and factors it at every step (O(q³)); here H⁻¹ is kept and updated by the
 * inverse form of the same BFGS update (Nocedal & Wright 2006, eq. 6.17), which is the same
 * matrix in exact arithmetic at O(q²) per step, and F and ∇F come from MlKernel, which allocates
 * nothing. The iterates are those of optimize.ts up to rounding.
 * Where optimize.ts would leave the quasi-Newton mode (a line search that finds no decrease), or
 * after MAX_STEPS steps, run() returns null and the caller fits the replication with optimize.ts
 * from the start, so those refits get exactly its treatment (Fisher scoring, restarts).
 */
import type { MlKernel } from "./ml-kernel.js";

export interface RefitResult {
  readonly theta: Float64Array;
  readonly f: number;
  readonly iterations: number;
}

const MAX_STEPS = 200;
const TOLERANCE = 1e-14;

export class QuasiNewton {
  private readonly q: number;
  private readonly Hinv0: Float64Array;
  /** each parameter's own scale 1/√H_ii of the start Hessian (the step cap of optimize.ts) */
  private readonly scale: Float64Array;
  private readonly Hinv: Float64Array;
  private readonly g: Float64Array;
  private readonly gT: Float64Array;
  private readonly step: Float64Array;
  private readonly y: Float64Array;
  private readonly v: Float64Array;

  /** H0: the start Hessian (q×q, positive definite); H0inv: its inverse. */
  constructor(H0: Float64Array, H0inv: Float64Array) {
    const q = Math.round(Math.sqrt(H0.length));
    this.q = q;
    this.Hinv0 = H0inv;
    this.scale = new Float64Array(q);
    for (let i = 0; i < q; i++) {
      const h = H0[i * q + i]!;
      this.scale[i] = h > 0 && Number.isFinite(h) ? 1 / Math.sqrt(h) : 1;
    }
    this.Hinv = new Float64Array(q * q);
    [this.g, this.gT, this.step, this.y, this.v] = [0, 0, 0, 0, 0].map(() => new Float64Array(q));
  }

  /** Minimises the kernel's F (its problem set by the caller) from `start`; null: use optimize.ts instead. */
  run(kernel: MlKernel, start: Float64Array): RefitResult | null {
    const { q, Hinv, g, gT, step } = this;
    let theta: Float64Array = Float64Array.from(start);
    let f = kernel.evaluate(theta);
    if (!Number.isFinite(f)) return null;
    kernel.gradient(g);
    Hinv.set(this.Hinv0);
    const noise = (x: number): number => 4 * Number.EPSILON * kernel.cells * Math.max(1, Math.abs(x));
    for (let it = 1; it <= MAX_STEPS; it++) {
      let slope = 0;
      for (let i = 0; i < q; i++) {
        let s = 0;
        for (let j = 0; j < q; j++) s -= Hinv[i * q + j]! * g[j]!;
        step[i] = s;
        slope += g[i]! * s;
      }
      if (!(slope <= 0)) return null;
      if (-slope < Math.max(TOLERANCE, noise(f))) return { theta, f, iterations: it - 1 };
      let t = this.cappedLength(theta);
      let trial: Float64Array | null = null;
      let fT = f;
      while (t > 1e-12 && !(t < 1e-3 && -slope < 1e3 * noise(f))) {
        const x = new Float64Array(q);
        for (let i = 0; i < q; i++) x[i] = theta[i]! + t * step[i]!;
        fT = kernel.evaluate(x);
        if (Number.isFinite(fT) && fT < f && fT <= f + 1e-4 * t * slope) {
          trial = x;
          break;
        }
        t /= 2;
      }
      if (trial === null) return null;
      kernel.gradient(gT);
      this.update(trial, theta, t * t * -slope);
      theta = trial;
      f = fT;
      g.set(gT);
    }
    return null;
  }

  /**
   * H⁻¹ ← H⁻¹ − ρ(s vᵀ + v sᵀ) + (ρ + ρ² yᵀv) s sᵀ, v = H⁻¹y, ρ = 1/yᵀs, s = θ₁ − θ₀,
   * y = ∇F₁ − ∇F₀ (this.gT, this.g); skipped unless yᵀs > 1e-12·√(sᵀHs · yᵀs), as in
   * optimize.ts (sᵀHs = t²·(−∇Fᵀ Δ)).
   */
  private update(theta1: Float64Array, theta0: Float64Array, sHs: number): void {
    const { q, Hinv, y, v, step: s } = this;
    let ys = 0;
    for (let i = 0; i < q; i++) {
      s[i] = theta1[i]! - theta0[i]!;
      y[i] = this.gT[i]! - this.g[i]!;
      ys += y[i]! * s[i]!;
    }
    if (!(ys > 1e-12 * Math.sqrt(sHs * ys)) || !(sHs > 0)) return;
    let yv = 0;
    for (let i = 0; i < q; i++) {
      let a = 0;
      for (let j = 0; j < q; j++) a += Hinv[i * q + j]! * y[j]!;
      v[i] = a;
      yv += y[i]! * a;
    }
    const rho = 1 / ys;
    const c = rho + rho * rho * yv;
    for (let i = 0; i < q; i++)
      for (let j = 0; j < q; j++) Hinv[i * q + j] += c * s[i]! * s[j]! - rho * (s[i]! * v[j]! + v[i]! * s[j]!);
  }

  /** The largest t ≤ 1 that moves no parameter by more than 5·(|θᵢ| + sᵢ) (optimize.ts). */
  private cappedLength(theta: Float64Array): number {
    let t = 1;
    for (let i = 0; i < this.q; i++) {
      const limit = 5 * (Math.abs(theta[i]!) + this.scale[i]!);
      const a = Math.abs(this.step[i]!);
      if (a > limit) t = Math.min(t, limit / a);
    }
    return t;
  }
}
