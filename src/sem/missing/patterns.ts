/**
 * Missing-data patterns of one group: the rows are grouped by which variables they observe, and
 * each pattern keeps its sufficient statistics, so that the casewise likelihood, the EM steps and
 * the information matrices cost one Σ_oo factorisation per pattern, never one per row
 * (lavaan's lav_samplestats_missing_patterns: frequency, mean MY and N-divisor covariance SY of
 * the observed block).
 * Rows observing no model variable belong to no pattern: the data layer drops and lists them.
 */

export interface MissingPattern {
  /** indices (into the p variables) observed in this pattern, increasing */
  readonly obs: Int32Array;
  /** indices missing in this pattern, increasing */
  readonly mis: Int32Array;
  /** number of rows */
  readonly n: number;
  /** mean of the observed block over the pattern's rows */
  readonly mean: Float64Array;
  /** N-divisor covariance of the observed block (k×k, k = obs.length), row-major */
  readonly S: Float64Array;
  /** positions (0-based, within the group's X) of the pattern's rows */
  readonly rows: Int32Array;
  /**
   * A factor F (m×k, row-major) with n·S = FᵀF where it is cheaper to multiply by than S
   * (2n < k): the rows' deviations from the pattern mean (m = n), or no rows for a single row
   * (S = 0); null otherwise. Most patterns of sparse missingness hold one or two rows.
   */
  readonly dev: { readonly m: number; readonly F: Float64Array } | null;
}

/** Patterns of a row-major n×p block with NaN for missing cells; empty rows are skipped. */
export function missingPatterns(X: Float64Array, n: number, p: number): MissingPattern[] {
  const byKey = new Map<string, number[]>();
  const key = new Array<string>(p);
  for (let r = 0; r < n; r++) {
    let any = false;
    for (let j = 0; j < p; j++) {
      const o = !Number.isNaN(X[r * p + j]!);
      key[j] = o ? "1" : "0";
      any ||= o;
    }
    if (!any) continue;
    const k = key.join("");
    const list = byKey.get(k);
    if (list === undefined) byKey.set(k, [r]);
    else list.push(r);
  }
  const out: MissingPattern[] = [];
  for (const [k, rows] of byKey) {
    const obs = Int32Array.from([...k].flatMap((c, j) => (c === "1" ? [j] : [])));
    out.push(patternStats(X, p, obs, rows));
  }
  // the largest pattern first (lavaan sorts by frequency); ties keep first appearance
  return out.sort((a, b) => b.n - a.n);
}

function patternStats(X: Float64Array, p: number, obs: Int32Array, rows: number[]): MissingPattern {
  const k = obs.length;
  const n = rows.length;
  const mean = new Float64Array(k);
  for (const r of rows) for (let a = 0; a < k; a++) mean[a] += X[r * p + obs[a]!]!;
  for (let a = 0; a < k; a++) mean[a] /= n;
  const S = new Float64Array(k * k);
  const d = new Float64Array(k);
  const m = 2 * n >= k ? -1 : n === 1 ? 0 : n;
  const F = new Float64Array(Math.max(m, 0) * k);
  for (const [i, r] of rows.entries()) {
    for (let a = 0; a < k; a++) d[a] = X[r * p + obs[a]!]! - mean[a]!;
    if (m > 0) F.set(d, i * k);
    for (let a = 0; a < k; a++) {
      const da = d[a]!;
      for (let b = 0; b <= a; b++) S[a * k + b] += da * d[b]!;
    }
  }
  for (let a = 0; a < k; a++)
    for (let b = 0; b <= a; b++) {
      const v = S[a * k + b]! / n;
      S[a * k + b] = v;
      S[b * k + a] = v;
    }
  const seen = new Set(obs);
  const mis = Int32Array.from({ length: p }, (_, j) => j).filter((j) => !seen.has(j));
  return { obs, mis, n, mean, S, rows: Int32Array.from(rows), dev: m < 0 ? null : { m, F } };
}

/**
 * lavaan's "sample" moments of incomplete data (lav_samplestats_from_data, missing = "ml"):
 * available-case means and pairwise-complete covariances (each pair over the rows observing both,
 * with its own means and the n_ij − 1 divisor, as R's cov(use = "pairwise")), rescaled by (N−1)/N.
 * lavaan uses them only as the "observed" moments of GFI/AGFI/PGFI. Computed from the patterns'
 * sufficient statistics: Σ y_i y_j over a pattern is n_k (S_ij + ȳ_i ȳ_j).
 */
export function pairwiseMoments(
  patterns: readonly MissingPattern[],
  p: number,
): { mean: Float64Array; cov: Float64Array } {
  const n = new Float64Array(p * p);
  const si = new Float64Array(p * p); // Σ y_i over rows observing i and j
  const sij = new Float64Array(p * p);
  let N = 0;
  for (const pat of patterns) {
    N += pat.n;
    const o = pat.obs;
    const k = o.length;
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++) {
        const c = o[a]! * p + o[b]!;
        n[c] += pat.n;
        si[c] += pat.n * pat.mean[a]!;
        sij[c] += pat.n * (pat.S[a * k + b]! + pat.mean[a]! * pat.mean[b]!);
      }
  }
  const mean = new Float64Array(p);
  for (let i = 0; i < p; i++) mean[i] = si[i * p + i]! / n[i * p + i]!;
  const cov = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      const c = i * p + j;
      const m = n[c]!;
      const mi = si[c]! / m; // mean of i over the rows observing j too
      const mj = si[j * p + i]! / m;
      cov[c] = ((sij[c]! - m * mi * mj) / (m - 1)) * ((N - 1) / N);
    }
  return { mean, cov };
}
