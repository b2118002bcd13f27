/**
 * Incremental fit indices against the independence (baseline) model, lavaan's definitions
 * (T, df: the model; Tb, dfb: the baseline):
 *   CFI = 1 − max(T−df, 0) / max(T−df, Tb−dfb, 0), in [0, 1] (Bentler 1990);
 *   TLI = NNFI = (Tb/dfb − T/df) / (Tb/dfb − 1), not clipped (Tucker & Lewis 1973);
 *   NFI = (Tb − T)/Tb (Bentler & Bonett 1980);  RFI = (Tb/dfb − T/df)/(Tb/dfb) (Bollen 1986);
 *   IFI = (Tb − T)/(Tb − df) (Bollen 1989);  RNI = 1 − (T−df)/(Tb−dfb) (McDonald & Marsh 1990);
 *   PNFI = (df/dfb)·NFI (James, Mulaik & Brett 1982).
 */
export interface IncrementalInput {
  chisq: number;
  df: number;
  baselineChisq: number;
  baselineDf: number;
}

export function incrementalIndices({
  chisq: T,
  df,
  baselineChisq: Tb,
  baselineDf: dfb,
}: IncrementalInput): Record<string, number> {
  const d = Math.max(T - df, 0);
  const denom = Math.max(T - df, Tb - dfb, 0);
  const cfi = denom === 0 ? 1 : 1 - d / denom;
  const tli = df > 0 && dfb > 0 ? (Tb / dfb - T / df) / (Tb / dfb - 1) : 1;
  const nfi = (Tb - T) / Tb;
  const rfi = df > 0 && dfb > 0 ? (Tb / dfb - T / df) / (Tb / dfb) : NaN;
  const ifi = (Tb - T) / (Tb - df);
  const rni = Tb - dfb === 0 ? NaN : 1 - (T - df) / (Tb - dfb);
  const pnfi = dfb > 0 ? (df / dfb) * nfi : NaN;
  return { cfi, tli, nnfi: tli, rfi, nfi, pnfi, ifi, rni };
}
