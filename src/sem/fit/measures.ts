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
import { spdInverse } from "../linalg/dense.js";
import { baselineChisq } from "./baseline.js";
import { gfiMeasures } from "./gfi.js";
import { incrementalIndices } from "./incremental.js";
import { residualMeasures, type GroupResiduals } from "./residuals.js";
import { rmsea, rmseaCi, rmseaPClose, rmseaPNotClose } from "./rmsea.js";
import { exp, log } from "../numeric/index.js";
import type { FitMeasures } from "./names.js";

export interface FitInput {
  readonly fmin: number; // F_ML at the optimum (not halved)
  readonly df: number;
  readonly npar: number;
  readonly nel: number; // number of sample moments, those of fixed.x covariates included
  /** per group: F_g of the estimate (evaluate()), and Σ̂⁻¹ */
  readonly groups: readonly (GroupResiduals & { f: number; sigmaInv: Float64Array })[];
  readonly exoIndex: readonly number[];
  /**
   * covariates whose covariances the baseline model keeps: lavaan keeps them with or without fixed.x (default
   * exoIndex)
   */
  readonly baselineExoIndex?: readonly number[];
}

/**
 * Log-likelihoods of one group, from the discrepancy F_g = log|Σ̂| + tr(SΣ̂⁻¹) − log|S| − p
 * (+ the mean term): logl_g = −½ n_g [p log 2π + F_g + log|S| + p]. Under fixed.x lavaan reports the likelihood
 * conditional on the exogenous covariates: the marginal log-likelihood of the covariates (at their sample moments,
 * −½ n [nx log 2π + log|S_xx| + nx]) is subtracted from both.
 */
function logLikelihood(
  g: FitInput["groups"][number],
  exoIndex: readonly number[],
): { logl: number; unrestricted: number } {
  const { p, logDetS, n } = g.stats;
  const c = p * log(2 * Math.PI);
  const lx = exoLogLikelihood(g.stats, exoIndex);
  const unrestricted = -0.5 * n * (c + logDetS + p);
  return { logl: unrestricted - 0.5 * n * g.f - lx, unrestricted: unrestricted - lx };
}

/** −½ n [nx log 2π + log|S_xx| + nx]: the covariates' marginal log-likelihood at their sample moments. */
export function exoLogLikelihood(st: FitInput["groups"][number]["stats"], exoIndex: readonly number[]): number {
  const nx = exoIndex.length;
  if (nx === 0) return 0;
  const Sxx = new Float64Array(nx * nx);
  exoIndex.forEach((a, i) => exoIndex.forEach((b, j) => (Sxx[i * nx + j] = st.S[a * st.p + b]!)));
  const inv = spdInverse({ n: nx, a: Sxx });
  return -0.5 * st.n * (nx * log(2 * Math.PI) + (inv?.logDet ?? NaN) + nx);
}

/**
 * Hoelter's critical N at level 1 − α, χ²_{1−α,df}·N/T + 1; lavaan's lav_fit_cn: NA when df = 0 and T is below
 * machine epsilon, else (with χ²_{1−α,0} = 0) 1 at df = 0.
 */
export function hoelter(chisq: number, df: number, ntotal: number, level: number): number {
  if (df === 0 && chisq < Number.EPSILON) return NaN;
  return df > 0 ? (chisqQuantile(level, df) * ntotal) / chisq + 1 : 1;
}

export function fitMeasures(input: FitInput): FitMeasures {
  const { df, npar, nel } = input;
  const ntotal = input.groups.reduce((a, g) => a + g.n, 0);
  const G = input.groups.length;
  const chisq = ntotal * input.fmin;
  const pvalue = df > 0 ? chisqUpper(chisq, df) : NaN;
  const base = baselineChisq(
    input.groups.map((g) => g.stats),
    input.baselineExoIndex ?? input.exoIndex,
  );
  const inc = incrementalIndices({ chisq, df, baselineChisq: base.chisq, baselineDf: base.df });
  let logl = 0;
  let unrestricted = 0;
  for (const g of input.groups) {
    const ll = logLikelihood(g, input.exoIndex);
    logl += ll.logl;
    unrestricted += ll.unrestricted;
  }
  const r = { chisq, df, ntotal, ngroups: G };
  const ci = rmseaCi(r);
  const out: FitMeasures = {
    npar,
    fmin: input.fmin / 2,
    chisq,
    df,
    pvalue,
    "baseline.chisq": base.chisq,
    "baseline.df": base.df,
    "baseline.pvalue": chisqUpper(base.chisq, base.df),
    ...inc,
    logl,
    "unrestricted.logl": unrestricted,
    aic: -2 * logl + 2 * npar,
    bic: -2 * logl + npar * log(ntotal),
    ntotal,
    bic2: -2 * logl + npar * log((ntotal + 2) / 24),
    rmsea: rmsea(r),
    "rmsea.ci.lower": ci.lower,
    "rmsea.ci.upper": ci.upper,
    "rmsea.ci.level": 0.9,
    "rmsea.pvalue": rmseaPClose(r),
    "rmsea.close.h0": 0.05,
    "rmsea.notclose.pvalue": rmseaPNotClose(r),
    "rmsea.notclose.h0": 0.08,
    ...residualMeasures(input.groups),
    cn_05: hoelter(chisq, df, ntotal, 0.95),
    cn_01: hoelter(chisq, df, ntotal, 0.99),
    ...gfiMeasures(input.groups, df, nel, input.exoIndex),
    mfi: exp((-0.5 * (chisq - df)) / ntotal),
    ecvi: chisq / ntotal + (2 * npar) / ntotal,
  };
  return out;
}
