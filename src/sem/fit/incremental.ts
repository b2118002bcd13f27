/**
 * Incremental fit indices against the independence (baseline) model: the one home of these
 * formulas and of lavaan 0.6.14's guards (lav_fit_cfi, lav_fit_tli / lav_fit_nnfi, lav_fit_rni,
 * lav_fit_nfi, lav_fit_rfi, lav_fit_ifi, lav_fit_pnfi). T, df: the model; Tb, dfb: the baseline.
 *   CFI = 1 − max(T−df, 0) / max(T−df, Tb−dfb, 0) (Bentler 1990); 1 when both are zero up to R's
 *         all.equal tolerance (√ε), as for a saturated model whose T is round-off;
 *   TLI = NNFI = (Tb/dfb − T/df) / (Tb/dfb − 1), not clipped (Tucker & Lewis 1973); 1 when df = 0
 *         or its denominator is 0;
 *   NFI = (Tb − T)/Tb (Bentler & Bonett 1980): NA when df > dfb or Tb ≈ 0, 1 when df = 0;
 *   RFI = (Tb/dfb − T/df)/(Tb/dfb) (Bollen 1986): NA when df > dfb, 1 when df = 0 or either term
 *         is negative (T/df above Tb/dfb);
 *   IFI = (Tb − T)/(Tb − df) (Bollen 1989): 1 when Tb < df, NA when Tb ≈ df;
 *   RNI = 1 − (T−df)/(Tb−dfb) (McDonald & Marsh 1990): NA when Tb ≈ dfb;
 *   PNFI = (df/dfb)·(Tb − T)/Tb (James, Mulaik & Brett 1982): NA unless dfb > 0 and Tb > 0.
 * With scaling factors c, cb (the robust indices of Brosseau-Liard & Savalei 2014), CFI, TLI and
 * RNI use T − c·df and Tb − cb·dfb instead of T − df and Tb − dfb, when df > 0 and neither factor
 * is 1 (lavaan's rule).
 */
export interface IncrementalInput {
  chisq: number;
  df: number;
  baselineChisq: number;
  baselineDf: number;
  /** scaling factors of the model's and the baseline's statistic (robust indices only) */
  c?: number;
  cBaseline?: number;
}

/** R's isTRUE(all.equal(x, 0)): |x| within all.equal's default tolerance √ε (absolute below it). */
export function nearZero(x: number): boolean {
  return Math.abs(x) <= ALL_EQUAL_TOLERANCE;
}
const ALL_EQUAL_TOLERANCE = Math.sqrt(Number.EPSILON);

/** R's anyNA of the inputs (NaN counts, infinities do not). */
function anyNaN(i: IncrementalInput): boolean {
  return [i.chisq, i.df, i.baselineChisq, i.baselineDf, i.c ?? 1, i.cBaseline ?? 1].some(Number.isNaN);
}

/** The noncentrality estimates T − c·df and Tb − cb·dfb (c = cb = 1 unless the robust rule applies). */
function noncentralities(i: IncrementalInput): { m: number; mb: number; scaled: boolean } {
  const c = i.c ?? 1;
  const cb = i.cBaseline ?? 1;
  const scaled = i.df > 0 && c !== 1 && cb !== 1;
  return scaled
    ? { m: i.chisq - c * i.df, mb: i.baselineChisq - cb * i.baselineDf, scaled }
    : { m: i.chisq - i.df, mb: i.baselineChisq - i.baselineDf, scaled };
}

export function cfi(i: IncrementalInput): number {
  if (anyNaN(i)) return NaN;
  const { m, mb } = noncentralities(i);
  const t1 = Math.max(m, 0);
  const t2 = Math.max(m, mb, 0);
  return nearZero(t1) && nearZero(t2) ? 1 : 1 - t1 / t2;
}

export function tli(i: IncrementalInput): number {
  if (anyNaN(i)) return NaN;
  const { df, baselineDf: dfb } = i;
  const { m, mb, scaled } = noncentralities(i);
  const t1 = m * dfb;
  const t2 = mb * df;
  if (df > 0 && Math.abs(t2) > 0) {
    if (scaled || !(dfb > 0)) return 1 - t1 / t2;
    const { chisq: T, baselineChisq: Tb } = i;
    return (Tb / dfb - T / df) / (Tb / dfb - 1);
  }
  return Number.isFinite(t1) && Number.isFinite(t2) ? 1 : NaN;
}

export function rni(i: IncrementalInput): number {
  if (anyNaN(i)) return NaN;
  const { m, mb } = noncentralities(i);
  if (nearZero(mb) || !Number.isFinite(m) || !Number.isFinite(mb)) return NaN;
  return 1 - m / mb;
}

export function nfi({ chisq: T, df, baselineChisq: Tb, baselineDf: dfb }: IncrementalInput): number {
  if ([T, df, Tb, dfb].some(Number.isNaN) || df > dfb || nearZero(Tb)) return NaN;
  return df > 0 ? (Tb - T) / Tb : 1;
}

export function rfi({ chisq: T, df, baselineChisq: Tb, baselineDf: dfb }: IncrementalInput): number {
  if ([T, df, Tb, dfb].some(Number.isNaN) || df > dfb) return NaN;
  if (!(df > 0 && dfb > 0)) return 1;
  const t1 = Tb / dfb - T / df;
  const t2 = Tb / dfb;
  if (!Number.isFinite(t1) || !Number.isFinite(t2)) return NaN;
  return t1 < 0 || t2 < 0 ? 1 : t1 / t2;
}

export function ifi({ chisq: T, df, baselineChisq: Tb, baselineDf: dfb }: IncrementalInput): number {
  if ([T, df, Tb, dfb].some(Number.isNaN)) return NaN;
  const t1 = Tb - T;
  const t2 = Tb - df;
  if (!Number.isFinite(t1) || !Number.isFinite(t2)) return NaN;
  if (t2 < 0) return 1;
  return nearZero(t2) ? NaN : t1 / t2;
}

export function pnfi({ chisq: T, df, baselineChisq: Tb, baselineDf: dfb }: IncrementalInput): number {
  if ([T, df, Tb, dfb].some(Number.isNaN)) return NaN;
  return dfb > 0 && Tb > 0 ? (df / dfb) * ((Tb - T) / Tb) : NaN;
}

/** The plain incremental indices of fitMeasures(), in lavaan's order. */
export function incrementalIndices(i: IncrementalInput): {
  cfi: number;
  tli: number;
  nnfi: number;
  rfi: number;
  nfi: number;
  pnfi: number;
  ifi: number;
  rni: number;
} {
  const plain: IncrementalInput = {
    chisq: i.chisq,
    df: i.df,
    baselineChisq: i.baselineChisq,
    baselineDf: i.baselineDf,
  };
  const t = tli(plain);
  return {
    cfi: cfi(plain),
    tli: t,
    nnfi: t,
    rfi: rfi(plain),
    nfi: nfi(plain),
    pnfi: pnfi(plain),
    ifi: ifi(plain),
    rni: rni(plain),
  };
}

/** The robust CFI, TLI (= NNFI) and RNI from T, Tb and their scaling factors c, cb. */
export function robustIncremental(i: IncrementalInput & { c: number; cBaseline: number }): {
  cfi: number;
  tli: number;
  rni: number;
} {
  return { cfi: cfi(i), tli: tli(i), rni: rni(i) };
}
