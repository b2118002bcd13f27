/**
 * The expected information of the free parameters, per observation, summed over groups with
 * weights n_g/N: cells that share a free parameter (equal labels, equal across groups) add up.
 * With missing data (an evaluation carrying per-pattern metrics) the group's information is the
 * n_k/n_g-weighted sum over patterns of the complete-data formula with Σ⁻¹ replaced by the
 * pattern's embedded Σ_oo⁻¹ (lavaan's lav_mvnorm_missing_information_expected).
 */
import type { Problem, Evaluation } from "./ml.js";
import { cellVectors, informationBlock } from "./information.js";

export function expectedInformation(prob: Problem, ev: Evaluation): Float64Array {
  if (prob.objective !== undefined) return prob.objective.information(ev);
  const q = prob.rep.nfree;
  const info = new Float64Array(q * q);
  prob.rep.groups.forEach((rep, g) => {
    const cells = rep.cells.filter((c) => c.free >= 0);
    if (cells.length === 0) return;
    const ge = ev.groups[g]!;
    const vec = cellVectors(cells, ge.implied, rep.meanstructure);
    const wg = prob.stats.groups[g]!.n / prob.stats.ntotal;
    const k = cells.length;
    for (const metric of ge.metrics ?? [{ w: 1, E: ge.sigmaInv }]) {
      const block = informationBlock(vec, vec, metric.E, rep.p, rep.meanstructure);
      const w = wg * metric.w;
      for (let a = 0; a < k; a++) {
        const fa = cells[a]!.free;
        for (let b = 0; b < k; b++) info[fa * q + cells[b]!.free] += w * block[a * k + b]!;
      }
    }
  });
  return info;
}
