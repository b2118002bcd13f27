/**
 * All fit measures of an ML fit under lavaan's fitMeasures() names. Each family lives in its
 * own file (rmsea.ts, incremental.ts, residuals.ts, gfi.ts, baseline.ts); this adapter feeds them.
 *   chisq = N·F_ML, df = (sample moments) − (free parameters), pvalue = P(χ²_df ≥ T) (upper tail);
 *   logl = −½ Σ_g n_g [p log 2π + log|Σ̂| + tr(SΣ̂⁻¹) + (x̄−μ̂)ᵀΣ̂⁻¹(x̄−μ̂)],
 *   unrestricted.logl = −½ Σ_g n_g [p log 2π + log|S| + p];
 *   aic = −2 logl + 2q, bic = −2 logl + q log N, bic2 = −2 logl + q log((N+2)/24) (Sclove 1987);
 *   Hoelter's cn = χ²_{1−α,df}·N/T + 1; mfi = exp(−½(T − df)/N) (McDonald 1989);
 *   ecvi = T/N + 2q/N (Browne & Cudeck 1989); fmin = F_ML/2 (lavaan reports half).
 */
import { chisqQuantile, chisqUpper } from "../distributions/index.js";
import { baselineChisq } from "./baseline.js";
import { gfiMeasures } from "./gfi.js";
import { incrementalIndices } from "./incremental.js";
import { residualMeasures, type GroupResiduals } from "./residuals.js";
import { rmsea, rmseaCi, rmseaPClose, rmseaPNotClose } from "./rmsea.js";

export interface FitInput {
  readonly fmin: number; // F_ML at the optimum (not halved)
  readonly df: number;
  readonly npar: number;
  readonly nel: number; // number of sample moments
  readonly groups: readonly (GroupResiduals & { logDetSigma: number; sigmaInv: Float64Array })[];
  readonly exoIndex: readonly number[];
}

function logLikelihood(g: FitInput["groups"][number]): { logl: number; unrestricted: number } {
  const { p, S, mean, logDetS, n } = g.stats;
  let tr = 0;
  for (let i = 0; i < p * p; i++) tr += S[i]! * g.sigmaInv[i]!;
  let quad = 0;
  if (g.mu !== null) {
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) quad += (mean[i]! - g.mu[i]!) * g.sigmaInv[i * p + j]! * (mean[j]! - g.mu[j]!);
  }
  const c = p * Math.log(2 * Math.PI);
  return { logl: -0.5 * n * (c + g.logDetSigma + tr + quad), unrestricted: -0.5 * n * (c + logDetS + p) };
}

export function fitMeasures(input: FitInput): Record<string, number> {
  const { df, npar, nel } = input;
  const ntotal = input.groups.reduce((a, g) => a + g.n, 0);
  const G = input.groups.length;
  const chisq = ntotal * input.fmin;
  const pvalue = df > 0 ? chisqUpper(chisq, df) : NaN;
  const base = baselineChisq(input.groups.map((g) => g.stats), input.exoIndex);
  const inc = incrementalIndices({ chisq, df, baselineChisq: base.chisq, baselineDf: base.df });
  let logl = 0;
  let unrestricted = 0;
  for (const g of input.groups) {
    const ll = logLikelihood(g);
    logl += ll.logl;
    unrestricted += ll.unrestricted;
  }
  const r = { chisq, df, ntotal, ngroups: G };
  const ci = rmseaCi(r);
  const out: Record<string, number> = {
    npar, fmin: input.fmin / 2, chisq, df, pvalue,
    "baseline.chisq": base.chisq, "baseline.df": base.df, "baseline.pvalue": chisqUpper(base.chisq, base.df),
    cfi: inc.cfi!, tli: inc.tli!, nnfi: inc.nnfi!, rfi: inc.rfi!, nfi: inc.nfi!, pnfi: inc.pnfi!, ifi: inc.ifi!, rni: inc.rni!,
    logl, "unrestricted.logl": unrestricted,
    aic: -2 * logl + 2 * npar, bic: -2 * logl + npar * Math.log(ntotal), ntotal,
    bic2: -2 * logl + npar * Math.log((ntotal + 2) / 24),
    rmsea: rmsea(r), "rmsea.ci.lower": ci.lower, "rmsea.ci.upper": ci.upper, "rmsea.ci.level": 0.9,
    "rmsea.pvalue": rmseaPClose(r), "rmsea.close.h0": 0.05,
    "rmsea.notclose.pvalue": rmseaPNotClose(r), "rmsea.notclose.h0": 0.08,
    ...residualMeasures(input.groups),
    cn_05: df > 0 ? (chisqQuantile(0.95, df) * ntotal) / chisq + 1 : NaN,
    cn_01: df > 0 ? (chisqQuantile(0.99, df) * ntotal) / chisq + 1 : NaN,
    ...gfiMeasures(input.groups, df, nel),
    mfi: Math.exp(-0.5 * (chisq - df) / ntotal),
    ecvi: chisq / ntotal + (2 * npar) / ntotal,
  };
  return out;
}
