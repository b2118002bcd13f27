/**
 * Sample statistics under full-information ML, per group: the missing-data patterns and the EM
 * estimates of the unrestricted means and covariance matrix (missing/em.ts). The EM moments stand
 * in for x̄ and S wherever the engine needs sample moments (start values, SRMR and the other
 * residual-based measures, as lavaan's h1 moments), and their log-likelihood is the
 * unrestricted.logl of the chi-square test.
 */
import { InputError, warning, type Warning } from "../messages.js";
import { spdInverse } from "../linalg/dense.js";
import type { GroupStats, SampleStats } from "../samplestats/index.js";
import { emMoments, type H1Moments } from "./em.js";
import { casewiseTerms } from "./loglik.js";
import type { FimlGroup } from "./objective.js";
import { missingPatterns } from "./patterns.js";

export interface FimlStats {
  readonly stats: SampleStats;
  readonly groups: readonly FimlGroup[];
  readonly h1: readonly H1Moments[];
  readonly warnings: readonly Warning[];
}

export function fimlSampleStats(
  groups: readonly { label: string; X: Float64Array; n: number }[],
  p: number,
  file: string,
): FimlStats {
  const warnings: Warning[] = [];
  const fg: FimlGroup[] = [];
  const h1: H1Moments[] = [];
  const stats: GroupStats[] = groups.map((g) => {
    const patterns = missingPatterns(g.X, g.n, p);
    const n = patterns.reduce((a, pt) => a + pt.n, 0);
    const em = emMoments(patterns, p);
    const inGroup = g.label ? ` of group "${g.label}"` : "";
    if (!em.converged)
      warnings.push(
        warning(
          "W_EM_NOT_CONVERGED",
          `the EM estimates of the unrestricted means ` +
            `and covariances${inGroup} did not converge in ` +
            `${em.iterations} steps`,
        ),
      );
    const inv = spdInverse({ n: p, a: em.sigma });
    const t = casewiseTerms(patterns, em.sigma, em.mean, p);
    if (inv === null || t === null) {
      throw new InputError(
        "E_NOT_PD",
        `${file}: the EM estimate of the covariance ` +
          `matrix${inGroup} is not positive definite: some ` +
          `variables are (nearly) collinear in the observed rows`,
      );
    }
    fg.push({ patterns, X: g.X, n, p, h1m2ll: t.m2ll });
    h1.push(em);
    return { label: g.label, n, p, mean: em.mean, S: em.sigma, Sinv: inv.inv.a, logDetS: inv.logDet };
  });
  return { stats: { groups: stats, ntotal: stats.reduce((a, g) => a + g.n, 0) }, groups: fg, h1, warnings };
}
