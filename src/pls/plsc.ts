/**
 * rhoA and the consistent PLS (PLSc) corrections of Dijkstra & Henseler (2015, MIS Quarterly 39(2)):
 * rhoA = (w'w)^2 w'(S - diag S)w / w'(ww' - diag(ww'))w for a block's weights w and item
 * correlations S; the construct correlations disattenuated, r_ij / sqrt(rhoA_i rhoA_j); a common
 * factor's loadings w sqrt(rhoA) / (w'w). As in seminr 2.3.1, the disattenuation uses the rhoA of
 * every mode A block (1 for mode B and single items) as soon as one block is a common factor.
 */
import type { Mat } from "./linalg.js";
import type { PlsBlock } from "./types.js";

/** rhoA of one block's weights and item correlation matrix (1 for mode B or a single item). */
export function rhoAOf(block: PlsBlock, w: readonly number[], S: Mat): number {
  if (block.mode === "B" || w.length === 1) return 1;
  let ww = 0;
  let num = 0;
  let den = 0;
  for (let a = 0; a < w.length; a++) {
    ww += w[a]! * w[a]!;
    for (let b = 0; b < w.length; b++) {
      if (a === b) continue;
      num += w[a]! * S[a]![b]! * w[b]!;
      den += w[a]! * w[a]! * w[b]! * w[b]!;
    }
  }
  return ww * ww * (num / den);
}

export interface Corrections {
  rhoA: number[];
  /** The construct correlations to take paths and R² from (disattenuated under PLSc). */
  C: Mat;
  /** Corrected loadings of common-factor blocks; null for the others. */
  loadings: (number[] | null)[];
}

export function consistentCorrections(
  blocks: readonly PlsBlock[],
  w: readonly (readonly number[])[],
  blockS: (j: number) => Mat,
  C: Mat,
): Corrections {
  const rhoA = blocks.map((b, j) => rhoAOf(b, w[j]!, b.mode === "B" || w[j]!.length === 1 ? [] : blockS(j)));
  if (!blocks.some((b) => b.commonFactor)) return { rhoA, C, loadings: blocks.map(() => null) };
  const adj = C.map((r, i) => r.map((v, j) => (i === j ? 1 : v / Math.sqrt(rhoA[i]! * rhoA[j]!))));
  const loadings = blocks.map((b, j) => {
    if (!b.commonFactor) return null;
    const wj = w[j]!;
    const ww = wj.reduce((s, v) => s + v * v, 0);
    return wj.map((v) => (v * Math.sqrt(rhoA[j]!)) / ww);
  });
  return { rhoA, C: adj, loadings };
}
