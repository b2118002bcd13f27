/**
 * Residual-based fit measures, per group, then combined over groups (weighted by n_g/N):
 * - rmr: root mean square of raw residuals S − Σ̂ over the lower triangle with the diagonal;
 * - srmr (Bentler 1995; lavaan's srmr_bentler): residuals of the correlation-standardised matrices,
 *   s_ij/√(s_ii s_jj) − σ_ij/√(σ_ii σ_jj), diagonal included (it is zero there);
 * - crmr (Bollen 1989): the same, diagonal excluded;
 * - srmr_mplus (Muthén's version): off-diagonal as srmr, diagonal (s_ii − σ_ii)/s_ii.
 * With a mean structure the mean residuals enter the average too (x̄_i − μ_i for rmr,
 * x̄_i/√s_ii − μ_i/√σ_ii for the standardised versions); the "_nomean" versions leave them out.
 */
import type { GroupStats } from "../samplestats/index.js";
import type { FitMeasures } from "./names.js";

export interface GroupResiduals {
  readonly n: number;
  readonly stats: GroupStats;
  readonly sigma: Float64Array;
  readonly mu: Float64Array | null; // null without a mean structure
}

type Kind = "rmr" | "srmr" | "crmr" | "srmr_mplus";

function groupMeasure(g: GroupResiduals, kind: Kind, withMeans: boolean): number {
  const { p, S, mean } = g.stats;
  const sg = g.sigma;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      if (i === j && kind === "crmr") continue;
      const sij = S[i * p + j]!;
      const tij = sg[i * p + j]!;
      let r: number;
      if (kind === "rmr") r = sij - tij;
      else if (i === j && kind === "srmr_mplus") r = (sij - tij) / sij;
      else if (kind === "srmr") r = (sij - tij) / Math.sqrt(S[i * p + i]! * S[j * p + j]!);
      else r = sij / Math.sqrt(S[i * p + i]! * S[j * p + j]!) - tij / Math.sqrt(sg[i * p + i]! * sg[j * p + j]!);
      sum += r * r;
      count++;
    }
  }
  if (withMeans && g.mu !== null) {
    for (let i = 0; i < p; i++) {
      const r =
        kind === "rmr"
          ? mean[i]! - g.mu[i]!
          : kind === "srmr" || kind === "crmr"
            ? (mean[i]! - g.mu[i]!) / Math.sqrt(S[i * p + i]!)
            : mean[i]! / Math.sqrt(S[i * p + i]!) - g.mu[i]! / Math.sqrt(sg[i * p + i]!);
      sum += r * r;
      count++;
    }
  }
  return Math.sqrt(sum / count);
}

export function residualMeasures(groups: readonly GroupResiduals[]): FitMeasures {
  const N = groups.reduce((a, g) => a + g.n, 0);
  const combine = (kind: Kind, withMeans: boolean): number =>
    groups.reduce((a, g) => a + (g.n / N) * groupMeasure(g, kind, withMeans), 0);
  return {
    rmr: combine("rmr", true),
    rmr_nomean: combine("rmr", false),
    srmr: combine("srmr", true),
    srmr_bentler: combine("srmr", true),
    srmr_bentler_nomean: combine("srmr", false),
    crmr: combine("crmr", true),
    crmr_nomean: combine("crmr", false),
    srmr_mplus: combine("srmr_mplus", true),
    srmr_mplus_nomean: combine("srmr_mplus", false),
  };
}
