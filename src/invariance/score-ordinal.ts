/**
 * The score and information of an ordinal (weighted least-squares) fit in the unconstrained
 * space x (every free parameter-table row its own parameter, plus fixed rows a test frees), for
 * the score tests of score.ts. lavaan 0.6.14's lavTestScore on such a fit uses
 * lavTech(fit, "gradient.logl"), which for estimators other than ML is the gradient of the fit
 * function itself (lav_model_gradient, no change of sign), and the expected information
 * (lav_model_information_expected); it warns that the robust standard errors are not taken into
 * account and gives the ordinary score test. With J_g = ∂σ_g/∂x, W_g the weight, e_g = s_g − σ_g:
 *   score  s = −Σ_g ((n_g − 1)/N) J_gᵀ W_g e_g,
 *   info   I = Σ_g (n_g/N) J_gᵀ W_g J_g,
 * and X² = N sᵀ(...)s as for ML.
 */
import type { FittedModel } from "../sem/fit-model.js";
import type { Representation } from "../sem/model/representation.js";
import { addCrossProduct, applyWeight, residual, weightTimes, WlsObjective } from "../sem/ordinal/method/objective.js";

export interface ScoreBasis {
  /** the score per observation in x */
  s: Float64Array;
  /** the information per observation in x (n×n) */
  Ix: Float64Array;
}

export function ordinalScoreBasis(
  fitted: FittedModel,
  xOf: ReadonlyMap<number, number>,
  thetaOfX: readonly number[],
): ScoreBasis {
  const obj = (fitted.prob as { objective?: unknown }).objective;
  if (!(obj instanceof WlsObjective)) throw new Error("ordinal score tests of a fit that is not ordinal");
  const n = thetaOfX.length;
  const { table, rep, rowValues } = obj.setup;
  const xtable = { ...table, rows: table.rows.map((r, k) => ({ ...r, free: (xOf.get(k) ?? -1) + 1 })), nfree: n };
  const xrep: Representation = {
    nfree: n,
    groups: rep.groups.map((g) => ({ ...g, cells: g.cells.map((c) => ({ ...c, free: xOf.get(c.row) ?? -1 })) })),
  };
  const x = new Float64Array(n);
  for (const [k, i] of xOf) {
    const t = thetaOfX[i]!;
    x[i] = t >= 0 ? fitted.theta[t]! : rowValues[k]!;
  }
  const xobj = new WlsObjective({ ...obj.setup, table: xtable, rep: xrep });
  const imp = xobj.implied(x);
  const J = xobj.jacobian(x);
  const N = obj.setup.ntotal;
  const s = new Float64Array(n);
  const Ix = new Float64Array(n * n);
  obj.setup.groups.forEach((g, k) => {
    const m = g.layout.m;
    const Jg = J[k]!;
    const We = applyWeight(g.W, residual(g.s, imp![k]!.wls));
    const w = (g.n - 1) / N;
    for (let i = 0; i < m; i++) {
      const c = -w * We[i]!;
      if (c === 0) continue;
      for (let a = 0; a < n; a++) s[a] += c * Jg[i * n + a]!;
    }
    addCrossProduct(Ix, Jg, weightTimes(g.W, Jg, m, n), m, n, g.n / N);
  });
  return { s, Ix };
}
