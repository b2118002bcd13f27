/**
 * The h1 coordinates (the means and (co)variances of the unrestricted model) that FIML's robust
 * corrections work over, and the limit on their number above which those corrections are not
 * formed (the FIML-corrected indices skipped, MLR refused).
 */
import { h1Size, vechIndex } from "./h1-information.js";

/**
 * The h1 coordinates that remain under fixed.x: all but the means of the covariates and the
 * (co)variances among them, whose rows and columns lavaan zeroes in the h1 informations
 * (lav_mvnorm_missing_logl_hessian_samplestats with x.idx, eliminate.pstar.idx), so that its
 * inverses are taken on the remaining coordinates.
 */
export function h1Keep(p: number, exo: readonly number[]): number[] {
  const isX = new Array<boolean>(p).fill(false);
  for (const j of exo) isX[j] = true;
  const keep: number[] = [];
  for (let j = 0; j < p; j++) if (!isX[j]) keep.push(j);
  for (let j = 0; j < p; j++) for (let i = j; i < p; i++) if (!(isX[i] && isX[j])) keep.push(vechIndex(p, i, j));
  return keep;
}

/**
 * The largest number of h1 coordinates (per group) for which the h1 informations are formed and
 * inverted. lavaan's FIML-corrected robust indices and, under MLR, the Yuan-Bentler test need
 * W_m⁻¹: O(p*³) work and several p*×p* matrices. 5,150 coordinates (100 variables) took about
 * 30 s per fit (N = 2,000) and 1.5 GB here (bench/README.md); 200 variables (20,300 coordinates)
 * would take about 60 times as long and more memory than WebAssembly can address.
 */
export const H1_MAX_COORDINATES = 5200;

/** The h1 coordinates of p variables with fixed.x covariates at `exo`: p + p(p+1)/2 less the covariates' moments. */
export function h1Coordinates(p: number, exo: readonly number[]): number {
  return exo.length === 0 ? h1Size(p) : h1Keep(p, exo).length;
}

/** What exceeds the limit, for messages: the coordinates, the variables and the size of one p*×p* matrix. */
export function h1LimitClause(coordinates: number, p: number): string {
  const gb = ((coordinates * coordinates * 8) / 1e9).toFixed(1);
  const limit = H1_MAX_COORDINATES.toLocaleString("en-US");
  return (
    `the inverse of the information over the ${coordinates.toLocaleString("en-US")} means and (co)variances ` +
    `of ${p} variables (a ${gb} GB matrix, work growing with the cube of its order; ` +
    `the limit is ${limit}, about 100 variables)`
  );
}
