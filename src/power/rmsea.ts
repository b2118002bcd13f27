/**
 * RMSEA-based power and sample size (MacCallum, Browne & Sugawara 1996, Psychological Methods 1,
 * 130-149), with the conventions of semTools' findRMSEApower / findRMSEAsamplesize (0.5.6):
 *   λ0 = (n − 1) df ε0² / G,   λA = (n − 1) df εA² / G   (G groups);
 *   test of close fit (ε0 < εA): reject when T > c, c the upper-α quantile of χ²(df, λ0);
 *     power = P(χ²(df, λA) > c);
 *   test of not-close fit (ε0 > εA): reject when T < c, c the lower-α quantile of χ²(df, λ0);
 *     power = P(χ²(df, λA) < c).
 * The sample size is the smallest n ≥ 5 whose power is strictly above the target (semTools scans
 * n = 5..500, then 505..1000, ...; it never looks at 501-504, where this search may answer lower).
 */
import { noncentralChisqCdf, noncentralChisqUpper } from "../sem/distributions/index.js";
import { InputError } from "../sem/messages.js";
import { noncentralChisqQuantile } from "./quantile.js";

export interface RmseaPowerInput {
  readonly df: number;
  readonly rmsea0: number;
  readonly rmseaA: number;
  readonly alpha?: number;
  /** number of groups (RMSEA with √G, as lavaan and semTools) */
  readonly groups?: number;
}

export interface RmseaPowerResult {
  readonly mode: "rmsea";
  /** "close fit" (rmsea0 < rmseaA) or "not-close fit" (rmsea0 > rmseaA) */
  readonly test: "close fit" | "not-close fit";
  readonly df: number;
  readonly rmsea0: number;
  readonly rmseaA: number;
  readonly alpha: number;
  readonly n: number;
  readonly power: number;
  /** the noncentrality under the alternative, (n − 1) df εA² / G */
  readonly ncp: number;
  /** the noncentrality under the null */
  readonly ncp0: number;
  /** the critical value of the test statistic */
  readonly critical: number;
}

function checked(input: RmseaPowerInput): Required<RmseaPowerInput> {
  const alpha = input.alpha ?? 0.05;
  const groups = input.groups ?? 1;
  if (!(Number.isFinite(input.df) && input.df > 0))
    throw new InputError("E_USAGE", `df ${input.df}: the degrees of freedom must be positive`);
  for (const [name, v] of [
    ["rmsea0", input.rmsea0],
    ["rmseaA", input.rmseaA],
  ] as const)
    if (!(Number.isFinite(v) && v >= 0)) throw new InputError("E_USAGE", `${name} ${v}: an RMSEA is a number ≥ 0`);
  if (input.rmsea0 === input.rmseaA)
    throw new InputError("E_USAGE", `rmsea0 and rmseaA are both ${input.rmsea0}: the two hypotheses must differ`);
  if (!(alpha > 0 && alpha < 1)) throw new InputError("E_USAGE", `alpha ${alpha}: must lie between 0 and 1`);
  if (!(Number.isInteger(groups) && groups >= 1))
    throw new InputError("E_USAGE", `groups ${groups}: a whole number ≥ 1`);
  return { df: input.df, rmsea0: input.rmsea0, rmseaA: input.rmseaA, alpha, groups };
}

/** The power of the RMSEA test at sample size n (semTools findRMSEApower). */
export function rmseaPower(input: RmseaPowerInput & { n: number }): RmseaPowerResult {
  const c = checked(input);
  const n = input.n;
  if (!(Number.isFinite(n) && n > 1)) throw new InputError("E_USAGE", `n ${n}: the sample size must exceed 1`);
  const ncp0 = ((n - 1) * c.df * c.rmsea0 * c.rmsea0) / c.groups;
  const ncp = ((n - 1) * c.df * c.rmseaA * c.rmseaA) / c.groups;
  const close = c.rmsea0 < c.rmseaA;
  const critical = close
    ? noncentralChisqQuantile(c.alpha, c.df, ncp0, true)
    : noncentralChisqQuantile(c.alpha, c.df, ncp0, false);
  const power = close ? noncentralChisqUpper(critical, c.df, ncp) : noncentralChisqCdf(critical, c.df, ncp);
  return { mode: "rmsea", test: close ? "close fit" : "not-close fit", ...pick(c), n, power, ncp, ncp0, critical };
}

const pick = (c: Required<RmseaPowerInput>) => ({ df: c.df, rmsea0: c.rmsea0, rmseaA: c.rmseaA, alpha: c.alpha });

/** Largest n searched: beyond it the two hypotheses are practically indistinguishable. */
const N_MAX = 1e8;

/**
 * The smallest n ≥ 5 with power strictly above `power` (semTools findRMSEAsamplesize; n is the
 * total over groups divided by G as there). Power rises with n, so the first n is found by
 * doubling and bisection over whole numbers.
 */
export function rmseaSampleSize(input: RmseaPowerInput & { power: number }): RmseaPowerResult {
  const c = checked(input);
  const target = input.power;
  if (!(target > 0 && target < 1)) throw new InputError("E_USAGE", `power ${target}: must lie between 0 and 1`);
  const at = (n: number): RmseaPowerResult => rmseaPower({ ...c, n });
  const above = (n: number): boolean => at(n).power > target;
  let lo = 4; // power(lo) ≤ target is assumed for lo = 4: semTools starts at 5
  let hi = 5;
  while (!above(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > N_MAX)
      throw new InputError(
        "E_USAGE",
        `no sample size up to ${N_MAX} gives power ${target} for RMSEA ${c.rmsea0} against ${c.rmseaA} with df ${c.df}`,
      );
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (above(mid)) hi = mid;
    else lo = mid;
  }
  const r = at(hi);
  return { ...r, n: hi / c.groups };
}
