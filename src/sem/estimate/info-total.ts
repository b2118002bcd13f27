/**
 * The expected information of the free parameters, per observation, summed over groups with
 * weights n_g/N: cells that share a free parameter (equal labels, equal across groups) add up.
 */
import type { Problem, Evaluation } from "./ml.js";
import { cellVectors, informationBlock } from "./information.js";

export function expectedInformation(prob: Problem, ev: Evaluation): Float64Array {
  const q = prob.rep.nfree;
  const info = new Float64Array(q * q);
  prob.rep.groups.forEach((rep, g) => {
    const cells = rep.cells.filter((c) => c.free >= 0);
    if (cells.length === 0) return;
    const ge = ev.groups[g]!;
    const vec = cellVectors(cells, ge.implied, rep.meanstructure);
    const block = informationBlock(vec, vec, ge.sigmaInv, rep.p, rep.meanstructure);
    const w = prob.stats.groups[g]!.n / prob.stats.ntotal;
    const k = cells.length;
    for (let a = 0; a < k; a++) {
      const fa = cells[a]!.free;
      for (let b = 0; b < k; b++) info[fa * q + cells[b]!.free] += w * block[a * k + b]!;
    }
  });
  return info;
}
