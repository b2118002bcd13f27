/**
 * The sample statistics of ordinal (and mixed ordinal / continuous) data, per group: the contract
 * between the ordinal statistics (thresholds, polychoric and polyserial correlations and their
 * asymptotic covariance, src/sem/ordinal/stats) and the weighted least-squares data method that
 * fits models to them (src/sem/ordinal/method).
 *
 * Everything is in lavaan's order and scale, so that each field can be checked against lavaan
 * 0.6.14: `wlsObs` is `lavInspect(fit, "wls.obs")` (per group), `gamma` is
 * `lavInspect(fit, "gamma")` (N times the asymptotic covariance of `wlsObs`), `th` is lavaan's
 * internal TH (`lavInspect(fit, "sampstat")$th` for ordered variables, `$mean` for continuous
 * ones), `cov` is `lavInspect(fit, "sampstat")$cov`. Made by `ordinalStats()` (./stats/index.ts).
 */
import type { Warning } from "../messages.js";

export interface OrdinalVariable {
  readonly name: string;
  /** true: categories and thresholds; false: a continuous variable (mean, variance, polyserial) */
  readonly ordered: boolean;
  /** ordered variables: the observed values, ascending (category k is levels[k - 1]); else [] */
  readonly levels: readonly number[];
}

export interface OrdinalGroupStats {
  /** rows used in this group */
  readonly nobs: number;
  /** the model's observed variables, in lavaan's order */
  readonly vars: readonly OrdinalVariable[];
  /**
   * lavaan's TH: per variable in order, an ordered variable's K - 1 thresholds, or a continuous
   * variable's mean (one entry)
   */
  readonly th: Float64Array;
  /** per entry of `th`: the index (0-based) of its variable in `vars` */
  readonly thVar: Int32Array;
  /** per entry of `th`: its threshold number (1-based, as the `t1`, `t2` row names) or 0 for a mean */
  readonly thNumber: Int32Array;
  /**
   * p × p row-major: polychoric / polyserial / Pearson correlations off the diagonal, with
   * continuous variables on their covariance scale (variance on the diagonal, polyserial times sd)
   * and 1 on the diagonal of ordered variables, as lavaan's sampstat `cov`
   */
  readonly cov: Float64Array;
  /**
   * lavaan's WLS.obs: th, then the variances of continuous variables, then the off-diagonal of cov
   * (vech by column). As in lavaan, the entry of a continuous variable's mean is MINUS the mean
   * (`th` holds the mean itself; lavInspect's sampstat lists it under `mean`, not `th`).
   */
  readonly wlsObs: Float64Array;
  /**
   * lavaan's NACOV (m × m row-major, m = wlsObs.length): N times the asymptotic covariance of wlsObs.
   * Formed on first access and kept (m² numbers: for 100 items of 5 categories m = 5,350, 229 MB,
   * and N m² / 2 multiply-adds); DWLS needs only `gammaDiag`, products with Gamma can use `influence`.
   */
  readonly gamma: Float64Array;
  /** the diagonal of `gamma` (DWLS weights are its reciprocals), cheap to form */
  readonly gammaDiag: Float64Array;
  /**
   * The casewise influences Z (m × nobs row-major: row k holds statistic k's value for each row
   * used, in the order of `rows`), with gamma = Z Zᵀ / nobs, so that Γ v = Z (Zᵀ v) / nobs
   * without forming Γ (and Δᵀ W Γ W Δ = (Zᵀ W Δ)ᵀ (Zᵀ W Δ) / nobs).
   * Formed on first access and kept (m × nobs numbers: 86 MB for m = 5,350, N = 2,000).
   */
  readonly influence: Float64Array;
  /** indices (0-based) of the rows used, into the group's columns as passed in */
  readonly rows: Int32Array;
}

/*
 * `gamma` and `influence` are getters that form their matrix on first access: spreading a group's
 * object ({ ...g }) or serialising it (JSON.stringify) forms both; read the fields by name instead.
 */
export interface OrdinalStats {
  readonly groups: readonly OrdinalGroupStats[];
  /** item pairs whose bivariate table needed lavaan's zero.add, or other notes for the user */
  readonly notes: readonly string[];
  /** W_POLYCHORIC_NOT_PD (per group), naming the item pairs with the most extreme correlations */
  readonly warnings: readonly Warning[];
}
