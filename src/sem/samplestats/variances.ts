/**
 * lavaan's two warnings about the scale of the observed variables (lav_data_full, lavaan 0.6.14):
 * over the numeric observed variables that are not fixed.x covariates, with var() (N − 1
 * divisor) of each column,
 *   max var / min var > 1000  → "some observed variances are (at least) a factor 1000 times
 *                                larger than others";
 *   max var > 1,000,000        → "some observed variances are larger than 1000000".
 * lavaan takes each column's variance over every non-missing value of the data frame; here
 * each column's values in the rows kept for the fit (all groups pooled), which is the same for
 * complete data. The estimator itself does not need the variables on one scale (its steps and its
 * identification check work in units-free form), so these are notes (exit code 0), with the
 * variables named so that the user can rescale them for readable estimates.
 */
import type { DataSet } from "../data/index.js";
import { warning, type Warning } from "../messages.js";

/** Per variable: var() with the N − 1 divisor over the non-missing values of all groups. */
export function columnVariances(data: DataSet): number[] {
  const p = data.variables.length;
  return data.variables.map((_, j) => {
    let n = 0;
    let mean = 0;
    let m2 = 0;
    for (const g of data.groups)
      for (let i = 0; i < g.n; i++) {
        const x = g.X[i * p + j]!;
        if (Number.isNaN(x)) continue;
        n++;
        const delta = x - mean;
        mean += delta / n;
        m2 += delta * (x - mean);
      }
    return n > 1 ? m2 / (n - 1) : NaN;
  });
}

const fmt = (x: number): string => (x >= 1e6 || x < 1e-3 ? x.toExponential(2) : String(Number(x.toPrecision(4))));

/** W_VARIANCE_RATIO and W_LARGE_VARIANCE as lavaan's rules give them (`exogenous`: fixed.x covariates). */
export function varianceWarnings(data: DataSet, exogenous: readonly string[]): Warning[] {
  const v = columnVariances(data);
  const idx = data.variables.map((_, j) => j).filter((j) => !exogenous.includes(data.variables[j]!) && v[j]! > 0);
  if (idx.length === 0) return [];
  const hi = idx.reduce((a, j) => (v[j]! > v[a]! ? j : a));
  const lo = idx.reduce((a, j) => (v[j]! < v[a]! ? j : a));
  const name = (j: number): string => `${data.variables[j]} (${fmt(v[j]!)})`;
  const out: Warning[] = [];
  if (v[hi]! / v[lo]! > 1000)
    out.push(
      warning(
        "W_VARIANCE_RATIO",
        `some observed variances are more than 1,000 times larger than others (largest ${name(hi)}, ` +
          `smallest ${name(lo)}): the estimates are fine, but rescaling makes them easier to read`,
      ),
    );
  if (v[hi]! > 1e6) {
    const big = idx.filter((j) => v[j]! > 1e6).map(name);
    out.push(
      warning(
        "W_LARGE_VARIANCE",
        `some observed variances are larger than 1,000,000: ${big.join(", ")} ` +
          "(a code such as -999999 for missing values? declare it with --na)",
      ),
    );
  }
  return out;
}
